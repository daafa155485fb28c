/**
 * What `idcgen encryption <model>` takes from the resolved model: the Identity Center Region and
 * instance, the management account that must own it, the key (by alias, since its ARN is only
 * known once Terraform created it), and the key policy idcgen generates for it, rendered with the
 * live key, instance and identity store ARNs so it compares with what GetKeyPolicy returns.
 */
import type { ResolvedModel } from '../model';
import { renderPolicy } from '../policy';
import type { ExpectedPolicy } from './preflight';

export interface ModelTarget {
  readonly region: string;
  readonly instanceArn?: string;
  readonly managementAccountId: string;
  /** The organization (aws:PrincipalOrgID of the caller in the caller check). */
  readonly organizationId: string;
  /** deployment.deployer, so the caller check knows its role path. */
  readonly deployer?: string;
  /** Alias of the key Identity Center should use; absent when the model keeps the AWS owned key. */
  readonly key?: string;
  readonly expectedPolicy?: ExpectedPolicy;
}

export function targetFromModel(ir: ResolvedModel): ModelTarget {
  const { region, instanceArn, encryptionKey } = ir.identityCenter;
  const base = {
    region,
    instanceArn,
    managementAccountId: ir.organization.managementAccountId,
    organizationId: ir.organization.id,
    ...(ir.deployment.deployer !== undefined ? { deployer: ir.deployment.deployer } : {}),
  };
  const key = ir.keys.find((k) => k.name === encryptionKey);
  if (!key) return base;
  return {
    ...base,
    key: key.alias,
    expectedPolicy: (live) =>
      renderPolicy(key.keyPolicy, {
        keyArns: { [key.name]: live.keyArn },
        instanceArn: live.instanceArn,
        identityStoreArn: live.identityStoreArn,
      }),
  };
}
