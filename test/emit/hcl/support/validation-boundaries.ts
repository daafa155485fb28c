/**
 * One boundary table for the modules' `validation {}` blocks and the model's checks: for every
 * block, values just inside (accepted) and just outside (refused), computed from the limits and
 * patterns idcgen checks the model with (src/model/limits.ts, src/model/aws-patterns.ts), and where
 * the model can express the same value, the edit of a model that must be accepted or refused alike.
 * `sessionDuration: PT90M` passed idcgen and failed the module: such a disagreement now fails here.
 */
import { ALIAS } from '../../../../src/model/aws-patterns';
import { LIMITS } from '../../../../src/model/limits';

/** One edit of the base model: a path and the value to set there. */
export type ModelEdit = readonly [path: readonly (string | number)[], value: unknown];

export interface Boundary {
  /** Module directory below modules/. */
  readonly module: string;
  readonly variable: string;
  /** Part of the error_message of the validation block this row is about. */
  readonly block: string;
  /** What the value is, for the run's name. */
  readonly what: string;
  /** The variable's value (the module's other variables come from BASE_INPUTS). */
  readonly value: unknown;
  /** True just inside the limit (accepted), false just outside (the block refuses it). */
  readonly ok: boolean;
  /** The same value in a model; absent when a model cannot write it (idcgen builds that input itself). */
  readonly model?: readonly ModelEdit[];
}

const KEY_ARN = 'arn:aws:kms:eu-west-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';
const CUSTOM_PROVIDER = 'arn:aws:sso::aws:applicationProvider/custom';
const APP_ARN = 'arn:aws:sso::111111111111:application/ssoins-1111222233334444/apl-1111222233334444';
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });

