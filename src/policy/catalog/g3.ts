// https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
/**
 * G3 "Baseline KMS key policy": the newest consolidated five-statement key policy and its
 * cross-account IAM policy (shared/reference/identity-center-cmk.md §2.1, §2.2). The `baseline`
 * profile is built from these. `${aws:ResourceAccount}` / `${aws:ResourceOrgID}` are written as
 * the docs write them: AWS evaluates them.
 */
import type { PolicyValue } from '../../model';
import { PolicyStatement } from '../statement';
import { ACTIONS, CONDITION_KEYS, EC_CONDITION, ENCRYPTION_CONTEXT_KEYS, POLICY_VARIABLES, SERVICE_PRINCIPALS, VIA_SERVICE } from './aws';
import type { EncryptionContextValues } from './shapes';

const SERVICES = [SERVICE_PRINCIPALS.identityStore, SERVICE_PRINCIPALS.sso];
const CONTEXT_KEYS = [ENCRYPTION_CONTEXT_KEYS.instanceArn, ENCRYPTION_CONTEXT_KEYS.identityStoreArn];

/** Statement 1: full key permissions for the Identity Center account and delegated-admin accounts (roots). */
export function g3AdminAccountsStatement(accountRoots: readonly string[]): PolicyStatement {
  return new PolicyStatement({ sid: 'AllowIdentityCenterAdminAccounts', awsPrincipals: accountRoots, actions: ACTIONS.all, resources: ['*'] });
}

/** Statements 2–3: the Identity Center and Identity Store services (required). */
export function g3ServiceStatements(): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'AllowIdentityCenterAndIdentityStoreToDescribeKey',
      servicePrincipals: SERVICES,
      actions: ACTIONS.describe,
      resources: ['*'],
      conditions: { StringEquals: { [CONDITION_KEYS.sourceAccount]: POLICY_VARIABLES.resourceAccount } },
    }),
    new PolicyStatement({
      sid: 'AllowIdentityCenterAndIdentityStoreToUseKey',
      servicePrincipals: SERVICES,
      actions: ACTIONS.serviceUse,
      resources: ['*'],
      conditions: {
        StringEquals: { [CONDITION_KEYS.sourceAccount]: POLICY_VARIABLES.resourceAccount },
        'ForAnyValue:StringEquals': { [CONDITION_KEYS.encryptionContextKeys]: CONTEXT_KEYS },
      },
    }),
  ];
}

/**
 * Statement 4: principals of the organization decrypting through Identity Center / Identity Store
 * (forward access sessions of administrators and app administrators).
 *
 * With `ec` (restrict-to-instance) the statement is split per service, because one statement
 * requiring both context keys with StringEquals would deny every call: a call through
 * Identity Center carries only the instance ARN, one through Identity Store only the store ARN.
 */
export function g3OrgPrincipalsStatements(ec?: EncryptionContextValues): PolicyStatement[] {
  const build = (sid: string, via: string[]) =>
    new PolicyStatement({
      sid,
      anyPrincipal: true,
      actions: ACTIONS.decrypt,
      resources: ['*'],
      conditions: {
        StringEquals: { [CONDITION_KEYS.principalOrgId]: POLICY_VARIABLES.resourceOrgId },
        StringLike: { [CONDITION_KEYS.viaService]: via },
        'ForAnyValue:StringEquals': { [CONDITION_KEYS.encryptionContextKeys]: CONTEXT_KEYS },
      },
    });
  if (!ec) return [build('AllowOrgPrincipalsViaIdentityCenterAndIdentityStore', [VIA_SERVICE.sso, VIA_SERVICE.identityStore])];
  return restrictPerService('AllowOrgPrincipalsVia', build, ec);
}

/** Statement 5: AWS managed applications of the organization; split per service with `ec` (see statement 4). */
export function g3ManagedAppsStatements(ec?: EncryptionContextValues): PolicyStatement[] {
  const build = (sid: string, via: string[]) =>
    new PolicyStatement({
      sid,
      anyPrincipal: true,
      actions: ACTIONS.decrypt,
      resources: ['*'],
      conditions: {
        Bool: { [CONDITION_KEYS.principalIsAwsService]: 'true' },
        StringEquals: { [CONDITION_KEYS.sourceOrgId]: POLICY_VARIABLES.resourceOrgId },
        StringLike: { [CONDITION_KEYS.viaService]: via },
        'ForAnyValue:StringEquals': { [CONDITION_KEYS.encryptionContextKeys]: CONTEXT_KEYS },
      },
    });
  if (!ec) return [build('AllowManagedApps', [VIA_SERVICE.identityStore, VIA_SERVICE.sso])];
  return restrictPerService('AllowManagedAppsVia', build, ec);
}

// https://docs.aws.amazon.com/singlesignon/latest/userguide/advanced-kms-policy.html
/** "adding encryption context conditions to the AllowOrgPrincipals… and AllowManagedApps statements". */
function restrictPerService(prefix: string, build: (sid: string, via: string[]) => PolicyStatement, ec: EncryptionContextValues): PolicyStatement[] {
  return [
    build(`${prefix}IdentityCenter`, [VIA_SERVICE.sso]).addCondition('StringEquals', EC_CONDITION.instanceArn, ec.instanceArn),
    build(`${prefix}IdentityStore`, [VIA_SERVICE.identityStore]).addCondition('StringEquals', EC_CONDITION.identityStoreArn, ec.identityStoreArn),
  ];
}

/**
 * §2.2: IAM policy for principals in other accounts. Administrators get the full statement pair;
 * "For cross-account use cases other than IAM Identity Center administration … scope
 * AllowCrossAccountKMSKeyUse down to kms:Decrypt only and remove the AllowListKMSKeyAliases statement."
 */
export function g3CrossAccountStatements(keyArn: PolicyValue, access: 'administration' | 'decrypt'): PolicyStatement[] {
  if (access === 'decrypt') return [new PolicyStatement({ sid: 'AllowCrossAccountKMSKeyUse', actions: ACTIONS.decrypt, resources: [keyArn] })];
  return [
    new PolicyStatement({ sid: 'AllowCrossAccountKMSKeyUse', actions: ACTIONS.adminIdentityUse, resources: [keyArn] }),
    new PolicyStatement({ sid: 'AllowListKMSKeyAliases', actions: ACTIONS.listAliases, resources: ['*'] }),
  ];
}
