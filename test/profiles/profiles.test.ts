/**
 * `idcgen profiles`: the AWS config fragment is read back with a real INI parser (the `ini`
 * package) and, where installed, the AWS CLI's own config reader; on every bundled example and for
 * every principal in it. Plus the choices: which pairs a user reaches, names, options, --out.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseIni } from 'ini';
import type { ResolvedModel } from '../../src/model/ir';
import { loadResolved } from '../../src/pipeline';
import { awsConfigProfiles, type ProfilesOptions } from '../../src/profiles/aws-config';
import { runCli } from '../support/cli';
import { awsCliReason, readWithAwsCli } from './aws-config-reader';

const ROOT = path.resolve(__dirname, '../..');
const START = 'https://d-1234567890.awsapps.com/start';
const EXAMPLES = ['examples/minimal.yaml', 'examples/typical.yaml', 'examples/enterprise.yaml', 'examples/split/main.yaml'];

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-profiles-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Sections = Record<string, Record<string, string>>;

/**
 * Sections as the `ini` package reads them. It nests a section whose name has dots
 * (`[profile a.b]` → `{'profile a': {b: {...}}}`); joining the levels back gives the name as written.
 */
function iniSections(text: string): Sections {
  const out: Sections = {};
  const walk = (name: string, v: Record<string, unknown>): void => {
    const own: Record<string, string> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x !== null && typeof x === 'object') walk(`${name}.${k}`, x as Record<string, unknown>);
      else own[k] = String(x);
    }
    if (Object.keys(own).length > 0) out[name] = own;
  };
  for (const [k, v] of Object.entries(parseIni(text))) walk(k, v as Record<string, unknown>);
  return out;
}

/** Every principal choice a model offers: everyone, each group, each user. */
function choices(ir: ResolvedModel): Omit<ProfilesOptions, 'startUrl'>[] {
  return [{}, ...ir.groups.map((g) => ({ group: g.name })), ...ir.users.map((u) => ({ user: u.userName }))];
}

/** What the profiles must be: one per (account, permission set) the chosen principal reaches. */
function expectedPairs(ir: ResolvedModel, o: Omit<ProfilesOptions, 'startUrl'>): string[] {
  const groups = o.user !== undefined ? new Set(ir.groups.filter((g) => g.members.includes(o.user as string)).map((g) => g.name)) : undefined;
  return [
    ...new Set(
      ir.assignments
        .filter((a) =>
          o.group !== undefined
            ? a.principalType === 'GROUP' && a.principalName === o.group
            : o.user !== undefined
              ? a.principalType === 'USER'
                ? a.principalName === o.user
                : groups?.has(a.principalName)
              : true,
        )
        .map((a) => `${a.accountId}/${a.permissionSet}`),
    ),
  ].sort();
}

describe.each(EXAMPLES)('%s', (example) => {
  const { ir } = loadResolved(path.join(ROOT, example));

  test('every principal gets a config that an INI parser reads back as written', () => {
    for (const o of choices(ir)) {
      const res = awsConfigProfiles(ir, { startUrl: START, ...o });
      const sections = iniSections(res.text);
      expect(sections['sso-session d-1234567890']).toEqual({
        sso_start_url: START,
        sso_region: ir.identityCenter.region,
        sso_registration_scopes: 'sso:account:access',
      });
      const profiles = Object.entries(sections).filter(([k]) => k.startsWith('profile '));
      expect(profiles).toHaveLength(res.profiles.length);
      const byId = new Map(ir.accounts.map((a) => [a.id, a.name]));
      const pairs = profiles.map(([name, p]) => {
        expect(Object.keys(p).sort()).toEqual(['region', 'sso_account_id', 'sso_role_name', 'sso_session']);
        expect(p.sso_session).toBe('d-1234567890');
        expect(p.region).toBe(ir.identityCenter.region);
        expect(name).toBe(`profile ${byId.get(p.sso_account_id)}-${p.sso_role_name}`);
        return `${p.sso_account_id}/${p.sso_role_name}`;
      });
      expect(pairs.sort()).toEqual(expectedPairs(ir, o));
    }
  });

  const reason = awsCliReason();
  (reason === undefined ? test : test.skip)(`the AWS CLI's config reader accepts every config${reason ? ` (skipped: ${reason})` : ''}`, () => {
    for (const o of choices(ir)) {
      const res = awsConfigProfiles(ir, { startUrl: START, ...o });
      const file = path.join(tmp, `${path.basename(example)}-${o.group ?? o.user ?? 'all'}.config`);
      fs.writeFileSync(file, res.text);
      const read = readWithAwsCli(file);
      expect(Object.keys(read.profiles).sort()).toEqual(res.profiles.map((p) => p.name).sort());
      if (read.ssoSessions) {
        expect(read.ssoSessions).toEqual({
          'd-1234567890': { sso_start_url: START, sso_region: ir.identityCenter.region, sso_registration_scopes: 'sso:account:access' },
        });
        for (const p of res.profiles) {
          expect(read.profiles[p.name]).toEqual({
            sso_session: 'd-1234567890',
            sso_account_id: p.accountId,
            sso_role_name: p.permissionSet,
            region: ir.identityCenter.region,
          });
        }
      }
    }
  });
  if (reason !== undefined) {
    console.warn(`skipping the AWS CLI config check for ${example}: ${reason}`);
  }
});

