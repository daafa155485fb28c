// https://docs.aws.amazon.com/singlesignon/latest/userguide/cmk-related-errors.html
/**
 * The deployer (`deployment.deployer`): the role that runs Terraform for the management unit and
 * the Identity Center units. In a least-privilege key it is a key administrator (it is added to
 * the KeyAdministration statement, so it can apply the key policy again: KMS's lockout check) and,
 * for the key Identity Center uses, it may use the key through Identity Center and Identity Store
 * as the administrators do (G2 AllowIAMIdentityCenterAdminToUseTheKMSKeyVia*), plus
 * kms:GenerateDataKey, which the troubleshooting page lists for the principal that switches the
 * instance to the key. The role is named in Principal as given: it exists before the key policy (it
 * is what applies it), so KMS's principal check catches a mistyped ARN.
 */
import { PolicyStatement } from '../statement';
import { ACTIONS } from './aws';
import { addPrincipalSet, addViaServiceWithContext, viaServicePair, type EncryptionContextValues, type PrincipalSet } from './shapes';

export function deployerUseStatements(deployer: PrincipalSet, ec?: EncryptionContextValues): PolicyStatement[] {
  return viaServicePair('AllowDeployerToUseTheKMSKey', (sid, via) =>
    addViaServiceWithContext(addPrincipalSet(new PolicyStatement({ sid, actions: ACTIONS.deployerUse, resources: ['*'] }), deployer), via, ec),
  );
}
