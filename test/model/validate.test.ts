/**
 * Schema and semantic checks at unit level: how zod issues read (unions especially) and checks the
 * bad-model table does not cover. Each case states the exact `line:col: message` (checked by hand).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue, ModelError, type Issue } from '../../src/model/issues';
import { loadModel } from '../../src/model/load';
import { parseModel, validateModel } from '../../src/model/validate';
import { loadResolved } from '../../src/pipeline';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-validate-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEAD = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts:
  - { name: management, id: "111111111111" }
  - { name: prod, id: "333333333333", ou: Workloads }
`;

/** Schema then semantic issues of HEAD + body, as `line:col: message` (file left out). */
function issuesOf(body: string): string[] {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, HEAD + body);
  const loaded = loadModel(file);
  let issues: readonly Issue[];
  try {
    issues = validateModel(loaded, parseModel(loaded));
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    issues = e.issues;
  }
  return issues.map((i) => formatIssue(i).slice(file.length + 1));
}

describe('schema issues', () => {
  test('collects every schema issue at once, sorted by position', () => {
    expect(issuesOf('groups: [{ name: A, externl: true }]\nusers: [{ userName: 5 }]\n')).toEqual([
      "7:21: unknown key 'externl' in groups[0] (did you mean 'external'?); allowed keys: name, description, external, members",
      '8:21: users[0].userName must be a string, found number 5; put the value in quotes',
    ]);
  });

  test('a principal in none of the three forms lists every allowed key', () => {
    expect(issuesOf('keys: [{ name: k, administrators: [{ arn: x }] }]\n')).toEqual([
      "7:38: unknown key 'arn' in keys[0].administrators[0]; allowed keys: role, accountRoot, permissionSet, account",
    ]);
  });

  test('a principal that is not a mapping says so', () => {
    expect(issuesOf('keys: [{ name: k, administrators: [management] }]\n')).toEqual([
      "7:36: keys[0].administrators[0] must be a mapping, found string 'management'",
    ]);
  });

  test("a permission set principal without its account reports the missing key, not the other forms' errors", () => {
    expect(issuesOf('keys: [{ name: k, administrators: [{ permissionSet: Admin }] }]\n')).toEqual([
      "7:36: keys[0].administrators[0] is missing required key 'account'",
    ]);
  });

  test('a backend of an unknown type lists the types', () => {
    expect(issuesOf('deployment: { backend: { type: gcs, bucket: b } }\n')).toEqual(["7:32: deployment.backend.type 'gcs' is not valid; allowed: local, s3"]);
  });

  test('an s3 backend without its bucket reports the missing key', () => {
    expect(issuesOf('deployment: { backend: { type: s3 } }\n')).toEqual(["7:24: deployment.backend is missing required key 'bucket'"]);
  });

  test('a tag selector value must be a string or a list of strings', () => {
    expect(issuesOf('assignments: [{ user: u, permissionSet: p, tags: { env: 5 } }]\n')).toEqual([
      '7:57: assignments[0].tags.env must be a string or a list, found number 5',
    ]);
  });

  test('an OU selector object with a misspelt key is reported at the key', () => {
    expect(issuesOf('assignments: [{ user: u, permissionSet: p, ous: [{ path: Workloads, recurse: true }] }]\n')).toEqual([
      "7:69: unknown key 'recurse' in assignments[0].ous[0] (did you mean 'recursive'?); allowed keys: path, recursive",
    ]);
  });

  test('a missing top-level key is positioned at the start of the document', () => {
    const file = path.join(tmp, 'org.yaml');
    fs.writeFileSync(file, '# comment\nversion: 1\norganization: { id: o-a1b2c3d4e5, managementAccount: m }\n');
    const loaded = loadModel(file);
    expect(() => parseModel(loaded)).toThrow(`${file}:2:1: missing required key 'identityCenter'`);
  });
});

