/** Checks of the organization, identityCenter and deployment sections. */
import { PATTERNS } from '../aws-patterns';
import { partitionOf, roleArn } from '../arns';
import { unknownRegionMessage } from '../regions';
import { LIMITS, rangeMessage } from '../limits';
import { checkPattern, checkRoleArn, type CheckContext } from './context';
import { lengthMessage, outOfLength, unknownRef } from './describe';

export function checkOrganization(ctx: CheckContext): void {
  const { organization, identityCenter, deployment } = ctx.model;
  checkPattern(ctx, ['organization', 'id'], 'organization id', organization.id, PATTERNS.organizationId);
  if (!ctx.accounts.has(organization.managementAccount)) {
    ctx.error(['organization', 'managementAccount'], unknownRef('managementAccount', organization.managementAccount, 'accounts', [...ctx.accounts]));
  }

  checkDelegatedAdmin(ctx);
  checkRegion(ctx, ['identityCenter', 'region'], 'region', identityCenter.region);
  checkPattern(ctx, ['identityCenter', 'instanceArn'], 'instanceArn', identityCenter.instanceArn, PATTERNS.instanceArn);
  checkPattern(ctx, ['identityCenter', 'identityStoreId'], 'identityStoreId', identityCenter.identityStoreId, PATTERNS.identityStoreId);
  const keyName = identityCenter.encryption?.key;
  if (keyName !== undefined && !ctx.keys.has(keyName)) {
    ctx.error(['identityCenter', 'encryption', 'key'], unknownRef('encryption key', keyName, 'keys', [...ctx.keys]));
  }
  if (identityCenter.encryption?.manage === true && keyName === undefined) {
    ctx.error(['identityCenter', 'encryption', 'manage'], 'encryption manage: true needs encryption key: naming the key identity center should use');
  }

  if (!deployment) return;
  const { maxResourcesPerStack, backend } = deployment;
  checkDeployer(ctx, deployment.deployer);
  for (const field of ['roleName', 'planRoleName'] as const) {
    const value = deployment[field];
    if (value === undefined) continue;
    if (outOfLength(value, LIMITS.roleName)) ctx.error(['deployment', field], lengthMessage(field, value, LIMITS.roleName));
    else checkPattern(ctx, ['deployment', field], field, value, PATTERNS.roleName);
  }
  const stack = LIMITS.maxResourcesPerStack;
  if (maxResourcesPerStack !== undefined && (maxResourcesPerStack < stack.min || maxResourcesPerStack > stack.max)) {
    ctx.error(['deployment', 'maxResourcesPerStack'], rangeMessage('maxResourcesPerStack', maxResourcesPerStack, stack));
  }
  if (backend?.type === 's3') {
    if (backend.bucket === '') ctx.error(['deployment', 'backend', 'bucket'], 'backend bucket must not be empty');
    checkRegion(ctx, ['deployment', 'backend', 'region'], 'backend region', backend.region);
    checkPattern(ctx, ['deployment', 'backend', 'roleArn'], 'backend roleArn', backend.roleArn, PATTERNS.roleArn);
    checkPattern(ctx, ['deployment', 'backend', 'kmsKeyId'], 'backend kmsKeyId', backend.kmsKeyId, PATTERNS.kmsKeyArn);
    if (backend.kmsKeyId !== undefined && backend.encrypt === false) {
      ctx.error(['deployment', 'backend', 'encrypt'], 'backend encrypt: false contradicts kmsKeyId, which encrypts state with that key; remove one');
    }
    if (backend.dynamodbTable !== undefined) {
      ctx.issues.push({
        ...ctx.loaded.issue(
          ['deployment', 'backend', 'dynamodbTable'],
          `backend dynamodbTable '${backend.dynamodbTable}' is deprecated: terraform >= 1.10 locks state with a lock file in the bucket (use_lockfile, which idcgen always sets); keep it only while runs older than 1.10 remain, then remove it`,
          { key: true },
        ),
        severity: 'warning',
      });
    }
  }
}

/**
 * The delegated administrator is a member account of the model: AWS registers only a member
 * account of the organization, never the management account.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html
 */
function checkDelegatedAdmin(ctx: CheckContext): void {
  const { organization, identityCenter } = ctx.model;
  const admin = identityCenter.delegatedAdmin;
  if (admin === undefined) return;
  const at = ['identityCenter', 'delegatedAdmin'];
  if (admin === organization.managementAccount) {
    const members = [...ctx.accounts].filter((a) => a !== organization.managementAccount);
    ctx.error(
      at,
      `delegatedAdmin '${admin}' is the management account; a delegated administrator must be a member account; allowed: ${members.join(', ') || '(no member account in accounts)'}`,
    );
  } else if (!ctx.accounts.has(admin)) {
    ctx.error(
      at,
      unknownRef(
        'delegatedAdmin',
        admin,
        'accounts',
        [...ctx.accounts].filter((a) => a !== organization.managementAccount),
      ),
    );
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
  const example = roleArn(management?.id ?? '111111111111', 'IdcgenDeployer', partitionOf(ctx.model.identityCenter.region));
  if (deployer === undefined || !checkRoleArn(ctx, at, 'deployer', deployer, example) || !management) return;
  const account = deployer.split(':')[4];
  if (account !== management.id) {
    ctx.error(
      at,
      `deployer '${deployer}' is in account ${account}, not the management account ${management.name} (${management.id}); the management unit runs there without assuming a role, so the deployer must be a role in it, e.g. ${example}`,
    );
  }
}

/** A Region code of the right shape that the AWS SDK lists (src/model/regions.ts). */
function checkRegion(ctx: CheckContext, path: (string | number)[], what: string, region: string | undefined): void {
  if (region === undefined || !checkPattern(ctx, path, what, region, PATTERNS.region)) return;
  const unknown = unknownRegionMessage(what, region);
  if (unknown !== undefined) ctx.error(path, unknown);
}
