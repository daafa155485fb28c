/**
 * The one schema of org.yaml. TypeScript types come from it (z.infer) and so does the JSON Schema
 * printed by `idcgen schema`. Shapes only: ranges, patterns and references are checked in
 * validate.ts, where each issue can carry its own position and a message in the model's terms.
 */
import { z } from 'zod';
import { EXAMPLE_ARNS } from './arns';
import { disableableRules } from './lint-rules';

/**
 * A key's policy profile: `baseline` (the newest consolidated AWS key policy) or `least-privilege`
 * (the per-use-case statements). The IR, the policy engine and import read this list.
 */
export const POLICY_PROFILES = ['baseline', 'least-privilege'] as const;
export type PolicyProfile = (typeof POLICY_PROFILES)[number];

const name = z.string().min(1);
const tags = z.record(z.string(), z.string());

/** A principal that may use the key: an IAM role ARN, an account root, or a permission set in an account. */
export const principalSchema = z.union([
  z.strictObject({ role: z.string().describe(`IAM role ARN, e.g. ${EXAMPLE_ARNS.role}`) }),
  z.strictObject({ accountRoot: name.describe(`account name; the principal is ${EXAMPLE_ARNS.accountRootTemplate}`) }),
  z.strictObject({
    permissionSet: name.describe('permission set name; resolves to its AWSReservedSSO_<name>_<16-character suffix> roles'),
    account: name.describe('account name the permission set role lives in'),
  }),
]);

const principals = z.array(principalSchema);
const withPrincipals = z.strictObject({ principals });
const empty = z.strictObject({}).nullable();

/** Key use cases, each mapping to documented key policy and IAM policy statements. */
export const useCaseSchema = z.union([
  z.strictObject({ 'identity-center-admins': withPrincipals }),
  z.strictObject({ 'delegated-admins': withPrincipals }),
  z.strictObject({ 'managed-applications': empty }),
  z.strictObject({ 'managed-application-admins': withPrincipals.partial().nullable() }),
  z.strictObject({ 'control-tower-admins': withPrincipals }),
  z.strictObject({ 'ec2-windows-sso': withPrincipals }),
  z.strictObject({ 'custom-workflows': withPrincipals }),
  z.strictObject({ 'read-only-admins': withPrincipals }),
  z.strictObject({
    'restrict-managed-applications': z.strictObject({
      servicePrincipals: z.array(name),
      sourceAccounts: z.array(name).optional(),
      sourceArns: z.array(z.string()).optional(),
    }),
  }),
  z.strictObject({ 'restrict-to-instance': empty }),
]);

const policyDocument = z.record(z.string(), z.unknown()).describe('an IAM policy document (JSON as YAML)');
const customerManagedPolicyRef = z.strictObject({
  name,
  path: z.string().optional().describe('IAM path; default /'),
  policy: policyDocument.optional().describe('when given, idcgen creates this policy in every account the permission set is assigned to'),
});

/** An email address or phone number of a user (identity store Email / PhoneNumber). */
const contact = z.strictObject({
  value: z.string(),
  type: z.string().optional().describe('e.g. work, home'),
  primary: z.boolean().optional().describe('default true'),
});
/** A postal address of a user (identity store Address). */
const address = z.strictObject({
  streetAddress: z.string().optional(),
  locality: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  formatted: z.string().optional(),
  type: z.string().optional().describe('e.g. work, home'),
  primary: z.boolean().optional().describe('default true'),
});

/** Where an assignment (or anything else that selects accounts) points. */
export const targetFields = {
  accounts: z.array(name).optional().describe('account names or 12-digit account ids'),
  ous: z
    .array(z.union([z.string(), z.strictObject({ path: z.string(), recursive: z.boolean().optional().describe('default true for a path, false for a glob') })]))
    .optional()
    .describe('OU paths (with everything below them), globs (Workloads/*, Workloads/**), or OU ids listed in organizationalUnits'),
  tags: z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .optional()
    .describe('all of these tags; a list means any of its values'),
};

export const assignmentSchema = z.strictObject({
  group: name.optional(),
  user: name.optional(),
  permissionSet: name,
  ...targetFields,
  exclude: z.strictObject(targetFields).optional().describe('accounts removed from the selection'),
  includeManagementAccount: z.boolean().optional().describe('allow the management account to be selected by ous/tags; default false'),
});

const enabled = z.enum(['ENABLED', 'DISABLED']);