describe('semantic checks', () => {
  test('customer managed policies with one name and path must carry the same document', () => {
    const doc = (action: string) => `{ Version: "2012-10-17", Statement: [{ Effect: Deny, Action: "${action}", Resource: "*" }] }`;
    expect(
      issuesOf(`permissionSets:
  - { name: A, customerManagedPolicies: [{ name: Guard, policy: ${doc('iam:*')} }] }
  - { name: B, customerManagedPolicies: [{ name: Guard, path: /, policy: ${doc('s3:*')} }] }
`),
    ).toEqual(["9:74: customer managed policy '/Guard' has a different policy document than at line 8; one name and path is one policy in each account"]);
  });

  test('an inline policy needs Version 2012-10-17 and a Statement', () => {
    expect(issuesOf('permissionSets:\n  - name: A\n    inlinePolicy: { Id: x }\n')).toEqual([
      '9:5: inlinePolicy has no Statement; give at least one statement',
      '9:5: inlinePolicy has no Version; use Version: "2012-10-17" (older versions do not support policy variables)',
    ]);
  });

  test('a session duration must be an ISO-8601 duration of hours, minutes or seconds', () => {
    expect(issuesOf('permissionSets:\n  - { name: A, sessionDuration: 4h }\n  - { name: B, sessionDuration: PT90M }\n')).toEqual([
      "8:33: sessionDuration '4h' is not an iso-8601 duration such as PT4H; allowed PT1H..PT12H (permission set session duration)",
    ]);
  });

  test('a description outside the characters identity center accepts, or too long, is an error', () => {
    expect(issuesOf(`permissionSets:\n  - { name: A, description: "tab\\u2603" }\n  - { name: B, description: "${'x'.repeat(701)}" }\n`)).toEqual([
      "8:29: description 'tab☃' has characters identity center does not accept; allowed: printable latin-1 text",
      `9:29: description '${'x'.repeat(57)}...' is 701 characters long; allowed 1..700 (Identity Center permission set description)`,
    ]);
  });

  test('a permissions boundary must be an aws managed policy arn', () => {
    expect(issuesOf('permissionSets:\n  - { name: A, permissionsBoundary: { managedPolicy: arn:aws:iam::aws:policy } }\n')).toEqual([
      "8:54: managed policy 'arn:aws:iam::aws:policy' is not valid; expected an aws managed policy arn such as arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
  });

  test('managed encryption needs the key named', () => {
    const file = path.join(tmp, 'org.yaml');
    fs.writeFileSync(file, HEAD.replace('identityCenter: { region: eu-west-1 }', 'identityCenter: { region: eu-west-1, encryption: { manage: true } }'));
    const loaded = loadModel(file);
    expect(validateModel(loaded, parseModel(loaded)).map((i) => `${i.line}:${i.col}: ${i.message}`)).toEqual([
      '3:60: encryption manage: true needs encryption key: naming the key identity center should use',
    ]);
  });

  test.each([
    ['administrators', 'arn:aws:iam::111111111111:role/team/*/Admin', '*'],
    ['administrators', 'arn:aws:iam::111111111111:role/team/Admin?', '?'],
    ['useCases', 'arn:aws:iam::333333333333:role/*', '*'],
  ])('fails if a role principal under %s has a wildcard (%s): KMS rejects it at apply', (where, arn, wildcard) => {
    const body =
      where === 'administrators'
        ? `keys: [{ name: k, administrators: [{ role: "${arn}" }] }]\n`
        : `keys: [{ name: k, administrators: [{ accountRoot: management }], useCases: [{ custom-workflows: { principals: [{ role: "${arn}" }] } }] }]\n`;
    const col = body.indexOf(`"${arn}"`) + 1;
    expect(issuesOf(body)).toEqual([
      `7:${col}: role '${arn}' has a wildcard (${wildcard}); a key policy principal must name one role exactly (kms rejects wildcards in principal arns): write each role's arn, e.g. arn:aws:iam::111111111111:role/Name`,
    ]);
  });

  test('fails if a role principal is not a role arn', () => {
    expect(issuesOf('keys: [{ name: k, administrators: [{ role: "arn:aws:iam::111111111111:user/bob" }] }]\n')).toEqual([
      "7:44: role 'arn:aws:iam::111111111111:user/bob' is not valid; expected a role arn such as arn:aws:iam::111111111111:role/Name",
    ]);
  });

  test('a key name must be safe as a unit and file name', () => {
    expect(issuesOf('keys: [{ name: "my key" }]\n')).toEqual([
      "7:16: key name 'my key' is not valid; expected letters, digits, ., _ and -, starting with a letter or digit, e.g. prod-app",
    ]);
  });
});

describe('lint findings', () => {
  test('are positioned at the entry they are about', () => {
    // typical.yaml has no restrict-to-instance use case: a warning, at its entry under keys:; and a
    // local user beside a synced group: a warning at the user
    const { warnings } = loadResolved('examples/typical.yaml');
    expect(warnings.map((w) => `${formatIssue(w)} [${w.rule}]`)).toEqual([
      "examples/typical.yaml:28:5: warning: user 'alice' is created in identity center, but group Auditors is synced from an identity provider; create the user there and set external: true [identity-source-mixed]",
      "examples/typical.yaml:53:5: warning: key 'identity-center' accepts any identity center instance's encryption context; for production add the restrict-to-instance use case [encryption-context-unrestricted]",
    ]);
  });
});
