/**
 * Inputs well under the file-size limit that used to take gigabytes: two million empty list items
 * (4 GB), 99 aliases of a large anchored list (2.8 GB), a 150 KB model whose OU selectors expand
 * to a million assignments (2.9 GB), and just under the node limit, half a million broken entries
 * (a crash after 1.3 GB). Each is now refused with a positioned message that names the limit, and
 * the process's peak memory stays under 1.5 GB. Run on the built CLI in a child process, so the
 * peak measured is that command's alone.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS } from '../../src/model/limits';
import { builtCli, type BuiltCli } from './support/built-cli';
import { BASE, NEXT_LINE, useScratch } from './support/hostile';

const scratch = useScratch();
const PEAK_RSS = path.join(__dirname, 'support/peak-rss.js');
const BUDGET_KIB = 1.5 * 1024 * 1024;

let cli: BuiltCli;
beforeAll(() => {
  cli = builtCli();
});
afterAll(() => cli.cleanup());

/** `idcgen validate <model>` in a child: exit code, stderr, and peak RSS in KiB. */
function validate(model: string): { code: number | null; stderr: string; peakKiB: number } {
  const peakFile = `${model}.peak`;
  const res = spawnSync(process.execPath, ['-r', PEAK_RSS, cli.entry, 'validate', model], {
    encoding: 'utf8',
    env: { ...process.env, IDCGEN_PEAK_RSS_FILE: peakFile },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000,
  });
  return { code: res.status, stderr: res.stderr, peakKiB: Number(fs.readFileSync(peakFile, 'utf8')) };
}

const ACCOUNTS = 'accounts:\n  - { name: management, id: "111111111111", ou: Root }\n';

test('the limits these messages quote', () => {
  expect(LIMITS.yamlNodes.max).toBe(500_000);
  expect(LIMITS.yamlAliasNodes.max).toBe(10_000);
  expect(LIMITS.expandedAssignments.max).toBe(200_000);
  expect(LIMITS.issuesReported.max).toBe(1000);
});

test('fails if a model has two million empty list items, at the first node past the limit', () => {
  // GIVEN 8 MB of `  -` lines in accounts: every item an empty node
  const s = scratch();
  const model = s.write('org.yaml', BASE.replace(ACCOUNTS, `${ACCOUNTS}${'  -\n'.repeat(2_000_000)}`));
  expect(fs.statSync(model).size).toBeLessThan(LIMITS.modelFileBytes.max);
  // WHEN validated
  const res = validate(model);
  // THEN refused at the item that crossed the limit: lines 1-10 hold 36 nodes (each scalar, `:`,
  // `-`, `{` and `,` counts), then each item on lines 11, 12, ... one more
  expect(res.stderr).toBe(
    `${model}:${11 + 500_000 - 36}:3: yaml has more than 500000 nodes; allowed at most 500000 in a model with its includes (yaml nodes per model (memory guard; a 2,000-account model has about 180,000))\n`,
  );
  expect(res.code).toBe(1);
  expect(res.peakKiB).toBeLessThan(BUDGET_KIB);
});

test('fails if aliases bring in a large list many times, at the alias that crosses the limit', () => {
  // GIVEN one anchored list of 6,000 names and 99 aliases of it: under yaml's own alias count
  const s = scratch();
  const names = Array.from({ length: 6000 }, (_, i) => `a${i}`).join(', ');
  const uses = Array.from({ length: 99 }, (_, i) => `  u${i}: *big`).join('\n');
  const model = s.write('org.yaml', `${BASE}x-big: &big [${names}]\nx-uses:\n${uses}\n`);
  // WHEN validated
  const res = validate(model);
  // THEN the second alias (12,002 nodes) is refused, before any later stage copies the list
  expect(res.stderr).toBe(
    `${model}:${NEXT_LINE + 3}:7: yaml aliases bring in more than 10000 nodes at this alias; allowed at most 10000 (yaml nodes brought in by aliases per document (memory guard)); write the values out or anchor smaller values\n`,
  );
  expect(res.code).toBe(1);
  expect(res.peakKiB).toBeLessThan(BUDGET_KIB);
});

test('fails if 150 KB of selectors expand to a million assignments, at the entry that crosses the limit', () => {
  // GIVEN 1,000 accounts in one OU and 1,000 entries assigning a distinct permission set to all of them
  const s = scratch();
  const accounts = Array.from({ length: 1000 }, (_, i) => `  - { name: a${i}, id: "${200000000000 + i}", ou: Workloads }\n`).join('');
  const sets = Array.from({ length: 1000 }, (_, i) => `  - { name: P${i} }\n`).join('');
  const entries = Array.from({ length: 1000 }, (_, i) => `  - { group: IdentityAdmins, permissionSet: P${i}, ous: [Workloads] }\n`).join('');
  const text = BASE.replace(ACCOUNTS, `${ACCOUNTS}${accounts}`)
    .replace('permissionSets:\n', `permissionSets:\n${sets}`)
    .replace('assignments:\n', `assignments:\n${entries}`);
  const model = s.write('org.yaml', text);
  expect(text.length).toBeLessThan(160 * 1024);
  // WHEN validated
  const res = validate(model);
  // THEN the 201st entry (200 × 1,000 + 1 = 200,001 assignments) is refused, at its own line
  const line = text.split('\n').indexOf('  - { group: IdentityAdmins, permissionSet: P200, ous: [Workloads] }') + 1;
  expect(res.stderr).toBe(
    `${model}:${line}:5: assignments expand to more than 200000 account assignments by this entry; allowed at most 200000 (account assignments a model expands to (memory guard; a 2,000-account model has about 105,000))\n`,
  );
  expect(res.code).toBe(1);
  expect(res.peakKiB).toBeLessThan(BUDGET_KIB);
});

test('fails if half a million entries are broken, listing the first thousand and counting the rest', () => {
  // GIVEN 499,000 empty accounts: under the node limit, each one a schema problem
  const s = scratch();
  const model = s.write('org.yaml', BASE.replace(ACCOUNTS, `${ACCOUNTS}${'  -\n'.repeat(499_000)}`));
  // WHEN validated
  const res = validate(model);
  // THEN a thousand positioned issues, then one that counts the rest, in bounded memory
  const lines = res.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1001);
  expect(lines[0]).toBe(`${model}:11:4: accounts[1] must be a mapping, found null (an empty value)`);
  expect(lines[1000]).toBe(
    `${model}:1011:4: 498000 more problems from here on are not listed (issues reported per stage (the rest are counted): at most 1000); fix the ones listed and run again`,
  );
  expect(res.code).toBe(1);
  expect(res.peakKiB).toBeLessThan(BUDGET_KIB);
});
