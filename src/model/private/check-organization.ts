/** Checks of the organization, identityCenter and deployment sections. */
import { PATTERNS } from '../aws-patterns';
import { unknownRegionMessage } from '../regions';
import { LIMITS, rangeMessage } from '../limits';
import { checkPattern, type CheckContext } from './context';
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

  checkRegion(ctx, ['identityCenter', 'region'], 'region', identityCenter.region);
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
    checkRegion(ctx, ['deployment', 'backend', 'region'], 'backend region', backend.region);
  }
}

/** A Region code of the right shape that the AWS SDK lists (src/model/regions.ts). */
function checkRegion(ctx: CheckContext, path: (string | number)[], what: string, region: string | undefined): void {
  if (region === undefined || !checkPattern(ctx, path, what, region, PATTERNS.region)) return;
  const unknown = unknownRegionMessage(what, region);
  if (unknown !== undefined) ctx.error(path, unknown);
}
