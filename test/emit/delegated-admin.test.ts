/**
 * Delegated administration in both emitters (issue 18): every HCL root and CDKTF stack of
 * examples/delegated.yaml configures its providers alike — the account each may act in
 * (`allowed_account_ids`) and the role it assumes — as the unit says: the key and what only the
 * management account may manage in the management account with its own credentials, the rest in
 * the delegated administrator account through the deployment role. Parsed with HashiCorp's HCL
 * parser; the planned resources of both are compared by test/equivalence.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { parseDocument } from 'yaml';
import { synthCdktf } from '../../src/emit/cdktf';
import { renderHclReadme } from '../../src/emit/apply-order/readme';
import { emitHcl } from '../../src/emit/hcl';
import { loadResolved } from '../../src/pipeline';

const ROOT = path.resolve(__dirname, '../..');
const { ir } = loadResolved(path.relative(process.cwd(), path.join(ROOT, 'examples/delegated.yaml')));

interface ProviderFacts {
  alias: string | null;
  allowed: string[];
  role: string | null;
}

type ProviderBlock = { alias?: string; allowed_account_ids: string[]; assume_role?: { role_arn: string }[] };

const facts = (blocks: ProviderBlock[]): ProviderFacts[] =>
  blocks
    .map((p) => ({ alias: p.alias ?? null, allowed: p.allowed_account_ids, role: p.assume_role?.[0]?.role_arn ?? null }))
    .sort((a, b) => String(a.alias).localeCompare(String(b.alias)));

const ADMIN_ROLE = 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole';

test('each unit runs where the IR says, with the same providers in HCL and CDKTF', async () => {
  const hcl = emitHcl(ir);
  const cdktf = synthCdktf(ir);
  const seen: Record<string, ProviderFacts[]> = {};
  for (const unit of ir.units) {
    const parsed = (await parse(`${unit.name}/providers.tf`, hcl.get(`hcl/${unit.name}/providers.tf`) as string)) as { provider: { aws: ProviderBlock[] } };
    const stack = JSON.parse(cdktf.get(`cdktf/stacks/${unit.name}/cdk.tf.json`) as string) as { provider: { aws: ProviderBlock[] } };
    const fromHcl = facts(parsed.provider.aws);
    expect({ unit: unit.name, providers: facts(stack.provider.aws) }).toEqual({ unit: unit.name, providers: fromHcl });
    seen[unit.name] = fromHcl;
  }
  // Checked by hand against the example: the default provider of each unit, and the management
  // provider the delegated administrator's permission-set root would need only for key look-ups
  // (its permission set is no key principal here, so it has none).
  const own = (account: string, role: string | null): ProviderFacts[] => [{ alias: null, allowed: [account], role }];
  expect(seen).toEqual({
    management: own('111111111111', null),
    'account-security': [
      { alias: 'management', allowed: ['111111111111'], role: null },
      { alias: null, allowed: ['222222222222'], role: ADMIN_ROLE },
    ].sort((a, b) => String(a.alias).localeCompare(String(b.alias))),
    'permission-sets': own('222222222222', ADMIN_ROLE),
    users: own('222222222222', ADMIN_ROLE),
    groups: own('222222222222', ADMIN_ROLE),
    assignments: own('222222222222', ADMIN_ROLE),
    'assignments-management': own('111111111111', null),
  });
});

test('a permission-set root run by the delegated administrator reads key aliases in the management account', async () => {
  // GIVEN the example with the Developer permission set as a key principal (its inline policy names the key)
  const { ir: withPrincipal } = loadResolved(path.relative(process.cwd(), path.join(ROOT, 'test/fixtures/delegated-key-principal.yaml')));
  const hcl = emitHcl(withPrincipal);
  const main = (await parse('main.tf', hcl.get('hcl/permission-sets/main.tf') as string)) as {
    data: { aws_kms_alias: Record<string, { provider: string; name: string }[]> };
  };
  const cdktf = JSON.parse(synthCdktf(withPrincipal).get('cdktf/stacks/permission-sets/cdk.tf.json') as string) as {
    data: { aws_kms_alias: Record<string, { provider: string; name: string }> };
    provider: { aws: ProviderBlock[] };
  };
  // THEN both read the alias through the management account's provider
  expect(Object.values(main.data.aws_kms_alias).map((d) => [d[0].provider, d[0].name])).toEqual([['${aws.management}', 'alias/identity-center']]);
  expect(Object.values(cdktf.data.aws_kms_alias).map((d) => [d.provider, d.name])).toEqual([['aws.management', 'alias/identity-center']]);
  expect(facts(cdktf.provider.aws)).toEqual([
    { alias: 'management', allowed: ['111111111111'], role: null },
    { alias: null, allowed: ['222222222222'], role: ADMIN_ROLE },
  ]);
});

test('hcl/README.md says which roots run in the delegated administrator account, and which stay with management', () => {
  const readme = renderHclReadme(ir);
  expect(readme).toContain(
    [
      '- `management` and `assignments-management` act in the management account with those credentials',
      '  directly: the key, and the permission sets provisioned into the management account and their',
      '  assignments, which only the management account can manage.',
      '- The `permission-sets*`, `users*`, `groups*`, `applications*` and other `assignments*` roots run in the delegated',
      '  administrator account `security (222222222222)` (`identityCenter.delegatedAdmin`), assuming',
      '  `OrganizationAccountAccessRole` there.',
    ].join('\n'),
  );
});

test('an applications unit moved out of management runs in the delegated administrator account in both emitters', async () => {
  // GIVEN the example with ten applications and a stack bound small enough to move them out of management
  const model = parseDocument(fs.readFileSync(path.join(ROOT, 'examples/delegated.yaml'), 'utf8'));
  model.setIn(['deployment', 'maxResourcesPerStack'], 10);
  model.set(
    'applications',
    Array.from({ length: 10 }, (_, i) => ({ name: `App${i}`, assignments: { groups: ['PlatformAdmins'] } })),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-delegated-apps-'));
  try {
    const file = path.join(dir, 'org.yaml');
    fs.writeFileSync(file, model.toString());
    const { ir: withApps } = loadResolved(path.relative(process.cwd(), file));
    const appUnits = withApps.units.filter((u) => u.name.startsWith('applications'));
    expect(appUnits.length).toBeGreaterThan(0);
    const hcl = emitHcl(withApps);
    const cdktf = synthCdktf(withApps);
    for (const unit of appUnits) {
      const parsed = (await parse(`${unit.name}/providers.tf`, hcl.get(`hcl/${unit.name}/providers.tf`) as string)) as { provider: { aws: ProviderBlock[] } };
      const stack = JSON.parse(cdktf.get(`cdktf/stacks/${unit.name}/cdk.tf.json`) as string) as { provider: { aws: ProviderBlock[] } };
      // THEN both act in the delegated administrator account through its role, as the unit says
      expect({ unit: unit.name, hcl: facts(parsed.provider.aws) }).toEqual({
        unit: unit.name,
        hcl: [{ alias: null, allowed: ['222222222222'], role: ADMIN_ROLE }],
      });
      expect({ unit: unit.name, cdktf: facts(stack.provider.aws) }).toEqual({ unit: unit.name, cdktf: facts(parsed.provider.aws) });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
