/**
 * `generate --changed-since` against a full generate over every bundled example and a sweep of
 * changes of each kind a model has (assignments, permission sets, groups and their members, users,
 * keys, applications, account tags, the stack size that reshapes every assignment unit): the
 * incremental output must be the full output, byte for byte. A unit the review wrongly calls
 * untouched would keep its old files here and show as a difference.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { readTree } from '../property/support/generate';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');

/** Every file under `root` (relative path → bytes), the marker included. */
const tree = (root: string): Map<string, string> => new Map(Object.entries(readTree(root)));
type Data = Record<string, unknown> & { [k: string]: unknown };
type Mutation = (m: Data) => boolean;

const list = (m: Data, k: string): Record<string, unknown>[] => (Array.isArray(m[k]) ? (m[k] as Record<string, unknown>[]) : []);

/** Each mutation changes the model in place and says whether it applied. */
const MUTATIONS: Record<string, Mutation> = {
  // With one assignment left the key administrator would be unassigned (a safety rail refuses it).
  'last assignment removed': (m) => list(m, 'assignments').length > 1 && list(m, 'assignments').pop() !== undefined,
  'permission set description': (m) => {
    const ps = list(m, 'permissionSets')[0];
    if (!ps) return false;
    ps.description = 'changed by the test';
    return true;
  },
  'group member removed': (m) => {
    const g = list(m, 'groups').find((x) => Array.isArray(x.members) && x.members.length > 0);
    if (!g) return false;
    (g.members as unknown[]).pop();
    return true;
  },
  'user given name': (m) => {
    const u = list(m, 'users').find((x) => x.external !== true);
    if (!u) return false;
    u.givenName = 'Changed';
    return true;
  },
  'key description': (m) => {
    const k = list(m, 'keys')[0];
    if (!k) return false;
    k.description = 'changed by the test';
    return true;
  },
  'application description': (m) => {
    const a = list(m, 'applications')[0];
    if (!a) return false;
    a.description = 'changed by the test';
    return true;
  },
  'account tags': (m) => {
    const a = list(m, 'accounts').find((x) => x.tags !== undefined);
    if (!a) return false;
    a.tags = { ...(a.tags as object), env: 'dev' };
    return true;
  },
  'stack size': (m) => {
    const d = (m.deployment ?? {}) as Record<string, unknown>;
    // The smallest size allowed: reshapes the assignment units (renamed, added, removed).
    m.deployment = { ...d, maxResourcesPerStack: d.maxResourcesPerStack === 10 ? 11 : 10 };
    return true;
  },
};

const EXAMPLES = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-changed-since-sweep-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function generate(cwd: string, args: string[]): Promise<string> {
  const saved = process.cwd();
  process.chdir(cwd);
  try {
    const r = await runCli(['generate', ...args, '--atlantis-dir', 'generated/hcl']);
    expect({ args, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ args, code: 0, stderr: '' });
    return r.stderr;
  } finally {
    process.chdir(saved);
  }
}

describe.each(EXAMPLES)('GIVEN examples/%s and its full output', (example) => {
  const text = fs.readFileSync(path.join(ROOT, 'examples', example), 'utf8');
  const cases = Object.entries(MUTATIONS)
    .map(([name, mutate]) => {
      const data = parse(text) as Data;
      return mutate(data) ? ([name, stringify(data, { lineWidth: 0 })] as const) : undefined;
    })
    .filter((c): c is readonly [string, string] => c !== undefined);

  test.each(cases)('WHEN %s and generated with --changed-since THEN the output is a full generate of the head', async (name, head) => {
    const root = fs.mkdtempSync(path.join(dir, `${example}-`));
    fs.writeFileSync(path.join(root, 'org.yaml'), text);
    await generate(root, ['org.yaml', '--out', 'out']);
    fs.copyFileSync(path.join(root, 'org.yaml'), path.join(root, 'base.yaml'));
    fs.writeFileSync(path.join(root, 'org.yaml'), head);
    const note = await generate(root, ['org.yaml', '--out', 'out', '--changed-since', 'base.yaml']);
    expect(note).toMatch(/--changed-since base\.yaml: \d+ of \d+ units generated/);
    await generate(root, ['org.yaml', '--out', 'full']);
    const [a, b] = [tree(path.join(root, 'out')), tree(path.join(root, 'full'))];
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    expect({ change: name, differing }).toEqual({ change: name, differing: [] });
  });
});

test('GIVEN the split example (included files) WHEN an included file changes THEN --changed-since equals a full generate', async () => {
  const root = fs.mkdtempSync(path.join(dir, 'split-'));
  fs.cpSync(path.join(ROOT, 'examples/split'), path.join(root, 'model'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples/split'), path.join(root, 'base'), { recursive: true });
  await generate(root, ['model/main.yaml', '--out', 'out']);
  const file = path.join(root, 'model/access/assignments.yaml');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const last = lines
    .map((l, i) => (l.trimStart().startsWith('- ') ? i : -1))
    .filter((i) => i >= 0)
    .pop()!;
  fs.writeFileSync(file, lines.filter((_, i) => i !== last).join('\n'));
  const note = await generate(root, ['model/main.yaml', '--out', 'out', '--changed-since', 'base/main.yaml']);
  expect(note).toMatch(/--changed-since base\/main\.yaml: \d+ of \d+ units generated/);
  await generate(root, ['model/main.yaml', '--out', 'full']);
  const [a, b] = [tree(path.join(root, 'out')), tree(path.join(root, 'full'))];
  expect([...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k))).toEqual([]);
});
