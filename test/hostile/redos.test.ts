/**
 * Patterns that used to compile to backtracking regular expressions: OU globs (`**` repeated over a
 * deep OU, `*a*a*…*b` against a long OU name) and IAM action patterns in an inline policy. Each
 * model is about a kilobyte; before the matcher went regex-free each kept `validate`, `review` and
 * `generate` busy for minutes. Now each command refuses it (the pattern matches nothing) within a
 * 2 s budget.
 */
import { BASE, generateRefused, useScratch } from './support/hostile';
import { runCli } from '../support/cli';

const scratch = useScratch();
const BUDGET_MS = 2000;

// The first command of a test file loads every module it needs; the budget is for the matching.
beforeAll(async () => {
  await runCli(['validate', '--help']);
});

const DEEP_OU = Array.from({ length: 30 }, (_, i) => `L${i}`).join('/');
const STARRED = `${'*a'.repeat(20)}*b`;

/** BASE with one more account and one more assignment, which carries the glob. */
function ouModel(account: string, glob: string): string {
  const first = '  - { name: management, id: "111111111111", ou: Root }\n';
  const assignment = '  - { group: IdentityAdmins, permissionSet: IdentityCenterAdmin, accounts: [management] }\n';
  return BASE.replace(first, `${first}  - ${account}\n`).replace(
    assignment,
    `${assignment}  - { group: IdentityAdmins, permissionSet: IdentityCenterAdmin, ous: ["${glob}"] }\n`,
  );
}

async function timedRefusal(args: string[]): Promise<{ stderr: string; ms: number; code: number }> {
  const t = process.hrtime.bigint();
  const res = await runCli(args);
  return { stderr: res.stderr, code: res.code, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

describe.each([
  ['** fifteen times over a 30-level ou', `{ name: deep, id: "222222222222", ou: ${DEEP_OU} }`, `${Array(15).fill('**').join('/')}/x`],
  ['*a*a*…*b against a long ou name', `{ name: long, id: "222222222222", ou: Workloads/${'a'.repeat(100)} }`, `Workloads/${STARRED}`],
])('fails fast if an ou glob would backtrack: %s', (_name, account, glob) => {
  const ou = glob.startsWith('Workloads') ? `Workloads/${'a'.repeat(100)}` : DEEP_OU;
  const message = `ou ${glob} matches no account; ous that hold accounts: ${[ou, 'Root'].sort().join(', ')}`;

  test.each(['validate', 'review', 'generate'])('%s refuses within the budget', async (command) => {
    // GIVEN BASE with an account the glob almost matches and an assignment by the glob
    const s = scratch();
    const text = ouModel(account, glob);
    const model = s.write('org.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes(glob)) + 1;
    const col = text.split('\n')[line - 1].indexOf('["') + 2;
    // WHEN the command runs
    const t = process.hrtime.bigint();
    const res =
      command === 'generate'
        ? await generateRefused(s, model)
        : await runCli(command === 'validate' ? ['validate', model] : ['review', '--base-file', model, '--head', model]);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    // THEN it is refused at the glob, quickly
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${model}:${line}:${col}: ${message}`);
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});

test('fails fast if an inline policy action pattern would backtrack', async () => {
  // GIVEN an inline policy whose action has twenty stars
  const s = scratch();
  const action = `s3:${STARRED}`;
  const text = BASE.replace(
    '    managedPolicies: [arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator]\n',
    `    managedPolicies: [arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator]\n    inlinePolicy: { Version: "2012-10-17", Statement: [{ Sid: Odd, Effect: Allow, Action: "${action}", Resource: "*" }] }\n`,
  );
  const model = s.write('org.yaml', text);
  // WHEN validated
  const res = await timedRefusal(['validate', model]);
  // THEN the lint names the unknown action, within the budget
  expect(res.code).toBe(1);
  expect(res.stderr).toContain(`names action '${action}', which aws does not know`);
  expect(res.ms).toBeLessThan(BUDGET_MS);
});