/** A customer managed application of Identity Center, and who may open it. */
export const applicationSchema = z.strictObject({
  name,
  provider: z.string().optional().describe(`application provider arn; default ${EXAMPLE_ARNS.customApplicationProvider} (OAuth 2.0)`),
  description: z.string().optional(),
  status: enabled.optional().describe('default ENABLED'),
  portal: z
    .strictObject({
      visibility: enabled.optional().describe('whether the application shows in the AWS access portal'),
      signIn: z
        .strictObject({
          origin: z.enum(['IDENTITY_CENTER', 'APPLICATION']).describe('APPLICATION sends users to url; IDENTITY_CENTER signs them in (SAML)'),
          url: z.string().optional().describe('the url that accepts sign-in requests; required with origin APPLICATION'),
        })
        .optional(),
    })
    .optional()
    .describe('access portal options; absent = AWS defaults'),
  assignmentRequired: z.boolean().optional().describe('default true: only the groups and users under assignments can open it'),
  assignments: z
    .strictObject({ groups: z.array(name).optional(), users: z.array(name).optional() })
    .optional()
    .describe('groups and users that may open the application'),
  accessScopes: z
    .array(
      z.strictObject({
        scope: z.string().describe('e.g. redshift:connect'),
        authorizedTargets: z.array(z.string()).optional().describe('application or instance arns'),
      }),
    )
    .optional(),
  tags: tags.optional(),
});

export const keySchema = z.strictObject({
  name,
  alias: z.string().optional(),
  description: z.string().optional(),
  multiRegion: z.boolean().optional(),
  rotation: z.strictObject({ enabled: z.boolean().optional(), periodDays: z.number().int().optional() }).optional(),
  deletionWindowDays: z.number().int().optional(),
  administrators: principals.optional(),
  deletionGuard: z
    .boolean()
    .optional()
    .describe(
      'deny kms:ScheduleKeyDeletion, kms:DisableKey and kms:PutKeyPolicy to everyone but the administrators and the deployer; default true for least-privilege, false for baseline',
    ),
  policyProfile: z.enum(POLICY_PROFILES).optional(),
  replicaRegions: z.array(z.string()).optional(),
  useCases: z.array(useCaseSchema).optional(),
  tags: tags.optional(),
});

