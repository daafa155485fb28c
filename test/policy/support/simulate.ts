/**
 * Runs KMS requests through @cloud-copilot/iam-simulate (AGPL, devDependency, tests only). Its
 * CommonJS build loads with a plain import under ts-jest.
 *
 * The simulator drops `kms:EncryptionContext:<key>` context keys (they would show up in
 * ignoredContextKeys), so a condition on them could never match. stripEncryptionContext() takes
 * those conditions out of the policies before simulation and returns them, and the tests check
 * them structurally. Removing a condition only widens a statement: a request denied by the
 * stripped policies is denied by the real ones too; an Allowed result holds for requests that
 * carry the encryption context the returned conditions require (Identity Center's own).
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { ConditionDraft, PolicyDocumentJson, StatementDraft, StatementJson } from '../../../src/model/policy-types';
import { MGMT_ID, MRK_ARN, ORG_ID } from './fixtures';

export interface StrippedCondition {
  readonly sid: string;
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
}

export function stripEncryptionContext(doc: PolicyDocumentJson): { policy: PolicyDocumentJson; removed: StrippedCondition[] } {
  const removed: StrippedCondition[] = [];
  const statements = doc.Statement.map((s): StatementJson => {
    if (!s.Condition) return s;
    const condition: ConditionDraft = {};
    for (const [op, keys] of Object.entries(s.Condition)) {
      const kept: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(keys)) {
        if (k.toLowerCase().startsWith('kms:encryptioncontext:'))
          removed.push({ sid: s.Sid ?? '', operator: op, key: k, values: ([] as unknown[]).concat(v) as string[] });
        else kept[k] = v as string | string[];
      }
      if (Object.keys(kept).length > 0) condition[op] = kept;
    }
    const out: StatementDraft = { ...s };
    if (Object.keys(condition).length > 0) out.Condition = condition;
    else delete out.Condition;
    return out;
  });
  return { policy: { ...doc, Statement: statements }, removed };
}

/** A request to the key (in the management account) as AWS would describe it. */
export interface KmsRequest {
  /** IAM role ARN, account root, or a service principal (`sso.amazonaws.com`). */
  readonly principal: string;
  readonly action: string;
  /** Context keys AWS sets for this call, besides aws:ResourceAccount/aws:ResourceOrgID (always the key's). */
  readonly context: Record<string, string | string[]>;
  /** Identity policies of the principal (rendered). */
  readonly identityPolicies?: readonly PolicyDocumentJson[];
}

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

/** Simulates `request` against `keyPolicy` (rendered, encryption-context conditions stripped by the caller or not present). */
export async function simulate(keyPolicy: PolicyDocumentJson, request: KmsRequest): Promise<Decision> {
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: MRK_ARN, accountId: MGMT_ID },
        contextVariables: { 'aws:ResourceAccount': MGMT_ID, 'aws:ResourceOrgID': ORG_ID, ...request.context },
      },
      identityPolicies: (request.identityPolicies ?? []).map((policy, i) => ({ name: `identity-${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: keyPolicy,
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`simulation failed: ${JSON.stringify(result.errors)}`);
  const ignored = result.resultType === 'single' ? result.result.ignoredContextKeys : result.results.flatMap((r) => r.ignoredContextKeys ?? []);
  // A misspelt or inapplicable context key is ignored rather than reported: treat it as a test bug.
  if (ignored === undefined || ignored.length > 0)
    throw new Error(`simulation ignored context keys ${JSON.stringify(ignored)} for ${request.action} by ${request.principal}`);
  return result.overallResult as Decision;
}

// Request builders: the context keys AWS sets for each kind of caller.

/** An IAM role of `accountId` calling KMS, optionally through a service (`sso.us-west-2.amazonaws.com`). */
export function roleCall(
  roleArn: string,
  action: string,
  opts: { via?: string; orgId?: string; identityPolicies?: readonly PolicyDocumentJson[]; contextKeys?: string[] } = {},
): KmsRequest {
  const accountId = /^arn:aws:iam::(\d{12}):/.exec(roleArn)?.[1] ?? '';
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': roleArn,
    'aws:PrincipalAccount': accountId,
    'aws:PrincipalOrgID': opts.orgId ?? ORG_ID,
    'aws:PrincipalIsAWSService': 'false',
    'kms:CallerAccount': accountId,
  };
  if (opts.via !== undefined) context['kms:ViaService'] = opts.via;
  if (opts.contextKeys !== undefined) context['kms:EncryptionContextKeys'] = opts.contextKeys;
  return { principal: roleArn, action, context, identityPolicies: opts.identityPolicies };
}

/** A service principal calling KMS on behalf of a resource in `sourceAccount`. */
export function serviceCall(
  service: string,
  action: string,
  opts: { sourceAccount?: string; sourceOrgId?: string; via?: string; sourceArn?: string; contextKeys?: string[] } = {},
): KmsRequest {
  const context: Record<string, string | string[]> = {
    'aws:PrincipalIsAWSService': 'true',
    'aws:SourceAccount': opts.sourceAccount ?? MGMT_ID,
    'aws:SourceOrgID': opts.sourceOrgId ?? ORG_ID,
  };
  if (opts.via !== undefined) context['kms:ViaService'] = opts.via;
  if (opts.sourceArn !== undefined) context['aws:SourceArn'] = opts.sourceArn;
  if (opts.contextKeys !== undefined) context['kms:EncryptionContextKeys'] = opts.contextKeys;
  return { principal: service, action, context };
}
