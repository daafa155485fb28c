/**
 * `idcgen profiles <model> --start-url URL [--group G | --user U] [--session-name NAME] [--out FILE]`:
 * an AWS CLI config fragment (one sso-session, one profile per account and permission set the
 * principal can reach) on stdout, or written to FILE.
 */
import * as fs from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { PATTERNS } from '../../model';
import { loadResolved } from '../../pipeline';
import { awsConfigProfiles, canonicalStartUrl, PROFILES_MARKER, ProfilesError, SESSION_NAME } from '../../profiles';
import { writeFileAtomically } from '../../write';

interface Args {
  model: string;
  'start-url': string;
  group?: string;
  user?: string;
  'session-name'?: string;
  out?: string;
}

export function checkProfilesArgs(a: Args): true | string {
  if (canonicalStartUrl(a['start-url']) === undefined) return `--start-url '${a['start-url']}' is not valid; expected ${PATTERNS.startUrl.expected}`;
  const session = a['session-name'];
  if (session !== undefined && !SESSION_NAME.re.test(session)) return `--session-name '${session}' is not valid; expected ${SESSION_NAME.expected}`;
  return true;
}

export const profilesCommand: CommandModule<object, Args> = {
  command: 'profiles <model>',
  describe: 'Write AWS CLI profiles (aws sso login) for every account and permission set a group or user can reach',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('start-url', { type: 'string', demandOption: true, describe: 'AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start' })
      .option('group', { type: 'string', describe: 'profiles for this group (default: every assignment in the model)' })
      .option('user', { type: 'string', describe: "profiles for this user: their own assignments and their groups'" })
      .conflicts('group', 'user')
      .option('session-name', { type: 'string', describe: 'name of the [sso-session]; default: the portal subdomain (d-1234567890)' })
      .option('out', { type: 'string', describe: 'write here instead of stdout; replaces only a file idcgen profiles wrote' })
      .check((a) => {
        const ok = checkProfilesArgs(a as unknown as Args);
        // Named like yargs' own argument errors, so the entry point reports it as usage (exit 2).
        if (ok !== true) throw Object.assign(new Error(ok), { name: 'YError' });
        return true;
      })
      .example('$0 profiles org.yaml --start-url https://d-1234567890.awsapps.com/start --group Developers', 'print the profiles of a group')
      .example(
        '$0 profiles org.yaml --start-url https://acme.awsapps.com/start --user alice --out alice.config',
        'a file to hand to alice',
      ) as unknown as Argv<Args>,
  handler: (args) => {
    const { ir } = loadResolved(args.model);
    let result;
    try {
      result = awsConfigProfiles(ir, { startUrl: args['start-url'], sessionName: args['session-name'], group: args.group, user: args.user });
    } catch (e) {
      if (e instanceof ProfilesError) throw new Error(`${args.model}: ${e.message}`, { cause: e });
      throw e;
    }
    for (const note of result.notes) process.stderr.write(`idcgen profiles: note: ${note}\n`);
    if (args.out === undefined) {
      process.stdout.write(result.text);
      return;
    }
    if (fs.existsSync(args.out)) {
      // ~/.aws/config holds people's other profiles and credentials settings: never replace it.
      const first = fs.readFileSync(args.out, 'utf8').split('\n', 1)[0];
      if (!first.startsWith(PROFILES_MARKER))
        throw new Error(`'${args.out}' exists and was not written by idcgen profiles; choose another --out, or add the printed profiles to it yourself`);
    }
    writeFileAtomically(args.out, result.text);
    process.stdout.write(
      `wrote ${args.out} (${result.profiles.length} profile${result.profiles.length === 1 ? '' : 's'}, sso-session ${result.sessionName})\n`,
    );
  },
};
