/**
 * The main model file gets the checks included files get: a symbolic link must not lead out of the
 * model's directory (its text would reach error messages), and only regular files are read (a fifo
 * would block forever, /dev/zero would fill memory). Every command that reads a model refuses them
 * the same way: validate, generate, and review for its head and its base file.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { builtCli, type BuiltCli } from './support/built-cli';
import { BASE, generateRefused, useScratch } from './support/hostile';

const scratch = useScratch();

/** The secret a link points at: none of it may appear in any output. */
const SECRET = 'aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

/** Each command, run on the hostile file `model` (review reads it as head, then as base file). */
const COMMANDS: Record<string, (model: string, good: string) => string[]> = {
  validate: (m) => ['validate', m],
  'review --head': (m, good) => ['review', '--base-file', good, '--head', m],
  'review --base-file': (m, good) => ['review', '--base-file', m, '--head', good],
};

describe.each(Object.keys(COMMANDS))('%s', (command) => {
  test('fails if the model file is a symbolic link to a file outside its directory, without echoing it', async () => {
    // GIVEN model/org.yaml -> ../secret.yaml
    const s = scratch();
    const secret = s.write('secret.yaml', SECRET);
    const good = s.write('model/good.yaml', BASE);
    const model = path.join(s.dir, 'model/org.yaml');
    fs.symlinkSync('../secret.yaml', model);
    // WHEN
    const res = await runCli(COMMANDS[command](model, good));
    // THEN refused, naming where the link leads, and the secret's text is nowhere
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`${model}: '${model}' leads to ${secret} through a symbolic link, outside the model's directory; name the model file itself\n`);
    expect(res.stdout + res.stderr).not.toContain('wJalrXUtnFEMI');
  });

  test('fails if the model file is a character device, without reading from it', async () => {
    const s = scratch();
    const good = s.write('good.yaml', BASE);
    const model = path.join(s.dir, 'zero.yaml');
    fs.symlinkSync('/dev/zero', model);
    const res = await runCli(COMMANDS[command]('/dev/zero', good));
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`/dev/zero: '/dev/zero' is a character device, not a regular file; expected a yaml model file\n`);
    // the same device through a link in the model's directory leads outside it
    const linked = await runCli(COMMANDS[command](model, good));
    expect(linked.stderr).toBe(`${model}: '${model}' leads to /dev/zero through a symbolic link, outside the model's directory; name the model file itself\n`);
  });
});

describe('a fifo as the model file', () => {
  // On the built CLI in a child process, so a regression (an open that waits for a writer) ends in
  // the timeout instead of stalling the test worker.
  let cli: BuiltCli;
  beforeAll(() => {
    cli = builtCli();
  });
  afterAll(() => cli.cleanup());

  test.each(Object.keys(COMMANDS).concat('generate'))('%s fails at once, without waiting for a writer', (command) => {
    // GIVEN a named pipe nobody writes to
    const s = scratch();
    const fifo = path.join(s.dir, 'org.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const args = command === 'generate' ? ['generate', fifo, '--out', s.out] : COMMANDS[command](fifo, s.write('good.yaml', BASE));
    // WHEN the command reads it
    const res = spawnSync(process.execPath, [cli.entry, ...args], { encoding: 'utf8', timeout: 20_000 });
    // THEN refused at once (a hang would be killed by the timeout: status null)
    expect(res.status).toBe(1);
    expect(res.stderr).toBe(`${fifo}: '${fifo}' is a fifo (named pipe), not a regular file; expected a yaml model file\n`);
    expect(fs.existsSync(s.out)).toBe(false);
  });
});

test('generate refuses a model file linked out of its directory, writing nothing', async () => {
  const s = scratch();
  s.write('secret.yaml', SECRET);
  const model = path.join(s.dir, 'model/org.yaml');
  fs.mkdirSync(path.dirname(model));
  fs.symlinkSync('../secret.yaml', model);
  const res = await generateRefused(s, model);
  expect(res.stderr).toContain('through a symbolic link, outside the model');
});

test('a model file linked to a file inside its directory is read', async () => {
  const s = scratch();
  s.write('model/real.yaml', BASE);
  const model = path.join(s.dir, 'model/org.yaml');
  fs.symlinkSync('real.yaml', model);
  const res = await runCli(['validate', model]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
});
