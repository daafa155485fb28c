/**
 * The checks that run before any switch (and alone with --dry-run or `status`): the key is one
 * Identity Center can use, in the instance's account and Region; its live key policy still lets
 * the services use it and matches the model; and AWS managed applications that may not work
 * with a customer managed key have been confirmed by the user.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
 */
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { EncryptionApi, InstanceState } from './api';
import { AwsCallError } from './errors';
import { DOCS, KEY_REQUIREMENTS, KEY_STATE, identityStoreArn, isAwsManagedApplicationProvider, keyArnAccount, keyArnRegion } from './facts';
import { fail, warn, type Finding } from './findings';
import { checkServiceGrants, compareKeyPolicy, parseKeyPolicy } from './policy-compare';
import { checkCaller } from './caller-check';

/** Live values the expected key policy is rendered with (its PolicyRefs). */
export interface LiveRefs {
  readonly keyArn: string;
  readonly instanceArn: string;
  readonly identityStoreArn: string;
}

/** The key policy the model generates, rendered for the live key and instance (parsed JSON). */
export type ExpectedPolicy = (live: LiveRefs) => unknown;

export interface PreflightInput {
  /** The Identity Center Region (the Region the clients talk to). */
  readonly region: string;
  readonly instance: InstanceState;
  /** Key id, key ARN, alias name or alias ARN, as the user or the model gave it. */
  readonly key: string;
  readonly expectedPolicy?: ExpectedPolicy;
  /** Application ARNs or application provider ARNs the user has confirmed work with a CMK. */
  readonly confirmedApps: readonly string[];
  /** From the model: the organization's management account, which must own the instance. */
  readonly managementAccountId?: string;
  /**
   * Check that the caller (STS GetCallerIdentity) may use the key as Identity Center validates it
   * when switching (caller-check.ts); enable only. The model's organization and deployer help.
   * @default absent: not checked
   */
  readonly caller?: { readonly organizationId?: string; readonly deployer?: string };
}

export interface PreflightResult {
  /** Present when DescribeKey succeeded. */
  readonly key?: KeyMetadata;
  readonly findings: Finding[];
}

/** Instance checks that do not need the key. */
export function checkInstance(instance: InstanceState, managementAccountId?: string): Finding[] {
  const findings: Finding[] = [];
  if (instance.status !== 'ACTIVE') {
    findings.push(fail(`identity center instance ${instance.arn} has status '${instance.status}'; allowed: ACTIVE`));
  }
  if (managementAccountId !== undefined && instance.ownerAccountId !== managementAccountId) {
    findings.push(
      fail(
        `identity center instance ${instance.arn} is owned by account ${instance.ownerAccountId}, not the model's management account ${managementAccountId}: a customer managed key works only with the organization instance (see ${DOCS.keyRequirements})`,
      ),
    );
  }
  return findings;
}

/** DescribeKey answer against the documented requirements (facts.ts KEY_REQUIREMENTS). */
export function checkKey(key: KeyMetadata, region: string, ownerAccountId: string): Finding[] {
  const arn = key.Arn ?? key.KeyId ?? '';
  const findings: Finding[] = [];
  if (key.KeyState === KEY_STATE.pendingDeletion) {
    const when = key.DeletionDate ? ` on ${key.DeletionDate.toISOString()}` : '';
    findings.push(
      fail(
        `key ${arn} is pending deletion${when}: cancel the deletion (kms:CancelKeyDeletion) and enable the key before switching; a deleted key cannot be restored (see ${DOCS.keyStates})`,
      ),
    );
  } else if (key.KeyState === KEY_STATE.disabled) {
    findings.push(fail(`key ${arn} is disabled: enable it (kms:EnableKey) before switching (see ${DOCS.keyStates})`));
  } else if (key.KeyState !== KEY_REQUIREMENTS.keyState || key.Enabled !== true) {
    findings.push(fail(`key ${arn} has state '${key.KeyState ?? 'unknown'}'; allowed: ${KEY_REQUIREMENTS.keyState}`));
  }
  // Spec and usage are the key requirements Identity Center documents: one message for both.
  const required = [
    ['key spec', key.KeySpec ?? key.CustomerMasterKeySpec, KEY_REQUIREMENTS.keySpec],
    ['key usage', key.KeyUsage, KEY_REQUIREMENTS.keyUsage],
  ] as const;
  for (const [what, found, allowed] of required) {
    if (found !== allowed)
      findings.push(fail(`${what} '${found ?? 'unknown'}' of ${arn} is not valid for identity center; allowed: ${allowed} (see ${DOCS.keyRequirements})`));
  }
  if (key.Origin !== KEY_REQUIREMENTS.origin) {
    findings.push(
      fail(
        `key origin '${key.Origin ?? 'unknown'}' of ${arn} is not allowed; allowed: ${
          KEY_REQUIREMENTS.origin
        }: key material that can expire or become unreachable would lock users out (see ${DOCS.importedKeyMaterial})`,
      ),
    );
  }
  if (key.KeyManager !== undefined && key.KeyManager !== KEY_REQUIREMENTS.keyManager) {
    findings.push(fail(`key ${arn} is managed by '${key.KeyManager}'; allowed: ${KEY_REQUIREMENTS.keyManager} (a customer managed key)`));
  }
  const account = key.AWSAccountId ?? keyArnAccount(arn);
  if (account !== ownerAccountId) {
    findings.push(
      fail(
        `key ${arn} is in account ${
          account ?? 'unknown'
        }, but the identity center instance is in account ${ownerAccountId}; the key must be in the instance's account (see ${DOCS.keyRequirements})`,
      ),
    );
  }
  const keyRegion = keyArnRegion(arn);
  if (keyRegion !== region) {
    findings.push(
      fail(
        `key ${arn} is in region ${keyRegion ?? 'unknown'}, but the identity center instance is in ${region}; the key must be in the instance's region (see ${
          DOCS.keyRequirements
        })`,
      ),
    );
  }
  return findings;
}

