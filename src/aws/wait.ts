/**
 * Waiting for Identity Center to finish a key switch: UpdateInstance returns at once and the
 * instance reports UPDATING until the service has validated the key (ENABLED) or given up
 * (UPDATE_FAILED, with a reason; the previous key stays in use).
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_EncryptionConfigurationDetails.html
 */
import type { EncryptionApi, InstanceEncryption, WantedEncryption } from './api';
import { EncryptionStatus, InstanceKeyType } from './facts';

export interface Clock {
  /** Milliseconds; only differences are used. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly clock: Clock;
  /** Called with a one-line status while waiting (the CLI passes one only on a terminal). */
  readonly progress?: (line: string) => void;
}

export type WaitResult =
  | { readonly kind: 'enabled'; readonly encryption: InstanceEncryption }
  | { readonly kind: 'failed'; readonly encryption: InstanceEncryption }
  | { readonly kind: 'timeout'; readonly encryption: InstanceEncryption; readonly waitedMs: number };

/** True when the instance uses the wanted key, whatever the status. */
export function usesWantedKey(current: InstanceEncryption, wanted: WantedEncryption): boolean {
  if (current.keyType !== wanted.keyType) return false;
  return wanted.keyType === InstanceKeyType.AWS_OWNED_KMS_KEY || current.kmsKeyArn === wanted.kmsKeyArn;
}

/**
 * Poll DescribeInstance until the wanted key is ENABLED, the switch failed, or the timeout.
 * ENABLED with the previous key does not count: right after UpdateInstance the old state may
 * still be what DescribeInstance reports.
 */
export async function waitForEncryption(api: EncryptionApi, instanceArn: string, wanted: WantedEncryption, options: WaitOptions): Promise<WaitResult> {
  const { clock, timeoutMs, pollMs, progress } = options;
  const start = clock.now();
  for (;;) {
    const { encryption } = await api.describeInstance(instanceArn);
    if (encryption.status === EncryptionStatus.UPDATE_FAILED) return { kind: 'failed', encryption };
    if (encryption.status === EncryptionStatus.ENABLED && usesWantedKey(encryption, wanted)) {
      return { kind: 'enabled', encryption };
    }
    const waitedMs = clock.now() - start;
    if (waitedMs >= timeoutMs) return { kind: 'timeout', encryption, waitedMs };
    progress?.(`waiting for identity center encryption: ${encryption.status} (${Math.round(waitedMs / 1000)}s)`);
    await clock.sleep(Math.min(pollMs, timeoutMs - waitedMs));
  }
}
