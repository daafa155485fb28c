/**
 * Infer a key's `administrators`, `useCases` and `policyProfile` from its existing key policy and
 * from the permission sets' inline policies, by generating and comparing with idcgen's own policy
 * engine (buildKeys) rather than by re-implementing it:
 *
 * 1. Which statement Sid belongs to which use case is learnt by building probe keys with every use
 *    case, for both profiles; the profile whose Sids the existing policy shares most is chosen.
 * 2. A first candidate takes each recognised statement's principals for its use case (in the
 *    baseline profile the root statement's other accounts are delegated administrators).
 * 3. Principals that appear only in inline policies (the baseline profile grants permission sets in
 *    admin accounts through the account root, and their permission set gets the KMS statements) are
 *    added one by one while that makes the generated policies match more of what exists.
 * 4. The final candidate is built once more: key policy statements that differ are reported, and
 *    the inline-policy statements it generates are returned so the importer leaves them out of the
 *    model's `inlinePolicy` (resolve appends them again; keeping them would double them).
 * Anything not reproduced stays visible: a note for the key policy, the statement itself for an
 * inline policy.
 */
import {
  iamArnAccount,
  identityStoreArn,
  partitionOf,
  compareKeys,
  POLICY_PROFILES,
  type PolicyProfile,
  type ResolvedAccount,
  type KeyInput,
  type PrincipalInput,
  type UseCaseInput,
  type StatementJson,
} from '../model';
import {
  MODEL_USE_CASE_IDS,
  useCaseEntry,
  useCaseOrder,
  type ModelUseCaseId,
  type UseCaseId,
  buildKeys,
  type KeyContext,
  renderPolicy,
  renderStatement,
  type PolicyRefValues,
  statementKey,
  toArray,
} from '../policy';
import { statementPrincipals, type PrincipalContext } from './key-policy';

/** Actions that let a principal change the key policy, in any case AWS accepts. */
const ADMIN_ACTIONS = new Set(['kms:*', 'kms:put*', 'kms:putkeypolicy']);

