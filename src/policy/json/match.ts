// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
/**
 * IAM's wildcard matching: `*` any run of characters, `?` exactly one. Action names match
 * case-insensitively, resources and condition values case-sensitively; ARN operators (ArnLike,
 * ArnEquals) match each of the six colon-separated ARN parts on its own, so `*` never crosses a `:`
 * before the resource part. Built on model/wildcard.ts: linear time whatever the pattern (patterns
 * come from models and live policies, and must not be able to stall a review).
 */
import { wildcard } from '../../model';

const cache = new Map<string, (text: string) => boolean>();

export function globMatch(glob: string, value: string, caseInsensitive: boolean): boolean {
  const id = `${caseInsensitive ? 'i' : 's'}${glob}`;
  let match = cache.get(id);
  if (!match) {
    match = wildcard(glob, { question: true, ignoreCase: caseInsensitive });
    if (cache.size > 10_000) cache.clear();
    cache.set(id, match);
  }
  return match(value);
}

/** IAM's rule for an `Action`/`NotAction` entry against an action name: wildcards, case-insensitive. */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(pattern, action, true);
}

/** `arn:partition:service:region:account:resource`, the resource part keeping its own colons. */
function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

export function arnLike(patternArn: string, arn: string): boolean {
  if (patternArn === '*') return true;
  const p = arnParts(patternArn);
  const a = arnParts(arn);
  if (!p || !a) return false;
  return p.every((part, i) => globMatch(part, a[i], false));
}
