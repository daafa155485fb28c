/** AWS failures: throttling is retried a bounded number of times; other errors are explained at once. */
import { createClients } from '../../src/aws/api';
import { AwsCallError, callAws, describeAwsError, isThrottling } from '../../src/aws/errors';

function ctx(sleeps: number[]) {
  return {
    retry: { attempts: 4, baseMs: 100, maxMs: 250 },
    sleep: async (ms: number) => void sleeps.push(ms),
    random: () => 0,
  };
}

const throttle = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

describe('callAws', () => {
  test('retries throttling with capped exponential backoff until the call succeeds', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await callAws('DescribeKey', ctx(sleeps), async () => {
      calls++;
      if (calls < 4) throw throttle();
      return 'ok';
    });
    expect(result).toBe('ok');
    // random() = 0 takes the lower half of each ceiling: 100, 200, then 400 capped at 250
    expect(sleeps).toEqual([50, 100, 125]);
  });

  test('fails if throttling outlasts the attempts', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const run = callAws('ListApplications', ctx(sleeps), async () => {
      calls++;
      throw throttle();
    });
    await expect(run).rejects.toBeInstanceOf(AwsCallError);
    await expect(run).rejects.toMatchObject({
      operation: 'ListApplications',
      code: 'ThrottlingException',
      message: 'ListApplications was throttled (ThrottlingException) and retries ran out: try again later',
    });
    expect(calls).toBe(4);
  });

  test('does not retry other errors', async () => {
    let calls = 0;
    const run = callAws('UpdateInstance', ctx([]), async () => {
      calls++;
      throw Object.assign(new Error('Conflict'), { name: 'ConflictException' });
    });
    await expect(run).rejects.toThrow('UpdateInstance failed: ConflictException: Conflict');
    expect(calls).toBe(1);
  });

  test('recognises throttling from the SDK retry marker', () => {
    expect(isThrottling(Object.assign(new Error('x'), { name: 'SomethingNew', $retryable: { throttling: true } }))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { name: 'ValidationException' }))).toBe(false);
  });
});

describe('describeAwsError', () => {
  test('names the principal and the action from an AccessDenied message', () => {
    const e = Object.assign(
      new Error(
        'User: arn:aws:sts::111111111111:assumed-role/Deploy/ci is not authorized to perform: kms:DescribeKey on resource: arn:aws:kms:eu-west-1:111111111111:key/x',
      ),
      { name: 'AccessDeniedException' },
    );
    expect(describeAwsError('DescribeKey', e, 'alias/identity-center')).toBe(
      `access denied: arn:aws:sts::111111111111:assumed-role/Deploy/ci is missing kms:DescribeKey on alias/identity-center (DescribeKey): ${e.message}`,
    );
  });

  test('falls back to the permission of the operation when the message names none', () => {
    const e = Object.assign(new Error('Access denied'), { name: 'AccessDeniedException' });
    expect(describeAwsError('ListApplications', e)).toBe('access denied: the caller is missing sso:ListApplications (ListApplications): Access denied');
  });
});

describe('createClients', () => {
  test('configures both clients for the region with the SDK standard retry mode', async () => {
    const { ssoAdmin, kms } = createClients('eu-west-1');
    for (const client of [ssoAdmin, kms]) {
      expect(await client.config.region()).toBe('eu-west-1');
      expect(await client.config.retryStrategy()).toMatchObject({ mode: 'standard' });
      expect(await client.config.maxAttempts()).toBe(3);
    }
  });
});
