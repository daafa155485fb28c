/**
 * Regeneration keeps Terraform state (issue 14 §3). README's deploy steps run `terraform apply` in
 * generated/hcl/management, whose local backend keeps terraform.tfstate there; a regeneration used
 * to replace the directory and delete the state, the lock file and .terraform/ without a word.
 * Now every working file is carried into the new tree in place, and a unit that disappears while
 * its state still manages resources is refused unless --allow-unsafe unit-state-orphaned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { describeWithTerraform, terraform, terraformOk } from '../support/terraform';
import { BASE_LINES, modelWith, useScratch } from './support/hostile';
import { applyLike, below, snapshot, stateWith, WORKING_FILES } from './support/working-files';

const scratch = useScratch();

const MGMT = '  - { name: management, id: "111111111111", ou: Root }';
/** BASE plus a member account whose role uses the key: the output gains the unit account-prod-app. */
const WITH_MEMBER = modelWith({
  [MGMT]: [MGMT, '  - { name: prod-app, id: "333333333333", ou: Workloads }'],
  '      - restrict-to-instance: {}': [
    '      - restrict-to-instance: {}',
    '      - custom-workflows: { principals: [{ role: arn:aws:iam::333333333333:role/Pipeline }] }',
  ],
});
/**
 * The same with one more group: every root's generated files change, no unit comes or goes. The
 * group has no assignment on purpose, so its lint warning (group-unused) is turned off.
 */
const WITH_MEMBER_AND_GROUP = `${WITH_MEMBER.replace(
  '  - { name: IdentityAdmins, description: Administer Identity Center }\n',
  '  - { name: IdentityAdmins, description: Administer Identity Center }\n  - { name: Auditors, description: Read only }\n',
)}lint: { disable: [group-unused] }\n`;
/** BASE: the member unit is gone. */
const WITHOUT_MEMBER = `${BASE_LINES.join('\n')}\n`;

const ROOTS = ['hcl/management', 'hcl/account-prod-app', 'cdktf/stacks/management', 'cdktf/stacks/account-prod-app'];

async function generate(model: string, out: string, ...extra: string[]): Promise<{ code: number; stderr: string }> {
  return runCli(['generate', model, '--out', out, ...extra]);
}

/** The working files of a root in a snapshot (generated files excluded). */
function working(snap: Record<string, string>, root: string): Record<string, string> {
  const all = below(snap, root);
  return Object.fromEntries(Object.entries(all).filter(([k]) => !/^[^/]+\.(tf|json)$/.test(k) || /tfstate|lock/.test(k)));
}

test('state, lock file, provider cache, workspaces and plans of every root survive two regenerations byte for byte', async () => {
  // GIVEN an output whose roots were initialised and applied
  const s = scratch();
  const model = s.write('org.yaml', WITH_MEMBER);
  const changed = s.write('changed.yaml', WITH_MEMBER_AND_GROUP);
  expect((await generate(model, s.out)).code).toBe(0);
  for (const root of ROOTS) applyLike(path.join(s.out, root), path.join(s.dir, 'plugin-cache'));
  const before = snapshot(s.out);
  const mainBefore = fs.readFileSync(path.join(s.out, 'hcl/management/main.tf'), 'utf8');
  // WHEN the output is regenerated from a changed model, then from the first one again
  const first = await generate(changed, s.out);
  expect(first).toEqual({ code: 0, stderr: '', stdout: expect.any(String) });
  expect(fs.readFileSync(path.join(s.out, 'hcl/management/main.tf'), 'utf8')).not.toBe(mainBefore);
  const afterFirst = snapshot(s.out);
  expect((await generate(model, s.out)).code).toBe(0);
  const afterSecond = snapshot(s.out);
  // THEN every working file is where it was, with the same bytes, mode and link target
  for (const root of ROOTS) {
    expect(Object.keys(working(before, root))).toEqual(expect.arrayContaining([...WORKING_FILES]));
    expect([root, working(afterFirst, root)]).toEqual([root, working(before, root)]);
    expect([root, working(afterSecond, root)]).toEqual([root, working(before, root)]);
  }
  // ... the generated files are exactly the first run's again, no temporary link to the state is left
  // anywhere, nothing is beside the output, and the marker lists no working file
  expect(afterSecond).toEqual(before);
  expect(fs.statSync(path.join(s.out, 'hcl/management/terraform.tfstate')).nlink).toBe(1);
  expect(fs.readdirSync(s.dir).sort()).toEqual(['changed.yaml', 'org.yaml', 'out', 'plugin-cache']);
  const listed = (JSON.parse(fs.readFileSync(path.join(s.out, '.idcgen-output'), 'utf8')) as { files: string[] }).files;
  expect(listed.filter((f) => /tfstate|tfplan|\.terraform/.test(f))).toEqual([]);
});

const ORPHAN_MESSAGE = (out: string, what: string, files: string) =>
  `${out}/hcl/account-prod-app: this unit holds ${what} (${files}), and the model no longer generates it, so nothing would manage ` +
  `${what.endsWith(' 1 resource') ? 'that resource' : 'those resources'} any more; run terraform destroy in this directory while its configuration still exists ` +
  '(or terraform state mv the resources to another unit, or terraform state rm to let them go), then generate again; ' +
  'safety rail unit-state-orphaned refuses to generate this, fix the model or pass --allow-unsafe unit-state-orphaned';

