/**
 * Renderers of a Review: Markdown for pull request comments (default) and JSON for CI. Sections
 * with nothing to say are left out, so a small change reads as a small comment.
 *
 * The Markdown has a size budget (`maxChars`, default 60,000: GitHub refuses comments over 65,536
 * characters): the summary and every risk come first, then the details section by section; what
 * does not fit is counted ("N more — see review.json") and named at the end. review.json is always
 * complete. Every model string goes through `text` or `code` (src/review/markdown-escape.ts).
 */
import type {
  ApplicationAssignmentChange,
  ApplicationChange,
  AssignmentGroup,
  FieldChange,
  KeyAccess,
  MembershipEffect,
  PermissionSetChange,
  Review,
  StatementChange,
} from './types';
import { keyPowerRows, type KeyPowerRow } from './private/key-power-rows';
import { accountText, code, fieldLine, statementBlock, statementSummary, table, text } from './private/markdown';
import { count, firstAndMore, plural } from './private/counts';
import { isEmptyReview } from './review-models';
import { MarkdownBudget, type Section } from './private/markdown-budget';

/** Default `--max-chars`: under GitHub's 65,536-character comment limit with room for a marker line. */
export const DEFAULT_MAX_CHARS = 60_000;

/** Accounts an access line lists before it says "and N more". */
const ACCOUNTS_SHOWN = 10;

export interface MarkdownOptions {
  /** Size budget in characters. @default DEFAULT_MAX_CHARS */
  readonly maxChars?: number;
}

const n = count;

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

/** `3 accounts, 1 production (ou Workloads/*: 3) · a (…), b (…) and 1 more`. */
function accountsLine(accounts: AssignmentGroup['accounts'], selectors?: AssignmentGroup['selectors']): string {
  const production = accounts.filter((a) => a.production).length;
  const total = `${plural(accounts.length, 'account')}${production > 0 ? `, ${n(production)} production` : ''}`;
  const by = selectors && selectors.length > 0 ? ` (${selectors.map((s) => `${text(s.selector)}: ${n(s.accounts)}`).join('; ')})` : '';
  return `${total}${by} · ${firstAndMore(accounts.map(accountText), ACCOUNTS_SHOWN)}`;
}

function grantLine(g: AssignmentGroup): string[] {
  return [
    `- ${g.principalType.toLowerCase()} **${text(g.principalName)}** · permission set ${code(g.permissionSet)} · ${accountsLine(g.accounts, g.selectors)}`,
  ];
}

function applicationAccessLine(a: ApplicationAssignmentChange): string[] {
  return [`- ${a.principalType.toLowerCase()} **${text(a.principalName)}** · application ${code(a.application)}`];
}

function applicationLines(c: ApplicationChange): string[] {
  return [
    `- application ${code(c.name)} ${c.change}`,
    ...fieldLines(c.change, c.fields, '  '),
    ...listLines('access scopes', c.accessScopes.added, c.accessScopes.removed, '  '),
  ];
}

function membershipLine(e: MembershipEffect): string[] {
  const admin = e.keyAdministratorIn.length > 0 ? ` — key administrator in ${e.keyAdministratorIn.map(text).join(', ')}` : '';
  return [`- user **${text(e.userName)}** ${e.change} ${code(e.permissionSet)} (via group ${code(e.group)}) · ${accountsLine(e.accounts)}${admin}`];
}

function accessWho(e: KeyAccess): string {
  return `${code(e.principal)}${e.identityPolicies.length > 0 ? ` with ${e.identityPolicies.map(text).join(', ')}` : ''}`;
}

function accessHow(e: KeyAccess): string {
  return `${e.kind}: ${e.actions.map(text).join(', ')}${e.via.length > 0 ? ` via ${e.via.map(text).join(', ')}` : ''}`;
}

/** `management (111…)`, or `1,000 accounts · a (…), b (…) and 990 more`. */
function powerAccounts(p: KeyPowerRow): string {
  const one = (a: KeyPowerRow['accounts'][number]) => `${text(a.name)} (${text(a.id)})`;
  if (p.accounts.length === 1) return one(p.accounts[0]);
  return `${plural(p.accounts.length, 'account')} · ${firstAndMore(p.accounts.map(one), ACCOUNTS_SHOWN)}`;
}

function summary(r: Review): string {
  const bySeverity = ['critical', 'high', 'medium', 'low'].map((s) => [s, r.risks.filter((f) => f.severity === s).length] as const).filter(([, c]) => c > 0);
  const count = (groups: readonly AssignmentGroup[]) => groups.reduce((x, g) => x + g.accounts.length, 0);
  const parts = [
    r.risks.length === 0 ? 'no risk flags' : `${plural(r.risks.length, 'risk flag')} (${bySeverity.map(([s, c]) => `${c} ${s}`).join(', ')})`,
    `${plural(count(r.granted), 'assignment')} granted, ${n(count(r.revoked))} revoked`,
  ];
  if (r.applicationsGranted.length + r.applicationsRevoked.length > 0) {
    parts.push(`${plural(r.applicationsGranted.length, 'application assignment')} granted, ${n(r.applicationsRevoked.length)} revoked`);
  }
  if (r.membership.length > 0) parts.push(plural(r.membership.length, 'membership effect'));
  if (r.permissionSets.length > 0) parts.push(`${plural(r.permissionSets.length, 'permission set')} changed`);
  if (r.keys.length > 0) parts.push(`${plural(r.keys.length, 'key')} changed`);
  const removed = r.units.filter((u) => u.change === 'removed').length;
  parts.push(
    `${plural(r.units.length - removed, 'deployment unit')} to plan in ${plural(r.batches.length, 'batch', 'batches')}${removed > 0 ? `, ${n(removed)} removed` : ''}`,
  );
  return `**Summary:** ${parts.join(' · ')}`;
}

