/**
 * Render an imported model as YAML a person would write: short items on one line (accounts,
 * account lists of assignments, synced principals, application principals and scopes, attribute sources), everything else in block style, no folding.
 * Same model, same bytes: key order is the model object's (built in a fixed order by to-model.ts)
 * and every list is already sorted.
 */
import { Document, isPair, isScalar, Scalar, visit, type Node } from 'yaml';
import type { OrgModel } from '../model';

/** Strings a YAML 1.1 reader would take for something else (dates, booleans): always quoted. */
export const AMBIGUOUS = /^(?:\d{4}-\d{2}-\d{2}.*|y|n|yes|no|on|off|true|false|null|~)$/i;

/** Parent keys whose list items are written on one line each. */
const FLOW_ITEMS = new Set(['accounts']);
/** Keys whose values are written in flow style wherever they appear below these sections. */
const FLOW_VALUES = new Set(['ous', 'members', 'replicaRegions']);

export function renderModelYaml(model: OrgModel, header: readonly string[]): string {
  // No anchors: a principal listed twice is written twice, as a person would.
  const doc = new Document(model, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && AMBIGUOUS.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
    Map(_, node, path) {
      const section = topSection(path);
      const parentKey = keyAbove(path);
      // top-level account items, synced principals, and `{ path, recursive }` ou selectors
      if (section === 'accounts' && parentKey === 'accounts') node.flow = true;
      else if ((section === 'groups' || section === 'users') && node.items.some((p) => isScalar(p.key) && p.key.value === 'external')) node.flow = true;
      else if (parentKey === 'ous' || parentKey === 'tags' || parentKey === 'principals' || parentKey === 'administrators') node.flow = true;
      // an application's sign-in options and access scopes
      else if (section === 'applications' && (parentKey === 'signIn' || parentKey === 'accessScopes')) node.flow = true;
    },
    Seq(_, node, path) {
      const section = topSection(path);
      const parentKey = keyAbove(path);
      if (parentKey !== undefined && FLOW_VALUES.has(parentKey)) node.flow = true;
      else if (section !== 'accounts' && parentKey !== undefined && FLOW_ITEMS.has(parentKey)) node.flow = true;
      else if (section === 'keys' && parentKey === 'sourceAccounts') node.flow = true;
      // an application's groups and users; the sources of each attribute for access control
      else if (section === 'applications' && (parentKey === 'groups' || parentKey === 'users')) node.flow = true;
      else if (section === 'identityCenter') node.flow = true;
    },
  });
  const body = doc.toString({ lineWidth: 0, indentSeq: true });
  return `${header.map((h) => `# ${h}`).join('\n')}\n${body}`;
}

type VisitPath = readonly (Node | Document | { key: unknown; value: unknown })[];

/** The top-level key a node sits under (`accounts`, `groups`, ...). */
function topSection(path: VisitPath): string | undefined {
  const first = path.find((p) => isPair(p));
  return first && isPair(first) && isScalar(first.key) ? String(first.key.value) : undefined;
}

/** The key of the nearest pair above the node (its own key for a map value, the list's key for a list item). */
function keyAbove(path: VisitPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (isPair(p)) return isScalar(p.key) ? String(p.key.value) : undefined;
  }
  return undefined;
}
