/**
 * src/policy/evaluate.ts against @cloud-copilot/iam-simulate: every request of a grid (principals
 * × actions × caller paths × identity policies) over the scenario key of both profiles gets the
 * same decision from both, when the evaluator is told every context value (keys the request does
 * not carry are `null`). Then the evaluator's own part: `maybe` where a value is unknown.
 */
import { conditionMatch } from '../../src/policy/evaluate';
import { kmsDecision, actionsAllowedByIdentityPolicies, type KmsRequest as EvalRequest } from '../../src/policy/power';
import type { PolicyDocumentJson } from '../../src/model/policy-types';
import { MGMT_ID, MRK_ARN, ORG_ID } from './support/fixtures';
import { DEPLOYER } from './support/ir';
import { ALLOW_ALL_KMS, CONTEXT_KEYS, P, scenario, scenarioKey, VIA } from './support/scenario';
import { roleCall, serviceCall, simulate, type KmsRequest } from './support/simulate';
import { buildKeys } from '../../src/policy/keys';
import { context } from './support/fixtures';
import { renderPolicy } from '../../src/policy/render';
import { stripEncryptionContext } from './support/simulate';

/** Every condition key the policies test, so the evaluator can be told which ones a request lacks. */
function conditionKeys(docs: readonly PolicyDocumentJson[]): string[] {
  return [...new Set(docs.flatMap((d) => d.Statement.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((k) => Object.keys(k)))))];
}

const CRYPTO = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext'];

function toEval(r: KmsRequest, keys: readonly string[]): EvalRequest {
  const ctx: Record<string, string | string[] | null> = Object.fromEntries(keys.map((k) => [k, null]));
  for (const [k, v] of Object.entries({ 'aws:ResourceAccount': MGMT_ID, 'aws:ResourceOrgID': ORG_ID, ...r.context })) ctx[k] = v;
  const accountId = /^arn:aws:iam::(\d{12}):/.exec(r.principal)?.[1];
  return { principal: r.principal, ...(accountId ? { accountId } : {}), action: r.action, resource: MRK_ARN, context: ctx };
}

describe.each(['baseline', 'least-privilege'] as const)('%s: the evaluator agrees with the simulator', (profile) => {
  const built = buildKeys([scenarioKey(profile)], context({ deployer: DEPLOYER }));
  const values = {
    keyArns: { idc: MRK_ARN },
    instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
    identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-1234567890',
  };
  const keyPolicy = stripEncryptionContext(renderPolicy(built.keys[0].keyPolicy, values)).policy;
  const s = scenario(scenarioKey(profile));
  const principals = [
    P.admin,
    P.delegatedAdmin,
    P.ec2User,
    P.otherPsInManagement,
    P.adminPrefixed,
    P.adminInDelegated,
    P.controlTower,
    P.provisioner,
    P.auditor,
    P.outsider,
    DEPLOYER,
  ];
  // Not in the grid: the account's root user. The simulator asks it for an IAM policy as for any
  // principal; in AWS the root user needs none, and a key policy granting its account lets it in
  // (the evaluator says so: `principalMatch` treats `arn:aws:iam::<id>:root` as named directly).
  const actions = ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DescribeKey', 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext'];
  const vias: { via?: string; contextKeys?: string[] }[] = [
    {},
    { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] },
    { via: VIA.identityStore, contextKeys: [...CONTEXT_KEYS.identityStore] },
    { via: VIA.s3 },
  ];
  const rows: [string, KmsRequest][] = [];
  for (const principal of principals) {
    for (const action of actions) {
      for (const v of vias) {
        for (const identity of ['none', 'own', 'kms:*'] as const) {
          const identityPolicies = identity === 'none' ? [] : identity === 'own' ? s.identityOf(principal) : [ALLOW_ALL_KMS];
          const orgId = principal === P.outsider ? 'o-zzzzzzzzzz' : undefined;
          // encryption context exists for cryptographic operations only
          const path = CRYPTO.includes(action) ? v : { ...(v.via ? { via: v.via } : {}) };
          rows.push([
            `${principal} ${action} via ${v.via ?? 'none'} with ${identity}`,
            roleCall(principal, action, { ...path, identityPolicies, ...(orgId ? { orgId } : {}) }),
          ]);
        }
      }
    }
  }
  for (const service of ['sso.amazonaws.com', 'identitystore.amazonaws.com', 'qbusiness.amazonaws.com']) {
    for (const action of actions)
      rows.push([
        `${service} ${action}`,
        serviceCall(service, action, { via: VIA.sso, ...(CRYPTO.includes(action) ? { contextKeys: [...CONTEXT_KEYS.sso] } : {}) }),
      ]);
  }

  test(`${rows.length} requests`, async () => {
    const mismatches: string[] = [];
    for (const [name, r] of rows) {
      const docs = [keyPolicy, ...(r.identityPolicies ?? [])];
      const mine = kmsDecision(
        keyPolicy,
        (r.identityPolicies ?? []).map((d, i) => ({ name: `p${i}`, document: d })),
        toEval(r, conditionKeys(docs)),
        MGMT_ID,
      ).decision;
      const theirs = await simulate(keyPolicy, r);
      if ((mine === 'yes') !== (theirs === 'Allowed') || mine === 'maybe') mismatches.push(`${name}: evaluator ${mine}, simulator ${theirs}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('unknowns make maybe, never a guess', () => {
  test('a condition key whose value is not given', () => {
    expect(conditionMatch('StringEquals', 'aws:PrincipalOrgID', ['o-1'], {})).toBe('maybe');
    expect(conditionMatch('StringEquals', 'aws:PrincipalOrgID', ['o-1'], { 'aws:principalorgid': 'o-1' })).toBe('yes');
  });

  test('a key the request does not carry: false for positive operators, true for negated ones and IfExists', () => {
    expect(conditionMatch('StringEquals', 'kms:ViaService', ['x'], { 'kms:ViaService': null })).toBe('no');
    expect(conditionMatch('ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::1:role/x'], { 'aws:PrincipalArn': null })).toBe('yes');
    expect(conditionMatch('StringEqualsIfExists', 'kms:ViaService', ['x'], { 'kms:ViaService': null })).toBe('yes');
    expect(conditionMatch('Null', 'kms:ViaService', ['true'], { 'kms:ViaService': null })).toBe('yes');
  });

  test('a policy variable with an unknown value, and an operator the evaluator does not implement', () => {
    expect(conditionMatch('StringEquals', 'aws:ResourceTag/team', ['${aws:PrincipalTag/team}'], { 'aws:ResourceTag/team': 'a' })).toBe('maybe');
    expect(conditionMatch('NumericLessThan', 'kms:ScheduleKeyDeletionPendingWindowInDays', ['30'], { 'kms:ScheduleKeyDeletionPendingWindowInDays': '7' })).toBe(
      'maybe',
    );
  });

  test('ArnLike matches each ARN part on its own: * does not cross into the account', () => {
    expect(conditionMatch('ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::111122223333:*'], { 'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/x' })).toBe(
      'no',
    );
    expect(conditionMatch('ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::111122223333:*'], { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/a/b' })).toBe(
      'yes',
    );
  });

  test('an identity policy of unknown content may allow anything: maybe', () => {
    const r = actionsAllowedByIdentityPolicies([{ name: 'Unknown', unknown: true }], ['kms:Decrypt'], {
      principal: 'arn:aws:iam::111122223333:role/x',
      accountId: '111122223333',
      resource: MRK_ARN,
      context: {},
    });
    expect(r).toEqual({ allowed: [], possible: ['kms:Decrypt'] });
  });
});
