/**
 * `npm run bench`: times each pipeline stage on seeded synthetic organizations and prints a table
 * (median of several runs) with peak RSS. Each size runs in a child process of its own, so its
 * peak RSS is not inflated by the sizes before it. Figures are printed, never asserted.
 *
 *   npm run bench                      # small, medium, enterprise
 *   npm run bench -- small medium      # chosen sizes
 *   BENCH_RUNS=5 npm run bench         # runs per size (default 3; enterprise 1 unless set)
 *
 * With the small size it also times `idcgen generate` through the built CLI (Node start-up and
 * module loading count for users) and `cdktf synth` in examples/cdktf-app (the cdktf CLI running the
 * prebuilt `idcgen synth org.yaml`), and it prints the load average: on a shared machine the
 * figures are only comparable at similar load.
 *
 * With the enterprise size it also times `idcgen review` of a one-line change (one more
 * assignment by OU, see ONE_LINE_CHANGE) through the built CLI, and prints the Markdown's size and
 * its number of risk rows: what a pull request comment on that change costs and holds; and
 * `idcgen generate` of it through the CLI, in full and with --changed-since (bench/cli-generate.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { generate, loadResolved, renderReviewMarkdown, reviewModels, type GenerateStage } from './stages';
import { enterpriseGenerate, generateLines } from './cli-generate';
import { ONE_LINE_CHANGE, SIZES, syntheticModel, type SizeName } from './synthetic';
import type { ResolvedModel } from '../src/model/ir';
import { LIMITS } from '../src/model/limits';

interface Figures {
  size: SizeName;
  accounts: number;
  assignments: number;
  units: number;
  /** Most managed resources in one CDKTF stack (the stack bound is maxResourcesPerStack, 500 here). */
  maxUnitResources: number;
  modelBytes: number;
  loadValidateMs: number;
  resolveMs: number;
  hclMs: number;
  cdktfMs: number;
  /** The rest of generate(): what --out holds, the safety rails, review.md, the import plan, the write. */
  railsWriteMs: number;
  totalMs: number;
  peakRssMb: number;
}

