import { Caller, isThrottle, mapLimit, RATE_LIMITS, RETRY } from '../../src/import/aws';
import { Progress } from '../../src/import/progress';

const throttle = (): Error => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

/** A clock that moves only when the caller sleeps. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let t = 1000;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms) => void (sleeps.push(ms), (t += ms)), sleeps };
}

describe('Caller.call', () => {
  test('retries throttled calls with doubling backoff, then returns the result', async () => {
    const clock = fakeClock();
    const caller = new Caller({ sleep: clock.sleep, now: clock.now });
    let n = 0;
    const out = await caller.call('kms', 'DescribeKey', async () => {
      if (++n <= 3) throw throttle();
      return 'ok';
    });
    expect(out).toBe('ok');
    expect(clock.sleeps.filter((ms) => ms >= RETRY.baseMs)).toEqual([200, 400, 800]);
  });

  test('backoff is capped', async () => {
    const clock = fakeClock();
    const caller = new Caller({ sleep: clock.sleep, now: clock.now });
    await expect(caller.call('kms', 'DescribeKey', async () => Promise.reject(throttle()))).rejects.toThrow(
      `DescribeKey was throttled ${RETRY.attempts} times in a row; retry later or raise the kms quota`,
    );
    const backoffs = clock.sleeps.filter((ms) => ms >= RETRY.baseMs);
    expect(backoffs).toHaveLength(RETRY.attempts - 1);
    expect(Math.max(...backoffs)).toBeLessThanOrEqual(RETRY.capMs);
  });

  test('errors other than throttling are not retried', async () => {
    const caller = new Caller({ sleep: async () => {} });
    let n = 0;
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    await expect(caller.call('ssoAdmin', 'ListInstances', async () => Promise.reject((n++, denied)))).rejects.toBe(denied);
    expect(n).toBe(1);
  });

  test('paces requests of one service to its rate limit', async () => {
    const clock = fakeClock();
    const caller = new Caller({ sleep: clock.sleep, now: clock.now });
    const start = clock.now();
    for (let i = 0; i < 31; i++) await caller.call('ssoAdmin', 'X', async () => i);
    // 31 requests at 15 per second take 2 seconds of waiting
    expect(clock.now() - start).toBeCloseTo((30 * 1000) / RATE_LIMITS.ssoAdmin, 6);
  });
});

describe('Caller.all', () => {
  test('follows page tokens until none is returned', async () => {
    const caller = new Caller({ sleep: async () => {} });
    const pages: Record<string, { items: number[]; next?: string }> = { start: { items: [1, 2], next: 'a' }, a: { items: [3], next: 'b' }, b: { items: [4] } };
    const seen: (string | undefined)[] = [];
    const all = await caller.all('organizations', 'ListRoots', async (token) => {
      seen.push(token);
      const p = pages[token ?? 'start'];
      return { items: p.items, next: p.next };
    });
    expect(all).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual([undefined, 'a', 'b']);
  });

  test('fails if a page token repeats instead of looping forever', async () => {
    const caller = new Caller({ sleep: async () => {} });
    await expect(caller.all('organizations', 'ListRoots', async () => ({ items: [1], next: 'same' }))).rejects.toThrow(
      "ListRoots returned the page token 'same' twice; stopping instead of looping",
    );
  });
});

test.each<[string, unknown, boolean]>([
  ['ThrottlingException', { name: 'ThrottlingException' }, true],
  ['TooManyRequestsException (organizations)', { name: 'TooManyRequestsException' }, true],
  ['http 429', { name: 'Unknown', $metadata: { httpStatusCode: 429 } }, true],
  ['sdk throttling flag', { name: 'X', $retryable: { throttling: true } }, true],
  ['AccessDeniedException', { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }, false],
  ['a string', 'ThrottlingException', false],
])('isThrottle: %s → %s', (_, err, expected) => {
  expect(isThrottle(err)).toBe(expected);
});

test('mapLimit keeps input order and never runs more than the limit at once', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, n));
    running--;
    return n * 10;
  });
  expect(out).toEqual([50, 10, 40, 20, 30]);
  expect(peak).toBe(2);
});

describe('progress line', () => {
  test('is drawn on a terminal and cleared at the end', () => {
    const written: string[] = [];
    let t = 0;
    const p = new Progress({ isTTY: true, write: (s) => written.push(s) }, () => (t += 1000));
    p.request('ssoAdmin');
    p.request('organizations');
    p.throttle();
    p.done();
    expect(written[written.length - 2]).toBe('\r\x1b[Kidcgen import: 2 requests (organizations 1, ssoAdmin 1), throttled 1x (backing off)');
    expect(written[written.length - 1]).toBe('\r\x1b[K');
  });

  test('writes nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const p = new Progress({ isTTY: false, write: (s) => written.push(s) });
    p.request('kms');
    p.done();
    expect(written).toEqual([]);
  });
});
