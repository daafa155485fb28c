/**
 * Shared set-up for hostile-input tests: a valid model to graft a hostile piece onto, a scratch
 * directory per test, and a `generate` run that checks what every refusal must have in common
 * (exit 1, nothing on stdout, no output directory, no stray temporary directory).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliResult } from '../../support/cli';

/** A valid model (examples/minimal.yaml without comments): 29 lines, so a snippet starts on line 30. */
export const BASE_LINES = [
  'version: 1',
  'organization:',
  '  id: o-a1b2c3d4e5',
  '  managementAccount: management',
  'identityCenter:',
  '  region: eu-west-1',
  '  encryption:',
  '    key: identity-center',
  'accounts:',
  '  - { name: management, id: "111111111111", ou: Root }',
  'groups:',
  '  - { name: IdentityAdmins, description: Administer Identity Center }',
  'permissionSets:',
  '  - name: IdentityCenterAdmin',
  '    description: Administers Identity Center',
  '    sessionDuration: PT4H',
  '    managedPolicies: [arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator]',
  'assignments:',
  '  - { group: IdentityAdmins, permissionSet: IdentityCenterAdmin, accounts: [management] }',
  'keys:',
  '  - name: identity-center',
  '    multiRegion: true',
  '    rotation: { enabled: true, periodDays: 365 }',
  '    deletionWindowDays: 30',
  '    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]',
  '    policyProfile: baseline',
  '    useCases:',
  '      - identity-center-admins: { principals: [{ permissionSet: IdentityCenterAdmin, account: management }] }',
  '      - restrict-to-instance: {}',
];
export const BASE = `${BASE_LINES.join('\n')}\n`;
/** The line a snippet appended to BASE starts on. */
export const NEXT_LINE = BASE_LINES.length + 1;

/** BASE with some lines replaced (exact line → replacement lines; an empty list drops it). */
export function modelWith(edits: Record<string, string[]>): string {
  const lines = BASE_LINES.flatMap((l) => (l in edits ? edits[l] : [l]));
  for (const l of Object.keys(edits)) if (!BASE_LINES.includes(l)) throw new Error(`BASE has no line ${l}`);
  return `${lines.join('\n')}\n`;
}

export interface Scratch {
  /** The scratch directory (real path, so messages that resolve links name it the same way). */
  readonly dir: string;
  /** Where `generate` is told to write; must never appear. */
  readonly out: string;
  /** Write a file below the scratch directory; returns its absolute path. */
  write(rel: string, content: string | Buffer): string;
}

/** A fresh scratch directory for each test of the calling file. */
export function useScratch(): () => Scratch {
  let current: Scratch | undefined;
  beforeEach(() => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-hostile-')));
    current = {
      dir,
      out: path.join(dir, 'out'),
      write: (rel, content) => {
        const file = path.join(dir, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
        return file;
      },
    };
  });
  afterEach(() => {
    if (current) fs.rmSync(current.dir, { recursive: true, force: true });
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useScratch() is read inside a test only');
    return current;
  };
}

/**
 * `idcgen generate <model> --out <scratch>/out`, asserting the shape every refusal shares: exit 1,
 * empty stdout, no output directory and nothing new beside it. Returns the result for the message.
 */
export async function generateRefused(scratch: Scratch, model: string): Promise<CliResult> {
  const before = fs.readdirSync(scratch.dir).sort();
  const res = await runCli(['generate', model, '--out', scratch.out]);
  expect(res.code).toBe(1);
  expect(res.stdout).toBe('');
  expect(fs.existsSync(scratch.out)).toBe(false);
  expect(fs.readdirSync(scratch.dir).sort()).toEqual(before);
  return res;
}
