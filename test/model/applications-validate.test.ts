/**
 * Checks of `applications:` (CreateApplication, PutApplicationAccessScope constraints, references to
 * groups and users) and of `identityCenter.accessControlAttributes` (keys, source syntax, AWS
 * limits). Each case states the exact `line:col: message`, checked by hand against the model text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue, ModelError, type Issue } from '../../src/model/issues';
import { LIMITS } from '../../src/model/limits';
import { loadModel } from '../../src/model/load';
import { sourceProblem } from '../../src/model/private/check-access-control';
import { parseModel, validateModel } from '../../src/model/validate';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-apps-validate-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEAD = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts:
  - { name: management, id: "111111111111" }
groups:
  - { name: Developers }
users:
  - { userName: alice, external: true }
`;

/** Schema then semantic issues of HEAD + body, as `line:col: message`. */
function issuesOf(body: string, head = HEAD): string[] {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, head + body);
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

const APP = 'arn:aws:sso::111111111111:application/ssoins-1111222233334444/apl-1111222233334444';

describe('applications', () => {
  test('a complete application is valid', () => {
    expect(
      issuesOf(`applications:
  - name: Grafana
    provider: arn:aws:sso::aws:applicationProvider/custom
    description: Team dashboards
    status: ENABLED
    portal: { visibility: ENABLED, signIn: { origin: APPLICATION, url: "https://grafana.example.com/login" } }
    assignmentRequired: true
    assignments: { groups: [Developers], users: [alice] }
    accessScopes:
      - { scope: "redshift:connect", authorizedTargets: ["${APP}"] }
      - { scope: "s3:access_grants:read_write" }
    tags: { team: platform }
`),
    ).toEqual([]);
  });

  test('fails if a field has an unknown key or an enumeration value AWS does not have', () => {
    expect(issuesOf('applications: [{ name: A, status: ON, portal: { visibilty: ENABLED } }]\n')).toEqual([
      "10:35: applications[0].status 'ON' is not valid; allowed: ENABLED, DISABLED",
      "10:49: unknown key 'visibilty' in applications[0].portal (did you mean 'visibility'?); allowed keys: visibility, signIn",
    ]);
  });

  test('fails if a name is used twice, or is longer than CreateApplication allows', () => {
    const long = 'a'.repeat(LIMITS.applicationName.max + 1);
    expect(issuesOf(`applications:\n  - { name: A }\n  - { name: A }\n  - { name: ${long} }\n`)).toEqual([
      "12:13: duplicate application name 'A'; it is already defined at line 11",
      `13:13: application name '${'a'.repeat(57)}...' is 101 characters long; allowed 1..100 (Identity Center application name)`,
    ]);
  });

  test('fails if the provider is not an application provider arn', () => {
    expect(issuesOf('applications: [{ name: A, provider: "arn:aws:sso::aws:provider/custom" }]\n')).toEqual([
      "10:37: application provider 'arn:aws:sso::aws:provider/custom' is not valid; expected an application provider arn such as arn:aws:sso::aws:applicationProvider/custom",
    ]);
  });

  test('fails if the description is empty or longer than 128 characters', () => {
    expect(issuesOf(`applications: [{ name: A, description: "" }, { name: B, description: ${'d'.repeat(129)} }]\n`)).toEqual([
      "10:40: application description '' is 0 characters long; allowed 1..128 (Identity Center application description)",
      `10:70: application description '${'d'.repeat(57)}...' is 129 characters long; allowed 1..128 (Identity Center application description)`,
    ]);
  });

  test('fails if origin APPLICATION has no url, or the url is not http(s)', () => {
    expect(
      issuesOf(`applications:
  - { name: A, portal: { signIn: { origin: APPLICATION } } }
  - { name: B, portal: { signIn: { origin: IDENTITY_CENTER, url: "ftp://files.example.com" } } }
`),
    ).toEqual([
      "11:44: application 'A' signs in with origin APPLICATION, which sends users to the application's url; add url (e.g. https://grafana.example.com/login) or use origin IDENTITY_CENTER",
      "12:66: application url 'ftp://files.example.com' is not valid; expected an http or https url such as https://grafana.example.com/login",
    ]);
  });

  test('fails if an assigned group or user is not in the model, or is listed twice', () => {
    expect(issuesOf('applications: [{ name: A, assignments: { groups: [Developers, Developers, Devs], users: [bob] } }]\n')).toEqual([
      "10:63: group 'Developers' is listed twice in the assignments of application 'A'",
      "10:75: group 'Devs' is not defined in groups; defined: Developers",
      "10:90: user 'bob' is not defined in users; defined: alice",
    ]);
  });

  test('fails if an access scope or authorized target is malformed, repeated, or the targets are too many', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `"${APP.slice(0, -2)}${String(i).padStart(2, '0')}"`).join(', ');
    expect(
      issuesOf(`applications:
  - name: A
    accessScopes:
      - { scope: "redshift connect" }
      - { scope: "redshift:connect", authorizedTargets: [] }
      - { scope: "redshift:connect", authorizedTargets: ["arn:aws:sso:::application/x"] }
      - { scope: "s3:access", authorizedTargets: [${eleven}] }
`),
    ).toEqual([
      "13:18: access scope 'redshift connect' is not valid; expected one to three parts of letters, digits and _ separated by :, e.g. redshift:connect",
      "14:38: access scope 'redshift:connect' lists 0 authorized targets; allowed 1..10 (authorized targets per application access scope); leave authorizedTargets out for none",
      "15:18: access scope 'redshift:connect' is listed twice in application 'A' (first at line 14)",
      "15:58: authorized target 'arn:aws:sso:::application/x' is not valid; expected an application or instance arn such as arn:aws:sso::111111111111:application/ssoins-1111222233334444/apl-1111222233334444",
      "16:31: access scope 's3:access' lists 11 authorized targets; allowed 1..10 (authorized targets per application access scope); leave authorizedTargets out for none",
    ]);
  });

  test('fails if an application has more tags than CreateApplication allows', () => {
    const tags = Array.from({ length: LIMITS.applicationTags.max + 1 }, (_, i) => `t${i}: v`).join(', ');
    expect(issuesOf(`applications: [{ name: A, tags: { ${tags} } }]\n`)).toEqual([
      "10:27: application 'A' has 76 tags; allowed at most 75 (tags per Identity Center application)",
    ]);
  });

  test('fails if a provider or target arn is in another partition than the identity center region', () => {
    expect(issuesOf('applications: [{ name: A, provider: "arn:aws-cn:sso::aws:applicationProvider/custom" }]\n')).toEqual([
      "10:37: arn 'arn:aws-cn:sso::aws:applicationProvider/custom' is in partition aws-cn, but the identity center region eu-west-1 is in partition aws; use arn:aws:sso::aws:applicationProvider/custom",
    ]);
  });
});

