/**
 * Identity Center checks over the resolved model (rules: identity-center-rules.ts), positioned
 * like the Well-Architected findings at the entry they are about:
 * - principal-tag-undeclared: a permission set's inline policy, or a customer managed policy the
 *   model writes, tests `aws:PrincipalTag/<key>` (as a condition key or a `${...}` policy variable)
 *   for a key `identityCenter.accessControlAttributes` does not declare. Tag keys compare
 *   case-insensitively, as IAM compares condition keys.
 * - application-key-access-missing: an application whose provider is an AWS managed application's
 *   while the key Identity Center uses has neither managed-applications nor
 *   restrict-managed-applications (which admits the services it lists).
 */
import {
  isAwsManagedApplicationProvider,
  compareKeys,
  type ResolvedModel,
  IDENTITY_CENTER_RULES,
  PRINCIPAL_TAG,
  type IdentityCenterRule,
  type PolicyDocumentJson,
  type StatementJson,
} from '../model';
import { customerPolicyDocuments } from './admin-access';
import { conditionKeysOf } from './json';
import type { FindingLocation } from './well-architected';

export interface IdentityCenterFinding {
  readonly rule: IdentityCenterRule;
  readonly severity: 'warning';
  readonly message: string;
  readonly at: FindingLocation;
}

/** Use cases that let AWS managed applications use the key (src/policy/catalog/use-cases.ts). */
const ADMITS_MANAGED_APPLICATIONS = ['managed-applications', 'restrict-managed-applications'];

export function lintIdentityCenter(ir: ResolvedModel): IdentityCenterFinding[] {
  const out: IdentityCenterFinding[] = [];
  const add = (rule: IdentityCenterRule, message: string, at: FindingLocation): void => {
    out.push({ rule, severity: IDENTITY_CENTER_RULES[rule].severity, message, at });
  };

  const declared = (ir.identityCenter.accessControlAttributes ?? []).map((a) => a.key);
  const known = new Set(declared.map((k) => k.toLowerCase()));
  const undeclared = (doc: PolicyDocumentJson | undefined, what: string, at: (s: StatementJson) => FindingLocation): void => {
    for (const s of doc?.Statement ?? []) {
      for (const key of principalTags(s)) {
        if (known.has(key.toLowerCase())) continue;
        const label = s.Sid !== undefined ? `statement '${s.Sid}'` : 'a statement without sid';
        const list = declared.length > 0 ? `declares ${declared.join(', ')}` : 'declares none';
        add(
          'principal-tag-undeclared',
          `${what} ${label} tests aws:PrincipalTag/${key}, but identityCenter.accessControlAttributes ${list}, so identity center never sets that session tag (unless the identity provider sends it in the saml assertion); declare it, e.g. ${key}: ["\${path:enterprise.department}"]`,
          at(s),
        );
      }
    }
  };
  for (const ps of ir.permissionSets) {
    undeclared(ps.inlinePolicy, `permission set '${ps.name}' inline policy`, (statement) => ({ kind: 'inlineStatement', permissionSet: ps.name, statement }));
  }
  for (const [key, doc] of [...customerPolicyDocuments(ir)].sort(([a], [b]) => compareKeys(a, b))) {
    const slash = key.lastIndexOf('/');
    const path = key.slice(0, slash + 1);
    const name = key.slice(slash + 1);
    undeclared(doc, `customer managed policy ${key}`, (statement) => ({ kind: 'customerPolicyStatement', path, name, statement }));
  }

  const keyName = ir.identityCenter.encryptionKey;
  const key = ir.keys.find((k) => k.name === keyName);
  if (key && !key.useCases.some((u) => ADMITS_MANAGED_APPLICATIONS.includes(u))) {
    for (const app of ir.applications ?? []) {
      if (!isAwsManagedApplicationProvider(app.providerArn)) continue;
      add(
        'application-key-access-missing',
        `application '${app.name}' has the aws managed application provider ${app.providerArn}, but key '${key.name}', which identity center uses, does not admit aws managed applications, so the application cannot sign users in; add - managed-applications: {} to the key's useCases`,
        { kind: 'application', name: app.name, field: 'provider' },
      );
    }
  }
  return out;
}

/** The distinct session tag keys a statement tests, in the order first found. */
function principalTags(s: StatementJson): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const note = (k: string): void => {
    if (seen.has(k.toLowerCase())) return;
    seen.add(k.toLowerCase());
    found.push(k);
  };
  for (const k of conditionKeysOf(s)) {
    const m = PRINCIPAL_TAG.conditionKey.exec(k);
    if (m) note(m[1]);
  }
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(PRINCIPAL_TAG.variable)) note(m[1]);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  visit([s.Resource, s.NotResource, s.Condition]);
  return found;
}
