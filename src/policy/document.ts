/**
 * A policy document: an ordered list of statements with unique Sids, serialised only by toJSON().
 */
import { type PolicyDocumentJson, LIMITS } from '../model';
import { PolicyStatement } from './statement';
import { dedupeStatements } from './private/merge-statements';
import { canonicalJson } from './json';

export interface PolicyDocumentProps {
  /** Policy `Id`. @default none */
  readonly id?: string;
  readonly statements?: readonly PolicyStatement[];
}

export class PolicyDocument {
  readonly id?: string;
  private readonly statements: PolicyStatement[] = [];
  private frozen = false;

  constructor(props: PolicyDocumentProps = {}) {
    this.id = props.id;
    if (props.statements) this.addStatements(...props.statements);
  }

  static fromJson(json: PolicyDocumentJson): PolicyDocument {
    return new PolicyDocument({ id: json.Id, statements: json.Statement.map((s) => PolicyStatement.fromJson(s)) });
  }

  /**
   * Appends statements. A statement identical (by JSON text) to one already present is skipped,
   * so adding the same catalog statement twice is harmless.
   */
  addStatements(...statements: PolicyStatement[]): this {
    if (this.frozen) throw new Error('policy document is frozen');
    for (const s of statements) {
      const text = canonicalJson(s.toJSON());
      if (!this.statements.some((t) => canonicalJson(t.toJSON()) === text)) this.statements.push(s);
    }
    return this;
  }

  get statementCount(): number {
    return this.statements.length;
  }

  get sids(): (string | undefined)[] {
    return this.statements.map((s) => s.sid);
  }

  /** Freezes the document and every statement in it. */
  freeze(): this {
    this.frozen = true;
    for (const s of this.statements) s.freeze();
    return this;
  }

  /** The only serialiser. Identical statements are removed by their JSON text. */
  toJSON(): PolicyDocumentJson {
    const out: PolicyDocumentJson = { Version: '2012-10-17', Statement: dedupeStatements(this.statements.map((s) => s.toJSON())) };
    return this.id !== undefined ? { Version: out.Version, Id: this.id, Statement: out.Statement } : out;
  }

  /** Errors that make this document invalid as a KMS key policy. */
  validateForResourcePolicy(): string[] {
    const errors = [...this.validateSids(), ...this.statements.flatMap((s) => s.validateForResourcePolicy())];
    const bytes = policyBytes(this.toJSON());
    if (bytes > LIMITS.keyPolicyBytes.max) {
      errors.push(`key policy is ${bytes} bytes; allowed at most ${LIMITS.keyPolicyBytes.max} (${LIMITS.keyPolicyBytes.why})`);
    }
    return errors;
  }

  /** Errors that make this document invalid as an identity policy. */
  validateForIdentityPolicy(): string[] {
    return [...this.validateSids(), ...this.statements.flatMap((s) => s.validateForIdentityPolicy())];
  }

  private validateSids(): string[] {
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const sid of this.sids) {
      if (sid === undefined) continue;
      if (seen.has(sid)) errors.push(`sid '${sid}' is used by more than one statement; sids must be unique in a policy`);
      seen.add(sid);
    }
    return errors;
  }
}

/** Size of a policy as KMS counts it: the UTF-8 bytes of its compact JSON. */
export function policyBytes(doc: PolicyDocumentJson): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}

/** Non-whitespace characters, as IAM and Identity Center count policy sizes. */
export function policyNonWhitespaceChars(doc: PolicyDocumentJson): number {
  return JSON.stringify(doc).replace(/\s/g, '').length;
}