export const modelSchema = z.strictObject({
  version: z.literal(1),
  include: z.array(z.string()).optional().describe('more model files (or directories) merged into this one'),
  organization: z.strictObject({ id: z.string(), managementAccount: name }),
  identityCenter: z.strictObject({
    region: z.string(),
    instanceArn: z.string().optional(),
    identityStoreId: z.string().optional(),
    delegatedAdmin: name
      .optional()
      .describe('a member account name: permission sets, the identity store and assignments are managed from it (the key stays in the management account)'),
    accessControlAttributes: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('attribute-based access control: session tag key -> [source], e.g. department: ["${path:enterprise.department}"]'),
    encryption: z
      .strictObject({
        key: name.optional().describe('a key below; absent = AWS owned key'),
        manage: z.boolean().optional().describe('opt-in: generated Terraform switches the instance to the key'),
      })
      .optional(),
  }),
  deployment: z
    .strictObject({
      deployer: z
        .string()
        .optional()
        .describe('IAM role ARN of the role (in the management account) that runs Terraform; every key makes it a key administrator'),
      roleName: z.string().optional().describe('role assumed in member accounts; default OrganizationAccountAccessRole'),
      planRoleName: z
        .string()
        .optional()
        .describe(
          'role assumed in member accounts when planning (TF_VAR_idcgen_plan=true): a read-only role, so CI plans need no admin role; default roleName',
        ),
      maxResourcesPerStack: z.number().int().optional().describe('default 500'),
      backend: z
        .union([
          z.strictObject({ type: z.literal('local') }),
          z.strictObject({
            type: z.literal('s3'),
            bucket: z.string(),
            keyPrefix: z.string().optional(),
            region: z.string().optional(),
            dynamodbTable: z.string().optional().describe('deprecated: terraform >= 1.10 locks with a lock file in the bucket (use_lockfile, always on)'),
            encrypt: z.boolean().optional(),
            roleArn: z.string().optional().describe('role terraform assumes to read and write state (assume_role.role_arn)'),
            kmsKeyId: z.string().optional().describe('arn of the kms key (or alias) that encrypts state objects; needs encrypt: true'),
          }),
        ])
        .optional(),
    })
    .optional(),
  organizationalUnits: z
    .record(z.string(), z.string())
    .optional()
    .describe('OU path -> OU id (ou-..., r-... for Root), so targets can name OUs by id; idcgen accounts sync keeps it current'),
  accounts: z.array(z.strictObject({ name, id: z.string(), ou: z.string().optional(), tags: tags.optional() })).optional(),
  groups: z
    .array(
      z.strictObject({
        name,
        description: z.string().optional(),
        external: z.boolean().optional(),
        members: z.array(name).optional(),
      }),
    )
    .optional(),
  users: z
    .array(
      z.strictObject({
        userName: name,
        displayName: z.string().optional(),
        givenName: z.string().optional(),
        familyName: z.string().optional(),
        middleName: z.string().optional(),
        honorificPrefix: z.string().optional(),
        honorificSuffix: z.string().optional(),
        formattedName: z.string().optional().describe('the full name as it should be displayed'),
        email: z.string().optional().describe('shorthand for emails: [{ value: <email>, primary: true }]'),
        emails: z.array(contact).optional().describe('at most one (the identity store holds one email per user)'),
        phoneNumbers: z.array(contact).optional().describe('at most one (the identity store holds one phone number per user)'),
        addresses: z.array(address).optional().describe('at most one (the identity store holds one address per user)'),
        nickname: z.string().optional(),
        profileUrl: z.string().optional(),
        title: z.string().optional(),
        userType: z.string().optional().describe('e.g. Employee, Contractor'),
        preferredLanguage: z.string().optional().describe('e.g. en-US'),
        locale: z.string().optional().describe('e.g. en-US'),
        timezone: z.string().optional().describe('e.g. Europe/Paris'),
        external: z.boolean().optional(),
      }),
    )
    .optional(),
  permissionSets: z
    .array(
      z.strictObject({
        name,
        external: z
          .boolean()
          .optional()
          .describe('owned outside idcgen (control tower, a landing zone): looked up by name, assignable, never created or changed'),
        description: z.string().optional(),
        sessionDuration: z.string().optional(),
        relayState: z.string().optional(),
        tags: tags.optional(),
        managedPolicies: z
          .array(z.string())
          .optional()
          .describe('on an external permission set: the aws managed policies it is expected to hold (for review and import)'),
        customerManagedPolicies: z.array(customerManagedPolicyRef).optional(),
        inlinePolicy: policyDocument.optional(),
        permissionsBoundary: z
          .union([z.strictObject({ managedPolicy: z.string() }), z.strictObject({ customerManagedPolicy: customerManagedPolicyRef.omit({ policy: true }) })])
          .optional(),
      }),
    )
    .optional(),
  assignments: z.array(assignmentSchema).optional(),
  keys: z.array(keySchema).optional(),
  applications: z.array(applicationSchema).optional().describe('customer managed applications of Identity Center'),
  lint: z
    .strictObject({
      // Any string here: unknown ids and errors get positioned messages with a suggestion (validate);
      // the enum is for editors.
      disable: z
        .array(z.string().meta({ enum: disableableRules() }))
        .optional()
        .describe('warning rule ids to turn off for this model (idcgen lint --rules)'),
    })
    .optional()
    .describe('lint settings; they never change generated output'),
});

export type OrgModel = z.infer<typeof modelSchema>;
export type PrincipalInput = z.infer<typeof principalSchema>;
export type UseCaseInput = z.infer<typeof useCaseSchema>;
/** The use cases a model lists under a key's `useCases:` (each entry's one key). */
export type ModelUseCaseId = UseCaseInput extends infer U ? (U extends unknown ? keyof U & string : never) : never;
/** The value under one use case id, e.g. `{ principals: [...] }` under `identity-center-admins`. */
export type UseCaseConfig<K extends ModelUseCaseId = ModelUseCaseId> = K extends unknown ? Extract<UseCaseInput, Record<K, unknown>>[K] : never;
export type AssignmentInput = z.infer<typeof assignmentSchema>;
/** What selects accounts: an assignment's target fields (targetFields, exclude, includeManagementAccount). */
export type TargetInput = Pick<AssignmentInput, 'accounts' | 'ous' | 'tags' | 'exclude' | 'includeManagementAccount'>;
/** An OU selector: a path or glob, or the object form that sets recursion explicitly. */
export type OuSelector = NonNullable<TargetInput['ous']>[number];
export type TagSelector = NonNullable<TargetInput['tags']>;
export type AccountInput = NonNullable<OrgModel['accounts']>[number];
export type UserInput = NonNullable<OrgModel['users']>[number];
export type PermissionSetInput = NonNullable<OrgModel['permissionSets']>[number];
export type KeyInput = z.infer<typeof keySchema>;
export type ApplicationInput = z.infer<typeof applicationSchema>;
export type DeploymentInput = NonNullable<OrgModel['deployment']>;

/** JSON Schema for editors (yaml-language-server). */
export function modelJsonSchema(): object {
  return {
    ...(z.toJSONSchema(modelSchema, { target: 'draft-7', unrepresentable: 'any' }) as object),
    $id: 'https://idcgen.dev/schema/org-model-v1.json',
    title: 'idcgen organization model',
  };
}
