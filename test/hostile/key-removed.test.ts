/**
 * The key-removed rail (src/safety/key-removal.ts): `prevent_destroy` cannot guard a key whose
 * configuration is gone, so a key or replica Region that the previous output in --out generated
 * and the model no longer has is refused unless --allow-unsafe key-removed. The previous output's
 * marker is what tells generate which keys it generated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { BASE, BASE_LINES, modelWith, useScratch } from './support/hostile';

const scratch = useScratch();

const WITH_REPLICA = modelWith({ '    multiRegion: true': ['    multiRegion: true', '    replicaRegions: [eu-central-1, eu-north-1]'] });
const ONE_REPLICA = modelWith({ '    multiRegion: true': ['    multiRegion: true', '    replicaRegions: [eu-north-1]'] });
/** The same key under another name: to Terraform, one key destroyed and one created. */
const RENAMED = BASE.replace(/identity-center$/gm, 'idc-key').replace('  - name: identity-center\n', '  - name: idc-key\n');

const REPLICA_LINE = BASE_LINES.indexOf('    multiRegion: true') + 2;
const KEYS_LINE = BASE_LINES.indexOf('keys:') + 1;
const STOP = 'to stop managing it without deleting it, run terraform state rm on its resources in the management unit before you generate';
const RAIL = '; safety rail key-removed refuses to generate this, fix the model or pass --allow-unsafe key-removed';

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

test('fails if a replica region the previous output generated is gone, at replicaRegions, changing nothing', async () => {
  // GIVEN an output with replicas in two Regions
  const s = scratch();
  expect((await runCli(['generate', s.write('org.yaml', WITH_REPLICA), '--out', s.out])).code).toBe(0);
  const before = tree(s.out);
  // WHEN one Region is dropped
  const model = s.write('next.yaml', ONE_REPLICA);
  const res = await runCli(['generate', model, '--out', s.out]);
  // THEN refused where the model lists the replicas
  expect(res.stderr).toBe(
    `${model}:${REPLICA_LINE}:21: key 'identity-center' had a replica in eu-central-1 in the previous output and replicaRegions no longer lists it, ` +
      `so the next terraform apply would schedule the replica's deletion; keep eu-central-1 in replicaRegions, or ${STOP}${RAIL}\n`,
  );
  expect(res.code).toBe(1);
  expect(tree(s.out)).toEqual(before);
});

test('fails if a key the previous output generated is gone (here: renamed), at the keys section', async () => {
  const s = scratch();
  expect((await runCli(['generate', s.write('org.yaml', BASE), '--out', s.out])).code).toBe(0);
  const model = s.write('next.yaml', RENAMED);
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe(
    `${model}:${KEYS_LINE}:1: key 'identity-center' was generated into this output before and is not in the model now, so the next terraform apply would schedule its deletion ` +
      `and identity center data encrypted with it becomes unreadable when the deletion completes; keep the key in the model, or ${STOP}${RAIL}\n`,
  );
  expect(res.code).toBe(1);
});

test('--allow-unsafe key-removed generates without it, warns and flags review.md; the next run has nothing to refuse', async () => {
  const s = scratch();
  expect((await runCli(['generate', s.write('org.yaml', WITH_REPLICA), '--out', s.out])).code).toBe(0);
  const model = s.write('next.yaml', ONE_REPLICA);
  const res = await runCli(['generate', model, '--out', s.out, '--allow-unsafe', 'key-removed']);
  expect(res.code).toBe(0);
  expect(res.stderr).toContain(`${model}:${REPLICA_LINE}:21: warning: key 'identity-center' had a replica in eu-central-1`);
  expect(res.stderr).toContain('(safety rail key-removed allowed by --allow-unsafe key-removed)');
  expect(fs.readFileSync(path.join(s.out, 'review.md'), 'utf8')).toMatch(/^## Unsafe: generated with --allow-unsafe\n[\s\S]*### `key-removed`/);
  expect(fs.readFileSync(path.join(s.out, 'hcl/management/main.tf'), 'utf8')).not.toContain('eu-central-1');
  expect(await runCli(['generate', model, '--out', s.out])).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
});

test('adding keys or replicas, and a first run into an empty directory, refuse nothing', async () => {
  const s = scratch();
  expect((await runCli(['generate', s.write('org.yaml', ONE_REPLICA), '--out', s.out])).code).toBe(0);
  expect(await runCli(['generate', s.write('next.yaml', WITH_REPLICA), '--out', s.out])).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
});
