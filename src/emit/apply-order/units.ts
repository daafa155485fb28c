/**
 * `hcl/units.json`: every deployment unit with what an apply pipeline needs to run it — its kind,
 * the units it depends on and its wave (src/model/unit-graph.ts), the account and roles it runs
 * as, its HCL root and CDKTF stack, and where its state lives. CI workflows and other schedulers
 * read this file instead of parsing prose.
 */
import { type DeploymentUnit, type ResolvedModel, type UnitKind, unitOrder } from '../../model';
import { encryptionStep } from '../encryption-step';
import { LOCAL_STATE_PATH, stateKey } from '../terraform-settings';

/** Bumped when a field changes meaning or disappears (added fields keep it). */
export const UNITS_FORMAT_VERSION = 1;

export type UnitBackend =
  | { readonly type: 'local'; /** relative to the unit's directory */ readonly path: string }
  | { readonly type: 's3'; readonly bucket: string; readonly key: string; readonly region: string; readonly roleArn?: string };

/** One deployment unit in `hcl/units.json`. */
export interface UnitEntry {
  readonly name: string;
  readonly kind: UnitKind;
  /** HCL root, relative to the `hcl` directory. */
  readonly dir: string;
  /** CDKTF stack name (`cdktf deploy <stack>`). */
  readonly stack: string;
  /** Apply wave, from 1: every dependency is in an earlier wave. */
  readonly wave: number;
  readonly dependsOn: readonly string[];
  /** The account the unit's resources live in. */
  readonly account: { readonly name: string; readonly id: string };
  /**
   * Credentials: every unit runs with credentials of the management account (the deployer);
   * member units assume `assumeRoleArn` in their account (`planAssumeRoleArn` while planning).
   */
  readonly runsAs: {
    readonly credentialsAccountId: string;
    readonly assumeRoleArn: string | null;
    readonly planAssumeRoleArn: string | null;
  };
  readonly backend: UnitBackend;
  /** True for the unit whose apply runs `idcgen encryption enable` (identityCenter.encryption.manage). */
  readonly runsEncryptionStep: boolean;
}

/** The content of `hcl/units.json`. */
export interface UnitsFile {
  readonly version: number;
  /** The model the units come from. */
  readonly source: string;
  /** Unit names by wave: `waves[0]` is wave 1. */
  readonly waves: readonly (readonly string[])[];
  readonly units: readonly UnitEntry[];
}

/** The content of `hcl/units.json`: every unit with its wave, dependencies, roles and state. */
export function unitsFile(ir: ResolvedModel): UnitsFile {
  const order = unitOrder(ir);
  return {
    version: UNITS_FORMAT_VERSION,
    source: ir.source,
    waves: order.waves,
    units: ir.units.map((unit) => unitEntry(ir, unit, order.wave.get(unit.name) as number, order.dependsOn.get(unit.name) ?? [])),
  };
}

function unitEntry(ir: ResolvedModel, unit: DeploymentUnit, wave: number, dependsOn: readonly string[]): UnitEntry {
  const backend = ir.deployment.backend;
  return {
    name: unit.name,
    kind: unit.kind,
    dir: unit.name,
    stack: unit.name,
    wave,
    dependsOn,
    account: { name: unit.accountName, id: unit.accountId },
    runsAs: {
      credentialsAccountId: ir.organization.managementAccountId,
      assumeRoleArn: unit.assumeRoleArn ?? null,
      planAssumeRoleArn: unit.planAssumeRoleArn ?? unit.assumeRoleArn ?? null,
    },
    backend:
      backend.type === 'local'
        ? { type: 'local', path: LOCAL_STATE_PATH }
        : {
            type: 's3',
            bucket: backend.bucket,
            key: stateKey(backend.keyPrefix, unit.name),
            region: backend.region,
            ...(backend.roleArn !== undefined ? { roleArn: backend.roleArn } : {}),
          },
    runsEncryptionStep: unit.kind === 'management' && encryptionStep(ir) !== undefined,
  };
}

/** The JSON text: two-space indented, final newline, keys in the order above. */
export function renderUnitsJson(ir: ResolvedModel): string {
  return `${JSON.stringify(unitsFile(ir), null, 2)}\n`;
}