/** Valid values of every required variable, per module. */
export const BASE_INPUTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'account-assignments': {
    instance_arn: INSTANCE,
    identity_store_id: 'd-1111222233',
    assignments: {
      'GROUP/Auditors/ReadOnly/prod-app': { principal_type: 'GROUP', principal_name: 'Auditors', permission_set: 'ReadOnly', account_id: '333333333333' },
    },
  },
  'identity-center-key': {
    description: 'Identity Center key',
    alias: 'alias/identity-center',
    policy_statements: {
      AllowAdmins: JSON.stringify({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' }),
    },
  },
  'identity-center-key/modules/replica': { primary_key_arn: KEY_ARN, policy: POLICY, description: 'Identity Center key' },
  'identity-store': {
    identity_store_id: 'd-1111222233',
    groups: { Admins: {} },
    users: { alice: { display_name: 'Alice', given_name: 'Alice', family_name: 'Example' } },
  },
  'key-user-policies': { policies: { 'idcgen-key-use': { policy: POLICY } } },
  'permission-sets': { instance_arn: INSTANCE, permission_sets: { ReadOnly: { description: 'Read only' } } },
  applications: { instance_arn: INSTANCE, identity_store_id: 'd-1111222233', applications: { Wiki: { provider_arn: CUSTOM_PROVIDER } } },
  'access-control-attributes': { instance_arn: INSTANCE, attributes: { department: ['${path:enterprise.department}'] } },
};

const chars = (n: number, c = 'a') => c.repeat(n);
/** An IAM path of exactly n characters: `/aaa…a/`. */
const iamPath = (n: number) => `/${chars(n - 2)}/`;
/** A relay state URL of exactly n characters. */
const relayState = (n: number) => `https://console.aws.amazon.com/${chars(n - 'https://console.aws.amazon.com/'.length)}`;

/** The spare entries the base model holds for these edits (see test/emit/hcl/module-validations.test.ts). */
const SPARE_PS = 1;
const SPARE_GROUP = 1;
const SPARE_USER = 0;

const rows: Boundary[] = [];
function add(
  module: string,
  variable: string,
  block: string,
  cases: readonly [what: string, value: unknown, ok: boolean, model?: readonly ModelEdit[]][],
): void {
  for (const [what, value, ok, model] of cases) rows.push({ module, variable, block, what, value, ok, ...(model ? { model } : {}) });
}

// ---- Identity Center instance, identity store and accounts (patterns of model/aws-patterns.ts) ----
for (const module of ['account-assignments', 'permission-sets']) {
  add(module, 'instance_arn', 'instance ARN must look like', [
    ['16 characters', INSTANCE, true, [[['identityCenter', 'instanceArn'], INSTANCE]]],
    ['another partition', 'arn:aws-us-gov:sso:::instance/ssoins-1111222233334444', true],
    [
      '15 characters',
      'arn:aws:sso:::instance/ssoins-111122223333444',
      false,
      [[['identityCenter', 'instanceArn'], 'arn:aws:sso:::instance/ssoins-111122223333444']],
    ],
    [
      '17 characters',
      'arn:aws:sso:::instance/ssoins-11112222333344445',
      false,
      [[['identityCenter', 'instanceArn'], 'arn:aws:sso:::instance/ssoins-11112222333344445']],
    ],
  ]);
}
for (const module of ['account-assignments', 'identity-store']) {
  add(module, 'identity_store_id', 'identity store ID must look like', [
    ['d- and 10 hex digits', 'd-1234567890', true, [[['identityCenter', 'identityStoreId'], 'd-1234567890']]],
    ['a uuid', '12345678-1234-1234-1234-123456789012', true, [[['identityCenter', 'identityStoreId'], '12345678-1234-1234-1234-123456789012']]],
    ['9 hex digits', 'd-123456789', false, [[['identityCenter', 'identityStoreId'], 'd-123456789']]],
    ['11 hex digits', 'd-12345678901', false, [[['identityCenter', 'identityStoreId'], 'd-12345678901']]],
  ]);
}
const assignment = (o: Record<string, unknown>) => ({
  'GROUP/Auditors/ReadOnly/prod-app': { principal_type: 'GROUP', principal_name: 'Auditors', permission_set: 'ReadOnly', account_id: '333333333333', ...o },
});
add('account-assignments', 'assignments', 'principal_type must be GROUP or USER', [
  ['GROUP', assignment({}), true],
  ['USER', assignment({ principal_type: 'USER' }), true],
  ['ROLE', assignment({ principal_type: 'ROLE' }), false],
]);
add('account-assignments', 'assignments', 'account_id must be a 12-digit', [
  ['12 digits', assignment({ account_id: '123456789012' }), true, [[['accounts', 0, 'id'], '123456789012']]],
  ['11 digits', assignment({ account_id: '12345678901' }), false, [[['accounts', 0, 'id'], '12345678901']]],
  ['13 digits', assignment({ account_id: '1234567890123' }), false, [[['accounts', 0, 'id'], '1234567890123']]],
]);

// ---- The key and its replicas (LIMITS.keyDescription, rotationPeriodDays, deletionWindowDays, aliasName; ALIAS) ----
const { keyDescription, rotationPeriodDays: rotation, deletionWindowDays: deletion, aliasName } = LIMITS;
for (const module of ['identity-center-key', 'identity-center-key/modules/replica']) {
  add(module, 'description', 'description must be at most', [
    [`${keyDescription.max} characters`, chars(keyDescription.max), true, [[['keys', 0, 'description'], chars(keyDescription.max)]]],
    [`${keyDescription.max + 1} characters`, chars(keyDescription.max + 1), false, [[['keys', 0, 'description'], chars(keyDescription.max + 1)]]],
  ]);
  add(module, 'deletion_window_in_days', 'deletion window must be a whole number', [
    [`${deletion.min}`, deletion.min, true, [[['keys', 0, 'deletionWindowDays'], deletion.min]]],
    [`${deletion.max}`, deletion.max, true, [[['keys', 0, 'deletionWindowDays'], deletion.max]]],
    [`${deletion.min - 1}`, deletion.min - 1, false, [[['keys', 0, 'deletionWindowDays'], deletion.min - 1]]],
    [`${deletion.max + 1}`, deletion.max + 1, false, [[['keys', 0, 'deletionWindowDays'], deletion.max + 1]]],
    ['a fraction', deletion.min + 0.5, false, [[['keys', 0, 'deletionWindowDays'], deletion.min + 0.5]]],
  ]);
  const alias = (v: string) => [[['keys', 0, 'alias'], v]] as const;
  const longest = `alias/${chars(aliasName.max - 'alias/'.length)}`;
  add(module, 'alias', 'alias must start with alias/', [
    ['alias/identity-center', 'alias/identity-center', true, alias('alias/identity-center')],
    [`${aliasName.max} characters`, longest, true, alias(longest)],
    [`${aliasName.max + 1} characters`, `${longest}x`, false, alias(`${longest}x`)],
    ['the reserved prefix', `${ALIAS.reservedPrefix}idc`, false, alias(`${ALIAS.reservedPrefix}idc`)],
    ['no prefix', 'identity-center', false, alias('identity-center')],
    ['a space', 'alias/identity center', false, alias('alias/identity center')],
  ]);
}
add('identity-center-key/modules/replica', 'alias', 'alias must start with alias/', [['none', null, true]]);
add('identity-center-key', 'rotation_period_in_days', 'rotation period must be a whole number', [
  [`${rotation.min}`, rotation.min, true, [[['keys', 0, 'rotation'], { enabled: true, periodDays: rotation.min }]]],
  [`${rotation.max}`, rotation.max, true, [[['keys', 0, 'rotation'], { enabled: true, periodDays: rotation.max }]]],
  [`${rotation.min - 1}`, rotation.min - 1, false, [[['keys', 0, 'rotation'], { enabled: true, periodDays: rotation.min - 1 }]]],
  [`${rotation.max + 1}`, rotation.max + 1, false, [[['keys', 0, 'rotation'], { enabled: true, periodDays: rotation.max + 1 }]]],
  ['a fraction', rotation.min + 0.5, false, [[['keys', 0, 'rotation'], { enabled: true, periodDays: rotation.min + 0.5 }]]],
]);
const statement = (s: Record<string, unknown>) =>
  JSON.stringify({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*', ...s });
add('identity-center-key', 'policy_statements', 'needs at least one statement', [
  ['one statement', { AllowAdmins: statement({}) }, true],
  ['none', {}, false],
]);
add('identity-center-key', 'policy_statements', 'whose Effect is Allow or Deny', [
  ['Deny', { DenyOthers: statement({ Effect: 'Deny' }) }, true],
  ['Permit', { AllowAdmins: statement({ Effect: 'Permit' }) }, false],
  ['not json', { AllowAdmins: '{"Effect":' }, false],
]);
add('identity-center-key', 'policy_statements', 'is its Sid and must contain only letters and digits', [
  ['letters and digits', { AllowAdmins2: statement({}) }, true],
  ['a hyphen', { 'Allow-Admins': statement({}) }, false],
]);
add('identity-center-key/modules/replica', 'primary_key_arn', 'ARN of a multi-Region key', [
  ['a multi-Region key', KEY_ARN, true],
  ['a single-Region key', 'arn:aws:kms:eu-west-1:111111111111:key/12345678-1234-1234-1234-123456789012', false],
]);
add('identity-center-key/modules/replica', 'policy', 'policy must be a JSON policy document', [
  ['a document', POLICY, true],
  ['no Statement', '{"Version":"2012-10-17"}', false],
]);

// ---- Identity store (LIMITS.groupDisplayName, userName) ----
const { groupDisplayName: groupName, userName } = LIMITS;
const group = (name: string, o: Record<string, unknown> = {}) => ({ [name]: o });
add('identity-store', 'groups', 'group display name must be', [
  [`${groupName.min} character`, group(chars(groupName.min, 'g')), true, [[['groups', SPARE_GROUP, 'name'], chars(groupName.min, 'g')]]],
  [`${groupName.max} characters`, group(chars(groupName.max, 'g')), true, [[['groups', SPARE_GROUP, 'name'], chars(groupName.max, 'g')]]],
  [`${groupName.max + 1} characters`, group(chars(groupName.max + 1, 'g')), false, [[['groups', SPARE_GROUP, 'name'], chars(groupName.max + 1, 'g')]]],
  ['empty', group(''), false, [[['groups', SPARE_GROUP, 'name'], '']]],
]);
add('identity-store', 'groups', 'External groups get their members', [
  ['external, no members', group('Auditors', { external: true }), true, [[['groups', SPARE_GROUP, 'external'], true]]],
  [
    'external with members',
    group('Auditors', { external: true, members: ['alice'] }),
    false,
    [
      [['groups', SPARE_GROUP, 'external'], true],
      [['groups', SPARE_GROUP, 'members'], ['spare']],
    ],
  ],
]);
const user = (name: string, o: Record<string, unknown> = { external: true }) => ({ [name]: o });
add('identity-store', 'users', 'user name must be', [
  [`${userName.max} characters`, user(chars(userName.max, 'u')), true, [[['users', SPARE_USER, 'userName'], chars(userName.max, 'u')]]],
  [`${userName.max + 1} characters`, user(chars(userName.max + 1, 'u')), false, [[['users', SPARE_USER, 'userName'], chars(userName.max + 1, 'u')]]],
  ['empty', user(''), false, [[['users', SPARE_USER, 'userName'], '']]],
]);
add('identity-store', 'users', 'needs display_name, given_name and family_name', [
  [
    'created with names',
    user('bob', { display_name: 'Bob', given_name: 'Bob', family_name: 'Example' }),
    true,
    [[['users', SPARE_USER], { userName: 'spare', displayName: 'Spare', givenName: 'Spare', familyName: 'User' }]],
  ],
  [
    'created without a family name',
    user('bob', { display_name: 'Bob', given_name: 'Bob' }),
    false,
    [[['users', SPARE_USER], { userName: 'spare', displayName: 'Spare', givenName: 'Spare' }]],
  ],
]);

// LIMITS.userContactsPerKind: the identity store keeps one email, phone number and address per user.
const names = { display_name: 'Bob', given_name: 'Bob', family_name: 'Example' };
const spare = (o: Record<string, unknown>) =>
  [[['users', SPARE_USER], { userName: 'spare', displayName: 'Spare', givenName: 'Spare', familyName: 'User', ...o }]] as const;
const two = LIMITS.userContactsPerKind.max + 1;
const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
add('identity-store', 'users', 'has at most one email', [
  [
    'one of each',
    user('bob', { ...names, emails: [{ value: 'b@example.com' }], phone_numbers: [{ value: '+1 555 0100' }], addresses: [{ locality: 'Paris' }] }),
    true,
    spare({ emails: [{ value: 's@example.com' }], phoneNumbers: [{ value: '+1 555 0100' }], addresses: [{ locality: 'Paris' }] }),
  ],
  [
    `${two} emails`,
    user('bob', { ...names, emails: many(two, (i) => ({ value: `b${i}@example.com` })) }),
    false,
    spare({ emails: many(two, (i) => ({ value: `s${i}@example.com` })) }),
  ],
  [
    'email and emails',
    user('bob', { ...names, email: 'a@example.com', emails: [{ value: 'b@example.com' }] }),
    false,
    spare({ email: 'a@example.com', emails: [{ value: 'b@example.com' }] }),
  ],
  [
    `${two} phone numbers`,
    user('bob', { ...names, phone_numbers: many(two, (i) => ({ value: `+1 555 010${i}` })) }),
    false,
    spare({ phoneNumbers: many(two, (i) => ({ value: `+1 555 010${i}` })) }),
  ],
  [
    `${two} addresses`,
    user('bob', { ...names, addresses: many(two, (i) => ({ locality: `City ${i}` })) }),
    false,
    spare({ addresses: many(two, (i) => ({ locality: `City ${i}` })) }),
  ],
]);

// ---- Customer managed policies (LIMITS.customerManagedPolicyName, iamPath) ----
const { customerManagedPolicyName: policyName, iamPath: pathLimit } = LIMITS;
const cmp = (o: Record<string, unknown>) =>
  [[['permissionSets', SPARE_PS, 'customerManagedPolicies'], [{ name: 'Boundary', path: '/', policy: JSON.parse(POLICY), ...o }]]] as const;
const policy = (name: string, o: Record<string, unknown> = {}) => ({ [name]: { policy: POLICY, ...o } });
add('key-user-policies', 'policies', 'policy name must be 1 to 128', [
  [`${policyName.max} characters`, policy(chars(policyName.max, 'p')), true, cmp({ name: chars(policyName.max, 'p') })],
  [`${policyName.max + 1} characters`, policy(chars(policyName.max + 1, 'p')), false, cmp({ name: chars(policyName.max + 1, 'p') })],
  ['a space', policy('key use'), false, cmp({ name: 'key use' })],
]);
add('key-user-policies', 'policies', 'policy path must start and end with /', [
  [`${pathLimit.max} characters`, policy('p', { path: iamPath(pathLimit.max) }), true, cmp({ path: iamPath(pathLimit.max) })],
  [`${pathLimit.max + 1} characters`, policy('p', { path: iamPath(pathLimit.max + 1) }), false, cmp({ path: iamPath(pathLimit.max + 1) })],
  // The model normalizes a path to /…/ (`teams` means /teams/): the module only ever sees normalized paths.
  ['no slashes', policy('p', { path: 'teams' }), false],
]);
add('key-user-policies', 'policies', 'must be a JSON policy document with a Statement', [
  ['a document', policy('p'), true],
  ['no Statement', policy('p', { policy: '{"Version":"2012-10-17"}' }), false],
]);

// ---- Permission sets (LIMITS.permissionSetName, permissionSetDescription, sessionDurationHours, relayState, iamPath) ----
const { permissionSetName: psName, permissionSetDescription: psDescription, sessionDurationHours: hours, relayState: relay } = LIMITS;
const ps = (name: string, o: Record<string, unknown> = {}) => ({ [name]: o });
const psEdit = (field: string, v: unknown) => [[['permissionSets', SPARE_PS, field], v]] as const;
add('permission-sets', 'permission_sets', 'permission set name must be 1 to 32', [
  [`${psName.max} characters`, ps(chars(psName.max)), true, psEdit('name', chars(psName.max))],
  [`${psName.max + 1} characters`, ps(chars(psName.max + 1)), false, psEdit('name', chars(psName.max + 1))],
  ['a space', ps('Read Only'), false, psEdit('name', 'Read Only')],
]);
add('permission-sets', 'permission_sets', 'description must be 1 to 700', [
  [`${psDescription.max} characters`, ps('P', { description: chars(psDescription.max) }), true, psEdit('description', chars(psDescription.max))],
  [`${psDescription.max + 1} characters`, ps('P', { description: chars(psDescription.max + 1) }), false, psEdit('description', chars(psDescription.max + 1))],
  ['empty', ps('P', { description: '' }), false, psEdit('description', '')],
]);
const duration = (v: string, ok: boolean): [string, unknown, boolean, readonly ModelEdit[]] => [
  v,
  ps('P', { session_duration: v }),
  ok,
  psEdit('sessionDuration', v),
];
add('permission-sets', 'permission_sets', 'session duration must be an ISO-8601 duration', [
  duration(`PT${hours.min}H`, true),
  duration(`PT${hours.max}H`, true),
  duration(`PT${hours.min * 60 + 30}M`, true),
  duration(`PT${hours.max - 1}H59M59S`, true),
  duration(`PT${hours.max * 3600}S`, true),
  duration(`PT${hours.min * 60 - 1}M`, false),
  duration(`PT${hours.max}H1S`, false),
  duration(`PT${hours.max + 1}H`, false),
  duration('P1D', false),
  duration('PT', false),
]);
add('permission-sets', 'permission_sets', 'relay state must be 1 to 240', [
  [`${relay.max} characters`, ps('P', { relay_state: relayState(relay.max) }), true, psEdit('relayState', relayState(relay.max))],
  [`${relay.max + 1} characters`, ps('P', { relay_state: relayState(relay.max + 1) }), false, psEdit('relayState', relayState(relay.max + 1))],
  ['empty', ps('P', { relay_state: '' }), false, psEdit('relayState', '')],
]);
add('permission-sets', 'permission_sets', 'inline policy must be a JSON policy document', [
  ['a document', ps('P', { inline_policy: POLICY }), true],
  ['no Statement', ps('P', { inline_policy: '{"Version":"2012-10-17"}' }), false],
]);
add('permission-sets', 'permission_sets', 'permissions boundary must set exactly one', [
  ['a managed policy', ps('P', { permissions_boundary: { managed_policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess' } }), true],
  ['neither', ps('P', { permissions_boundary: {} }), false],
  ['both', ps('P', { permissions_boundary: { managed_policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess', customer_managed_policy: { name: 'B' } } }), false],
]);
const psPath = (p: string) => ps('P', { customer_managed_policies: [{ name: 'Boundary', path: p }] });
const psPathEdit = (p: string) => [[['permissionSets', SPARE_PS, 'customerManagedPolicies'], [{ name: 'Boundary', path: p }]]] as const;
add('permission-sets', 'permission_sets', 'customer managed policy path must start and end with /', [
  [`${pathLimit.max} characters`, psPath(iamPath(pathLimit.max)), true, psPathEdit(iamPath(pathLimit.max))],
  [`${pathLimit.max + 1} characters`, psPath(iamPath(pathLimit.max + 1)), false, psPathEdit(iamPath(pathLimit.max + 1))],
  ['no slashes', psPath('teams'), false],
]);

// ---- Applications (CreateApplication, PutApplicationAccessScope: limits.ts, aws-patterns.ts) ----
add('applications', 'instance_arn', 'instance ARN must look like', [
  ['16 characters', INSTANCE, true],
  ['15 characters', 'arn:aws:sso:::instance/ssoins-111122223333444', false],
]);
add('applications', 'identity_store_id', 'identity store ID must look like', [
  ['d- and 10 hex digits', 'd-1111222233', true],
  ['9 hex digits', 'd-111122223', false],
]);
/** The applications variable holding one application `name` with `fields`, and the same in a model. */
const app = (fields: Record<string, unknown>, name = 'Wiki') => ({ [name]: { provider_arn: CUSTOM_PROVIDER, ...fields } });
const appEdit = (entry: Record<string, unknown>) => [[['applications'], [{ name: 'Wiki', ...entry }]]] as const;
const appName = LIMITS.applicationName;
const appDescription = LIMITS.applicationDescription;
const appUrl = LIMITS.applicationUrl;
const targets = LIMITS.accessScopeTargets;
const url = (n: number) => `https://example.com/${chars(n - 'https://example.com/'.length)}`;
add('applications', 'applications', 'application name must be 1 to 100', [
  [`${appName.max} characters`, app({}, chars(appName.max)), true, [[['applications'], [{ name: chars(appName.max) }]]]],
  [`${appName.max + 1} characters`, app({}, chars(appName.max + 1)), false, [[['applications'], [{ name: chars(appName.max + 1) }]]]],
]);
add('applications', 'applications', 'must be an application provider ARN', [
  ['custom', app({}), true, appEdit({ provider: CUSTOM_PROVIDER })],
  ['no provider name', app({ provider_arn: 'arn:aws:sso::aws:applicationProvider/' }), false, appEdit({ provider: 'arn:aws:sso::aws:applicationProvider/' })],
]);
add('applications', 'applications', 'application description must be 1 to 128', [
  [`${appDescription.max} characters`, app({ description: chars(appDescription.max) }), true, appEdit({ description: chars(appDescription.max) })],
  [`${appDescription.max + 1} characters`, app({ description: chars(appDescription.max + 1) }), false, appEdit({ description: chars(appDescription.max + 1) })],
]);
add('applications', 'applications', 'application status must be ENABLED or DISABLED', [
  ['DISABLED', app({ status: 'DISABLED' }), true, appEdit({ status: 'DISABLED' })],
  ['OFF', app({ status: 'OFF' }), false],
]);
const signIn = { origin: 'IDENTITY_CENTER' };
add('applications', 'applications', 'portal visibility must be ENABLED or DISABLED', [
  ['DISABLED', app({ portal: { visibility: 'DISABLED', sign_in: signIn } }), true, appEdit({ portal: { visibility: 'DISABLED', signIn } })],
  ['HIDDEN', app({ portal: { visibility: 'HIDDEN', sign_in: signIn } }), false],
]);
add('applications', 'applications', 'portal that sets visibility must also set sign_in', [
  ['with sign_in', app({ portal: { visibility: 'ENABLED', sign_in: signIn } }), true, appEdit({ portal: { visibility: 'ENABLED', signIn } })],
  ['without sign_in', app({ portal: { visibility: 'ENABLED' } }), false, appEdit({ portal: { visibility: 'ENABLED' } })],
]);
add('applications', 'applications', 'sign_in origin must be IDENTITY_CENTER, or APPLICATION with the url', [
  [
    'APPLICATION with a url',
    app({ portal: { sign_in: { origin: 'APPLICATION', url: url(40) } } }),
    true,
    appEdit({ portal: { signIn: { origin: 'APPLICATION', url: url(40) } } }),
  ],
  ['APPLICATION without url', app({ portal: { sign_in: { origin: 'APPLICATION' } } }), false, appEdit({ portal: { signIn: { origin: 'APPLICATION' } } })],
]);
add('applications', 'applications', 'sign_in url must be an http or https URL', [
  [
    `${appUrl.max} characters`,
    app({ portal: { sign_in: { origin: 'APPLICATION', url: url(appUrl.max) } } }),
    true,
    appEdit({ portal: { signIn: { origin: 'APPLICATION', url: url(appUrl.max) } } }),
  ],
  [
    `${appUrl.max + 1} characters`,
    app({ portal: { sign_in: { origin: 'APPLICATION', url: url(appUrl.max + 1) } } }),
    false,
    appEdit({ portal: { signIn: { origin: 'APPLICATION', url: url(appUrl.max + 1) } } }),
  ],
  [
    'ftp',
    app({ portal: { sign_in: { origin: 'APPLICATION', url: 'ftp://example.com/x' } } }),
    false,
    appEdit({ portal: { signIn: { origin: 'APPLICATION', url: 'ftp://example.com/x' } } }),
  ],
]);
add('applications', 'applications', 'assignment principal_type must be GROUP or USER', [
  ['GROUP', app({ assignments: [{ principal_type: 'GROUP', principal_name: 'Spare' }] }), true, appEdit({ assignments: { groups: ['Spare'] } })],
  ['ROLE', app({ assignments: [{ principal_type: 'ROLE', principal_name: 'Spare' }] }), false],
]);
add('applications', 'applications', 'access scope must be 1 to 3 parts', [
  ['three parts of 50', app({ access_scopes: { [`${chars(50)}:b:c`]: {} } }), true, appEdit({ accessScopes: [{ scope: `${chars(50)}:b:c` }] })],
  ['a part of 51', app({ access_scopes: { [`${chars(51)}:b`]: {} } }), false, appEdit({ accessScopes: [{ scope: `${chars(51)}:b` }] })],
  ['four parts', app({ access_scopes: { 'a:b:c:d': {} } }), false, appEdit({ accessScopes: [{ scope: 'a:b:c:d' }] })],
]);
const scopeTargets = (n: number) => Array.from({ length: n }, (_, i) => APP_ARN.replace('apl-1111222233334444', `apl-${String(i).padStart(16, '0')}`));
add('applications', 'applications', 'authorized_targets must list 1 to 10', [
  [
    `${targets.max} targets`,
    app({ access_scopes: { 'qapps:access': { authorized_targets: scopeTargets(targets.max) } } }),
    true,
    appEdit({ accessScopes: [{ scope: 'qapps:access', authorizedTargets: scopeTargets(targets.max) }] }),
  ],
  [
    `${targets.max + 1} targets`,
    app({ access_scopes: { 'qapps:access': { authorized_targets: scopeTargets(targets.max + 1) } } }),
    false,
    appEdit({ accessScopes: [{ scope: 'qapps:access', authorizedTargets: scopeTargets(targets.max + 1) }] }),
  ],
  [
    'none',
    app({ access_scopes: { 'qapps:access': { authorized_targets: [] } } }),
    false,
    appEdit({ accessScopes: [{ scope: 'qapps:access', authorizedTargets: [] }] }),
  ],
]);
const appTags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
add('applications', 'applications', 'at most 75 tags', [
  [`${LIMITS.applicationTags.max} tags`, app({ tags: appTags(LIMITS.applicationTags.max) }), true, appEdit({ tags: appTags(LIMITS.applicationTags.max) })],
  [
    `${LIMITS.applicationTags.max + 1} tags`,
    app({ tags: appTags(LIMITS.applicationTags.max + 1) }),
    false,
    appEdit({ tags: appTags(LIMITS.applicationTags.max + 1) }),
  ],
]);

// ---- Attributes for access control (AccessControlAttribute: limits.ts, aws-patterns.ts) ----
const ABAC: readonly (string | number)[] = ['identityCenter', 'accessControlAttributes'];
const source = '${path:enterprise.department}';
const attrs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, [source]]));
add('access-control-attributes', 'instance_arn', 'instance ARN must look like', [
  ['16 characters', INSTANCE, true],
  ['15 characters', 'arn:aws:sso:::instance/ssoins-111122223333444', false],
]);
add('access-control-attributes', 'attributes', 'at most 50 attributes', [
  [`${LIMITS.accessControlAttributes.max}`, attrs(LIMITS.accessControlAttributes.max), true, [[ABAC, attrs(LIMITS.accessControlAttributes.max)]]],
  [`${LIMITS.accessControlAttributes.max + 1}`, attrs(LIMITS.accessControlAttributes.max + 1), false, [[ABAC, attrs(LIMITS.accessControlAttributes.max + 1)]]],
]);
const keyLimit = LIMITS.accessControlAttributeKey;
add('access-control-attributes', 'attributes', 'Every attribute key must be 1 to 128', [
  [`${keyLimit.max} characters`, { [chars(keyLimit.max)]: [source] }, true, [[ABAC, { [chars(keyLimit.max)]: [source] }]]],
  [`${keyLimit.max + 1} characters`, { [chars(keyLimit.max + 1)]: [source] }, false, [[ABAC, { [chars(keyLimit.max + 1)]: [source] }]]],
  ['a !', { 'cost!': [source] }, false, [[ABAC, { 'cost!': [source] }]]],
]);
add('access-control-attributes', 'attributes', 'exactly one source', [
  ['one', { team: [source] }, true, [[ABAC, { team: [source] }]]],
  ['two', { team: [source, '${user:email}'] }, false, [[ABAC, { team: [source, '${user:email}'] }]]],
]);
const sourceLimit = LIMITS.accessControlAttributeSource;
const longSource = (n: number) => `${source}${chars(n - source.length)}`;
add('access-control-attributes', 'attributes', 'Every source must be at most 256', [
  [`${sourceLimit.max} characters`, { team: [longSource(sourceLimit.max)] }, true, [[ABAC, { team: [longSource(sourceLimit.max)] }]]],
  [`${sourceLimit.max + 1} characters`, { team: [longSource(sourceLimit.max + 1)] }, false, [[ABAC, { team: [longSource(sourceLimit.max + 1)] }]]],
  ['no reference', { team: ['enterprise.team'] }, false, [[ABAC, { team: ['enterprise.team'] }]]],
]);

export const BOUNDARIES: readonly Boundary[] = rows;

/** A Terraform identifier for a row's run. */
export function runName(b: Boundary, i: number): string {
  return `r${String(i).padStart(3, '0')}_${b.module.replace(/\W+/g, '_')}_${b.variable}_${b.ok ? 'inside' : 'outside'}`;
}