/** Managed resources in a synthesized stack. */
function resourcesIn(stackJson: string): number {
  const resource = (JSON.parse(stackJson) as { resource?: Record<string, object> }).resource ?? {};
  return Object.values(resource).reduce((n, byId) => n + Object.keys(byId).length, 0);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const since = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;

async function measure(size: SizeName, runs: number): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-bench-'));
  const file = path.join(dir, `${size}.yaml`);
  fs.writeFileSync(file, stringify(syntheticModel(SIZES[size]), { lineWidth: 0 }));
  const samples: Omit<Figures, 'size' | 'peakRssMb'>[] = [];
  for (let r = 0; r < runs; r++) {
    // generate(), as `idcgen generate` runs it, each stage timed by its own callback
    const ms = new Map<GenerateStage, number>();
    const out = path.join(dir, `out-${r}`);
    const { ir, files } = await generate(file, { out, stderr: { write: () => true }, onStage: (stage, t) => ms.set(stage, (ms.get(stage) ?? 0) + t) });
    fs.rmSync(out, { recursive: true, force: true });
    const stage = (s: GenerateStage): number => ms.get(s) ?? 0;
    // Counted after the timings, from what was synthesized: the bound is checked on the output.
    const stackResources = ir.units.map((u) => resourcesIn(files.get(`cdktf/stacks/${u.name}/cdk.tf.json`) ?? '{}'));
    samples.push({
      accounts: ir.accounts.length,
      assignments: ir.assignments.length,
      units: ir.units.length,
      maxUnitResources: Math.max(0, ...stackResources),
      modelBytes: fs.statSync(file).size,
      loadValidateMs: stage('load'),
      resolveMs: stage('resolve'),
      hclMs: stage('hcl'),
      cdktfMs: stage('cdktf'),
      railsWriteMs: stage('inspect-output') + stage('rails') + stage('review') + stage('import-plan') + stage('write'),
      totalMs: [...ms.values()].reduce((a, b) => a + b, 0),
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const pick = (k: keyof (typeof samples)[number]): number => median(samples.map((s) => s[k]));
  return {
    size,
    accounts: pick('accounts'),
    assignments: pick('assignments'),
    units: pick('units'),
    maxUnitResources: pick('maxUnitResources'),
    modelBytes: pick('modelBytes'),
    loadValidateMs: pick('loadValidateMs'),
    resolveMs: pick('resolveMs'),
    hclMs: pick('hclMs'),
    cdktfMs: pick('cdktfMs'),
    railsWriteMs: pick('railsWriteMs'),
    totalMs: pick('totalMs'),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function table(rows: Figures[]): string {
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  const head =
    '| size | accounts | assignments | units | max resources/unit | model | load+validate s | resolve+lint s | HCL s | CDKTF s | rails, review.md, write s | total s | peak RSS MB |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (r) =>
      `| ${r.size} | ${r.accounts} | ${r.assignments} | ${r.units} | ${r.maxUnitResources} | ${(r.modelBytes / 1024).toFixed(0)} KiB | ${s(r.loadValidateMs)} | ${s(r.resolveMs)} | ${s(r.hclMs)} | ${s(r.cdktfMs)} | ${s(r.railsWriteMs)} | ${s(r.totalMs)} | ${r.peakRssMb.toFixed(0)} |`,
  );
  return [head, sep, ...lines].join('\n');
}

/**
 * What Terraform refreshes for a one-assignment change: with every assignment in one state (a
 * single-state module) all of them; with idcgen's units only the unit holding it. Each refresh is
 * at least one Identity Center API call, throttled at LIMITS.identityCenterApiRequestsPerSecond.
 */
interface RefreshCost {
  singleState: number;
  largestUnit: number;
  medianUnit: number;
  /** The one-line change's touched units (it reaches many accounts): resources in them. */
  oneLineChange: number;
}

function refreshCost(head: ResolvedModel, touched: readonly string[]): RefreshCost {
  const shards = head.units.filter((u) => u.kind === 'assignments');
  const sizes = shards.map((u) => u.assignmentKeys.length);
  const byName = new Map(shards.map((u) => [u.name, u.assignmentKeys.length]));
  return {
    singleState: head.assignments.length,
    largestUnit: Math.max(0, ...sizes),
    medianUnit: sizes.length === 0 ? 0 : median(sizes),
    oneLineChange: touched.reduce((n, name) => n + (byName.get(name) ?? 0), 0),
  };
}

function refreshLine(c: RefreshCost): string {
  const rps = LIMITS.identityCenterApiRequestsPerSecond.max;
  const at = (n: number): string => `${n.toLocaleString('en-US')} resources (${(n / rps).toFixed(0)} s at ${rps} requests/s)`;
  return (
    `per-pull-request refresh, one assignment changed: one state holding every assignment ${at(c.singleState)}; ` +
    `idcgen's unit holding it ${at(c.medianUnit)} median, ${at(c.largestUnit)} at most; ` +
    `the one-line OU change above (it reaches every Workloads account and reshapes the assignment units): ${at(c.oneLineChange)} in its touched units\n`
  );
}

interface ReviewFigures {
  refresh: RefreshCost;
  wallMs: number;
  cpuMs: number;
  markdownChars: number;
  riskRows: number;
  units: number;
  batches: number;
}

/** `idcgen review --base-file <enterprise> --head <enterprise + one line>` through the built CLI, median of runs. */
function enterpriseReview(runs: number): ReviewFigures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-bench-review-'));
  try {
    const model = syntheticModel(SIZES.enterprise);
    const base = path.join(dir, 'base.yaml');
    const head = path.join(dir, 'head.yaml');
    fs.writeFileSync(base, stringify(model, { lineWidth: 0 }));
    fs.writeFileSync(head, stringify({ ...model, assignments: [...(model.assignments ?? []), ONE_LINE_CHANGE] }, { lineWidth: 0 }));
    const cli = path.join(__dirname, '..', 'src', 'cli', 'index.js');
    const samples: { wallMs: number; cpuMs: number }[] = [];
    let markdown = '';
    let headIr: ResolvedModel | undefined;
    for (let r = 0; r < runs; r++) {
      const t = process.hrtime.bigint();
      // stderr (thousands of the synthetic model's lint warnings) is not the figure: dropped.
      markdown = execFileSync(process.execPath, [cli, 'review', '--base-file', base, '--head', head], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const wallMs = since(t);
      // The same work in this process, for its CPU time: on a busy machine wall time mostly waits.
      const cpu = process.cpuUsage();
      headIr = loadResolved(head, { lintAsWarnings: true }).ir;
      renderReviewMarkdown(reviewModels(loadResolved(base, { lintAsWarnings: true, skipLint: true }).ir, headIr));
      const used = process.cpuUsage(cpu);
      samples.push({ wallMs, cpuMs: (used.user + used.system) / 1000 });
    }
    const json = JSON.parse(
      execFileSync(process.execPath, [cli, 'review', '--base-file', base, '--head', head, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as {
      risks: unknown[];
      units: { name: string }[];
      batches: unknown[];
    };
    return {
      refresh: refreshCost(
        headIr!,
        json.units.map((u) => u.name),
      ),
      wallMs: median(samples.map((s) => s.wallMs)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
      markdownChars: markdown.length,
      riskRows: markdown.split('\n').filter((l) => /^\| \*\*(critical|high|medium|low)\*\* \|/.test(l)).length,
      units: json.units.length,
      batches: json.batches.length,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const size = args[1] as SizeName;
    const runs = Number(process.env.BENCH_RUNS ?? (size === 'enterprise' ? 1 : 3));
    process.stdout.write(JSON.stringify(await measure(size, runs)));
    return;
  }
  const sizes = (args.length > 0 ? args : Object.keys(SIZES)) as SizeName[];
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size '${s}'; allowed: ${Object.keys(SIZES).join(', ')}`);
  const loadBefore = loadAverage();
  const rows: Figures[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench: ${size}...\n`);
    // Node's default heap limit, as users run the CLI: a size that needs more fails here too.
    const out = execFileSync(process.execPath, [__filename, '--child', size], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    rows.push(JSON.parse(out) as Figures);
  }
  const cli = sizes.includes('small')
    ? `small model end to end through the CLI (node start, generate, write), median of 3: ${(cliSmallMs() / 1000).toFixed(2)} s\n` +
      `examples/cdktf-app: cdktf synth (cdktf CLI + idcgen synth, typical model), median of 3: ${(cdktfAppSynthMs() / 1000).toFixed(2)} s\n`
    : '';
  let review = '';
  if (sizes.includes('enterprise')) {
    process.stderr.write('bench: enterprise one-line review...\n');
    const f = enterpriseReview(Number(process.env.BENCH_RUNS ?? 1));
    review =
      `enterprise one-line review (${JSON.stringify(ONE_LINE_CHANGE)} added) through the CLI: ${(f.wallMs / 1000).toFixed(2)} s wall, ` +
      `${(f.cpuMs / 1000).toFixed(2)} s CPU in process; Markdown ${f.markdownChars.toLocaleString('en-US')} characters, ${f.riskRows} risk rows; ` +
      `${f.units} units to plan in ${f.batches} batches\n` +
      refreshLine(f.refresh);
    process.stderr.write('bench: enterprise generate through the CLI (full, --format hcl, --changed-since)...\n');
    review += generateLines(enterpriseGenerate());
  }
  process.stdout.write(
    `${table(rows)}\n\n${cli}${review}machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ` +
      `load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}\n`,
  );
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** Wall time of `idcgen generate` on the small model, from process start to exit. */
function cliSmallMs(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-bench-cli-'));
  try {
    const file = path.join(dir, 'small.yaml');
    fs.writeFileSync(file, stringify(syntheticModel(SIZES.small), { lineWidth: 0 }));
    const cli = path.join(__dirname, '..', 'src', 'cli', 'index.js');
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = process.hrtime.bigint();
      execFileSync(process.execPath, [cli, 'generate', file, '--out', path.join(dir, 'out')], { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
      times.push(since(t));
    }
    return median(times);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time of `cdktf synth` in a copy of examples/cdktf-app, its app pointed at the built CLI. */
function cdktfAppSynthMs(): number {
  const root = path.join(__dirname, '..', '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-bench-cdktf-'));
  try {
    const example = path.join(root, 'examples', 'cdktf-app');
    fs.copyFileSync(path.join(example, 'org.yaml'), path.join(dir, 'org.yaml'));
    const config = JSON.parse(fs.readFileSync(path.join(example, 'cdktf.json'), 'utf8')) as { app: string };
    const cli = path.join(__dirname, '..', 'src', 'cli', 'index.js');
    config.app = config.app.replace('./node_modules/.bin/idcgen', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`);
    fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify(config));
    const tfrc = path.join(root, 'test', 'support', 'terraform-offline.tfrc');
    const env = { ...process.env, CHECKPOINT_DISABLE: '1', ...(fs.existsSync(tfrc) ? { TF_CLI_CONFIG_FILE: tfrc } : {}) };
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = process.hrtime.bigint();
      execFileSync(path.join(root, 'node_modules', '.bin', 'cdktf'), ['synth'], { cwd: dir, stdio: 'ignore', env });
      times.push(since(t));
    }
    return median(times);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
