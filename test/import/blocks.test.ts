import { stringify } from 'yaml';
import { cdktfImportBlocks, hclImportBlocks, hclString } from '../../src/import/blocks';
import { ImportResourceType } from '../../src/import/plan';
import { groupUnit, permissionSetUnit, userUnit } from '../../src/model/ir-index';
import type { OrgModel } from '../../src/model/schema';
import { fixtureModel, generateWithImports, importModel } from './support/generated';

const IMPORTABLE = new Set<string>(Object.values(ImportResourceType));

/** Every `to = ...` of the HCL import files, per unit. */
function hclTargets(files: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [p, c] of files) {
    const m = /^hcl\/([^/]+)\/imports\.tf$/.exec(p);
    if (m)
      out.set(
        m[1],
        [...c.matchAll(/^\s+to = (.+)$/gm)].map((x) => x[1]),
      );
  }
  return out;
}

describe.each(['baseline.yaml', 'least-privilege.yaml'])('import blocks for an imported estate (%s)', (fixture) => {
  let setup: Awaited<ReturnType<typeof prepare>>;
  async function prepare() {
    const out = await importModel(fixtureModel(fixture));
    return { out, ...generateWithImports(out.yaml, out.plan) };
  }
  beforeAll(async () => {
    setup = await prepare();
  });

  test('every existing resource has an import block in both outputs', () => {
    expect(setup.applied.unmatched).toEqual({ hcl: [], cdktf: [] });
    const hcl = [...hclTargets(setup.applied.files).values()].flat();
    expect(hcl).toHaveLength(setup.out.plan.resources.length);
    const cdktf = [...setup.applied.files].filter(([p]) => p.endsWith('cdk.tf.json')).flatMap(([, c]) => (JSON.parse(c).import ?? []) as unknown[]);
    expect(cdktf).toHaveLength(setup.out.plan.resources.length);
  });

  test('the CDKTF stacks declare no resource of an imported kind that is not imported: nothing existing is created again', () => {
    for (const [p, c] of setup.applied.files) {
      if (!p.endsWith('cdk.tf.json')) continue;
      const json = JSON.parse(c) as { resource?: Record<string, Record<string, unknown>>; import?: { to: string }[] };
      const declared = Object.entries(json.resource ?? {})
        .filter(([type]) => IMPORTABLE.has(type))
        .flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`))
        .sort();
      expect({ stack: p, imported: (json.import ?? []).map((i) => i.to).sort() }).toEqual({ stack: p, imported: declared });
    }
  });

  test('assignments are imported in the root of their shard, keyed like the IR', () => {
    const targets = hclTargets(setup.applied.files);
    for (const a of setup.ir.assignments) {
      expect(targets.get(a.unit)).toContain(`module.account_assignments.aws_ssoadmin_account_assignment.this[${hclString(a.key)}]`);
    }
  });

  test("the emitters' own files are left as they were, except the CDKTF stacks that gain imports", () => {
    for (const [p, c] of setup.before) {
      if (p.endsWith('cdk.tf.json')) continue;
      expect(setup.applied.files.get(p)).toBe(c);
    }
  });
});

describe('import blocks when a large model splits the management root', () => {
  test('permission sets, groups, users and memberships are imported in the root that creates them', async () => {
    // GIVEN an imported estate generated with a bound so low that its permission sets leave the
    // management root (src/model/shard.ts)
    const out = await importModel(fixtureModel('baseline.yaml'));
    const small: OrgModel = { ...out.model, deployment: { ...out.model.deployment, maxResourcesPerStack: 10 } };
    const { ir, applied } = generateWithImports(stringify(small), out.plan);
    expect(ir.units.filter((u) => u.kind === 'permission-sets').length).toBeGreaterThan(1);
    // THEN nothing is left unmatched, and each import sits in the owner's root
    expect(applied.unmatched).toEqual({ hcl: [], cdktf: [] });
    const targets = hclTargets(applied.files);
    for (const ps of ir.permissionSets) {
      expect(targets.get(permissionSetUnit(ir, ps.name) ?? '')).toContain(`module.permission_sets.aws_ssoadmin_permission_set.this[${hclString(ps.name)}]`);
    }
    for (const g of ir.groups.filter((x) => !x.external)) {
      expect(targets.get(groupUnit(ir, g.name) ?? '')).toContain(`module.identity_store.aws_identitystore_group.this[${hclString(g.name)}]`);
    }
    for (const u of ir.users.filter((x) => !x.external)) {
      expect(targets.get(userUnit(ir, u.userName) ?? '')).toContain(`module.identity_store.aws_identitystore_user.this[${hclString(u.userName)}]`);
    }
  });
});

describe('an edited model after import', () => {
  test('an assignment removed from the model is reported as unmatched, a new one gets no import block', async () => {
    // GIVEN an imported model, edited: alice loses Admin in prod-app and gains it in dev-app
    const out = await importModel(fixtureModel('baseline.yaml'));
    const edited: OrgModel = {
      ...out.model,
      assignments: (out.model.assignments ?? []).map((a) => (a.user === 'alice' ? { ...a, accounts: ['dev-app'] } : a)),
    };
    const { applied } = generateWithImports(stringify(edited), out.plan);
    const removed = 'USER/alice/Admin/prod-app';
    // THEN the removed one is reported by both, and nothing imports into the new one
    expect(applied.unmatched.hcl?.map((r) => r.key)).toEqual([removed]);
    expect(applied.unmatched.cdktf?.map((r) => r.key)).toEqual([removed]);
    const all = [...applied.files.values()].join('\n');
    expect(all).not.toContain('USER/alice/Admin/dev-app"]\n  id');
  });
});

test('hcl strings never interpolate', () => {
  expect(hclString('a${b}%{c}"d')).toBe('"a$${b}%%{c}\\"d"');
});

test('without generated output there is nothing to add', () => {
  const plan = {
    format: 'idcgen-import-plan',
    version: 1,
    model: 'org.yaml',
    region: 'eu-west-1',
    instanceArn: 'i',
    identityStoreId: 'd',
    resources: [],
  } as const;
  const ir = { assignments: [], units: [], keys: [], permissionSets: [], groups: [], users: [], accounts: [], source: 'org.yaml' } as never;
  expect(hclImportBlocks(ir, plan).files.size).toBe(0);
  expect(cdktfImportBlocks(new Map(), ir, plan).files.size).toBe(0);
});
