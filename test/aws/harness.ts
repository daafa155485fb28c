/**
 * Shared setup for the encryption-switch tests: mocked sso-admin and KMS clients
 * (aws-sdk-client-mock, no network), a fake clock whose sleep returns at once, captured output,
 * and a healthy account (ACTIVE instance, usable key, baseline key policy) each test breaks.
 */
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeInstanceCommand,
  ListApplicationsCommand,
  ListInstancesCommand,
  SSOAdminClient,
  UpdateInstanceCommand,
  type DescribeInstanceResponse,
} from '@aws-sdk/client-sso-admin';
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient, type KeyMetadata } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { EncryptionApi } from '../../src/aws/api';
import { runEncryption, type EncryptionIo, type EncryptionRequest, type ExitCode } from '../../src/aws/encryption';
import type { StatementJson } from '../../src/model/policy-types';
import { adminAccountsStatement, describeKeyStatement, managedAppsStatement, useKeyStatement } from '../fixtures/ir/policies';

export const REGION = 'eu-west-1';
export const ACCOUNT = '111111111111';
export const DELEGATED = '222222222222';
export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-1111222233334444';
export const IDENTITY_STORE_ID = 'd-1111222233';
export const KEY_ID = 'mrk-0123456789abcdef0123456789abcdef';
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}`;
export const ALIAS = 'alias/identity-center';
/** Who the mocked credentials are: a permission-set role of the management account (eu-west-1 path). */
export const CALLER_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_IdentityCenterAdmin_0123456789abcdef/alice`;

export const HEALTHY_KEY: KeyMetadata = {
  AWSAccountId: ACCOUNT,
  KeyId: KEY_ID,
  Arn: KEY_ARN,
  Enabled: true,
  KeyState: 'Enabled',
  KeySpec: 'SYMMETRIC_DEFAULT',
  KeyUsage: 'ENCRYPT_DECRYPT',
  Origin: 'AWS_KMS',
  KeyManager: 'CUSTOMER',
  MultiRegion: true,
};

/** The newest AWS baseline key policy (reference §2.1) for ACCOUNT with one delegated admin account. */
export function baselinePolicy(): { Version: string; Statement: Record<string, unknown>[] } {
  const statements: StatementJson[] = [
    adminAccountsStatement([`arn:aws:iam::${ACCOUNT}:root`, `arn:aws:iam::${DELEGATED}:root`]),
    describeKeyStatement(),
    useKeyStatement(),
    managedAppsStatement(),
  ];
  // Spread into plain records: the tests edit live policies statement by statement as Record<string, unknown>.
  return { Version: '2012-10-17', Statement: statements.map((s) => ({ ...s })) };
}

export function describeInstance(details?: DescribeInstanceResponse['EncryptionConfigurationDetails']): DescribeInstanceResponse {
  return {
    InstanceArn: INSTANCE_ARN,
    IdentityStoreId: IDENTITY_STORE_ID,
    OwnerAccountId: ACCOUNT,
    Status: 'ACTIVE',
    EncryptionConfigurationDetails: details ?? { KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' },
  };
}

export interface Captured {
  readonly out: string[];
  readonly err: string[];
  readonly progress: string[];
  readonly sleeps: number[];
  readonly questions: string[];
}

export interface RunOptions {
  /** undefined: stdin is not a terminal. */
  readonly answer?: boolean;
  /** stderr is a terminal: progress lines are drawn. */
  readonly tty?: boolean;
}

/** A healthy account: every test overrides the one response it is about. */
export function harness() {
  const ssoClient = new SSOAdminClient({ region: REGION });
  const kmsClient = new KMSClient({ region: REGION });
  const sso = mockClient(ssoClient);
  const kms = mockClient(kmsClient);
  const stsClient = new STSClient({ region: REGION });
  const sts = mockClient(stsClient);
  // An administrator's role of the management account: the baseline key policy hands it to its IAM policies.
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: CALLER_ARN, UserId: 'AROAEXAMPLE:alice' });
  sso.on(ListInstancesCommand).resolves({ Instances: [{ InstanceArn: INSTANCE_ARN, OwnerAccountId: ACCOUNT }] });
  sso.on(DescribeInstanceCommand).resolves(describeInstance());
  sso.on(ListApplicationsCommand).resolves({ Applications: [] });
  sso.on(UpdateInstanceCommand).resolves({});
  kms.on(DescribeKeyCommand).resolves({ KeyMetadata: HEALTHY_KEY });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(baselinePolicy()) });

  const captured: Captured = { out: [], err: [], progress: [], sleeps: [], questions: [] };
  let now = 0;
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      captured.sleeps.push(ms);
      now += ms;
    },
  };
  const api = new EncryptionApi({ ssoAdmin: ssoClient, kms: kmsClient, sts: stsClient }, { sleep: clock.sleep, random: () => 0.5 });

  async function run(request: Partial<EncryptionRequest>, options: RunOptions = {}): Promise<ExitCode> {
    const io: EncryptionIo = {
      out: (line) => captured.out.push(line),
      err: (line) => captured.err.push(line),
      progress: options.tty ? { update: (line) => captured.progress.push(line), done: () => undefined } : undefined,
      confirm:
        options.answer === undefined
          ? undefined
          : async (question) => {
              captured.questions.push(question);
              return options.answer as boolean;
            },
    };
    const full: EncryptionRequest = {
      action: 'enable',
      region: REGION,
      key: KEY_ARN,
      confirmedApps: [],
      dryRun: false,
      yes: true,
      timeoutSeconds: 600,
      pollIntervalSeconds: 5,
      ...request,
    };
    return runEncryption(full, { api, clock, io });
  }

  return { sso, kms, sts, captured, run, api };
}

/** Errors printed on stderr, without the `error: ` prefix. */
export function errors(c: Captured): string[] {
  return c.err.filter((l) => l.startsWith('error: ')).map((l) => l.slice('error: '.length));
}

export function warnings(c: Captured): string[] {
  return c.err.filter((l) => l.startsWith('warning: ')).map((l) => l.slice('warning: '.length));
}