function detailSections(r: Review): Section[] {
  const sections: Section[] = [];
  const section = (title: string, items: string[][], what: string) => {
    if (items.length > 0) sections.push({ title, items, what });
  };
  section('Access granted', r.granted.map(grantLine), 'grants');
  section('Access revoked', r.revoked.map(grantLine), 'revocations');
  section('Application access granted', r.applicationsGranted.map(applicationAccessLine), 'application grants');
  section('Application access revoked', r.applicationsRevoked.map(applicationAccessLine), 'application revocations');
  section('What membership changes grant and revoke', r.membership.map(membershipLine), 'membership effects');
  section(
    'Groups and users',
    r.principals.map((p) => [
      `- ${p.principalType.toLowerCase()} ${code(p.name)} ${p.change}`,
      ...fieldLines(p.change, p.fields, '  '),
      ...listLines('members', p.members.added, p.members.removed, '  '),
    ]),
    'groups and users',
  );
  section('Permission sets', r.permissionSets.map(permissionSetLines), 'permission sets');
  section('Applications', r.applications.map(applicationLines), 'applications');
  section(
    'Customer managed policies',
    r.customerManagedPolicies.map((p) => [
      `- ${code(p.name)} ${p.change}`,
      ...p.statements.flatMap((s) => statementLines(s, 'policy', 2, p.change === 'changed')),
    ]),
    'policies',
  );
  section(
    'Keys',
    r.keys.map((k) => [
      `- key ${code(k.name)} ${k.change}`,
      ...fieldLines(k.change, k.fields, '  '),
      ...k.statements.flatMap((s) => statementLines(s, 'key policy', 2, k.change === 'changed')),
      ...k.identityPolicies.flatMap((ip) => [
        `  - identity policy ${code(`${ip.accountName}/${ip.policyName}`)} ${ip.change}`,
        ...listLines('attached to roles', ip.attachToRoles.added, ip.attachToRoles.removed, '    '),
        ...ip.statements.flatMap((s) => statementLines(s, 'identity policy', 4, ip.change === 'changed')),
      ]),
    ]),
    'keys',
  );
  if (r.keyAccess.length > 0) {
    const rows = r.keyAccess.map((c) => {
      const e = (c.after ?? c.before)!;
      const verb = c.change === 'added' ? 'gains' : c.change === 'removed' ? 'loses' : 'changes';
      const how = c.before && c.after ? `${accessHow(c.before)} → ${accessHow(c.after)}` : accessHow(e);
      return [verb, text(e.key), accessWho(e), how];
    });
    const [head, sep, ...body] = table(['change', 'key', 'principal', 'access'], rows);
    sections.push({ title: 'Who can use the keys', preamble: [head, sep], items: body.map((l) => [l]), what: 'key access changes' });
  }
  if (r.keyPower.length > 0) {
    const rows = keyPowerRows(r.keyPower).map((p) => [
      text(p.key),
      code(p.principal),
      `${text(p.before)} → ${text(p.after)}`,
      powerAccounts(p),
      p.through.map(text).join('; '),
    ]);
    const [head, sep, ...body] = table(['key', 'principal', 'power', 'accounts', 'through'], rows);
    sections.push({ title: 'Effective key power', preamble: [head, sep], items: body.map((l) => [l]), what: 'key power changes' });
  }
  section(
    'Settings',
    r.settings.map((f) => [`- ${fieldLine(f)}`]),
    'settings',
  );
  return sections;
}

function unitsSection(r: Review): Section {
  if (r.units.length === 0) return { title: 'Deployment units to plan', preamble: ['None: the generated Terraform is unchanged.'], items: [], what: 'units' };
  const [head, sep, ...body] = table(
    ['unit', 'kind', 'change', 'HCL root', 'CDKTF stack'],
    r.units.map((u) => [text(u.name), u.kind, u.change, code(u.hclRoot), code(u.stack)]),
  );
  return { title: 'Deployment units to plan', preamble: [head, sep], items: body.map((l) => [l]), what: 'units' };
}

export function renderReviewMarkdown(r: Review, opts: MarkdownOptions = {}): string {
  const out = new MarkdownBudget(opts.maxChars ?? DEFAULT_MAX_CHARS);
  out.always(['## idcgen review', '', `Base ${code(r.base)} → head ${code(r.head)}`, '']);
  if (isEmptyReview(r)) {
    out.always(['No changes: the two models grant the same access, keep the same keys and touch no deployment unit.']);
    return out.toString();
  }
  out.always([summary(r), '']);
  if (r.risks.length === 0) out.always(['### Risks', '', 'No risk flags.', '']);
  else {
    const [head, sep, ...rows] = table(
      ['severity', 'rule', 'finding'],
      r.risks.map((f) => [`**${f.severity}**`, f.rule, text(f.message)]),
    );
    out.section({ title: 'Risks', preamble: [head, sep], items: rows.map((l) => [l]), what: 'risk flags' });
  }
  for (const s of detailSections(r)) out.section(s);
  out.section(unitsSection(r));
  return out.toString();
}

/** The Review as JSON: stable key order (as built), two-space indent, final newline. */
export function renderReviewJson(r: Review): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
