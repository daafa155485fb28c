/**
 * Inputs shared by the catalog's statement builders: who a statement admits, and which
 * encryption-context values it requires.
 */
import type { PolicyValue } from '../../model';
import { PolicyStatement } from '../statement';
import { CONDITION_KEYS, EC_CONDITION, VIA_SERVICE } from './aws';

/**
 * The AWS principals of a key policy statement. `aws` goes into `Principal.AWS`; when
 * `principalArns` is non-empty the statement also gets `ArnLike aws:PrincipalArn` with them, which
 * narrows account-root principals to the listed roles (permission-set role patterns).
 */
export interface PrincipalSet {
  readonly aws: readonly PolicyValue[];
  readonly principalArns: readonly string[];
}

/**
 * Values the encryption context must carry. Absent = any value (`"*"`, the G2 baseline shape,
 * which still requires the key to be present).
 */
export interface EncryptionContextValues {
  readonly instanceArn: PolicyValue;
  readonly identityStoreArn: PolicyValue;
}

export function addPrincipalSet(s: PolicyStatement, principals: PrincipalSet): PolicyStatement {
  s.addAwsPrincipals(...principals.aws);
  if (principals.principalArns.length > 0) s.addCondition('ArnLike', CONDITION_KEYS.principalArn, [...principals.principalArns]);
  return s;
}

export type Via = 'sso' | 'identityStore';

/** `StringLike` on kms:ViaService and the matching encryption-context key, as G2 and §2.3 write it. */
export function addViaServiceWithContext(s: PolicyStatement, via: Via, ec: EncryptionContextValues | undefined): PolicyStatement {
  if (via === 'sso') {
    s.addCondition('StringLike', CONDITION_KEYS.viaService, VIA_SERVICE.sso);
    s.addCondition('StringLike', EC_CONDITION.instanceArn, ec?.instanceArn ?? '*');
  } else {
    s.addCondition('StringLike', CONDITION_KEYS.viaService, VIA_SERVICE.identityStore);
    s.addCondition('StringLike', EC_CONDITION.identityStoreArn, ec?.identityStoreArn ?? '*');
  }
  return s;
}

/** The G2 per-service pair: `<base>ViaIdentityCenter` and `<base>ViaIdentityStore`. */
export function viaServicePair(base: string, build: (sid: string, via: Via) => PolicyStatement): PolicyStatement[] {
  return [build(`${base}ViaIdentityCenter`, 'sso'), build(`${base}ViaIdentityStore`, 'identityStore')];
}
