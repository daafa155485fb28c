/**
 * Renderers of an Explanation: Markdown (also DIR/review.md), JSON, and CSV (one table a
 * spreadsheet can filter: account, key and application rows share the columns).
 */
import { compareKeys } from '../model';
import type { ApplicationExplanation, Explanation, KeyAccess, KeyAccessKind } from './types';
import { powerText, powerWho } from './private/key-power-rows';
import { accountText, code, table, text } from './private/markdown';

const KIND_TEXT: Record<KeyAccessKind, string> = {
  service: 'AWS service',
  administrator: 'key administrator',
  principal: 'IAM principal',
  'org-principals': 'organization principals through Identity Center',
  'managed-applications': 'AWS managed applications',
  wildcard: 'any principal',
};

/** Plain words for the CSV; the Markdown escapes them. */
function accessNotes(e: KeyAccess): string {
  const parts = [`statements ${e.statements.join(', ')}`];
  if (e.useCases.length > 0) parts.push(`use cases ${e.useCases.join(', ')}`);
  return parts.join('; ');
}

export function renderExplainMarkdown(x: Explanation): string {
  const out: string[] = [`## What ${code(x.source)} grants`, '', '### Who reaches which account', ''];
  if (x.matrix.length === 0) out.push('No account assignments.');
  else {
    out.push(
      ...table(
        ['principal', 'account', 'permission sets (why the account is selected)'],
        x.matrix.map((r) => [
          `${r.principalType.toLowerCase()} ${text(r.principalName)}`,
          accountText(r.account),
          r.grants.map((g) => `${code(g.permissionSet)} (${g.reasons.map(text).join('; ')})`).join(', '),
        ]),
      ),
    );
  }
  const groups = Object.keys(x.groupMembers).sort(compareKeys);
  if (groups.length > 0) {
    out.push('', 'Group members (groups synced from the identity provider are not listed):', '');
    for (const g of groups) out.push(`- ${text(g)}: ${x.groupMembers[g].map(text).join(', ')}`);
  }
  for (const k of x.keys) {
    out.push('', `### Who can use key ${code(k.name)} (${code(k.alias)})`, '');
    const region = k.multiRegion
      ? `multi-Region${k.replicaRegions.length > 0 ? `, replicas in ${k.replicaRegions.map(text).join(', ')}` : ', no replicas'}`
      : 'single-Region';
    out.push(`${k.usedByIdentityCenter ? 'Identity Center encrypts its data with this key' : 'Identity Center does not use this key'}; ${region}.`, '');
    if (k.access.length === 0) out.push('Nobody: the key policy allows no principal.');
    else {
      out.push(
        ...table(
          ['how', 'principal', 'actions', 'via', 'from', 'identity policies'],
          k.access.map((e) => [
            KIND_TEXT[e.kind],
            code(e.principal),
            e.actions.map(text).join(', '),
            e.via.length > 0 ? e.via.map(text).join(', ') : 'any',
            text(accessNotes(e)),
            e.identityPolicies.length > 0 ? e.identityPolicies.map(text).join(', ') : '-',
          ]),
        ),
      );
    }
    out.push('', `#### Effective power on key ${code(k.name)}`, '');
    out.push(
      'What each principal can really do: the key policy together with its identity policies. `administer` changes the key policy, schedules deletion or disables the key; `use via Identity Center` encrypts through Identity Center or Identity Store; `decrypt` decrypts only. "possibly": it depends on IAM policies or request values outside the model.',
      '',
    );
    if (k.power.length === 0) out.push('No principal the model knows can use the key.');
    else
      out.push(
        ...table(
          ['power', 'principal', 'account', 'actions', 'through'],
          k.power.map((p) => [
            text(powerText(p)),
            code(powerWho(p)),
            text(`${p.accountName} (${p.accountId})`),
            p.actions.map(text).join(', '),
            p.through.map(text).join('; '),
          ]),
        ),
      );
  }
  if (x.applications.length > 0) {
    out.push('', '### Who can open which application', '');
    out.push(
      ...table(
        ['application', 'who can open it', 'access scopes'],
        x.applications.map((a) => [code(a.name), whoOpens(a), a.accessScopes.length > 0 ? a.accessScopes.map(text).join(', ') : '-']),
      ),
    );
  }
  out.push(...deploymentMarkdown(x));
  return `${out.join('\n')}\n`;
}

