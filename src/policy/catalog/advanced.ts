// https://docs.aws.amazon.com/singlesignon/latest/userguide/advanced-kms-policy.html
/**
 * "Advanced KMS key policy statements" (identical in G2 and G3; shared/reference §2.3): read-only
 * administrators of one instance and AWS managed applications restricted by service principal,
 * source account or application instance. Both profiles use them.
 */
import type { PolicyValue } from '../../model';
import { PolicyStatement } from '../statement';
import { ACTIONS, CONDITION_KEYS } from './aws';
import { addPrincipalSet, addViaServiceWithContext, type EncryptionContextValues, type PrincipalSet } from './shapes';

/**
 * Read-only use of one instance. "The kms:Decrypt action alone does not restrict access to
 * read-only operations. The IAM policy must enforce read-only access on IAM Identity Center
 * service APIs."
 */
export function readOnlyAdminStatements(principals: PrincipalSet, ec: EncryptionContextValues): PolicyStatement[] {
  return [
    addViaServiceWithContext(
      addPrincipalSet(new PolicyStatement({ sid: 'AllowReadOnlyAccessToIdentityCenterAPI', actions: ACTIONS.decrypt, resources: ['*'] }), principals),
      'sso',
      ec,
    ),
    addViaServiceWithContext(
      addPrincipalSet(new PolicyStatement({ sid: 'AllowReadOnlyAccessToIdentityStoreAPI', actions: ACTIONS.decrypt, resources: ['*'] }), principals),
      'identityStore',
      ec,
    ),
  ];
}

export interface RestrictedAppsProps {
  /** Application service principals, e.g. `elasticmapreduce.amazonaws.com`. */
  readonly servicePrincipals: readonly string[];
  /** Account ids the applications run in (aws:SourceAccount). */
  readonly sourceAccountIds: readonly string[];
  /** Application instance ARNs (aws:SourceARN). */
  readonly sourceArns: readonly PolicyValue[];
}

/**
 * Replaces the organization-wide managed-apps statements. The docs give one pair restricted by
 * account and one restricted by application instance; when both are given idcgen writes one pair
 * that requires both (the narrower of the two), under the application-instance Sids.
 */
export function restrictedAppStatements(props: RestrictedAppsProps, ec: EncryptionContextValues): PolicyStatement[] {
  const byInstance = props.sourceArns.length > 0;
  const base = byInstance ? 'AllowSpecificAppInstanceToUseTheKMSKey' : 'AllowServiceInSpecificAccountsToUseTheKMSKey';
  const build = (sid: string, via: 'sso' | 'identityStore') => {
    const s = new PolicyStatement({ sid, servicePrincipals: props.servicePrincipals, actions: ACTIONS.decrypt, resources: ['*'] });
    if (props.sourceAccountIds.length > 0) s.addCondition('StringEquals', CONDITION_KEYS.sourceAccount, [...props.sourceAccountIds]);
    if (byInstance) s.addCondition('StringEquals', CONDITION_KEYS.sourceArn, [...props.sourceArns]);
    addViaServiceWithContext(s, via, ec);
    s.addCondition('Bool', CONDITION_KEYS.principalIsAwsService, 'true');
    return s;
  };
  return [build(`${base}ViaIdentityCenter`, 'sso'), build(`${base}ViaIdentityStore`, 'identityStore')];
}
