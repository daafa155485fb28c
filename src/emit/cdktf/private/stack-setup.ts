/**
 * What every generated stack shares: where its state lives and which provider versions it admits.
 */
import type { BackendConfig, DeploymentUnit } from '../../../model/ir';
import { AwsProvider, LocalBackend, S3Backend, TerraformStack } from '../cdktf';

/**
 * The prebuilt provider pins exactly the version it was generated from (6.25.0); the output uses
 * nothing newer than 5.100 (no per-resource `region`), so admit both major versions.
 */
export const AWS_PROVIDER_VERSION = '>= 5.100.0, < 7.0.0';

/** S3 state key of a unit: `<keyPrefix>/<unit>/terraform.tfstate` (no leading `/` without a prefix). */
export function stateKey(keyPrefix: string, unit: string): string {
  const prefix = keyPrefix.replace(/^\/+|\/+$/g, '');
  return prefix ? `${prefix}/${unit}/terraform.tfstate` : `${unit}/terraform.tfstate`;
}

export function configureStack(stack: TerraformStack, unit: DeploymentUnit, backend: BackendConfig): void {
  if (backend.type === 's3') {
    new S3Backend(stack, {
      bucket: backend.bucket,
      key: stateKey(backend.keyPrefix, unit.name),
      region: backend.region,
      dynamodbTable: backend.dynamodbTable,
      encrypt: backend.encrypt,
    });
  } else {
    // cdktf's default local path is absolute (it depends on the working directory); a relative
    // one keeps output identical across machines and puts state next to the stack's cdk.tf.json.
    new LocalBackend(stack, { path: 'terraform.tfstate' });
  }
  stack.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_VERSION);
}

export interface ProviderProps {
  readonly region: string;
  /** The only account this provider may act in: a wrong profile fails before any change. */
  readonly accountId: string;
  readonly alias?: string;
  /** Role to assume in that account. */
  readonly assumeRoleArn?: string;
}

export function awsProvider(stack: TerraformStack, id: string, props: ProviderProps): AwsProvider {
  return new AwsProvider(stack, id, {
    region: props.region,
    alias: props.alias,
    allowedAccountIds: [props.accountId],
    assumeRole: props.assumeRoleArn ? [{ roleArn: props.assumeRoleArn }] : undefined,
  });
}
