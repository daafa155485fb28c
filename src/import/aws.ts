// https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
/**
 * The AWS side of `idcgen import`: the four SDK clients, and one `Caller` through which every
 * request goes, so pacing, retries and pagination are written once.
 *
 * Identity Center APIs share a collective 20 TPS throttle, Identity Store APIs have 20 TPS per
 * API, and Organizations is slower still. The caller paces each service below its limit and, when
 * AWS throttles anyway (other tools share the quota), retries with exponential backoff. Clients
 * and sleep are injected so tests run against aws-sdk-client-mock without waiting.
 */
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';

export interface ImportClients {
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  readonly organizations: OrganizationsClient;
  readonly kms: KMSClient;
  /** A KMS client in another Region (multi-Region replicas and their aliases live there). */
  readonly kmsIn: (region: string) => KMSClient;
}

/**
 * Real clients for a Region. Our own retry replaces the SDK's (maxAttempts: 1) so that one
 * policy, with one backoff and one progress line, governs every call.
 */
export function createClients(region: string): ImportClients {
  const config = { region, maxAttempts: 1 };
  const kms = new KMSClient(config);
  const regional = new Map<string, KMSClient>([[region, kms]]);
  return {
    ssoAdmin: new SSOAdminClient(config),
    identityStore: new IdentitystoreClient(config),
    organizations: new OrganizationsClient(config),
    kms,
    kmsIn: (r) => regional.get(r) ?? regional.set(r, new KMSClient({ ...config, region: r })).get(r)!,
  };
}

export type Service = Exclude<keyof ImportClients, 'kmsIn'>;

/** Requests per second idcgen allows itself per service: below each documented limit, leaving room for others. */
export const RATE_LIMITS: Readonly<Record<Service, number>> = {
  // collective 20 TPS for all Identity Center APIs (limits.html)
  ssoAdmin: 15,
  // 20 TPS per API per identity store (limits.html)
  identityStore: 15,
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html (throttled per account)
  organizations: 5,
  // https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html (ListAliases 500/s, the lowest we use)
  kms: 50,
};

/** Backoff: base * 2^attempt, capped; attempts include the first call. */
export const RETRY = { attempts: 8, baseMs: 200, capMs: 20000 } as const;

/** Error names AWS uses for throttling across these four services. */
const THROTTLE_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded']);

export function isThrottle(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: { throttling?: boolean } };
  return THROTTLE_NAMES.has(err.name ?? '') || err.$metadata?.httpStatusCode === 429 || err.$retryable?.throttling === true;
}

export interface CallerOptions {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Called after every finished request (for the progress line). */
  readonly onCall?: (service: Service, operation: string) => void;
  /** Called before each retry after a throttle. */
  readonly onThrottle?: (service: Service, operation: string, attempt: number, waitMs: number) => void;
}

/** Paces, retries and paginates every request of one import run. */
export class Caller {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly nextSlot = new Map<Service, number>();

  constructor(private readonly opts: CallerOptions = {}) {
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = opts.now ?? Date.now;
  }

  /** One request: waits for the service's next slot, retries while AWS throttles. */
  async call<T>(service: Service, operation: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.pace(service);
      try {
        const out = await send();
        this.opts.onCall?.(service, operation);
        return out;
      } catch (e) {
        if (!isThrottle(e) || attempt >= RETRY.attempts) {
          if (isThrottle(e)) throw new Error(`${operation} was throttled ${attempt} times in a row; retry later or raise the ${service} quota`, { cause: e });
          throw e;
        }
        // Deterministic backoff: the pacing above already spreads requests, so no jitter is needed.
        const wait = Math.min(RETRY.capMs, RETRY.baseMs * 2 ** (attempt - 1));
        this.opts.onThrottle?.(service, operation, attempt, wait);
        await this.sleep(wait);
      }
    }
  }

  /**
   * Every page of a list call. `page` sends one request for a token and returns its items and the
   * next token; a token that repeats would loop forever, so it is an error.
   */
  async all<T>(
    service: Service,
    operation: string,
    page: (token: string | undefined) => Promise<{ items: readonly T[] | undefined; next: string | undefined }>,
  ): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const { items, next } = await this.call(service, operation, () => page(token));
      out.push(...(items ?? []));
      if (next !== undefined && seen.has(next)) throw new Error(`${operation} returned the page token '${next}' twice; stopping instead of looping`);
      if (next !== undefined) seen.add(next);
      token = next === '' ? undefined : next;
    } while (token !== undefined);
    return out;
  }

  private async pace(service: Service): Promise<void> {
    const interval = 1000 / RATE_LIMITS[service];
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(service) ?? 0);
    this.nextSlot.set(service, slot + interval);
    if (slot > now) await this.sleep(slot - now);
  }
}

/** Run `fn` over items with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Tags as a plain record; AWS returns lists of Key/Value (or TagKey/TagValue) pairs. */
export function tagRecord(tags: readonly { Key?: string; Value?: string; TagKey?: string; TagValue?: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) {
    const k = t.Key ?? t.TagKey;
    if (k !== undefined) out[k] = t.Value ?? t.TagValue ?? '';
  }
  return out;
}
