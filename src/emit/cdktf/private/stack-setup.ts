/**
 * What every generated stack shares: where its state lives and which provider versions it admits.
 */
import type { BackendConfig, DeploymentUnit, ResolvedModel } from '../../../model';
import { AWS_PROVIDER_VERSION, LOCAL_STATE_PATH, PLAN_VARIABLE, requiredTerraformVersion, stateKey } from '../../terraform-settings';
import { AwsProvider, Fn, LocalBackend, S3Backend, TerraformStack, TerraformVariable } from '../cdktf';

/** Sets up a stack's backend (called once per stack, instead of the model's backend). */
export type BackendConfigurer = (stack: TerraformStack, unit: DeploymentUnit) => void;

/** What every unit stack is built from. */
export interface UnitStackConfig<U extends DeploymentUnit = DeploymentUnit> {
  /** The resolved model (see `loadModel`). */
  readonly ir: ResolvedModel;
  /** The deployment unit this stack deploys: one of `ir.units`, of the stack's kind. */
  readonly unit: U;
  /**
   * Sets up the stack's backend instead of the model's `deployment.backend`, e.g. a backend your
   * platform already uses.
   * @default the model's backend (S3 with a key per unit, or a local state file)
   */
  readonly configureBackend?: BackendConfigurer;
}

export function configureStack(stack: TerraformStack, unit: DeploymentUnit, backend: BackendConfig, configureBackend?: BackendConfigurer): void {
  stack.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_VERSION);
  if (configureBackend) {
    configureBackend(stack, unit);
    return;
  }
  if (backend.type === 's3') {
    new S3Backend(stack, {
      bucket: backend.bucket,
      key: stateKey(backend.keyPrefix, unit.name),
      region: backend.region,
      dynamodbTable: backend.dynamodbTable,
      encrypt: backend.encrypt,
      kmsKeyId: backend.kmsKeyId,
      assumeRole: backend.roleArn !== undefined ? { roleArn: backend.roleArn } : undefined,
    });
    // cdktf 0.21 predates use_lockfile (Terraform 1.10), which needs that version.
    stack.addOverride('terraform.backend.s3.use_lockfile', true);
    stack.addOverride('terraform.required_version', requiredTerraformVersion(backend));
  } else {
    // cdktf's default local path is absolute (it depends on the working directory); a relative
    // one keeps output identical across machines and puts state next to the stack's cdk.tf.json.
    new LocalBackend(stack, { path: LOCAL_STATE_PATH });
  }
}

export interface ProviderProps {
  readonly region: string;
  /** The only account this provider may act in: a wrong profile fails before any change. */
  readonly accountId: string;
  readonly alias?: string;
  /** Role to assume in that account. */
  readonly assumeRoleArn?: string;
  /** Role to assume instead while planning (the `idcgen_plan` variable is true). */
  readonly planAssumeRoleArn?: string;
}

export function awsProvider(stack: TerraformStack, id: string, props: ProviderProps): AwsProvider {
  const roleArn =
    props.assumeRoleArn && props.planAssumeRoleArn
      ? Fn.conditional(planVariable(stack).booleanValue, props.planAssumeRoleArn, props.assumeRoleArn)
      : props.assumeRoleArn;
  return new AwsProvider(stack, id, {
    region: props.region,
    alias: props.alias,
    allowedAccountIds: [props.accountId],
    assumeRole: roleArn ? [{ roleArn }] : undefined,
  });
}

/**
 * The default provider of a unit's stack: the unit's account in the Identity Center Region, through
 * the role the unit assumes there (member units and units run by a delegated administrator).
 */
export function unitProvider(stack: TerraformStack, region: string, unit: DeploymentUnit): AwsProvider {
  return awsProvider(stack, 'aws', { region, accountId: unit.accountId, assumeRoleArn: unit.assumeRoleArn, planAssumeRoleArn: unit.planAssumeRoleArn });
}

/** The stack's `idcgen_plan` variable (the same as the HCL roots'), created on first use. */
function planVariable(stack: TerraformStack): TerraformVariable {
  const existing = stack.node.tryFindChild(PLAN_VARIABLE);
  if (existing instanceof TerraformVariable) return existing;
  return new TerraformVariable(stack, PLAN_VARIABLE, {
    type: 'bool',
    default: false,
    description: 'true while planning: member-account providers assume the plan-only role instead of the apply role',
  });
}