describe('attributes for access control', () => {
  const abac = (attrs: string): string =>
    HEAD.replace('identityCenter: { region: eu-west-1 }', `identityCenter:\n  region: eu-west-1\n  accessControlAttributes:\n${attrs}`);

  test('sources in the three namespaces, combined references and bare directory attributes are valid', () => {
    expect(
      issuesOf(
        '',
        abac(`    department: ["\${path:enterprise.department}"]
    email: ["\${user:email}"]
    name: ["\${dir:firstname} \${dir:lastname}"]
    mail: ["\${mail}"]
    country: ['\${path:addresses[type eq "work"].country}']
`),
      ),
    ).toEqual([]);
  });

  test('fails if a key is malformed, too long, or differs only in case from another', () => {
    expect(
      issuesOf(
        '',
        abac(`    "cost<center>": ["\${path:enterprise.costCenter}"]
    ${'k'.repeat(129)}: ["\${user:email}"]
    Team: ["\${path:enterprise.division}"]
    team: ["\${path:enterprise.division}"]
`),
      ),
    ).toEqual([
      "6:5: attribute for access control key 'cost<center>' is not valid; expected letters, digits, spaces and _.:/=+-@ only, e.g. CostCenter",
      `7:5: attribute for access control key '${'k'.repeat(57)}...' is 129 characters long; allowed 1..128 (attribute for access control key)`,
      "9:5: attribute for access control 'team' differs only in case from 'Team'; session tag keys are case-insensitive, so they would be one tag",
    ]);
  });

  test('fails unless an attribute has exactly one source', () => {
    expect(issuesOf('', abac('    a: []\n    b: ["${user:email}", "${user:name}"]\n'))).toEqual([
      "6:8: attribute for access control 'a' has 0 sources; allowed exactly 1 (sources per attribute for access control)",
      "7:8: attribute for access control 'b' has 2 sources; allowed exactly 1 (sources per attribute for access control)",
    ]);
  });

  test('fails if a source is not attribute-reference syntax, names an unknown namespace, or has characters AWS refuses', () => {
    expect(issuesOf('', abac('    a: ["department"]\n    b: ["${pth:department}"]\n    c: ["${path:x"]\n    d: ["${path:x}<"]\n'))).toEqual([
      "6:9: source 'department' of attribute 'a' references no attribute; expected attribute references such as ${path:enterprise.department}, ${user:email} or ${dir:department} (namespaces user, path, dir)",
      "7:9: source '${pth:department}' of attribute 'b' uses the namespace 'pth', which identity center does not know; expected attribute references such as ${path:enterprise.department}, ${user:email} or ${dir:department} (namespaces user, path, dir)",
      "8:9: source '${path:x' of attribute 'c' has an unclosed reference at '${path:x'; expected attribute references such as ${path:enterprise.department}, ${user:email} or ${dir:department} (namespaces user, path, dir)",
      "9:9: source of attribute 'd' '${path:x}<' is not valid; expected letters, digits, spaces and _.:/=+-@[]{}$\\\" only",
    ]);
  });

  test('fails if more attributes are defined than an instance holds', () => {
    const many = Array.from({ length: LIMITS.accessControlAttributes.max + 1 }, (_, i) => `    k${i}: ["\${user:email}"]\n`).join('');
    expect(issuesOf('', abac(many))).toEqual([
      '5:3: 51 attributes for access control are defined; allowed at most 50 (attributes for access control per Identity Center instance)',
    ]);
  });

  test.each([
    ['${path:enterprise.department}', undefined],
    ['${dir:proxyAddresses:smtp}', undefined],
    ['prefix ${user:email} suffix', undefined],
    ['${}', "has the reference '${}', which names no attribute"],
    ['${path:}', "has the reference '${path:}', which names no attribute"],
    ['${path:a ${path:b}', "has an unclosed reference at '${path:a ${path:b}'"],
    ['$path:a', 'references no attribute'],
  ])('source syntax of %s', (source, problem) => {
    expect(sourceProblem(source)).toBe(problem);
  });
});
