/** IAM action patterns (`kms:*`, `kms:Put*`): matching and display. */
import { type StatementJson, iamActionPattern } from '../../model';
import { valueList } from './canonical';

/** Whether the statement's Action (or NotAction) covers `action`. */
export function allowsAction(s: Pick<StatementJson, 'Action' | 'NotAction'>, action: string): boolean {
  if (s.Action !== undefined) return valueList(s.Action).some((p) => iamActionPattern(p)(action));
  if (s.NotAction !== undefined) return !valueList(s.NotAction).some((p) => iamActionPattern(p)(action));
  return false;
}

/** The statement's actions as shown: `NotAction` entries read `all except <action>`. */
export function actionsOf(s: Pick<StatementJson, 'Action' | 'NotAction'>): string[] {
  if (s.Action !== undefined) return valueList(s.Action);
  return valueList(s.NotAction).map((a) => `all except ${a}`);
}
