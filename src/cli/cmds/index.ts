/** Every CLI command, one CommandModule per file in this folder. */
import type { CommandModule } from 'yargs';
import { encryptionCommand } from './encryption';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [encryptionCommand];
