/**
 * Terraform identifiers (module, data source and provider alias names) derived from model names.
 * Map keys carry the names themselves; identifiers are needed only where HCL requires one.
 */
import { createHash } from 'node:crypto';
import { compareKeys } from '../../../model/ir';

/** `identity-center` → `identity_center`; anything outside [A-Za-z0-9_] becomes `_`. */
function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

function shortHash(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
}

/**
 * Identifier for each name, unique within the set. Names that sanitize to the same text (`a-b`,
 * `a.b`) all get a hash suffix, so the result does not depend on which name came first.
 */
export function uniqueIdentifiers(names: readonly string[]): ReadonlyMap<string, string> {
  const byIdent = new Map<string, string[]>();
  for (const name of [...new Set(names)].sort(compareKeys)) {
    const ident = sanitize(name);
    byIdent.set(ident, [...(byIdent.get(ident) ?? []), name]);
  }
  const out = new Map<string, string>();
  for (const [ident, group] of byIdent) {
    for (const name of group) out.set(name, group.length === 1 ? ident : `${ident}_${shortHash(name)}`);
  }
  return out;
}

/** Provider alias of a Region: `eu-central-1` → `eu_central_1`. */
export function regionIdentifier(region: string): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error(`region '${region}' is not an AWS Region name`);
  return sanitize(region);
}
