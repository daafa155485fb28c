/**
 * The AWS calls the encryption switch makes, behind one class so tests inject mocked SDK clients
 * (aws-sdk-client-mock) and an instant sleep. Every call goes through callAws: throttling is
 * retried, other failures become an AwsCallError with a printable message.
 */
import {
  DescribeInstanceCommand,
  ListApplicationsCommand,
  ListInstancesCommand,
  SSOAdminClient,
  UpdateInstanceCommand,
  type Application,
  type InstanceMetadata,
} from '@aws-sdk/client-sso-admin';
import { DescribeKeyCommand, GetKeyPolicyCommand, KMSClient, type KeyMetadata } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { callAws, THROTTLE_RETRY, type RetryContext } from './errors';
import { EncryptionStatus, InstanceKeyType } from './facts';

export interface AwsClients {
  readonly ssoAdmin: SSOAdminClient;
  readonly kms: KMSClient;
  readonly sts: STSClient;
}

/**
 * Real clients for one Region. The SDK's standard mode retries transient and throttling errors a
 * few times quickly; callAws adds the longer backoff on top.
 */
export function createClients(region: string): AwsClients {
  const config = { region, retryMode: 'standard', maxAttempts: 3 };
  return { ssoAdmin: new SSOAdminClient(config), kms: new KMSClient(config), sts: new STSClient(config) };
}

/** What DescribeInstance says about encryption; an instance without details uses the AWS owned key. */
export interface InstanceEncryption {
  readonly keyType: InstanceKeyType;
  readonly kmsKeyArn?: string;
  readonly status: EncryptionStatus;
  readonly reason?: string;
}

export interface InstanceState {
  readonly arn: string;
  readonly ownerAccountId: string;
  readonly identityStoreId: string;
  readonly identityStoreArn?: string;
  readonly status: string;
  readonly encryption: InstanceEncryption;
}

/** The wanted encryption: the AWS owned key, or one customer managed key (never both). */
export type WantedEncryption =
  { readonly keyType: InstanceKeyType.AWS_OWNED_KMS_KEY } | { readonly keyType: InstanceKeyType.CUSTOMER_MANAGED_KEY; readonly kmsKeyArn: string };

export class EncryptionApi {
  private readonly ctx: RetryContext;

  constructor(
    private readonly clients: AwsClients,
    ctx: Partial<RetryContext> = {},
  ) {
    this.ctx = {
      retry: ctx.retry ?? THROTTLE_RETRY,
      sleep: ctx.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: ctx.random ?? Math.random,
    };
  }

  async listInstances(): Promise<InstanceMetadata[]> {
    const out: InstanceMetadata[] = [];
    let NextToken: string | undefined;
    do {
      const page = await callAws('ListInstances', this.ctx, () => this.clients.ssoAdmin.send(new ListInstancesCommand({ NextToken })));
      out.push(...(page.Instances ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return out;
  }

  async describeInstance(instanceArn: string): Promise<InstanceState> {
    const r = await callAws(
      'DescribeInstance',
      this.ctx,
      () => this.clients.ssoAdmin.send(new DescribeInstanceCommand({ InstanceArn: instanceArn })),
      instanceArn,
    );
    const details = r.EncryptionConfigurationDetails;
    return {
      arn: r.InstanceArn ?? instanceArn,
      ownerAccountId: r.OwnerAccountId ?? '',
      identityStoreId: r.IdentityStoreId ?? '',
      identityStoreArn: r.IdentityStoreArn,
      status: r.Status ?? 'UNKNOWN',
      encryption: {
        keyType: (details?.KeyType as InstanceKeyType | undefined) ?? InstanceKeyType.AWS_OWNED_KMS_KEY,
        kmsKeyArn: details?.KmsKeyArn,
        status: (details?.EncryptionStatus as EncryptionStatus | undefined) ?? EncryptionStatus.ENABLED,
        reason: details?.EncryptionStatusReason,
      },
    };
  }

  /** The one write call: only EncryptionConfiguration, as UpdateInstance allows one change per request. */
  async updateInstance(instanceArn: string, wanted: WantedEncryption): Promise<void> {
    const EncryptionConfiguration =
      wanted.keyType === InstanceKeyType.CUSTOMER_MANAGED_KEY ? { KeyType: wanted.keyType, KmsKeyArn: wanted.kmsKeyArn } : { KeyType: wanted.keyType };
    await callAws(
      'UpdateInstance',
      this.ctx,
      () => this.clients.ssoAdmin.send(new UpdateInstanceCommand({ InstanceArn: instanceArn, EncryptionConfiguration })),
      instanceArn,
    );
  }

  async listApplications(instanceArn: string): Promise<Application[]> {
    const out: Application[] = [];
    let NextToken: string | undefined;
    do {
      const page = await callAws(
        'ListApplications',
        this.ctx,
        () => this.clients.ssoAdmin.send(new ListApplicationsCommand({ InstanceArn: instanceArn, NextToken })),
        instanceArn,
      );
      out.push(...(page.Applications ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return out;
  }

  /** Accepts a key id, key ARN, alias name or alias ARN. */
  async describeKey(keyId: string): Promise<KeyMetadata> {
    const r = await callAws('DescribeKey', this.ctx, () => this.clients.kms.send(new DescribeKeyCommand({ KeyId: keyId })), keyId);
    if (!r.KeyMetadata) throw new Error(`DescribeKey returned no metadata for ${keyId}`);
    return r.KeyMetadata;
  }

  /** Who the credentials belong to (the principal that would call UpdateInstance). */
  async getCallerIdentity(): Promise<{ arn: string; account: string }> {
    const r = await callAws('GetCallerIdentity', this.ctx, () => this.clients.sts.send(new GetCallerIdentityCommand({})));
    if (r.Arn === undefined || r.Account === undefined) throw new Error('GetCallerIdentity returned no Arn or Account');
    return { arn: r.Arn, account: r.Account };
  }

  /** The key policy text (KMS keys have one policy, named `default`). */
  async getKeyPolicy(keyArn: string): Promise<string> {
    const r = await callAws('GetKeyPolicy', this.ctx, () => this.clients.kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' })), keyArn);
    return r.Policy ?? '';
  }
}
