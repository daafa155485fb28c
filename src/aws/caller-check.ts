/**
 * Pre-flight of `encryption enable` on the caller: Identity Center validates the new key with the
 * permissions of the principal that calls UpdateInstance ("The user or IAM principal lacks one or
 * more required KMS permissions ... when enabling customer managed key"), so before calling it
 * idcgen asks STS who the caller is and evaluates the **live** key policy for it
 * (src/policy/evaluate.ts) on the actions AWS lists (catalog ACTIONS.switchCaller), as calls
 * through Identity Center carrying this instance's encryption context.
 *
 * Reading the answers:
 * - denied even if the caller's IAM policies allowed everything: the key policy shuts it out, an
 *   error naming the actions (kms:GenerateDataKey alone is a warning when
 *   kms:GenerateDataKeyWithoutPlaintext is allowed: which one UpdateInstance needs is undocumented);
 * - allowed only through the account root (`kms:*` to the account, baseline): the caller's IAM
 *   policies decide, which idcgen cannot read, so nothing is reported;
 * - not decidable (a condition on a value idcgen does not know, an assumed role whose path it
 *   cannot see): a warning, never a refusal.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/cmk-related-errors.html
 */
import { iamPrincipalIdentity, parseCallerArn, PERMISSION_SET_ROLE, permissionSetRoleArn, roleArn, type PolicyDocumentJson } from '../model';
import { ACTIONS, CONDITION_KEYS, conditionValues, EC_CONDITION, ENCRYPTION_CONTEXT_KEYS, globMatch, DOCS as POLICY_DOCS, toArray } from '../policy';
import { kmsDecision, type ContextValue, type IdentityPolicy, type Tri } from '../policy/power';

import { fail, warn, type Finding } from './findings';

export interface CallerIdentity {
  /** GetCallerIdentity's Arn: `arn:aws:sts::<id>:assumed-role/<role>/<session>`, an IAM user or the root. */
  readonly arn: string;
  readonly account: string;
}

export interface CallerCheckInput {
  readonly caller: CallerIdentity;
  /** The live key policy as parsed JSON. */
  readonly policy: unknown;
  readonly keyArn: string;
  readonly instanceArn: string;
  /** The instance's (and key's) account. */
  readonly keyAccountId: string;
  /** Identity Center Region: permission-set role paths and kms:ViaService. */
  readonly region: string;
  /** From the model, when given: aws:PrincipalOrgID of the caller. */
  readonly organizationId?: string;
  /** From the model: the deployer's role ARN (with its path). */
  readonly deployer?: string;
}

/** The IAM principal behind the caller, and whether its full ARN (path included) is known. */
export function callerPrincipal(caller: CallerIdentity, region: string, deployer?: string): { arn: string; pathKnown: boolean } | undefined {
  const parsed = parseCallerArn(caller.arn);
  if (!parsed) return undefined;
  if (parsed.kind === 'iam') return { arn: parsed.arn, pathKnown: true };
  const { account, roleName, partition } = parsed;
  const d = deployer !== undefined ? iamPrincipalIdentity(deployer) : undefined;
  if (deployer !== undefined && d?.type === 'role' && d.account === account && d.name === roleName) return { arn: deployer, pathKnown: true };
  const sso = new RegExp(`^${PERMISSION_SET_ROLE.namePrefix}(.+)_(.{${PERMISSION_SET_ROLE.suffixLength}})$`).exec(roleName);
  if (sso) return { arn: permissionSetRoleArn(account, region, sso[1], sso[2], partition), pathKnown: true };
  return { arn: roleArn(account, roleName, partition), pathKnown: false };
}

const ALLOW_ALL: IdentityPolicy = {
  name: 'every IAM permission',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/** A live policy in the shape the evaluator reads: Statement always a list (KMS keeps a single statement as written). */
function asDocument(raw: unknown): PolicyDocumentJson | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const statement = (raw as { Statement?: unknown }).Statement;
  const list = toArray(statement);
  if (!list.every((s) => typeof s === 'object' && s !== null)) return undefined;
  return { Version: '2012-10-17', Statement: list as PolicyDocumentJson['Statement'] };
}

