/**
 * Property (issue 14 section 1): arbitrary text — `${`, `$${`, `%{`, `%%{`, braces, quotes,
 * backslashes, newlines, tabs, non-ASCII — in every free-text field of a model comes out of
 * `terraform test` (mocked AWS providers) equal to the model text, in both emitters: group names
 * and descriptions, user names and attributes, permission set descriptions, relay states and tags,
 * key descriptions and tags (primary and replica), inline policy values, customer managed policy
 * documents (created in a member account and in the management account), application names,
 * descriptions and tags, the sources of attributes for access control, and the assignments,
 * memberships and application assignments that look those names up. Each run batches dozens of strings into one model and one
 * Terraform run; S3 backend settings, which Terraform does not plan, are checked by parsing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { stateKey } from '../../src/emit/terraform-settings';
import { unescapeTemplate } from '../../src/emit/template-text';
import { isPolicyUnit, type ResolvedModel } from '../../src/model/ir';
import type { OrgModel } from '../../src/model/schema';
import { loadResolved } from '../../src/pipeline';
import { Mocks } from '../emit/hcl/support/mocks';
import { planBoth, type ModelPlans, type Side } from '../support/plan-both';
import { describeWithTerraform } from '../support/terraform';
import { runs } from './support/settings';
import { useWorkdir } from './support/generate';
import type { Json } from '../support/json';

/** Pieces that mean something to Terraform, cdktf, HCL, JSON or YAML, and plain text between them. */
const PIECES = [
  '${',
  '$${',
  '%{',
  '%%{',
  '{',
  '}',
  '$',
  '%',
  '"',
  "'",
  '\\',
  '\\n',
  '\n',
  '\t',
  ' ',
  '#',
  '//',
  'TfToken[TOKEN.1]',
  'é',
  'Zürich',
  '東京',
  '🔑',
  'x',
  'aws:username',
];
const text = fc.string({ unit: fc.constantFrom(...PIECES), minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '');
/** Permission set descriptions are printable Latin-1 (PATTERNS.permissionSetDescription). */
const latin1 = fc.string({
  unit: fc.constantFrom('${', '$${', '%{', '%%{', '{', '}', '$', '%', '"', '\\', '\n', '\t', 'é', 'x', ' '),
  minLength: 1,
  maxLength: 10,
});
/** Relay states are URL characters (PATTERNS.relayState), which include $ { } % and quotes. */
const relay = fc
  .string({ unit: fc.constantFrom('${', '%{', '{', '}', '$', '%', '"', "'", '\\', '/', 'a', '?', '='), minLength: 1, maxLength: 10 })
  .map((s) => `https://console.aws.amazon.com/${s}`);
/**
 * Attribute sources are AWS's attribute references in AWS's source alphabet (PATTERNS.accessControlAttributeSource:
 * `$ { } \\ "` allowed, `%` not), so text around one `${path:...}` reference; a `$` right before it makes `$${`.
 */
const sourceText = fc.string({ unit: fc.constantFrom('$', '{', '}', '"', '\\', ' ', 'é', 'x', '東京'), maxLength: 4 });
const source = fc
  .tuple(sourceText, fc.constantFrom('enterprise.department', 'name.givenName', 'emails[primary eq true].value'), sourceText)
  .map(([a, attr, b]) => `${noReference(a)}\${path:${attr}}${noReference(b)}`);
/** Text around the reference must not open another (`${` without its `}` is refused by validation). */
const noReference = (x: string): string => x.replace(/\$\{/g, '$');
const unique = (arb: fc.Arbitrary<string>, min: number, max: number) =>
  fc.uniqueArray(arb, { minLength: min, maxLength: max, selector: (s) => s.toLowerCase() });

/** A customer managed policy document whose condition values are model text. */
const textPolicy = (values: string[]) => ({
  Version: '2012-10-17',
  Statement: [{ Sid: 'ByTeam', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/team': values } } }],
});

const model = fc
  .record({
    groups: unique(text, 3, 8),
    descriptions: fc.array(text, { minLength: 8, maxLength: 8 }),
    users: unique(text, 2, 4),
    userText: fc.array(text, { minLength: 16, maxLength: 16 }),
    psDescriptions: fc.array(latin1, { minLength: 2, maxLength: 2 }),
    relayStates: fc.array(relay, { minLength: 2, maxLength: 2 }),
    tags: fc.dictionary(text, text, { minKeys: 1, maxKeys: 3 }),
    keyDescription: text,
    conditionValues: fc.array(text, { minLength: 1, maxLength: 3 }),
    prodPolicyValues: fc.array(text, { minLength: 1, maxLength: 3 }),
    managementPolicyValues: fc.array(text, { minLength: 1, maxLength: 3 }),
    bucket: text,
    applications: unique(
      text.filter((x) => x.length <= 100),
      1,
      2,
    ), // LIMITS.applicationName
    appDescriptions: fc.array(text, { minLength: 2, maxLength: 2 }),
    sources: fc.array(source, { minLength: 1, maxLength: 2 }),
  })
  .map((t): OrgModel => ({
    version: 1,
    organization: { id: 'o-a1b2c3d4e5', managementAccount: 'management' },
    identityCenter: {
      region: 'eu-west-1',
      instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444',
      identityStoreId: 'd-1111222233',
      accessControlAttributes: Object.fromEntries(t.sources.map((src, i) => [`attr${i}`, [src]])),
      encryption: { key: 'identity-center' },
    },
    deployment: { backend: { type: 's3', bucket: t.bucket, keyPrefix: t.bucket, dynamodbTable: t.bucket } },
    accounts: [
      { name: 'management', id: '111111111111', ou: 'Root' },
      { name: 'prod', id: '222222222222', ou: 'Workloads' },
    ],
    users: t.users.map((userName, i) => ({
      userName,
      displayName: t.userText[i * 4],
      givenName: t.userText[i * 4 + 1],
      familyName: t.userText[i * 4 + 2],
      email: t.userText[i * 4 + 3],
    })),
    groups: t.groups.map((name, i) => ({ name, description: t.descriptions[i], ...(i === 0 ? { members: t.users } : {}) })),
    permissionSets: [
      {
        name: 'Admin',
        description: t.psDescriptions[0],
        relayState: t.relayStates[0],
        tags: t.tags,
        managedPolicies: ['arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator'],
        // assigned in management: created there (module iam_policies of the management unit)
        customerManagedPolicies: [{ name: 'ManagementText', policy: textPolicy(t.managementPolicyValues) }],
        inlinePolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'InRegions',
              Effect: 'Deny',
              Action: 'ec2:TerminateInstances',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:RequestedRegion': t.conditionValues } },
            },
          ],
        },
      },
      {
        name: 'ReadOnly',
        description: t.psDescriptions[1],
        relayState: t.relayStates[1],
        managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        // assigned in prod: created by the account-prod unit
        customerManagedPolicies: [{ name: 'ProdText', path: '/teams/', policy: textPolicy(t.prodPolicyValues) }],
      },
    ],
    assignments: [
      ...t.groups.map((group) => ({ group, permissionSet: 'ReadOnly', accounts: ['prod'] })),
      ...t.users.map((user) => ({ user, permissionSet: 'Admin', accounts: ['management'] })),
    ],
    applications: t.applications.map((name, i) => ({
      name,
      description: t.appDescriptions[i],
      tags: t.tags,
      assignments: { groups: [t.groups[0]], users: [t.users[0]] },
    })),
    keys: [
      {
        name: 'identity-center',
        description: t.keyDescription,
        tags: t.tags,
        replicaRegions: ['eu-central-1'],
        administrators: [{ permissionSet: 'Admin', account: 'management' }],
        useCases: [{ 'identity-center-admins': { principals: [{ permissionSet: 'Admin', account: 'management' }] } }, { 'restrict-to-instance': {} }],
      },
    ],
  }));

type After = Record<string, Json>;
/** The customer managed policies of the model above (other IAM policies are idcgen's own key-use policies). */
const CUSTOMER_MANAGED = new Set(['ManagementText', 'ProdText']);
const sorted = <T>(xs: T[]): T[] =>
  xs
    .map((x) => JSON.stringify(x))
    .sort()
    .map((x) => JSON.parse(x) as T);

/** The model text each side planned, in the shape the IR has it. */
function plannedText(plans: ModelPlans, side: Side): Record<string, unknown> {
  const all = [...plans.plans[side].values()].flatMap((p) => p.resources);
  const of = (type: string): After[] => all.filter((r) => r.type === type).map((r) => r.after);
  const facts = [...plans.plans[side].values()].map((p) => p.facts as Record<string, Record<string, unknown>>);
  const keysOf = (kind: string): string[] => facts.flatMap((f) => Object.keys(f[kind] ?? {})).sort();
  return {
    groups: sorted(of('aws_identitystore_group').map((g) => ({ name: g.display_name, description: g.description }))),
    users: sorted(
      of('aws_identitystore_user').map((u) => ({
        userName: u.user_name,
        displayName: u.display_name,
        givenName: u.name[0].given_name,
        familyName: u.name[0].family_name,
        email: u.emails[0].value,
      })),
    ),
    permissionSets: sorted(
      of('aws_ssoadmin_permission_set').map((p) => ({ name: p.name, description: p.description, relayState: p.relay_state, tags: p.tags ?? {} })),
    ),
    keys: sorted([...of('aws_kms_key'), ...of('aws_kms_replica_key')].map((k) => ({ description: k.description, tags: k.tags }))),
    inlinePolicies: facts.flatMap((f) => Object.values(f.inline_policies ?? {})),
    customerManagedPolicies: sorted(
      of('aws_iam_policy')
        .filter((p) => CUSTOMER_MANAGED.has(p.name))
        .map((p) => ({ path: p.path, name: p.name, document: JSON.parse(p.policy) })),
    ),
    memberships: keysOf('memberships'),
    assignments: keysOf('assignments'),
    applications: sorted(of('aws_ssoadmin_application').map((a) => ({ name: a.name, description: a.description, tags: a.tags ?? {} }))),
    applicationAssignments: keysOf('application_assignments'),
    attributes: of('aws_ssoadmin_instance_access_control_attributes').flatMap((r) =>
      sorted((r.attribute as After[]).map((a) => ({ key: a.key, sources: (a.value as After[]).flatMap((v) => v.source as string[]) }))),
    ),
  };
}

/** The same, from the IR (mocked ids and ARNs named as the facts name them). */
function modelText(ir: ResolvedModel): Record<string, unknown> {
  const m = new Mocks(ir);
  const account = new Map(ir.accounts.map((a) => [a.name, a.id]));
  return {
    groups: sorted(ir.groups.map((g) => ({ name: g.name, description: g.description }))),
    users: sorted(
      ir.users.map((u) => ({ userName: u.userName, displayName: u.displayName, givenName: u.givenName, familyName: u.familyName, email: u.emails[0]?.value })),
    ),
    permissionSets: sorted(ir.permissionSets.map((p) => ({ name: p.name, description: p.description, relayState: p.relayState, tags: p.tags }))),
    keys: sorted(ir.keys.flatMap((k) => [k, ...k.replicaRegions.map(() => k)]).map((k) => ({ description: k.description, tags: k.tags }))),
    inlinePolicies: ir.permissionSets.filter((p) => p.inlinePolicy).map((p) => m.render(p.inlinePolicy)),
    customerManagedPolicies: sorted(
      ir.units.filter(isPolicyUnit).flatMap((u) => u.customerManagedPolicies.map((p) => ({ path: p.path, name: p.name, document: m.render(p.document) }))),
    ),
    memberships: ir.groups.flatMap((g) => g.members.map((u) => `group ${g.name} user ${u}`)).sort(),
    assignments: ir.assignments
      .map(
        (a) =>
          `${a.principalType} ${a.principalType === 'GROUP' ? 'group' : 'user'} ${a.principalName} permission set ${a.permissionSet} ${account.get(a.accountName)}`,
      )
      .sort(),
    applications: sorted((ir.applications ?? []).map((a) => ({ name: a.name, description: a.description, tags: a.tags }))),
    applicationAssignments: (ir.applications ?? [])
      .flatMap((a) => a.assignments.map((p) => `application ${a.name} ${p.principalType} ${p.principalType === 'GROUP' ? 'group' : 'user'} ${p.principalName}`))
      .sort(),
    attributes: sorted((ir.identityCenter.accessControlAttributes ?? []).map((a) => ({ key: a.key, sources: [...a.sources] }))),
  };
}

const workdir = useWorkdir('property-injection');

describeWithTerraform('model text reaches Terraform as written', () => {
  test('in every free-text field, through both emitters, planned by terraform test', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(model, async (org) => {
        // GIVEN a model with arbitrary text everywhere it may stand
        const dir = path.join(workdir(), `run${n++}`);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'org.yaml'), stringify(org));
        const { ir } = loadResolved(path.relative(process.cwd(), path.join(dir, 'org.yaml')));
        // WHEN both emitters' output is planned
        const plans = (await planBoth(path.join(dir, 'plan'), new Map([['m', ir]]))).get('m') as ModelPlans;
        // THEN each side planned exactly the model's text
        const expected = modelText(ir);
        expect((expected.customerManagedPolicies as { name: string }[]).map((p) => p.name)).toEqual(['ManagementText', 'ProdText']);
        for (const side of ['hcl', 'cdktf'] as const) expect({ side, text: plannedText(plans, side) }).toEqual({ side, text: expected });
        // AND the backend settings, which are not planned, parse back to the model's text
        const backend = ir.deployment.backend;
        if (backend.type !== 's3') throw new Error('expected an s3 backend');
        const stack = JSON.parse(plans.files.get('cdktf/stacks/management/cdk.tf.json') as string) as {
          terraform: { backend: { s3: Record<string, string> } };
        };
        const hcl = (await parseHcl('backend.tf', plans.files.get('hcl/management/backend.tf') as string)) as {
          terraform: { backend: { s3: Record<string, string>[] } }[];
        };
        for (const s3 of [stack.terraform.backend.s3, hcl.terraform[0].backend.s3[0]]) {
          expect([s3.bucket, s3.dynamodb_table, s3.key].map((v) => unescapeTemplate(v))).toEqual([
            backend.bucket,
            backend.dynamodbTable,
            stateKey(backend.keyPrefix, 'management'),
          ]);
        }
      }),
      // Each run is a Terraform run: report the failing model as generated rather than shrink it.
      { ...runs(1, 12), endOnFailure: true },
    );
  }, 900_000); // a Terraform run per model: minutes on a loaded two-core machine
});
