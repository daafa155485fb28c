/**
 * Renderers of a Review: Markdown for pull request comments (default) and JSON for CI. Sections
 * with nothing to say are left out, so a small change reads as a small comment.
 */
import type { FieldChange, KeyAccess, KeyPower, PermissionSetChange, Review, StatementChange } from './types';
import { powerText, powerWho } from './render-explain';
import { accountText, code, fieldLine, statementBlock, statementSummary, table } from './private/markdown';
import { isEmptyReview } from './review-models';

function statementLines(c: StatementChange, what: string, indent: number, withBody: boolean): string[] {
  const pad = ' '.repeat(indent);
  const name = c.sid !== undefined ? `statement ${code(c.sid)}` : 'statement without sid';
  const summary = statementSummary((c.after ?? c.before)!);
  const source = c.useCase !== undefined ? ` (use case ${code(c.useCase)}${c.docUrl ? `, [AWS docs](${c.docUrl})` : ''})` : '';
  const lines = [`${pad}- ${what} ${name} ${c.change}: ${summary}${source}`];
  if (withBody || c.change === 'changed') lines.push(...statementBlock(c.before, c.after, indent + 2));
  return lines;
}

function listLines(label: string, added: readonly string[], removed: readonly string[], pad: string): string[] {
  const out: string[] = [];
  if (added.length > 0) out.push(`${pad}- ${label} added: ${added.map((x) => code(x)).join(', ')}`);
  if (removed.length > 0) out.push(`${pad}- ${label} removed: ${removed.map((x) => code(x)).join(', ')}`);
  return out;
}

/** Fields of something removed are not listed: it goes whole, and the JSON keeps them. */
function fieldLines(change: string, fields: readonly FieldChange[], pad: string): string[] {
  return change === 'removed' ? [] : fields.map((f) => `${pad}- ${fieldLine(f)}`);
}

function permissionSetLines(c: PermissionSetChange): string[] {
  if (c.change === 'renamed') return [`- ${code(c.renamedFrom!)} renamed to ${code(c.name)} (same content; Identity Center replaces it)`];
  const out = [`- ${code(c.name)} ${c.change}`];
  // The content of an added or removed permission set is shown as its statements' summaries only.
  const bodies = c.change === 'changed';
  out.push(...fieldLines(c.change, c.fields, '  '));
  out.push(...listLines('managed policies', c.managedPolicies.added, c.managedPolicies.removed, '  '));
  out.push(...listLines('customer managed policies', c.customerManagedPolicies.added, c.customerManagedPolicies.removed, '  '));
  if (c.permissionsBoundary) out.push(`  - ${fieldLine(c.permissionsBoundary)}`);
  for (const s of c.inlinePolicy) out.push(...statementLines(s, 'inline policy', 2, bodies));
  return out;
}

function accessWho(e: KeyAccess): string {
  return `${code(e.principal)}${e.identityPolicies.length > 0 ? ` with ${e.identityPolicies.join(', ')}` : ''}`;
}

function accessHow(e: KeyAccess): string {
  return `${e.kind}: ${e.actions.join(', ')}${e.via.length > 0 ? ` via ${e.via.join(', ')}` : ''}`;
}

export function renderReviewMarkdown(r: Review): string {
  const out: string[] = ['## idcgen review', '', `Base ${code(r.base)} → head ${code(r.head)}`, ''];
  if (isEmptyReview(r)) {
    out.push('No changes: the two models grant the same access, keep the same keys and touch no deployment unit.');
    return `${out.join('\n')}\n`;
  }

  out.push('### Risks', '');
  if (r.risks.length === 0) out.push('No risk flags.');
  else out.push(...table(['severity', 'rule', 'finding'], r.risks.map((f) => [`**${f.severity}**`, f.rule, f.message])));
  out.push('');

  for (const [title, groups] of [
    ['Access granted', r.granted],
    ['Access revoked', r.revoked],
  ] as const) {
    if (groups.length === 0) continue;
    out.push(`### ${title}`, '');
    for (const g of groups) {
      out.push(`- ${g.principalType.toLowerCase()} **${g.principalName}** · permission set ${code(g.permissionSet)} · ${g.accounts.map(accountText).join(', ')}`);
    }
    out.push('');
  }

  if (r.principals.length > 0) {
    out.push('### Groups and users', '');
    for (const p of r.principals) {
      out.push(`- ${p.principalType.toLowerCase()} ${code(p.name)} ${p.change}`);
      out.push(...fieldLines(p.change, p.fields, '  '));
      out.push(...listLines('members', p.members.added, p.members.removed, '  '));
    }
    out.push('');
  }

  if (r.permissionSets.length > 0) {
    out.push('### Permission sets', '');
    for (const c of r.permissionSets) out.push(...permissionSetLines(c));
    out.push('');
  }

  if (r.customerManagedPolicies.length > 0) {
    out.push('### Customer managed policies', '');
    for (const p of r.customerManagedPolicies) {
      out.push(`- ${code(p.name)} ${p.change}`);
      for (const s of p.statements) out.push(...statementLines(s, 'policy', 2, p.change === 'changed'));
    }
    out.push('');
  }

  if (r.keys.length > 0) {
    out.push('### Keys', '');
    for (const k of r.keys) {
      out.push(`- key ${code(k.name)} ${k.change}`);
      out.push(...fieldLines(k.change, k.fields, '  '));
      for (const s of k.statements) out.push(...statementLines(s, 'key policy', 2, k.change === 'changed'));
      for (const ip of k.identityPolicies) {
        out.push(`  - identity policy ${code(`${ip.accountName}/${ip.policyName}`)} ${ip.change}`);
        out.push(...listLines('attached to roles', ip.attachToRoles.added, ip.attachToRoles.removed, '    '));
        for (const s of ip.statements) out.push(...statementLines(s, 'identity policy', 4, ip.change === 'changed'));
      }
    }
    out.push('');
  }

  if (r.keyAccess.length > 0) {
    out.push('### Who can use the keys', '');
    const rows = r.keyAccess.map((c) => {
      const e = (c.after ?? c.before)!;
      const verb = c.change === 'added' ? 'gains' : c.change === 'removed' ? 'loses' : 'changes';
      const how = c.before && c.after ? `${accessHow(c.before)} → ${accessHow(c.after)}` : accessHow(e);
      return [verb, e.key, accessWho(e), how];
    });
    out.push(...table(['change', 'key', 'principal', 'access'], rows), '');
  }

  if (r.keyPower.length > 0) {
    out.push('### Effective key power', '');
    const text = (p: KeyPower | undefined) => (p ? powerText(p) : 'none');
    const rows = r.keyPower.map((c) => {
      const p = (c.after ?? c.before)!;
      return [p.key, code(powerWho(p)), `${text(c.before)} → ${text(c.after)}`, (c.after ?? c.before)!.through.join('; ')];
    });
    out.push(...table(['key', 'principal', 'power', 'through'], rows), '');
  }

  if (r.settings.length > 0) {
    out.push('### Settings', '');
    out.push(...r.settings.map((f) => `- ${fieldLine(f)}`), '');
  }

  out.push('### Deployment units to plan', '');
  if (r.units.length === 0) out.push('None: the generated Terraform is unchanged.');
  else out.push(...table(['unit', 'kind', 'change', 'HCL root', 'CDKTF stack'], r.units.map((u) => [u.name, u.kind, u.change, code(u.hclRoot), code(u.stack)])));
  return `${out.join('\n')}\n`;
}

/** The Review as JSON: stable key order (as built), two-space indent, final newline. */
export function renderReviewJson(r: Review): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
