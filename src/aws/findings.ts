/** A result of a pre-flight check: errors stop the switch, warnings are printed and let it go on. */
import type { Severity } from '../model';

export interface Finding {
  readonly severity: Severity;
  /** Lowercase, no trailing period; says what is wrong, the value found and what is allowed. */
  readonly message: string;
}

export function fail(message: string): Finding {
  return { severity: 'error', message };
}

export function warn(message: string): Finding {
  return { severity: 'warning', message };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