export function checkCaller(input: CallerCheckInput): Finding[] {
  const policy = asDocument(input.policy);
  if (!policy)
    return [warn(`the live key policy of ${input.keyArn} has no statements idcgen can read, so the caller's kms permissions on it were not checked`)];
  const found = callerPrincipal(input.caller, input.region, input.deployer);
  if (!found) {
    return [
      warn(
        `cannot tell which iam principal the caller ${input.caller.arn} is, so its kms permissions on the key were not checked; it needs ${ACTIONS.switchCaller.join(', ')} (see ${POLICY_DOCS.cmkErrors})`,
      ),
    ];
  }
  // A role whose path STS does not report: its ARN is as good as any path wherever no
  // aws:PrincipalArn value of the policy could match this role name under some path.
  const name = found.arn.slice(found.arn.lastIndexOf('/') + 1);
  const pathFree = !found.pathKnown && !principalArnValues(policy).some((v) => couldMatchUnderSomePath(v, input.caller.account, name));
  const who = pathFree ? { ...found, pathKnown: true } : found;
  const results = new Map<string, Tri>();
  for (const action of ACTIONS.switchCaller) {
    const request = { principal: who.arn, accountId: input.caller.account, action, resource: input.keyArn, context: context(input, who, action) };
    // With every IAM permission granted, only the key policy can still say no.
    results.set(action, kmsDecision(policy, [ALLOW_ALL], request, input.keyAccountId).decision);
  }
  const denied = ACTIONS.switchCaller.filter((a) => results.get(a) === 'no');
  const unsure = ACTIONS.switchCaller.filter((a) => results.get(a) === 'maybe');
  const findings: Finding[] = [];
  const as = `${input.caller.arn}${who.arn !== input.caller.arn ? ` (as ${who.arn})` : ''}`;
  const withoutPlaintext = kmsDecision(
    policy,
    [ALLOW_ALL],
    {
      principal: who.arn,
      accountId: input.caller.account,
      action: 'kms:GenerateDataKeyWithoutPlaintext',
      resource: input.keyArn,
      context: context(input, who, 'kms:GenerateDataKeyWithoutPlaintext'),
    },
    input.keyAccountId,
  ).decision;
  const soft = denied.filter((a) => a === 'kms:GenerateDataKey' && withoutPlaintext === 'yes');
  const hard = denied.filter((a) => !soft.includes(a));
  if (hard.length > 0) {
    findings.push(
      fail(
        `the caller ${as} may not ${hard.join(', ')} on key ${input.keyArn} through identity center under its live key policy; identity center checks the key with the caller's permissions when switching, so run this as the deployer (deployment.deployer) or an identity center administrator the key policy names, or add the caller to the key policy (see ${POLICY_DOCS.cmkErrors})`,
      ),
    );
  }
  if (soft.length > 0) {
    findings.push(
      warn(
        `the live key policy lets the caller ${as} use kms:GenerateDataKeyWithoutPlaintext but not kms:GenerateDataKey, which aws's troubleshooting page lists for the principal that switches the key; if the switch ends in UPDATE_FAILED, switch as the deployer (see ${POLICY_DOCS.cmkErrors})`,
      ),
    );
  }
  if (unsure.length > 0) {
    findings.push(
      warn(
        `cannot confirm that the live key policy lets the caller ${as} ${unsure.join(', ')} on key ${input.keyArn}: it depends on ${who.pathKnown ? 'request values' : "the role's path, which sts does not report,"} that idcgen cannot see`,
      ),
    );
  }
  return findings;
}

/** What KMS sees when Identity Center calls it for the caller while validating the key. */
function context(input: CallerCheckInput, who: { arn: string; pathKnown: boolean }, action: string): Record<string, ContextValue> {
  const crypto = action !== 'kms:DescribeKey';
  const out: Record<string, ContextValue> = {
    [CONDITION_KEYS.principalAccount]: input.caller.account,
    [CONDITION_KEYS.callerAccount]: input.caller.account,
    [CONDITION_KEYS.principalIsAwsService]: 'false',
    [CONDITION_KEYS.viaService]: `sso.${input.region}.amazonaws.com`,
    [CONDITION_KEYS.sourceAccount]: null,
    [CONDITION_KEYS.sourceArn]: null,
    [CONDITION_KEYS.sourceOrgId]: null,
    'aws:ResourceAccount': input.keyAccountId,
    [CONDITION_KEYS.encryptionContextKeys]: crypto ? [ENCRYPTION_CONTEXT_KEYS.instanceArn] : null,
    [EC_CONDITION.instanceArn]: crypto ? input.instanceArn : null,
    [EC_CONDITION.identityStoreArn]: null,
  };
  if (who.pathKnown) out[CONDITION_KEYS.principalArn] = who.arn;
  if (input.organizationId !== undefined) {
    out[CONDITION_KEYS.principalOrgId] = input.organizationId;
    out['aws:ResourceOrgID'] = input.organizationId;
  }
  return out;
}

function principalArnValues(policy: PolicyDocumentJson): string[] {
  return policy.Statement.flatMap((s) => conditionValues(s, CONDITION_KEYS.principalArn).filter((x): x is string => typeof x === 'string'));
}

/**
 * Whether an aws:PrincipalArn value could match the role `name` of `account` under a path STS did
 * not report. Errs towards yes: any wildcard before the name's segment could span a path.
 */
function couldMatchUnderSomePath(value: string, account: string, name: string): boolean {
  const parts = value.split(':');
  if (parts.length < 6 || !globMatch(parts[4], account, false)) return false;
  const resource = parts.slice(5).join(':');
  // `role/...` (or a wildcard that could stand for it)
  if (!resource.startsWith('role/') && !/^[*?]/.test(resource)) return false;
  const cut = resource.lastIndexOf('/');
  const last = resource.slice(cut + 1);
  return globMatch(resource, `role/${name}`, false) || globMatch(last, name, false) || /[*?]/.test(resource.slice(0, cut + 1));
}
