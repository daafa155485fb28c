/**
 * Run the idcgen CLI in-process, as the real entry point does (main() plus its top-level error
 * printing), capturing exit code, stdout and stderr. In-process keeps tests fast: no build and no
 * Node start per case. `process.exit` is intercepted (yargs calls it for usage errors and --help).
 */
import { main, printError } from '../../src/cli';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

/** Calls are serialized: the capture replaces process-wide streams. */
let queue: Promise<unknown> = Promise.resolve();

export function runCli(args: readonly string[]): Promise<CliResult> {
  const run = queue.then(() => runNow(args));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  // yargs prints help and usage errors through console
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    stdout += `${a.join(' ')}\n`;
  });
  const cerr = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
    stderr += `${a.join(' ')}\n`;
  });
  const exit = jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
    throw new ExitSignal(Number(code ?? 0));
  });
  const savedExitCode = process.exitCode;
  process.exitCode = undefined;
  let code: number;
  try {
    await main([...args]);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof ExitSignal) code = e.code;
    else {
      printError(e);
      code = 1;
    }
  } finally {
    process.exitCode = savedExitCode;
    for (const spy of [out, err, log, cerr, exit]) spy.mockRestore();
  }
  return { code, stdout, stderr };
}
