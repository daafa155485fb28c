// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators
/**
 * Key administration for the `least-privilege` profile (and for baseline administrators outside
 * the accounts its root statement covers). G2 has no administration statement: without one the
 * key could not be managed and KMS's lockout safety check would reject the policy. The actions are
 * the console default key policy's key-administrator statement.
 */
import type { PolicyValue } from '../types';
import { PolicyStatement } from '../statement';
import { ACTIONS } from './aws';
import { addPrincipalSet, type PrincipalSet } from './shapes';

export const KEY_ADMINISTRATION_SID = 'KeyAdministration';

export function keyAdministrationStatement(administrators: PrincipalSet): PolicyStatement {
  return addPrincipalSet(new PolicyStatement({ sid: KEY_ADMINISTRATION_SID, actions: ACTIONS.keyAdministration, resources: ['*'] }), administrators);
}

/** The identity-policy side, for administrators whose key policy grant goes through their account root. */
export function keyAdministrationIdentityStatement(keyArn: PolicyValue): PolicyStatement {
  return new PolicyStatement({ sid: KEY_ADMINISTRATION_SID, actions: ACTIONS.keyAdministration, resources: [keyArn] });
}
