// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
/**
 * IAM's wildcard matching: `*` any run of characters, `?` exactly one. Action names match
 * case-insensitively, resources and condition values case-sensitively; ARN operators (ArnLike,
 * ArnEquals) match each of the six colon-separated ARN parts on its own, so `*` never crosses a `:`
 * before the resource part.
 */

const cache = new Map<string, RegExp>();

function pattern(glob: string, caseInsensitive: boolean): RegExp {
  const id = `${caseInsensitive ? 'i' : 's'}${glob}`;
  let re = cache.get(id);
  if (!re) {
    re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]')}$`, caseInsensitive ? 'i' : '');
    if (cache.size > 10_000) cache.clear();
    cache.set(id, re);
  }
  return re;
}

export function globMatch(glob: string, value: string, caseInsensitive: boolean): boolean {
  return pattern(glob, caseInsensitive).test(value);
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