export interface KeyInferContext extends PrincipalContext {
  readonly organizationId: string;
  readonly managementAccountName: string;
  readonly managementAccountId: string;
  readonly region: string;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly accounts: readonly ResolvedAccount[];
  /** Statements of each permission set's inline policy as read from AWS. */
  readonly inlineStatements: ReadonlyMap<string, readonly StatementJson[]>;
  /**
   * Permission set → names of the accounts it is assigned in. A permission-set principal exists
   * only where its permission set is assigned (its role is created there), so only those pairs
   * are tried as principals.
   */
  readonly assignedAccounts: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface KeyInference {
  readonly profile: PolicyProfile;
  readonly administrators: PrincipalInput[];
  readonly useCases: UseCaseInput[];
  /** Per permission set, the rendered statements resolve appends for this key. */
  readonly generatedInline: ReadonlyMap<string, readonly StatementJson[]>;
}

interface Candidate {
  profile: PolicyProfile;
  administrators: PrincipalInput[];
  useCases: Map<ModelUseCaseId, PrincipalInput[]>;
}

interface Built {
  ok: boolean;
  keyPolicy: readonly StatementJson[];
  inline: Map<string, StatementJson[]>;
}

export function inferKeyPolicy(base: KeyInput, keyArn: string, existing: readonly StatementJson[], ctx: KeyInferContext): KeyInference {
  const keyCtx: KeyContext = {
    organizationId: ctx.organizationId,
    managementAccountName: ctx.managementAccountName,
    managementAccountId: ctx.managementAccountId,
    region: ctx.region,
    instanceArn: ctx.instanceArn,
    identityStoreId: ctx.identityStoreId,
    encryptionKeyName: base.name,
    accounts: ctx.accounts,
    permissionSetNames: ctx.permissionSets,
  };
  const values: PolicyRefValues = {
    keyArns: { [base.name]: keyArn },
    instanceArn: ctx.instanceArn,
    identityStoreArn: identityStoreArn(ctx.managementAccountId, ctx.identityStoreId, partitionOf(ctx.region)),
  };
  const build = (c: Candidate): Built => {
    const { keys, permissionSetStatements, problems } = buildKeys([toKeyInput(base, c)], keyCtx);
    const inline = new Map([...permissionSetStatements].map(([ps, ss]) => [ps, ss.map((s) => renderStatement(s, values))]));
    const keyPolicy = keys[0] ? renderPolicy(keys[0].keyPolicy, values).Statement : [];
    return { ok: !problems.some((p) => p.severity === 'error'), keyPolicy, inline };
  };

  const existingKey = new Set(existing.map((s) => statementKey(s, { withSid: true })));
  const existingInline = new Map([...ctx.inlineStatements].map(([ps, ss]) => [ps, new Set(ss.map((s) => statementKey(s)))]));
  const score = (b: Built): number => {
    if (!b.ok) return -Infinity;
    let n = 0;
    for (const s of b.keyPolicy) n += existingKey.has(statementKey(s, { withSid: true })) ? 1 : -1;
    for (const [ps, ss] of b.inline) for (const s of ss) n += existingInline.get(ps)?.has(statementKey(s)) ? 1 : -1;
    return n;
  };

  const tables = new Map(POLICY_PROFILES.map((p) => [p, sidTable(p, keyCtx, base.name)]));
  const matches = (p: PolicyProfile): number => existing.filter((s) => s.Sid !== undefined && tables.get(p)?.has(s.Sid)).length;
  const profile: PolicyProfile = matches('least-privilege') > matches('baseline') ? 'least-privilege' : 'baseline';
  let best = firstCandidate(profile, tables.get(profile) as Map<string, UseCaseId>, existing, ctx, base.name);
  for (const [id, ps] of best.useCases) {
    if (useCaseEntry(id).principals === 'required' && ps.length === 0) {
      best.useCases.delete(id);
      ctx.notes.push(`key ${base.name}: use case ${id} is in the key policy but none of its principals can be written in the model; it is left out`);
    }
  }
  let bestScore = score(build(best));

  // restrict-to-instance changes conditions only, so only comparing can tell whether it is on.
  const toggled = clone(best);
  if (toggled.useCases.has('restrict-to-instance')) toggled.useCases.delete('restrict-to-instance');
  else toggled.useCases.set('restrict-to-instance', []);
  const toggledScore = score(build(toggled));
  if (toggledScore > bestScore) [best, bestScore] = [toggled, toggledScore];

  for (const trial of principalTrials(best, ctx)) {
    const c = trial(clone(best));
    const s = score(build(c));
    if (s > bestScore) [best, bestScore] = [c, s];
  }

  const final = build(best);
  reportKeyDifferences(final.keyPolicy, existing, base.name, ctx.notes);
  const out = toKeyInput(base, best);
  return { profile: best.profile, administrators: out.administrators ?? [], useCases: out.useCases ?? [], generatedInline: final.inline };
}

/** Sid → use case for a profile, learnt from probe keys that enable every use case. */
function sidTable(profile: PolicyProfile, ctx: KeyContext, name: string): Map<string, UseCaseId> {
  const table = new Map<string, UseCaseId>();
  const mgmt = ctx.managementAccountName;
  const other = ctx.accounts.find((a) => a.name !== mgmt)?.name ?? mgmt;
  // restrict-managed-applications replaces managed-applications, restrict-to-instance changes Sids:
  // every combination is probed.
  const probe = (restricted: boolean, toInstance: boolean): KeyInput => ({
    name,
    policyProfile: profile,
    administrators: [{ accountRoot: other }],
    useCases: MODEL_USE_CASE_IDS.filter(
      (id) => id !== (restricted ? 'managed-applications' : 'restrict-managed-applications') && (toInstance || id !== 'restrict-to-instance'),
    ).map((id): UseCaseInput => {
      if (id === 'restrict-managed-applications')
        return { [id]: { servicePrincipals: ['elasticmapreduce.amazonaws.com'], sourceAccounts: [mgmt] } } as UseCaseInput;
      const none = useCaseEntry(id).principals === 'none';
      const account = id === 'delegated-admins' ? other : mgmt;
      return { [id]: none ? null : { principals: [{ accountRoot: account }] } } as UseCaseInput;
    }),
  });
  for (const restricted of [false, true]) {
    for (const toInstance of [false, true]) {
      for (const key of buildKeys([probe(restricted, toInstance)], ctx).keys) {
        for (const source of key.statementSources) if (!table.has(source.sid)) table.set(source.sid, source.useCase as UseCaseId);
      }
    }
  }
  return table;
}

function firstCandidate(
  profile: PolicyProfile,
  table: Map<string, UseCaseId>,
  existing: readonly StatementJson[],
  ctx: KeyInferContext,
  keyName: string,
): Candidate {
  const c: Candidate = { profile, administrators: [], useCases: new Map() };
  const add = (id: ModelUseCaseId, ps: readonly PrincipalInput[]): void => {
    c.useCases.set(id, unique([...(c.useCases.get(id) ?? []), ...ps]));
  };
  for (const s of existing) {
    const uc = s.Sid !== undefined ? table.get(s.Sid) : undefined;
    if (uc === undefined) {
      // Not idcgen's: a statement that can change the key policy (the console's "key
      // administrators", a root kms:*) still says who administers the key.
      if (s.Effect === 'Allow' && toArray(s.Action).some((a) => typeof a === 'string' && ADMIN_ACTIONS.has(a.toLowerCase()))) {
        c.administrators = unique([...c.administrators, ...statementPrincipals(s, ctx, keyName)]);
      }
      continue;
    }
    if (uc === 'identity-center-service') continue;
    if (uc === 'restrict-managed-applications') {
      ctx.notes.push(
        `key ${keyName}: statement ${s.Sid} restricts managed applications; add restrict-managed-applications to the key's useCases by hand (its services and sources are not read back)`,
      );
      continue;
    }
    const principals = statementPrincipals(s, ctx, keyName);
    if (uc === 'key-administration') {
      // Baseline statement 1 grants kms:* to the roots of the admin accounts: the management
      // account and every delegated administrator's account.
      if (profile === 'baseline' && toArray(s.Action).includes('kms:*')) {
        add(
          'delegated-admins',
          principals.filter((p) => !('accountRoot' in p && p.accountRoot === ctx.managementAccountName)),
        );
        if (c.useCases.get('delegated-admins')?.length === 0) c.useCases.delete('delegated-admins');
      } else {
        c.administrators = unique([...c.administrators, ...principals]);
      }
    } else if (uc === 'identity-center-admins' || uc === 'delegated-admins') {
      const inManagement = (p: PrincipalInput): boolean => accountOf(p, ctx) === ctx.managementAccountName;
      if (principals.some(inManagement)) add('identity-center-admins', principals.filter(inManagement));
      if (principals.some((p) => !inManagement(p)))
        add(
          'delegated-admins',
          principals.filter((p) => !inManagement(p)),
        );
    } else if (uc !== 'deployer' && uc !== 'deletion-guard') {
      // the deployer and the deletion guard come from other settings, not from use cases
      add(uc, useCaseEntry(uc).principals === 'none' ? [] : principals);
    }
  }
  return c;
}

/**
 * One trial per (permission set with a KMS statement in its inline policy) × (admin account it is
 * assigned in) × (slot it could hold). The KMS statements a permission-set principal gets are the
 * same whatever its account, so an account it is not assigned in would score as well as the right
 * one; its role does not exist there, so such a pair is never tried.
 */
function principalTrials(c: Candidate, ctx: KeyInferContext): ((c: Candidate) => Candidate)[] {
  const adminAccounts = [
    ctx.managementAccountName,
    ...(c.useCases.get('delegated-admins') ?? []).map((p) => accountOf(p, ctx)).filter((a): a is string => a !== undefined),
  ];
  const trials: ((c: Candidate) => Candidate)[] = [];
  for (const [ps, statements] of [...ctx.inlineStatements].sort(([a], [b]) => compareKeys(a, b))) {
    if (!statements.some((s) => toArray(s.Action).some((a) => typeof a === 'string' && a.startsWith('kms:')))) continue;
    const assigned = ctx.assignedAccounts.get(ps) ?? new Set<string>();
    for (const account of [...new Set(adminAccounts)].filter((a) => assigned.has(a)).sort(compareKeys)) {
      const p: PrincipalInput = { permissionSet: ps, account };
      trials.push((x) => ({ ...x, administrators: unique([...x.administrators, p]) }));
      const slot: ModelUseCaseId = account === ctx.managementAccountName ? 'identity-center-admins' : 'delegated-admins';
      trials.push((x) => {
        // A permission set principal replaces its account's root: same key policy, narrower grant.
        const kept = (x.useCases.get(slot) ?? []).filter((q) => !('accountRoot' in q && q.accountRoot === account));
        x.useCases.set(slot, unique([...kept, p]));
        return x;
      });
    }
  }
  return trials;
}

function reportKeyDifferences(generated: readonly StatementJson[], existing: readonly StatementJson[], keyName: string, notes: string[]): void {
  const gen = new Set(generated.map((s) => statementKey(s, { withSid: true })));
  const have = new Set(existing.map((s) => statementKey(s, { withSid: true })));
  const label = (s: StatementJson): string => s.Sid ?? '(no sid)';
  const onlyAws = existing.filter((s) => !gen.has(statementKey(s, { withSid: true }))).map(label);
  const onlyGen = generated.filter((s) => !have.has(statementKey(s, { withSid: true }))).map(label);
  if (onlyAws.length === 0 && onlyGen.length === 0) return;
  notes.push(
    `key ${keyName}: the generated key policy differs from the existing one (replaced: ${onlyAws.join(', ') || 'none'}; added: ${onlyGen.join(', ') || 'none'}); ` +
      'the first apply updates the key policy in place, so review that change',
  );
}

function toKeyInput(base: KeyInput, c: Candidate): KeyInput {
  const useCases = [...c.useCases]
    .sort(([a], [b]) => useCaseOrder(a) - useCaseOrder(b))
    .map(([id, ps]): UseCaseInput => {
      if (useCaseEntry(id).principals === 'none') return { [id]: null } as UseCaseInput;
      return { [id]: ps.length > 0 || useCaseEntry(id).principals === 'required' ? { principals: ps } : null } as UseCaseInput;
    });
  const out: KeyInput = { ...base };
  delete out.administrators;
  delete out.policyProfile;
  delete out.useCases;
  if (c.administrators.length > 0) out.administrators = c.administrators;
  if (c.profile !== 'baseline') out.policyProfile = c.profile;
  if (useCases.length > 0) out.useCases = useCases;
  return out;
}

function accountOf(p: PrincipalInput, ctx: KeyInferContext): string | undefined {
  if ('accountRoot' in p) return p.accountRoot;
  if ('account' in p) return p.account;
  const id = iamArnAccount(p.role);
  return id !== undefined ? ctx.accountNames.get(id) : undefined;
}

function unique(ps: readonly PrincipalInput[]): PrincipalInput[] {
  return [...new Map(ps.map((p) => [JSON.stringify(p), p]))].sort(([a], [b]) => compareKeys(a, b)).map(([, p]) => p);
}

function clone(c: Candidate): Candidate {
  return { profile: c.profile, administrators: [...c.administrators], useCases: new Map([...c.useCases].map(([k, v]) => [k, [...v]])) };
}
