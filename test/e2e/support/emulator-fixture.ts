/**
 * What the emulator's own tests share: a small seed (two accounts, the instance, an external
 * group), a key policy that lets Identity Center and Identity Store use a key, and one emulator per
 * test file, started before its tests and stopped after them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator, type EmulatorSeed } from './emulator';

export const REGION = 'eu-west-1';
export const MANAGEMENT = '111111111111';
export const MEMBER = '222222222222';
export const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';
export const STORE = 'd-1111222233';

export const SEED: EmulatorSeed = {
  organization: { id: 'o-a1b2c3d4e5', managementAccountId: MANAGEMENT },
  accounts: [
    { id: MANAGEMENT, name: 'management', ouPath: [], tags: {} },
    { id: MEMBER, name: 'prod-app', ouPath: ['Workloads', 'Prod'], tags: { env: 'prod' } },
  ],
  identityCenter: { region: REGION, instanceArn: INSTANCE, identityStoreId: STORE },
  externalGroups: ['Auditors'],
  externalUsers: [],
  keyRequirements: { servicePrincipals: ['sso.amazonaws.com', 'identitystore.amazonaws.com'], actions: ['kms:Decrypt', 'kms:DescribeKey'] },
};

/** The two service statements the seed's key requirements ask for, and a key administrator. */
export function servicePolicy(extra: object[] = []): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Services',
        Effect: 'Allow',
        Principal: { Service: ['sso.amazonaws.com', 'identitystore.amazonaws.com'] },
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': MANAGEMENT } },
      },
      ...extra,
    ],
  });
}

/** The AWS error name a request fails with, or 'no error'. */
export async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { name: string }).name;
  }
  return 'no error';
}

/** Start the seeded emulator before the file's tests and stop it after them; call inside describe. */
export function useEmulator(): () => Emulator {
  let emu: Emulator | undefined;
  let work: string | undefined;
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-emulator-'));
    emu = await startEmulator(SEED, work);
  });
  afterAll(async () => {
    await emu?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });
  return () => {
    if (!emu) throw new Error('the emulator did not start');
    return emu;
  };
}
