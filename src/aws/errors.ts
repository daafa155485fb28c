/**
 * How calls to AWS fail, in words a platform engineer can act on: throttling is retried with
 * backoff, AccessDenied names the permission and the principal, anything else keeps AWS's text.
 */
import { API_PERMISSIONS, type ApiOperation } from './permissions';

/**
 * Error codes AWS services use for throttling. sso-admin and KMS both answer
 * `ThrottlingException`; the others are the codes the SDK's own classifier treats as throttling.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/CommonErrors.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html
 */
const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

/** Bounded exponential backoff with jitter, on top of the SDK's own few quick retries. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * The SDK gives up after 3 quick attempts; a sustained throttle (several engineers or pipelines
 * polling sso-admin at once) outlasts that, so idcgen keeps trying for about a minute.
 */
export const THROTTLE_RETRY: RetryPolicy = { attempts: 6, baseMs: 1000, maxMs: 20000 };

/** A call to AWS that failed after retries; `message` is ready to print. */
export class AwsCallError extends Error {
  constructor(
    readonly operation: ApiOperation,
    readonly code: string,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'AwsCallError';
  }
}

export interface RetryContext {
  readonly retry: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1); jitter spreads the retries of concurrent callers. */
  readonly random: () => number;
}

/** Name of an SDK error (`ThrottlingException`, `AccessDeniedException`, ...). */
export function errorCode(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const { name, Code, code } = e as { name?: unknown; Code?: unknown; code?: unknown };
    for (const v of [Code, code, name]) if (typeof v === 'string' && v !== '' && v !== 'Error') return v;
  }
  return 'Error';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function isThrottling(e: unknown): boolean {
  if (THROTTLING_CODES.has(errorCode(e))) return true;
  const retryable = (e as { $retryable?: { throttling?: boolean } } | null)?.$retryable;
  return retryable?.throttling === true;
}

/**
 * AccessDenied messages look like `User: arn:aws:sts::111122223333:assumed-role/Deploy/ci is not
 * authorized to perform: kms:GetKeyPolicy on resource: arn:aws:kms:... because ...`. Take the
 * principal and the action from the text when present; fall back to the operation's permission.
 */
export function describeAccessDenied(operation: ApiOperation, e: unknown, resource?: string): string {
  const text = errorMessage(e);
  const principal = /User: (\S+) is not authorized/.exec(text)?.[1];
  const action = /to perform: (\S+)/.exec(text)?.[1] ?? API_PERMISSIONS[operation];
  const who = principal ?? 'the caller';
  const on = resource ? ` on ${resource}` : '';
  return `access denied: ${who} is missing ${action}${on} (${operation}): ${text}`;
}

/** The message to show for a failed call, by kind of failure. */
export function describeAwsError(operation: ApiOperation, e: unknown, resource?: string): string {
  const code = errorCode(e);
  if (code === 'AccessDeniedException' || code === 'AccessDenied') return describeAccessDenied(operation, e, resource);
  if (isThrottling(e)) return `${operation} was throttled (${code}) and retries ran out: try again later`;
  return `${operation} failed: ${code}: ${errorMessage(e)}`;
}

/**
 * Run one AWS call, retrying only throttling (a throttled request was not processed, so even
 * UpdateInstance is safe to repeat). Other failures become an AwsCallError at once.
 */
export async function callAws<T>(operation: ApiOperation, ctx: RetryContext, fn: () => Promise<T>, resource?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (isThrottling(e) && attempt < ctx.retry.attempts) {
        const ceiling = Math.min(ctx.retry.maxMs, ctx.retry.baseMs * 2 ** (attempt - 1));
        await ctx.sleep(Math.round(ceiling * (0.5 + ctx.random() / 2)));
        continue;
      }
      throw new AwsCallError(operation, errorCode(e), describeAwsError(operation, e, resource), e);
    }
  }
}