/** AWS provided applications in the instance that the user has not confirmed as CMK compatible. */
export function checkApplications(
  apps: readonly { ApplicationArn?: string; ApplicationProviderArn?: string; Name?: string }[],
  confirmed: readonly string[],
): Finding[] {
  const ok = new Set(confirmed);
  return apps
    .filter((app) => {
      if (!isAwsManagedApplicationProvider(app.ApplicationProviderArn ?? '')) return false;
      return !ok.has(app.ApplicationArn ?? '') && !ok.has(app.ApplicationProviderArn ?? '');
    })
    .map((app) =>
      warn(
        `aws managed application '${app.Name ?? app.ApplicationArn}' (${app.ApplicationArn}, provider ${
          app.ApplicationProviderArn
        }) is not confirmed to work with a customer managed key: check ${DOCS.managedApps}, then pass --confirm-apps ${app.ApplicationArn}`,
      ),
    )
    .sort((a, b) => (a.message < b.message ? -1 : 1));
}

/** Turns a failed call into a finding, so one run reports every problem it can see. */
async function attempt<T>(findings: Finding[], fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AwsCallError)) throw e;
    findings.push(fail(e.message));
    return undefined;
  }
}

export async function preflight(api: EncryptionApi, input: PreflightInput): Promise<PreflightResult> {
  const { instance, region } = input;
  const findings = checkInstance(instance, input.managementAccountId);

  let key: KeyMetadata | undefined;
  try {
    key = await api.describeKey(input.key);
  } catch (e) {
    if (!(e instanceof AwsCallError)) throw e;
    findings.push(
      fail(e.code === 'NotFoundException' ? `key '${input.key}' was not found in ${region}: create it (or fix the alias) before switching` : e.message),
    );
  }

  if (key) {
    const keyArn = key.Arn ?? input.key;
    findings.push(...checkKey(key, region, instance.ownerAccountId));
    const text = await attempt(findings, () => api.getKeyPolicy(keyArn));
    if (text !== undefined) {
      const parsed = parseKeyPolicy(text, keyArn);
      findings.push(...parsed.findings);
      if (parsed.policy !== undefined) {
        findings.push(...checkServiceGrants(parsed.policy));
        if (input.expectedPolicy) {
          const expected = input.expectedPolicy({
            keyArn,
            instanceArn: instance.arn,
            identityStoreArn: instance.identityStoreArn ?? identityStoreArn(instance.arn, instance.ownerAccountId, instance.identityStoreId),
          });
          findings.push(...compareKeyPolicy(expected, parsed.policy));
        }
        if (input.caller) {
          const caller = await attempt(findings, () => api.getCallerIdentity());
          if (caller) {
            findings.push(
              ...checkCaller({
                caller,
                policy: parsed.policy,
                keyArn,
                instanceArn: instance.arn,
                keyAccountId: instance.ownerAccountId,
                region,
                ...input.caller,
              }),
            );
          }
        }
      }
    }
  }

  const apps = await attempt(findings, () => api.listApplications(instance.arn));
  if (apps) findings.push(...checkApplications(apps, input.confirmedApps));
  return { key, findings };
}
