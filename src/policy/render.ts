/**
 * Replace PolicyRefs with literal strings: for simulation, review and tests. Emitters do not use
 * this; they render refs as Terraform expressions.
 */
import {
  inAllRegions,
  isPolicyRef,
  type ConditionDraft,
  type PolicyDocumentJson,
  type PolicyRef,
  type PolicyValue,
  type PolicyValues,
  type StatementDraft,
  type StatementJson,
} from '../model';

export interface PolicyRefValues {
  /** Key ARN of each key, by key name: `arn:aws:kms:<region>:<acct>:key/<id>`. */
  readonly keyArns?: Readonly<Record<string, string>>;
  readonly instanceArn?: string;
  readonly identityStoreArn?: string;
}

/** A rendered document has only strings; throws when a ref has no value (a test or caller bug). */
export function renderPolicy(doc: PolicyDocumentJson, values: PolicyRefValues): PolicyDocumentJson {
  return { ...doc, Statement: doc.Statement.map((s) => renderStatement(s, values)) };
}

export function renderStatement(s: StatementJson, values: PolicyRefValues): StatementJson {
  const out: StatementDraft = { ...s };
  if (s.Principal !== undefined && s.Principal !== '*' && s.Principal.AWS !== undefined) {
    out.Principal = { ...s.Principal, AWS: renderValues(s.Principal.AWS, values) };
  }
  if (s.Resource !== undefined) out.Resource = renderValues(s.Resource, values);
  if (s.NotResource !== undefined) out.NotResource = renderValues(s.NotResource, values);
  if (s.Condition !== undefined) {
    const condition: ConditionDraft = {};
    for (const [op, keys] of Object.entries(s.Condition)) {
      condition[op] = {};
      for (const [key, v] of Object.entries(keys)) condition[op][key] = renderValues(v, values);
    }
    out.Condition = condition;
  }
  return out;
}

function renderValues(v: PolicyValues, values: PolicyRefValues): PolicyValues {
  return Array.isArray(v) ? v.map((x) => renderValue(x, values)) : renderValue(v as PolicyValue, values);
}

export function renderValue(v: PolicyValue, values: PolicyRefValues): string {
  if (!isPolicyRef(v)) return v;
  const found = lookup(v, values);
  if (found === undefined) throw new Error(`no value for policy ref '${v.ref}'${v.key !== undefined ? ` of key '${v.key}'` : ''}`);
  return found;
}

function lookup(ref: PolicyRef, values: PolicyRefValues): string | undefined {
  switch (ref.ref) {
    case 'key-arn':
      return ref.key !== undefined ? values.keyArns?.[ref.key] : undefined;
    case 'key-arn-all-regions': {
      const arn = ref.key !== undefined ? values.keyArns?.[ref.key] : undefined;
      // Replicas of a multi-Region key differ from the primary only in the Region field.
      return arn === undefined ? undefined : (inAllRegions(arn) ?? arn);
    }
    case 'instance-arn':
      return values.instanceArn;
    case 'identity-store-arn':
      return values.identityStoreArn;
  }
}
