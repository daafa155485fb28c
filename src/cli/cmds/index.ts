/**
 * Every CLI command, one CommandModule per file in this folder, loaded on demand: the modules behind
 * them differ a lot in weight (cdktf and the AWS provider for `generate`, the AWS SDK for
 * `encryption` and `import`), and loading all of them cost every run ~0.4 s before it started.
 * `require`, not `import()`: the output is CommonJS, and a dynamic import would load it as an ES
 * module (and needs a flag under Jest).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { CommandModule } from 'yargs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<any, any>;

/** Command names in help order, each with the load of its module. */
const LOADERS: readonly (readonly [string, () => AnyCommand])[] = [
  ['validate', () => (require('./validate') as typeof import('./validate')).validateCommand],
  ['schema', () => (require('./schema') as typeof import('./schema')).schemaCommand],
  ['init', () => (require('./init') as typeof import('./init')).initCommand],
  ['generate', () => (require('./generate') as typeof import('./generate')).generateCommand],
  ['synth', () => (require('./synth') as typeof import('./synth')).synthCommand],
  ['lint', () => (require('./lint') as typeof import('./lint')).lintCommand],
  ['encryption', () => (require('./encryption') as typeof import('./encryption')).encryptionCommand],
  ['review', () => (require('./review') as typeof import('./review')).reviewCommand],
  ['explain', () => (require('./explain') as typeof import('./explain')).explainCommand],
  ['import', () => (require('./import') as typeof import('./import')).importCommand],
  ['accounts', () => (require('./accounts') as typeof import('./accounts')).accountsCommand],
  ['profiles', () => (require('./profiles') as typeof import('./profiles')).profilesCommand],
  ['permissions', () => (require('./permissions') as typeof import('./permissions')).permissionsCommand],
];

/** Every command, in help order. */
export function allCommands(): AnyCommand[] {
  return LOADERS.map(([, load]) => load());
}

/**
 * The commands `argv` needs: only the one it names (its first argument that is not an option),
 * else all of them, for the command list in help, suggestions for a misspelt name, and errors.
 */
export function commandsFor(argv: readonly string[]): AnyCommand[] {
  const name = argv.find((a) => !a.startsWith('-'));
  const named = LOADERS.find(([n]) => n === name);
  return named ? [named[1]()] : allCommands();
}
