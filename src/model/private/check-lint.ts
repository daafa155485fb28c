/** Checks of the model's `lint:` settings: every disabled rule exists and is a warning. */
import { ALL_LINT_RULES, disableableRules } from '../lint-rules';
import type { CheckContext } from './context';
import { didYouMean, quote } from './describe';

export function checkLint(ctx: CheckContext): void {
  const seen = new Set<string>();
  const allowed = disableableRules();
  (ctx.model.lint?.disable ?? []).forEach((id, i) => {
    const at = ['lint', 'disable', i];
    const rule = Object.prototype.hasOwnProperty.call(ALL_LINT_RULES, id) ? ALL_LINT_RULES[id] : undefined;
    if (rule === undefined) {
      ctx.error(at, `lint rule ${quote(id)} does not exist${didYouMean(id, allowed)}; rules that can be disabled: ${allowed.join(', ')}`);
    } else if (rule.severity === 'error') {
      ctx.error(at, `lint rule ${quote(id)} is an error and cannot be disabled (${rule.why}); rules that can be disabled: ${allowed.join(', ')}`);
    } else if (seen.has(id)) {
      ctx.error(at, `lint rule ${quote(id)} is listed twice in lint.disable`);
    }
    seen.add(id);
  });
}
