/**
 * The section review.md opens with when `generate` was allowed to break a safety rail: a reviewer
 * reading the pull request sees it before anything else, with the rule, why it matters and what
 * the model would need to say instead. Empty when no rail was allowed, so safe output is unchanged.
 */
import { SAFETY_RAILS } from '../rails';
import type { Allowance } from './enforce';
import { mdText } from '../../review';

export function renderUnsafeSection(allowances: readonly Allowance[]): string {
  if (allowances.length === 0) return '';
  const rules = [...new Set(allowances.map((a) => a.rule))];
  const out = [
    '## Unsafe: generated with --allow-unsafe',
    '',
    `This output breaks ${rules.length === 1 ? 'a safety rail' : `${rules.length} safety rails`} that protect the organization's access to its identity data. ` +
      'Each was allowed explicitly on the command line; check that this is intended before applying it.',
    '',
  ];
  for (const rule of rules) {
    const spec = SAFETY_RAILS[rule];
    out.push(`### \`${rule}\``, '', `Risk: ${spec.why}.`, '', `Fix: ${spec.fix}.`, '');
    // The messages name keys, permission sets and files from the model: escaped like every model string.
    for (const a of allowances.filter((x) => x.rule === rule)) out.push(`- ${mdText(a.message)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
