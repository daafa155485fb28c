/** IAM actions as a review shows them. */
import type { StatementJson } from '../../model';
import { valueList } from '../../policy';

/** The statement's actions as shown: `NotAction` entries read `all except <action>`. */
export function actionLabels(s: Pick<StatementJson, 'Action' | 'NotAction'>): string[] {
  if (s.Action !== undefined) return valueList(s.Action);
  return valueList(s.NotAction).map((a) => `all except ${a}`);
}
