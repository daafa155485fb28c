/**
 * Safety rails (src/safety/rails.ts): generate refuses a key nobody can administer, a key policy
 * without the Identity Center and Identity Store service statements, and a key without deletion
 * protection, unless each broken rail is named with --allow-unsafe. Refusals exit 1, name the rule
 * and the option, and write nothing; an allowed rail is printed as a warning and opens review.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as emitHclModule from '../../src/emit/hcl/emit';
import { PolicyDocument } from '../../src/policy/document';
import * as keyPolicyModule from '../../src/policy/private/key-policy';
import type { StatementJson } from '../../src/model/policy-types';
import { runCli } from '../support/cli';
import { BASE_LINES, generateRefused, modelWith, useScratch } from './support/hostile';
import { mdText } from '../../src/review';

const scratch = useScratch();

/** The key entry (`  - name: identity-center`) is line 21 of BASE: lint rails are reported there. */
const KEY_LINE = BASE_LINES.indexOf('  - name: identity-center') + 1;

const NO_ADMIN = modelWith({
  '    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]': [],
  '    policyProfile: baseline': ['    policyProfile: least-privilege'],
});
const SHORT_WINDOW = modelWith({ '    deletionWindowDays: 30': ['    deletionWindowDays: 7'] });
const BOTH = modelWith({
  '    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]': [],
  '    policyProfile: baseline': ['    policyProfile: least-privilege'],
  '    deletionWindowDays: 30': ['    deletionWindowDays: 7'],
});

const ADMIN_FINDING =
  "key 'identity-center' policy lets no named principal call kms:PutKeyPolicy; add key administrators (administrators: [{ permissionSet, account }])";
/** A least-privilege key without administrators has no deployer either (the deployer is one). */
const DEPLOYER_FINDING =
  "key 'identity-center' (least-privilege) names no deployer and no role or account root administrator in the management account management, so the role that runs terraform could not apply its key policy again (kms lockout check) nor read the key; set deployment.deployer: arn:aws:iam::111111111111:role/<the role that runs terraform>";
const UNASSIGNED = modelWith({ 'assignments:': [], '  - { group: IdentityAdmins, permissionSet: IdentityCenterAdmin, accounts: [management] }': [] });
const UNASSIGNED_FINDING =
  "key 'identity-center' administrator permission set IdentityCenterAdmin in management is not assigned in management: identity center creates its AWSReservedSSO_IdentityCenterAdmin_ role only while it is assigned there (and deletes it with the last assignment), so it administers nothing; assign it there (assignments: [{ group, permissionSet: IdentityCenterAdmin, accounts: [management] }]) or name another administrator";
const WINDOW_FINDING =
  "key 'identity-center' deletionWindowDays 7 is shorter than 30, so a key scheduled for deletion can be recovered for 7 days only; deletion protection needs deletionWindowDays: 30";
const refused = (finding: string, rule: string) => `${finding}; safety rail ${rule} refuses to generate this, fix the model or pass --allow-unsafe ${rule}`;
const allowed = (finding: string, rule: string) => `${finding} (safety rail ${rule} allowed by --allow-unsafe ${rule})`;

const WINDOW_LINE = BASE_LINES.indexOf('    deletionWindowDays: 30') + 1;

describe('key-admin-missing', () => {
  test('fails if a least-privilege key has no administrators, naming the rule and --allow-unsafe', async () => {
    const s = scratch();
    const model = s.write('org.yaml', NO_ADMIN);
    const res = await generateRefused(s, model);
    expect(res.stderr).toBe(
      `${model}:${KEY_LINE}:5: ${refused(DEPLOYER_FINDING, 'key-deployer-missing')}\n${model}:${KEY_LINE}:5: ${refused(ADMIN_FINDING, 'key-admin-missing')}\n`,
    );
  });

  test('--allow-unsafe key-admin-missing (with key-deployer-missing) generates it, warns, and review.md opens with the rail', async () => {
    const s = scratch();
    const model = s.write('org.yaml', NO_ADMIN);
    const res = await runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'key-admin-missing', '--allow-unsafe', 'key-deployer-missing']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(
      `${model}:${KEY_LINE}:5: warning: ${allowed(DEPLOYER_FINDING, 'key-deployer-missing')}\n${model}:${KEY_LINE}:5: warning: ${allowed(ADMIN_FINDING, 'key-admin-missing')}\n`,
    );
    const review = fs.readFileSync(path.join(s.out, 'review.md'), 'utf8');
    expect(review.startsWith('## Unsafe: generated with --allow-unsafe\n')).toBe(true);
    expect(review).toContain(`### \`key-admin-missing\`\n\nRisk: no named principal may change the key policy (kms:PutKeyPolicy)`);
    // the finding names model values, so review.md shows it escaped like every model string
    expect(review).toContain(`\n- ${mdText(ADMIN_FINDING)}\n`);
  });

  test('the lint and validate commands report the same finding under the same rule id, unchanged', async () => {
    const s = scratch();
    const model = s.write('org.yaml', NO_ADMIN);
    const lint = await runCli(['lint', model]);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toContain(`${model}:${KEY_LINE}:5: ${ADMIN_FINDING} [key-admin-missing]\n`);
  });
});