test.each([
  ['local state', { 'terraform.tfstate': stateWith(2) }, 'terraform state managing 2 resources', 'terraform.tfstate'],
  [
    'a workspace state only',
    { 'terraform.tfstate.d/blue/terraform.tfstate': stateWith(1) },
    'terraform state managing 1 resource',
    'terraform.tfstate.d/blue/terraform.tfstate',
  ],
  ['a state file that is not json', { 'terraform.tfstate': '{"version": 4, "resources": [' }, 'terraform state that idcgen cannot read', 'terraform.tfstate'],
])('fails if a unit disappears while it holds %s, leaving the output exactly as it was', async (_what, state, what, files) => {
  // GIVEN an applied member unit
  const s = scratch();
  expect((await generate(s.write('org.yaml', WITH_MEMBER), s.out)).code).toBe(0);
  for (const [rel, content] of Object.entries(state)) s.write(`out/hcl/account-prod-app/${rel}`, content);
  const before = snapshot(s.out);
  // WHEN the model no longer has it
  const res = await generate(s.write('next.yaml', WITHOUT_MEMBER), s.out);
  // THEN generate refuses, naming the unit, what its state holds and what to do, and changes nothing
  expect(res.code).toBe(1);
  expect(res.stderr).toBe(`${ORPHAN_MESSAGE(s.out, what, files)}\n`);
  expect(snapshot(s.out)).toEqual(before);
  expect(fs.readdirSync(s.dir).sort()).toEqual(['next.yaml', 'org.yaml', 'out']);
});

test('--allow-unsafe unit-state-orphaned drops the unit but keeps its state where it is; once the state is emptied the unit may go', async () => {
  const s = scratch();
  expect((await generate(s.write('org.yaml', WITH_MEMBER), s.out)).code).toBe(0);
  applyLike(path.join(s.out, 'hcl/account-prod-app'), path.join(s.dir, 'cache'), 2);
  const kept = working(snapshot(s.out), 'hcl/account-prod-app');
  const next = s.write('next.yaml', WITHOUT_MEMBER);
  // WHEN allowed
  const allowed = await generate(next, s.out, '--allow-unsafe', 'unit-state-orphaned');
  // THEN it warns, flags review.md, drops the unit's generated files and keeps every working file in place
  expect(allowed.code).toBe(0);
  expect(allowed.stderr).toContain(
    `${s.out}/hcl/account-prod-app: warning: this unit holds terraform state managing 3 resources (terraform.tfstate, terraform.tfstate.d/staging/terraform.tfstate)`,
  );
  expect(allowed.stderr).toContain('(safety rail unit-state-orphaned allowed by --allow-unsafe unit-state-orphaned)');
  expect(fs.readFileSync(path.join(s.out, 'review.md'), 'utf8')).toMatch(/^## Unsafe: generated with --allow-unsafe\n[\s\S]*### `unit-state-orphaned`/);
  expect(below(snapshot(s.out), 'hcl/account-prod-app')).toEqual(kept);
  expect(fs.existsSync(path.join(s.out, 'hcl/account-prod-app/main.tf'))).toBe(false);
  // WHEN generating again without the option THEN the state still manages resources: refused again
  expect((await generate(next, s.out)).code).toBe(1);
  // WHEN the resources were destroyed or removed from the state THEN the unit may stay gone, files kept
  s.write('out/hcl/account-prod-app/terraform.tfstate', stateWith(0, 9));
  s.write('out/hcl/account-prod-app/terraform.tfstate.d/staging/terraform.tfstate', stateWith(0, 3));
  const emptied = working(snapshot(s.out), 'hcl/account-prod-app');
  expect(await generate(next, s.out)).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
  expect(below(snapshot(s.out), 'hcl/account-prod-app')).toEqual(emptied);
});

test('fails if the CDKTF stacks disappear (--format hcl) while a stack directory holds state', async () => {
  const s = scratch();
  const model = s.write('org.yaml', WITH_MEMBER);
  expect((await generate(model, s.out)).code).toBe(0);
  s.write('out/cdktf/stacks/management/terraform.tfstate', stateWith(4));
  const res = await generate(model, s.out, '--format', 'hcl');
  expect(res.code).toBe(1);
  expect(res.stderr).toContain(`${s.out}/cdktf/stacks/management: this unit holds terraform state managing 4 resources (terraform.tfstate)`);
});

describeWithTerraform('with the real terraform binary', () => {
  test('a root initialised by terraform init still validates after two regenerations, without init', async () => {
    // GIVEN a management root that terraform initialised (providers from the offline mirror, modules)
    const s = scratch();
    const model = s.write('org.yaml', WITH_MEMBER);
    expect((await generate(model, s.out)).code).toBe(0);
    const root = path.join(s.out, 'hcl/management');
    terraformOk(root, ['init', '-backend=false', '-input=false']);
    const lock = fs.readFileSync(path.join(root, '.terraform.lock.hcl'), 'utf8');
    // WHEN regenerated twice
    expect((await generate(s.write('changed.yaml', WITH_MEMBER_AND_GROUP), s.out)).code).toBe(0);
    expect((await generate(model, s.out)).code).toBe(0);
    // THEN terraform validate works as it did: the working directory (modules, providers, lock file) is intact
    expect(fs.readFileSync(path.join(root, '.terraform.lock.hcl'), 'utf8')).toBe(lock);
    terraformOk(root, ['validate']);
    // ... which it would not without it (this is what a regeneration used to leave)
    fs.rmSync(path.join(root, '.terraform'), { recursive: true });
    expect(terraform(root, ['validate', '-no-color']).code).not.toBe(0);
  });
});
