/**
 * The KMS key specification of one model key: defaults applied, ranges checked. Identity Center
 * needs a symmetric ENCRYPT_DECRYPT key in the management account and the Identity Center Region
 * (identity-center-customer-managed-keys.html, Step 3); those are fixed by the emitters, so only
 * the choices the model makes are checked here.
 */
import { compareKeys, type PolicyProfile, type KeyInput, LIMITS, rangeMessage, otherPartitionMessage, unknownRegionMessage, ALIAS } from '../../model';
import { REGION_NAME } from '../catalog/aws';

export interface KeySpec {
  readonly alias: string;
  readonly description: string;
  readonly multiRegion: boolean;
  readonly rotation: { readonly enabled: boolean; readonly periodDays: number };
  readonly deletionWindowDays: number;
  readonly replicaRegions: readonly string[];
  readonly profile: PolicyProfile;
}

export interface SpecProblem {
  readonly path: (string | number)[];
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly rule: string;
}

/** Defaults: AWS recommends multi-Region keys; KMS's default rotation period and deletion window. */
export const KEY_DEFAULTS = { multiRegion: true, rotationEnabled: true, periodDays: 365, deletionWindowDays: 30, profile: 'baseline' } as const;

export function keySpec(input: KeyInput, identityCenterRegion: string, path: (string | number)[]): { spec: KeySpec; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const problem = (sub: (string | number)[], message: string, rule: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ path: [...path, ...sub], message, severity, rule });

  const alias = input.alias ?? `alias/${input.name}`;
  if (input.alias !== undefined) {
    if (input.alias.startsWith(ALIAS.reservedPrefix)) {
      problem(
        ['alias'],
        `alias '${input.alias}' uses the prefix ${ALIAS.reservedPrefix}, which is reserved for AWS managed keys; use alias/<name>`,
        'key-alias',
      );
    } else if (!ALIAS.pattern.test(input.alias)) {
      problem(['alias'], `alias '${input.alias}' is not valid; allowed: alias/ followed by letters, digits, /, _ and -`, 'key-alias');
    } else if (input.alias.length > LIMITS.aliasName.max) {
      problem(['alias'], rangeMessage('alias length', input.alias.length, LIMITS.aliasName), 'key-alias');
    }
  }

  const description = input.description ?? `IAM Identity Center key ${input.name} (managed by idcgen)`;
  if (description.length > LIMITS.keyDescription.max)
    problem(['description'], rangeMessage('description length', description.length, LIMITS.keyDescription), 'key-description');

  const rotationEnabled = input.rotation?.enabled ?? KEY_DEFAULTS.rotationEnabled;
  const periodDays = input.rotation?.periodDays ?? KEY_DEFAULTS.periodDays;
  const p = LIMITS.rotationPeriodDays;
  if (periodDays < p.min || periodDays > p.max) problem(['rotation', 'periodDays'], rangeMessage('rotation periodDays', periodDays, p), 'key-rotation-period');
  if (!rotationEnabled) {
    if (input.rotation?.periodDays !== undefined) {
      problem(
        ['rotation', 'periodDays'],
        `rotation periodDays ${periodDays} is set but rotation is disabled; enable rotation or remove periodDays`,
        'key-rotation-period',
      );
    } else {
      problem(
        ['rotation', 'enabled'],
        'rotation is disabled; identity center keys are expected to rotate (yearly by default), set enabled: true',
        'key-rotation-disabled',
        'warning',
      );
    }
  }

  const deletionWindowDays = input.deletionWindowDays ?? KEY_DEFAULTS.deletionWindowDays;
  const d = LIMITS.deletionWindowDays;
  if (deletionWindowDays < d.min || deletionWindowDays > d.max)
    problem(['deletionWindowDays'], rangeMessage('deletionWindowDays', deletionWindowDays, d), 'key-deletion-window');

  const multiRegion = input.multiRegion ?? KEY_DEFAULTS.multiRegion;
  const replicaRegions = [...new Set(input.replicaRegions ?? [])].sort(compareKeys);
  (input.replicaRegions ?? []).forEach((region, i) => {
    const other = REGION_NAME.test(region)
      ? (unknownRegionMessage('replica region', region) ?? otherPartitionMessage('replica region', region, identityCenterRegion, 'the identity center region'))
      : undefined;
    if (!REGION_NAME.test(region))
      problem(['replicaRegions', i], `replica region '${region}' is not an aws region name like eu-central-1`, 'key-replica-region');
    else if (other !== undefined) problem(['replicaRegions', i], other, 'key-replica-region');
    else if (region === identityCenterRegion) {
      problem(
        ['replicaRegions', i],
        `replica region '${region}' is the identity center region, where the primary key is; list other regions only`,
        'key-replica-region',
      );
    }
  });
  if (!multiRegion && replicaRegions.length > 0) {
    problem(
      ['replicaRegions'],
      `replicaRegions ${replicaRegions.join(', ')} need a multi-region key but multiRegion is false; set multiRegion: true`,
      'key-replica-region',
    );
  }

  return {
    spec: {
      alias,
      description,
      multiRegion,
      rotation: { enabled: rotationEnabled, periodDays },
      deletionWindowDays,
      replicaRegions: replicaRegions.filter((r) => r !== identityCenterRegion),
      profile: input.policyProfile ?? KEY_DEFAULTS.profile,
    },
    problems,
  };
}
