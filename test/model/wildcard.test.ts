/**
 * The regex-free wildcard matcher agrees with the regular expression it replaces on every small
 * case, and stays fast on the patterns that made that expression backtrack for minutes.
 */
import fc from 'fast-check';
import { iamActionPattern, segmentWildcard, wildcard } from '../../src/model/wildcard';

/** The old compilation: `*` → `.*`, `?` → `.` (IAM), anchored; the reference for small inputs only. */
function reference(pattern: string, question: boolean, flags = ''): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\?/g, question ? '.' : '\\?')
    .replace(/\*/g, '.*');
  return new RegExp(`^${body}$`, `s${flags}`);
}

const ALPHABET = ['a', 'b', 'A', '*', '?', '.', '/'];
const small = (max: number) => fc.array(fc.constantFrom(...ALPHABET), { maxLength: max }).map((cs) => cs.join(''));

test('wildcard(*) agrees with the anchored regular expression', () => {
  fc.assert(
    fc.property(small(8), small(10), (pattern, text) => {
      expect(wildcard(pattern)(text)).toBe(reference(pattern, false).test(text));
    }),
    { numRuns: 2000 },
  );
});

test('IAM action patterns agree with the regular expression: ? is one character, case is ignored', () => {
  fc.assert(
    fc.property(small(8), small(10), (pattern, text) => {
      expect(iamActionPattern(pattern)(text)).toBe(reference(pattern, true, 'i').test(text));
    }),
    { numRuns: 2000 },
  );
});

test.each([
  ['kms:*', 'kms:Decrypt', true],
  ['KMS:put*', 'kms:PutKeyPolicy', true],
  ['s3:Get?bject', 's3:GetObject', true],
  ['s3:Get?bject', 's3:GetObbject', false],
  ['*', '', true],
  ['a*b*c', 'abc', true],
  ['a*b*c', 'acb', false],
  ['ab*ba', 'aba', false],
])('%s against %s is %s', (pattern, text, expected) => {
  expect(iamActionPattern(pattern)(text)).toBe(expected);
});

test('segment patterns: ** is any number of whole segments, * stays inside one', () => {
  const m = (p: string, path: string) => segmentWildcard(p.split('/'))(path.split('/'));
  expect(m('Workloads/**/Data', 'Workloads/Data')).toBe(true);
  expect(m('Workloads/**/Data', 'Workloads/Prod/Eu/Data')).toBe(true);
  expect(m('**/Data', 'Data')).toBe(true);
  expect(m('Team-*', 'Team-A')).toBe(true);
  expect(m('Team-*', 'Team-A/Sub')).toBe(false);
  expect(m('*/Prod', 'Workloads/Prod')).toBe(true);
  expect(m('**/Prod/**/x', 'a/Prod/b/c/x')).toBe(true);
  expect(m('**/Prod/**/x', 'a/Prod/b/c/y')).toBe(false);
});

describe('patterns that make a backtracking expression run for minutes finish at once', () => {
  // A budget far above the microseconds these take, far below the seconds the old regex needed.
  const BUDGET_MS = 200;
  const timed = (f: () => boolean): { result: boolean; ms: number } => {
    const t = process.hrtime.bigint();
    const result = f();
    return { result, ms: Number(process.hrtime.bigint() - t) / 1e6 };
  };

  test('*a*a*…*b against a long run of a', () => {
    const { result, ms } = timed(() => wildcard(`${'*a'.repeat(40)}*b`)('a'.repeat(5000)));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  test('an IAM action with many stars against every long action name', () => {
    const { result, ms } = timed(() => iamActionPattern(`ec2:${'*a'.repeat(30)}*b`)(`ec2:${'a'.repeat(2000)}`));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  test('**/**/… (15 times)/x against a 30-level path', () => {
    const pattern = [...Array(15).fill('**'), 'x'];
    const path = Array.from({ length: 30 }, (_, i) => `ou${i}`);
    const { result, ms } = timed(() => segmentWildcard(pattern)(path));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
