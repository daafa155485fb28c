/**
 * `idcgen generate` of the enterprise model through the built CLI, as a user runs it: the full
 * output (all formats, then --format hcl), and `--changed-since` over that output for two changes
 * of one line: one assignment to one account (one unit touched) and the review's ONE_LINE_CHANGE
 * (one assignment by OU, reaching most assignment units). Each run's CPU time (process-wide, worker
 * threads included) and peak RSS come from the child itself, read at its exit: on a shared
 * machine CPU time is the comparable figure.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { ONE_LINE_CHANGE, SIZES, syntheticModel } from './synthetic';

export interface CliRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  /** What the run wrote on stderr about --changed-since (how many units it generated). */
  readonly note: string;
}

/** Preloaded into the child (and so into its worker threads, which stay silent): its CPU time and peak RSS, to fd 3 as it exits. */
const REPORT = `if (require('worker_threads').isMainThread) process.on('exit', () => { const c = process.cpuUsage(); require('fs').writeSync(3, JSON.stringify({ cpuMs: (c.user + c.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })); });`;

/** Runs the CLI and captures fd 3 (the report) and stderr's --changed-since line. */
function run(cli: string, preload: string, args: string[], cwd: string): CliRun {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', preload, cli, ...args], {
    cwd,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0)
    throw new Error(
      `idcgen ${args.join(' ')} exited ${r.status}: ${String(r.stderr)
        .split('\n')
        .filter((l) => !l.includes(': warning: '))
        .slice(0, 5)
        .join('\n')}`,
    );
  const report = JSON.parse(String(r.output[3])) as { cpuMs: number; peakRssMb: number };
  const note =
    String(r.stderr)
      .split('\n')
      .find((l) => l.includes('--changed-since')) ?? '';
  return { wallMs, ...report, note: note.replace(/^idcgen generate: /, '') };
}

export interface GenerateFigures {
  readonly full: CliRun;
  readonly hcl: CliRun;
  readonly oneAccount: CliRun;
  readonly oneOu: CliRun;
}

export function enterpriseGenerate(): GenerateFigures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-bench-generate-'));
  try {
    const cli = path.join(__dirname, '..', 'src', 'cli', 'index.js');
    const preload = path.join(dir, 'report.js');
    fs.writeFileSync(preload, REPORT);
    const model = syntheticModel(SIZES.enterprise);
    const text = (m: typeof model) => stringify(m, { lineWidth: 0 });
    fs.writeFileSync(path.join(dir, 'base.yaml'), text(model));
    fs.writeFileSync(path.join(dir, 'org.yaml'), text(model));
    const full = run(cli, preload, ['generate', 'org.yaml', '--out', 'out'], dir);
    const hcl = run(cli, preload, ['generate', 'org.yaml', '--out', 'out-hcl', '--format', 'hcl'], dir);
    const account = model.accounts![model.accounts!.length - 1].name;
    const changes = {
      oneAccount: { group: ONE_LINE_CHANGE.group, permissionSet: ONE_LINE_CHANGE.permissionSet, accounts: [account] },
      oneOu: ONE_LINE_CHANGE,
    };
    const incremental = (change: object): CliRun => {
      fs.cpSync(path.join(dir, 'out'), path.join(dir, 'out-inc'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'org.yaml'), text({ ...model, assignments: [...(model.assignments ?? []), change as never] }));
      const r = run(cli, preload, ['generate', 'org.yaml', '--out', 'out-inc', '--changed-since', 'base.yaml'], dir);
      fs.rmSync(path.join(dir, 'out-inc'), { recursive: true, force: true });
      return r;
    };
    return { full, hcl, oneAccount: incremental(changes.oneAccount), oneOu: incremental(changes.oneOu) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines `npm run bench` prints. */
export function generateLines(f: GenerateFigures): string {
  const fig = (r: CliRun) => `${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, ${r.peakRssMb.toFixed(0)} MB`;
  return (
    `enterprise generate through the CLI: all formats ${fig(f.full)}; --format hcl ${fig(f.hcl)}\n` +
    `enterprise generate --changed-since (over the full output): one assignment to one account ${fig(f.oneAccount)} (${f.oneAccount.note}); ` +
    `one assignment by OU ${fig(f.oneOu)} (${f.oneOu.note})\n`
  );
}
