/**
 * One IAM policy statement, built through add* methods and serialised only by toJSON().
 *
 * Rules (same habits as aws-cdk-lib/aws-iam `PolicyStatement`):
 * - every add* deduplicates on insert, keeping first-insertion order (callers pass sorted input
 *   where the order comes from the model, so output never depends on YAML order);
 * - a statement has either Action or NotAction, never both; `Principal: "*"` never mixes with
 *   named principals;
 * - freeze() makes it immutable: emitters and lint read frozen statements only.
 */
import type { ConditionDraft, PolicyValue, PolicyValues, PrincipalJson, StatementDraft, StatementJson } from '../model';
import { toArray } from './json';
import { toWire, uniqueValues } from './private/values';

export type Effect = 'Allow' | 'Deny';

/** Condition block: operator → condition key → values. */
export type Conditions = Readonly<Record<string, Readonly<Record<string, PolicyValues>>>>;

export interface PolicyStatementProps {
  /** Stable, meaningful id; unique within its document. @default no Sid */
  readonly sid?: string;
  /** @default 'Allow' */
  readonly effect?: Effect;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  /** AWS principals: ARNs or refs. */
  readonly awsPrincipals?: readonly PolicyValue[];
  /** Service principals, e.g. `sso.amazonaws.com`. */
  readonly servicePrincipals?: readonly string[];
  /** `"Principal": "*"`. @default false */
  readonly anyPrincipal?: boolean;
  readonly resources?: readonly PolicyValue[];
  readonly conditions?: Conditions;
}

export class PolicyStatement {
  readonly sid?: string;
  readonly effect: Effect;
  private readonly actions: string[] = [];
  private readonly notActions: string[] = [];
  private readonly awsPrincipals: PolicyValue[] = [];
  private readonly servicePrincipals: string[] = [];
  private anyPrincipal = false;
  private readonly resources: PolicyValue[] = [];
  private readonly conditions = new Map<string, Map<string, PolicyValue[]>>();
  private frozen = false;

  constructor(props: PolicyStatementProps = {}) {
    this.sid = props.sid;
    this.effect = props.effect ?? 'Allow';
    if (props.actions) this.addActions(...props.actions);
    if (props.notActions) this.addNotActions(...props.notActions);
    if (props.awsPrincipals) this.addAwsPrincipals(...props.awsPrincipals);
    if (props.servicePrincipals) this.addServicePrincipals(...props.servicePrincipals);
    if (props.anyPrincipal) this.addAnyPrincipal();
    if (props.resources) this.addResources(...props.resources);
    for (const [op, keys] of Object.entries(props.conditions ?? {})) {
      for (const [key, values] of Object.entries(keys)) this.addCondition(op, key, values);
    }
  }

  /** Parse wire JSON (user policies, documents read back for lint). */
  static fromJson(json: StatementJson): PolicyStatement {
    const p = json.Principal;
    return new PolicyStatement({
      sid: json.Sid,
      effect: json.Effect,
      actions: toArray(json.Action),
      notActions: toArray(json.NotAction),
      anyPrincipal: p === '*',
      awsPrincipals: p !== undefined && p !== '*' ? toArray(p.AWS) : [],
      servicePrincipals: p !== undefined && p !== '*' ? toArray(p.Service) : [],
      resources: toArray(json.Resource),
      conditions: json.Condition,
    });
  }

  addActions(...actions: string[]): this {
    this.assertMutable();
    if (this.notActions.length > 0 && actions.length > 0) throw new Error(`statement ${this.label()} cannot mix Action with NotAction`);
    addUniqueStrings(this.actions, actions);
    return this;
  }

  addNotActions(...actions: string[]): this {
    this.assertMutable();
    if (this.actions.length > 0 && actions.length > 0) throw new Error(`statement ${this.label()} cannot mix NotAction with Action`);
    addUniqueStrings(this.notActions, actions);
    return this;
  }

  addAwsPrincipals(...principals: PolicyValue[]): this {
    this.assertMutable();
    if (this.anyPrincipal && principals.length > 0) throw new Error(`statement ${this.label()} cannot mix "*" with named principals`);
    this.awsPrincipals.splice(0, this.awsPrincipals.length, ...uniqueValues([...this.awsPrincipals, ...principals]));
    return this;
  }

