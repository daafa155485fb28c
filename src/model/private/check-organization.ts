/** Checks of the organization, identityCenter and deployment sections. */
import { PATTERNS } from '../aws-patterns';
import { LIMITS, rangeMessage } from '../limits';
import { checkPattern, checkRoleArn, type CheckContext } from './context';
import { lengthMessage, outOfLength, unknownRef } from './describe';

export function checkOrganization(ctx: CheckContext): void {
  const { organization, identityCenter, deployment } = ctx.model;
  checkPattern(ctx, ['organization', 'id'], 'organization id', organization.id, PATTERNS.organizationId);
  if (!ctx.accounts.has(organization.managementAccount)) {
    ctx.error(
      ['organization', 'managementAccount'],
      unknownRef('managementAccount', organization.managementAccount, 'accounts', [...ctx.accounts]),
    );
  }

  checkPattern(ctx, ['identityCenter', 'region'], 'region', identityCenter.region, PATTERNS.region);
  checkPattern(ctx, ['identityCenter', 'instanceArn'], 'instanceArn', identityCenter.instanceArn, PATTERNS.instanceArn);
  checkPattern(ctx, ['identityCenter', 'identityStoreId'], 'identityStoreId', identityCenter.identityStoreId, PATTERNS.identityStoreId);
  const keyName = identityCenter.encryption?.key;
  if (keyName !== undefined && !ctx.keys.has(keyName)) {
    ctx.error(['identityCenter', 'encryption', 'key'], unknownRef('encryption key', keyName, 'keys', [...ctx.keys]));
  }
  if (identityCenter.encryption?.manage === true && keyName === undefined) {
    ctx.error(
      ['identityCenter', 'encryption', 'manage'],
      'encryption manage: true needs encryption key: naming the key identity center should use',
    );
  }

  if (!deployment) return;
  const { roleName, maxResourcesPerStack, backend } = deployment;
  checkDeployer(ctx, deployment.deployer);
  if (roleName !== undefined) {
    if (outOfLength(roleName, LIMITS.roleName)) ctx.error(['deployment', 'roleName'], lengthMessage('roleName', roleName, LIMITS.roleName));
    else checkPattern(ctx, ['deployment', 'roleName'], 'roleName', roleName, PATTERNS.roleName);
  }
  const stack = LIMITS.maxResourcesPerStack;
  if (maxResourcesPerStack !== undefined && (maxResourcesPerStack < stack.min || maxResourcesPerStack > stack.max)) {
    ctx.error(['deployment', 'maxResourcesPerStack'], rangeMessage('maxResourcesPerStack', maxResourcesPerStack, stack));
  }
  if (backend?.type === 's3') {
    if (backend.bucket === '') ctx.error(['deployment', 'backend', 'bucket'], 'backend bucket must not be empty');
    checkPattern(ctx, ['deployment', 'backend', 'region'], 'backend region', backend.region, PATTERNS.region);
  }
}

/**
 * The deployer runs the management unit, whose provider works in the management account without
 * assuming a role (`allowed_account_ids`): it is a role there, named exactly, because the key policy
 * names it as a principal.
 */
function checkDeployer(ctx: CheckContext, deployer: string | undefined): void {
  const at = ['deployment', 'deployer'];
  const management = (ctx.model.accounts ?? []).find((a) => a.name === ctx.model.organization.managementAccount);
  const example = `arn:aws:iam::${management?.id ?? '111111111111'}:role/IdcgenDeployer`;
  if (deployer === undefined || !checkRoleArn(ctx, at, 'deployer', deployer, example) || !management) return;
  const account = deployer.split(':')[4];
  if (account !== management.id) {
    ctx.error(
      at,
      `deployer '${deployer}' is in account ${account}, not the management account ${management.name} (${management.id}); the management unit runs there without assuming a role, so the deployer must be a role in it, e.g. ${example}`,
    );
  }
}