describe('choices', () => {
  const { ir } = loadResolved(path.join(ROOT, 'examples/typical.yaml'));

  test('a user reaches the accounts of the groups the model lists them in, and is told about synced groups', () => {
    const res = awsConfigProfiles(ir, { startUrl: START, user: 'alice' });
    expect(res.profiles.map((p) => p.name)).toEqual(['management-IdentityCenterAdmin', 'security-DelegatedAdmin']);
    expect(res.notes).toEqual([
      'user alice may also be a member of groups synced from the identity provider (Auditors), whose members idcgen cannot see; run idcgen profiles with --group for those',
    ]);
  });

  test('profile names that would be equal get the account id, whatever the order', () => {
    // account a-b with permission set C, and account a with permission set b-C: both "a-b-C"
    const twin: ResolvedModel = {
      ...ir,
      assignments: [
        { ...ir.assignments[0], accountName: 'a-b', accountId: '111111111111', permissionSet: 'C' },
        { ...ir.assignments[0], accountName: 'a', accountId: '222222222222', permissionSet: 'b-C' },
      ],
    };
    const names = awsConfigProfiles(twin, { startUrl: START }).profiles.map((p) => p.name);
    expect(names).toEqual(['a-b-C-111111111111', 'a-b-C-222222222222']);
    const reversed = awsConfigProfiles({ ...twin, assignments: [...twin.assignments].reverse() }, { startUrl: START }).profiles.map((p) => p.name);
    expect(reversed).toEqual(names);
  });

  test('same model, same options, same bytes; the start url is written without a trailing slash or #/', () => {
    const a = awsConfigProfiles(ir, { startUrl: 'https://acme.awsapps.com/start/#/', sessionName: 'acme' }).text;
    expect(a).toBe(awsConfigProfiles(ir, { startUrl: 'https://acme.awsapps.com/start', sessionName: 'acme' }).text);
    expect(a).toContain('\nsso_start_url = https://acme.awsapps.com/start\n');
    expect(a.split('\n').slice(0, 4)).toEqual([
      '# AWS CLI profiles for IAM Identity Center, generated by idcgen from examples/typical.yaml (everyone). Do not edit.',
      '# Add it to ~/.aws/config (or set AWS_CONFIG_FILE to this file), then sign in once per session:',
      '#   aws sso login --sso-session acme',
      '#   aws sso login --sso-session acme --use-device-code   # on a machine without a browser',
    ]);
  });

  test('a group with no assignment gets the session only, and a note', () => {
    const res = awsConfigProfiles({ ...ir, assignments: [] }, { startUrl: START, group: 'Developers' });
    expect(res.profiles).toEqual([]);
    expect(res.text).toContain('[sso-session d-1234567890]');
    expect(res.notes).toEqual(['group Developers reaches no account in examples/typical.yaml; the config holds the sign-in session only']);
  });
});

describe('idcgen profiles (CLI)', () => {
  const model = 'examples/typical.yaml';
  let cwd: string;
  beforeEach(() => {
    cwd = process.cwd();
    process.chdir(ROOT);
  });
  afterEach(() => process.chdir(cwd));

  test('prints the fragment on stdout', async () => {
    const res = await runCli(['profiles', model, '--start-url', START, '--group', 'Auditors']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      '[profile prod-app-ReadOnly]\nsso_session = d-1234567890\nsso_account_id = 333333333333\nsso_role_name = ReadOnly\nregion = eu-west-1\n',
    );
  });

  test('--out writes the file, replaces its own file, and fails if the file is not its own (such as ~/.aws/config)', async () => {
    const out = path.join(tmp, 'team.config');
    const first = await runCli(['profiles', model, '--start-url', START, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^wrote .*team\.config \(\d+ profiles, sso-session d-1234567890\)\n$/);
    expect((await runCli(['profiles', model, '--start-url', START, '--group', 'Auditors', '--out', out])).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('(group Auditors)');
    const theirs = path.join(tmp, 'config');
    fs.writeFileSync(theirs, '[default]\nregion = us-east-1\n');
    const res = await runCli(['profiles', model, '--start-url', START, '--out', theirs]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      `idcgen: '${theirs}' exists and was not written by idcgen profiles; choose another --out, or add the printed profiles to it yourself\n`,
    );
    expect(fs.readFileSync(theirs, 'utf8')).toBe('[default]\nregion = us-east-1\n');
  });

  test.each([
    [
      ['--start-url', 'https://d-1234567890.example.com/start'],
      "--start-url 'https://d-1234567890.example.com/start' is not valid; expected the aws access portal url, e.g. https://d-1234567890.awsapps.com/start",
    ],
    [
      ['--start-url', START, '--session-name', 'my session'],
      "--session-name 'my session' is not valid; expected letters, digits, ., _ and -, at most 64, starting with a letter or digit",
    ],
    [['--start-url', START, '--group', 'Auditors', '--user', 'alice'], 'Arguments group and user are mutually exclusive'],
  ])('fails with usage (exit 2) for %j', async (args, message) => {
    const res = await runCli(['profiles', model, ...args]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`idcgen: ${message}\nRun 'idcgen --help' for usage.\n`);
  });

  test('fails (exit 1) for a group or user the model does not define, with a suggestion', async () => {
    const res = await runCli(['profiles', model, '--start-url', START, '--group', 'Audtors']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`idcgen: ${model}: group 'Audtors' is not defined in groups (did you mean 'Auditors'?)\n`);
    const user = await runCli(['profiles', model, '--start-url', START, '--user', 'bob']);
    expect(user.stderr).toBe(`idcgen: ${model}: user 'bob' is not defined in users; defined: alice\n`);
  });
});