/** Which account each unit runs in, and which unit manages each permission set. */
function deploymentMarkdown(x: Explanation): string[] {
  const out = ['', '### Where each deployment unit runs', ''];
  out.push(
    ...table(
      ['unit', 'kind', 'account', 'role assumed', 'wave'],
      x.units.map((u) => [
        code(u.name),
        text(u.kind),
        accountText({ ...u.account, production: false }),
        u.role === null ? 'none (management account credentials)' : code(u.role),
        String(u.wave),
      ]),
    ),
  );
  if (x.permissionSets.length === 0) return out;
  out.push('', '### Who manages each permission set', '');
  out.push(
    ...table(
      ['permission set', 'managed by', 'notes'],
      x.permissionSets.map((p) => [
        code(p.name),
        p.managedFrom === null ? 'nobody here (external)' : `${code(p.unit ?? '')} in ${accountText({ ...p.managedFrom, production: false })}`,
        text(permissionSetNotes(p)),
      ]),
    ),
  );
  return out;
}

function permissionSetNotes(p: Explanation['permissionSets'][number]): string {
  const notes: string[] = [];
  if (p.external) {
    const declared = p.declaredManagedPolicies ?? [];
    notes.push(
      declared.length > 0
        ? `external: looked up by name, never changed; declared to hold ${declared.join(', ')}`
        : 'external: looked up by name, never changed; its policies are not declared (unknown)',
    );
  }
  if (p.assignedInManagement) notes.push('assigned in the management account: managed from management');
  return notes.join('; ') || '-';
}

/** Nobody (disabled), every user (no assignment required), or the assigned groups (with members) and users. */
function whoOpens(a: ApplicationExplanation): string {
  if (a.status === 'DISABLED') return 'nobody: the application is disabled';
  if (!a.assignmentRequired) return 'every user of the identity store (no assignment required)';
  const parts = [
    ...a.groups.map(
      (g) =>
        `group ${text(g.name)}${g.external ? ' (members in the identity provider)' : g.members.length > 0 ? ` (${g.members.map(text).join(', ')})` : ' (no members)'}`,
    ),
    ...a.users.map((u) => `user ${text(u)}`),
  ];
  return parts.length > 0 ? parts.join('; ') : 'nobody: no assignment';
}

export function renderExplainJson(x: Explanation): string {
  return `${JSON.stringify(x, null, 2)}\n`;
}

/**
 * RFC 4180 quoting (rows end in LF); a cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a
 * spreadsheet never evaluates a name taken from the model as a formula.
 */
function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_HEADER = ['principal_type', 'principal', 'resource_type', 'resource', 'account_id', 'access', 'reason'];

export function renderExplainCsv(x: Explanation): string {
  const rows: string[][] = [CSV_HEADER];
  for (const r of x.matrix) {
    for (const g of r.grants) {
      rows.push([r.principalType, r.principalName, 'account', r.account.name, r.account.id, g.permissionSet, g.reasons.join('; ')]);
    }
  }
  for (const k of x.keys) {
    for (const e of k.access) {
      const via = e.via.length > 0 ? `; via ${e.via.join(' ')}` : '';
      const ip = e.identityPolicies.length > 0 ? `; identity policies ${e.identityPolicies.join(' ')}` : '';
      rows.push([e.kind, e.principal, 'key', k.name, e.accountId ?? '', e.actions.join(' '), `${accessNotes(e)}${via}${ip}`]);
    }
    for (const p of k.power) {
      rows.push([p.kind, powerWho(p), 'key power', k.name, p.accountId, powerText(p), `actions ${p.actions.join(' ')}; through ${p.through.join('; ')}`]);
    }
  }
  for (const a of x.applications) {
    if (a.status === 'DISABLED') continue;
    const scopes = a.accessScopes.length > 0 ? `; access scopes ${a.accessScopes.join(' ')}` : '';
    if (!a.assignmentRequired) rows.push(['ALL', '*', 'application', a.name, '', 'open', `no assignment required${scopes}`]);
    for (const g of a.groups) {
      rows.push(['GROUP', g.name, 'application', a.name, '', 'open', `assigned${scopes}`]);
      for (const m of g.members) rows.push(['USER', m, 'application', a.name, '', 'open', `member of group ${g.name}${scopes}`]);
    }
    for (const u of a.users) rows.push(['USER', u, 'application', a.name, '', 'open', `assigned${scopes}`]);
  }
  // LF rows like every other file idcgen writes; spreadsheet tools and csv parsers accept both.
  return rows.map((r) => `${r.map(csvCell).join(',')}\n`).join('');
}
