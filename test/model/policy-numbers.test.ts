/**
 * Policy document values that YAML would read as something else than written (issue 14 §4): an
 * unquoted `011111111111` in an inline policy silently became 11111111111, and numbers past 2^53
 * were rounded. Such a value (or key) is now a positioned error that says to quote it; values that
 * read back as written (3600, true, 1.5) stay as they are, and quoted ones are never touched.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadResolved } from '../../src/pipeline';
import { runCli } from '../support/cli';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-numbers-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEAD = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts:
  - { name: management, id: "111111111111", ou: Root }
permissionSets:
  - name: P
    inlinePolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: s3:GetObject
          Resource: "*"
          Condition:
`;
/** The line a condition written after HEAD is on. */
const LINE = HEAD.split('\n').length;

async function validate(condition: string, head = HEAD): Promise<{ code: number; stderr: string }> {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, `${head}            ${condition}\n`);
  const res = await runCli(['validate', file]);
  return { code: res.code, stderr: res.stderr.split(`${file}:`).join('') };
}

test.each([
  ['a leading zero', 'StringEquals: { aws:PrincipalAccount: 011111111111 }', 51, 'value 011111111111 is read by yaml as the number 11111111111'],
  [
    'a number past 2^53',
    'StringEquals: { aws:PrincipalAccount: 12345678901234567890 }',
    51,
    'value 12345678901234567890 is read by yaml as the number 12345678901234567000',
  ],
  ['exponent notation', 'NumericLessThan: { aws:MultiFactorAuthAge: 1e3 }', 56, 'value 1e3 is read by yaml as the number 1000'],
  ['a trailing zero', 'NumericLessThan: { aws:MultiFactorAuthAge: 1.50 }', 56, 'value 1.50 is read by yaml as the number 1.5'],
  ['a hexadecimal number', 'NumericLessThan: { aws:MultiFactorAuthAge: 0x10 }', 56, 'value 0x10 is read by yaml as the number 16'],
  ['a capitalised boolean', 'Bool: { aws:SecureTransport: True }', 42, 'value True is read by yaml as the boolean true'],
  ['infinity', 'NumericLessThan: { aws:MultiFactorAuthAge: .inf }', 56, 'value .inf is read by yaml as the number Infinity, which json cannot hold'],
  ['a numeric key', 'StringEquals: { 0123: x }', 29, 'key 0123 is read by yaml as the number 123'],
])('fails if an inline policy holds %s unquoted, at the value, saying to quote it', async (_what, condition, col, message) => {
  const written = /(?:value|key) (\S+) is/.exec(message)![1];
  expect(await validate(condition)).toEqual({
    code: 1,
    stderr: `${LINE}:${col}: inlinePolicy ${message}, not as written; quote it: ${JSON.stringify(written)}\n`,
  });
});

test('fails for each such value of a list, one error each', async () => {
  const res = await validate('StringEquals: { aws:PrincipalAccount: [011111111111, "022222222222", 033333333333] }');
  expect(res.code).toBe(1);
  expect(
    res.stderr
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(':').slice(0, 2).join(':')),
  ).toEqual([`${LINE}:52`, `${LINE}:82`]);
});

test('values that read back as written stay as written, numbers included', () => {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(
    file,
    `${HEAD}            NumericLessThan: { aws:MultiFactorAuthAge: 3600 }\n            Bool: { aws:SecureTransport: true }\n            StringEquals: { aws:PrincipalAccount: "011111111111" }\n`,
  );
  const { ir } = loadResolved(file);
  expect(ir.permissionSets[0].inlinePolicy?.Statement[0].Condition).toEqual({
    NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
    Bool: { 'aws:SecureTransport': true },
    StringEquals: { 'aws:PrincipalAccount': '011111111111' },
  });
});

test('a customer managed policy document in an included file is checked at its own position', async () => {
  const inc = path.join(tmp, 'sets.yaml');
  fs.writeFileSync(
    inc,
    'permissionSets:\n  - name: Q\n    customerManagedPolicies:\n      - name: Boundary\n        policy:\n          Version: "2012-10-17"\n          Statement: [{ Effect: Allow, Action: "s3:*", Resource: "*", Condition: { StringEquals: { aws:ResourceAccount: 0123456789012 } } }]\n',
  );
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, `${HEAD.split('permissionSets:')[0]}include: [sets.yaml]\n`);
  const res = await runCli(['validate', file]);
  expect(res.stderr).toBe(
    `${inc}:7:121: customer managed policy '/Boundary' value 0123456789012 is read by yaml as the number 123456789012, not as written; quote it: "0123456789012"\n`,
  );
  expect(res.code).toBe(1);
});