  addServicePrincipals(...services: string[]): this {
    this.assertMutable();
    if (this.anyPrincipal && services.length > 0) throw new Error(`statement ${this.label()} cannot mix "*" with named principals`);
    addUniqueStrings(this.servicePrincipals, services);
    return this;
  }

  addAnyPrincipal(): this {
    this.assertMutable();
    if (this.awsPrincipals.length > 0 || this.servicePrincipals.length > 0) throw new Error(`statement ${this.label()} cannot mix "*" with named principals`);
    this.anyPrincipal = true;
    return this;
  }

  addResources(...resources: PolicyValue[]): this {
    this.assertMutable();
    this.resources.splice(0, this.resources.length, ...uniqueValues([...this.resources, ...resources]));
    return this;
  }

  /** Adds values to `operator` → `key`; values already present are kept once. */
  addCondition(operator: string, key: string, values: PolicyValues): this {
    this.assertMutable();
    let keys = this.conditions.get(operator);
    if (!keys) {
      keys = new Map();
      this.conditions.set(operator, keys);
    }
    keys.set(key, uniqueValues([...(keys.get(key) ?? []), ...toArray(values)]));
    return this;
  }

  get hasPrincipal(): boolean {
    return this.anyPrincipal || this.awsPrincipals.length > 0 || this.servicePrincipals.length > 0;
  }

  freeze(): this {
    this.frozen = true;
    return this;
  }

  /** Errors that make this statement invalid in a resource (key) policy. */
  validateForResourcePolicy(): string[] {
    const errors = this.validateCommon();
    if (!this.hasPrincipal) errors.push(`statement ${this.label()} in a key policy needs a Principal`);
    return errors;
  }

  /** Errors that make this statement invalid in an identity policy (IAM policy, permission set). */
  validateForIdentityPolicy(): string[] {
    const errors = this.validateCommon();
    if (this.hasPrincipal) errors.push(`statement ${this.label()} in an identity policy cannot have a Principal`);
    if (this.resources.length === 0) errors.push(`statement ${this.label()} in an identity policy needs a Resource`);
    return errors;
  }

  /** The only serialiser. Key order follows AWS documentation: Sid, Effect, Principal, Action, Resource, Condition. */
  toJSON(): StatementJson {
    const out: StatementDraft = { Effect: this.effect };
    if (this.sid !== undefined) out.Sid = this.sid;
    const principal = this.principalJson();
    if (principal !== undefined) out.Principal = principal;
    if (this.actions.length > 0) out.Action = toWire(this.actions) as string | string[];
    if (this.notActions.length > 0) out.NotAction = toWire(this.notActions) as string | string[];
    if (this.resources.length > 0) out.Resource = toWire(this.resources);
    if (this.conditions.size > 0) {
      const condition: ConditionDraft = {};
      for (const [op, keys] of this.conditions) {
        condition[op] = {};
        for (const [key, values] of keys) condition[op][key] = toWire(values);
      }
      out.Condition = condition;
    }
    // Sid first for readability; JSON key order carries no meaning for AWS.
    return out.Sid === undefined ? out : { Sid: out.Sid, ...out };
  }

  private principalJson(): PrincipalJson | undefined {
    if (this.anyPrincipal) return '*';
    if (!this.hasPrincipal) return undefined;
    const p: { AWS?: PolicyValues; Service?: string | string[] } = {};
    if (this.awsPrincipals.length > 0) p.AWS = toWire(this.awsPrincipals);
    if (this.servicePrincipals.length > 0) p.Service = toWire(this.servicePrincipals) as string | string[];
    return p;
  }

  private validateCommon(): string[] {
    const errors: string[] = [];
    if (this.actions.length === 0 && this.notActions.length === 0) errors.push(`statement ${this.label()} has no Action`);
    return errors;
  }

  private label(): string {
    return this.sid !== undefined ? `'${this.sid}'` : '(no sid)';
  }

  private assertMutable(): void {
    if (this.frozen) throw new Error(`statement ${this.label()} is frozen`);
  }
}

function addUniqueStrings(target: string[], values: readonly string[]): void {
  for (const v of values) if (!target.includes(v)) target.push(v);
}
