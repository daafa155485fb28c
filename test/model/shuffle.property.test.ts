/**
 * Resolution does not depend on YAML order: shuffling the lists of a model (accounts, groups,
 * users, permission sets, assignments, keys, group members, key use cases and administrators)
 * gives a deep-equal IR. Fixed seed, so a failure reproduces; IDCGEN_DEEP=1 runs many more cases.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { loadResolved } from '../../src/pipeline';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = process.env.IDCGEN_DEEP ? 300 : 12;

type Model = Record<string, unknown>;

/** Lists whose order carries no meaning, as paths from the model root ('*' = every item). */
const SHUFFLED: (string | '*')[][] = [
  ['accounts'],
  ['groups'],
  ['groups', '*', 'members'],
  ['users'],
  ['permissionSets'],
  ['permissionSets', '*', 'managedPolicies'],
  ['assignments'],
  ['assignments', '*', 'ous'],
  ['keys'],
  ['keys', '*', 'useCases'],
  ['keys', '*', 'administrators'],
];

/** Every list at a path (with '*' expanded), in a fixed order, so permutations line up. */
function listsAt(model: Model, p: (string | '*')[]): unknown[][] {
  let nodes: unknown[] = [model];
  for (const seg of p) {
    nodes = nodes.flatMap((n) => {
      if (seg === '*') return Array.isArray(n) ? n : [];
      return n !== null && typeof n === 'object' && seg in n ? [(n as Model)[seg]] : [];
    });
  }
  return nodes.filter((n): n is unknown[] => Array.isArray(n));
}

/** A generator of a copy of `model` with every shuffled list permuted. */
function shuffledModel(model: Model): fc.Arbitrary<Model> {
  const lists = SHUFFLED.flatMap((p) => listsAt(model, p).map((list) => ({ p, list })));
  const perms = lists.map(({ list }) => fc.shuffledSubarray([...list.keys()], { minLength: list.length, maxLength: list.length }));
  return fc.tuple(...perms).map((orders) => {
    const copy = structuredClone(model);
    const copyLists = SHUFFLED.flatMap((p) => listsAt(copy, p));
    // Lists are collected from the copy before any is permuted, in the same order as from the
    // original, so the i-th order belongs to the i-th list; each is permuted in place.
    const originals = copyLists.map((l) => [...l]);
    copyLists.forEach((l, i) => orders[i].forEach((from, to) => (l[to] = originals[i][from])));
    return copy;
  });
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-shuffle-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.each(['examples/enterprise.yaml', 'examples/typical.yaml'])('shuffling the lists of %s gives an identical IR', (example) => {
  const file = path.join(tmp, 'org.yaml');
  const original = parse(fs.readFileSync(path.join(ROOT, example), 'utf8')) as Model;
  fs.writeFileSync(file, stringify(original));
  const expected = loadResolved(file).ir;
  // The property would hold trivially if nothing was shuffled: make sure there is something to shuffle
  expect(SHUFFLED.flatMap((p) => listsAt(original, p)).filter((l) => l.length > 1).length).toBeGreaterThan(5);

  fc.assert(
    fc.property(shuffledModel(original), (model) => {
      fs.writeFileSync(file, stringify(model));
      expect(loadResolved(file).ir).toEqual(expected);
    }),
    { seed: 20260101, numRuns: RUNS },
  );
});