describe('key-admin-unassigned', () => {
  test("fails if the administrators' permission set is not assigned in the account the key names, and --allow-unsafe lets it through", async () => {
    const s = scratch();
    const model = s.write('org.yaml', UNASSIGNED);
    const res = await generateRefused(s, model);
    // two lines fewer: the key entry moves up to line KEY_LINE - 2
    expect(res.stderr).toContain(`${model}:${KEY_LINE - 2}:5: ${refused(UNASSIGNED_FINDING, 'key-admin-unassigned')}\n`);
    const ok = await runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'key-admin-unassigned']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`${model}:${KEY_LINE - 2}:5: warning: ${allowed(UNASSIGNED_FINDING, 'key-admin-unassigned')}\n`);
  });
});

describe('key-deletion-protection-off', () => {
  test('fails if the deletion window is shorter than 30 days, at deletionWindowDays', async () => {
    const s = scratch();
    const model = s.write('org.yaml', SHORT_WINDOW);
    const res = await generateRefused(s, model);
    expect(res.stderr).toBe(`${model}:${WINDOW_LINE}:25: ${refused(WINDOW_FINDING, 'key-deletion-protection-off')}\n`);
  });

  test('--allow-unsafe key-deletion-protection-off generates it, warns, and review.md flags it', async () => {
    const s = scratch();
    const model = s.write('org.yaml', SHORT_WINDOW);
    const res = await runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'key-deletion-protection-off']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`${model}:${WINDOW_LINE}:25: warning: ${allowed(WINDOW_FINDING, 'key-deletion-protection-off')}\n`);
    const review = fs.readFileSync(path.join(s.out, 'review.md'), 'utf8');
    expect(review).toMatch(/^## Unsafe: generated with --allow-unsafe\n\nThis output breaks a safety rail /);
    expect(review).toContain(`### \`key-deletion-protection-off\`\n`);
    expect(review).toContain(`\n- ${mdText(WINDOW_FINDING)}\n`);
  });

  test('fails if an emitter drops prevent_destroy from a generated key, whatever the model says', async () => {
    // GIVEN an HCL emitter that lost the lifecycle block of the key module (a regression, injected)
    const s = scratch();
    const model = s.write('org.yaml', modelWith({}));
    const real = emitHclModule.emitHcl;
    const spy = jest.spyOn(emitHclModule, 'emitHcl').mockImplementation((ir) => {
      const files = real(ir);
      const main = 'hcl/modules/identity-center-key/main.tf';
      files.set(main, (files.get(main) ?? '').replace(/prevent_destroy = true/, 'prevent_destroy = false'));
      return files;
    });
    try {
      const res = await generateRefused(s, model);
      expect(res.stderr).toBe(
        `${model}: ${refused('generated resource aws_kms_key.this in hcl/modules/identity-center-key/main.tf has no lifecycle prevent_destroy = true, so terraform destroy would delete the key', 'key-deletion-protection-off')}\n`,
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('key-service-statements-missing', () => {
  // No model can drop these statements (the engine adds them to every key policy): the rail guards
  // against a regression of the engine, injected here.
  const SERVICES = ['sso.amazonaws.com', 'identitystore.amazonaws.com'];
  const isService = (s: StatementJson) => {
    const p = s.Principal;
    const services = p !== undefined && typeof p === 'object' && !Array.isArray(p) && 'Service' in p ? [p.Service].flat() : [];
    return services.some((x) => SERVICES.includes(String(x)));
  };
  function withoutServiceStatements<T>(run: () => Promise<T>): Promise<T> {
    const real = keyPolicyModule.buildKeyPolicy;
    const spy = jest.spyOn(keyPolicyModule, 'buildKeyPolicy').mockImplementation((inputs) => {
      const built = real(inputs);
      const json = built.document.toJSON();
      const kept = json.Statement.filter((s) => !isService(s));
      return {
        ...built,
        document: PolicyDocument.fromJson({ ...json, Statement: kept }).freeze(),
        sources: built.sources.filter((x) => kept.some((s) => s.Sid === x.sid)),
      };
    });
    return run().finally(() => spy.mockRestore());
  }

  test('fails if the key policy lacks the service statements, naming the rule and --allow-unsafe', async () => {
    const s = scratch();
    const model = s.write('org.yaml', modelWith({}));
    const res = await withoutServiceStatements(() => generateRefused(s, model));
    const lines = res.stderr.trimEnd().split('\n');
    // issues are sorted by position, then message: identitystore before sso
    expect(lines).toEqual(
      [...SERVICES]
        .sort()
        .map(
          (service) =>
            `${model}:${KEY_LINE}:5: ${refused(`key 'identity-center' policy does not allow ${service} kms:Decrypt, kms:ReEncryptTo, kms:ReEncryptFrom, kms:GenerateDataKeyWithoutPlaintext, kms:DescribeKey; identity center needs all of kms:Decrypt, kms:ReEncryptTo, kms:ReEncryptFrom, kms:GenerateDataKeyWithoutPlaintext, kms:DescribeKey`, 'key-service-statements-missing')}`,
        ),
    );
  });

  test('--allow-unsafe key-service-statements-missing generates it and review.md flags it', async () => {
    const s = scratch();
    const model = s.write('org.yaml', modelWith({}));
    const res = await withoutServiceStatements(() => runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'key-service-statements-missing']));
    expect(res.code).toBe(0);
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(res.stderr).toContain('(safety rail key-service-statements-missing allowed by --allow-unsafe key-service-statements-missing)');
    expect(fs.readFileSync(path.join(s.out, 'review.md'), 'utf8')).toContain('### `key-service-statements-missing`\n');
  });
});

describe('--allow-unsafe itself', () => {
  test('each broken rail must be named: allowing one leaves the other refused', async () => {
    const s = scratch();
    const model = s.write('org.yaml', BOTH);
    const res = await generateRefused(s, model);
    // the lint rails stop the pipeline first; with them allowed, deletion protection still refuses
    expect(res.stderr).toBe(
      `${model}:${KEY_LINE}:5: ${refused(DEPLOYER_FINDING, 'key-deployer-missing')}\n${model}:${KEY_LINE}:5: ${refused(ADMIN_FINDING, 'key-admin-missing')}\n`,
    );
    const one = await runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'key-admin-missing', '--allow-unsafe', 'key-deployer-missing']);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain(`${model}:${WINDOW_LINE}:25: ${refused(WINDOW_FINDING, 'key-deletion-protection-off')}\n`);
    expect(fs.existsSync(s.out)).toBe(false);
    const both = await runCli([
      'generate',
      model,
      '--out',
      s.out,
      '--allow-unsafe',
      'key-admin-missing',
      '--allow-unsafe',
      'key-deployer-missing',
      '--allow-unsafe',
      'key-deletion-protection-off',
    ]);
    expect(both.code).toBe(0);
    const review = fs.readFileSync(path.join(s.out, 'review.md'), 'utf8');
    expect(review).toMatch(/^## Unsafe: generated with --allow-unsafe\n\nThis output breaks 3 safety rails /);
  });

  test('an --allow-unsafe that allows nothing is reported, and review.md stays unflagged', async () => {
    const s = scratch();
    const model = s.write('org.yaml', modelWith({}));
    const res = await runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'key-admin-missing']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`${model}: warning: --allow-unsafe key-admin-missing allows nothing: this model breaks no such safety rail; remove the option\n`);
    expect(fs.readFileSync(path.join(s.out, 'review.md'), 'utf8')).not.toContain('Unsafe');
  });

  test('fails (usage, exit 2) on a rule that is not a safety rail', async () => {
    const s = scratch();
    const model = s.write('org.yaml', modelWith({}));
    const res = await runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'principal-star-unconditioned']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Invalid values:');
    expect(res.stderr).toContain(
      'Argument: allow-unsafe, Given: "principal-star-unconditioned", Choices: "key-admin-missing", "key-service-statements-missing", "key-deployer-missing", "key-admin-unassigned", "key-deletion-protection-off", "key-removed", "unit-state-orphaned"',
    );
    expect(fs.existsSync(s.out)).toBe(false);
  });

  test('fails (usage, exit 2) if the rails are switched off through the environment', async () => {
    const s = scratch();
    const model = s.write('org.yaml', NO_ADMIN);
    process.env.IDCGEN_ALLOW_UNSAFE = 'key-admin-missing';
    try {
      const res = await runCli(['generate', model, '--out', s.out]);
      expect(res.code).toBe(2);
      expect(res.stderr).toBe("idcgen: --allow-unsafe must be given on the command line, not through IDCGEN_ALLOW_UNSAFE\nRun 'idcgen --help' for usage.\n");
    } finally {
      delete process.env.IDCGEN_ALLOW_UNSAFE;
    }
    expect(fs.existsSync(s.out)).toBe(false);
  });
});
