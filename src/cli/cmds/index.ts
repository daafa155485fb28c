/** Every CLI command, one CommandModule per file in this folder. */
import type { CommandModule } from 'yargs';
import { encryptionCommand } from './encryption';
import { explainCommand } from './explain';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { initCommand } from './init';
import { lintCommand } from './lint';
import { reviewCommand } from './review';
import { schemaCommand } from './schema';
import { validateCommand } from './validate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  validateCommand,
  schemaCommand,
  initCommand,
  generateCommand,
  lintCommand,
  encryptionCommand,
  reviewCommand,
  explainCommand,
  importCommand,
];
