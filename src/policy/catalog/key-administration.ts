// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators
/**
 * Key administration for the `least-privilege` profile (and for baseline administrators outside
 * the accounts its root statement covers). G2 has no administration statement: without one the
 * key could not be managed and KMS's lockout safety check would reject the policy. The actions are
 * the console default key policy's key-administrator statement.
 */
import type { PolicyRef } from '../../model';
import { PolicyStatement } from '../statement';
import { ACTIONS } from './aws';
import { addPrincipalSet, type PrincipalSet } from './shapes';

export const KEY_ADMINISTRATION_SID = 'KeyAdministration';

/** The administrator actions; a multi-Region key's administrators may also replicate it. */
function administrationActions(multiRegion: boolean): string[] {
  return multiRegion ? [...ACTIONS.keyAdministration, ...ACTIONS.multiRegionKeyAdministration] : [...ACTIONS.keyAdministration];
}

export function keyAdministrationStatement(administrators: PrincipalSet, multiRegion: boolean): PolicyStatement {
  return addPrincipalSet(new PolicyStatement({ sid: KEY_ADMINISTRATION_SID, actions: administrationActions(multiRegion), resources: ['*'] }), administrators);
}

/** The identity-policy side, for administrators whose key policy grant goes through their account root. */
export function keyAdministrationIdentityStatement(keyArn: PolicyRef): PolicyStatement {
  return new PolicyStatement({ sid: KEY_ADMINISTRATION_SID, actions: administrationActions(keyArn.ref === 'key-arn-all-regions'), resources: [keyArn] });
}
