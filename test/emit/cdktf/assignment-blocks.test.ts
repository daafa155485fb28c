/**
 * AssignmentsStack writes its look-ups and assignments as JSON (src/emit/cdktf/private/
 * assignment-blocks.ts) instead of building constructs. These tests hold its synthesized stacks
 * byte for byte against the same stacks built from constructs — AccountAssignments, IdentityStore
 * with look-ups only, DataAwsSsoadminPermissionSet — as the stack was built before, on the IR
 * fixtures, every example, a medium synthetic organization and names full of separators, template
 * sequences and non-ASCII text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { SIZES, syntheticModel } from '../../../bench/synthetic';
import { App, Construct, DataAwsSsoadminPermissionSet } from '../../../src/emit/cdktf/cdktf';
import { AccountAssignments } from '../../../src/emit/cdktf/constructs/account-assignments';
import { IdentityCenterInstance } from '../../../src/emit/cdktf/constructs/identity-center-instance';
import { IdentityStore } from '../../../src/emit/cdktf/constructs/identity-store';
import { GeneratedStack } from '../../../src/emit/cdktf/private/generated-stack';
import { literalView } from '../../../src/emit/cdktf/private/literal-view';
import { constructId } from '../../../src/emit/cdktf/private/namespace';
import { configureStack, unitProvider } from '../../../src/emit/cdktf/private/stack-setup';
import { AssignmentsStack } from '../../../src/emit/cdktf/stacks/assignments-stack';
import { compareKeys, type AssignmentsUnit, type ResolvedModel } from '../../../src/model/ir';
import { unitAssignments } from '../../../src/model/ir-index';
import { loadResolved } from '../../../src/pipeline';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';
import { unitsOfKind } from '../../support/units';

/** The assignment stack as it was built from constructs: the reference the JSON is held to. */
class ConstructAssignmentsStack extends GeneratedStack {
  constructor(scope: Construct, id: string, model: ResolvedModel, modelUnit: AssignmentsUnit) {
    super(scope, id);
    const { ir, unit } = literalView(model, modelUnit);
    configureStack(this, unit, ir.deployment.backend);
    unitProvider(this, ir.identityCenter.region, unit);
    const mine = unitAssignments(ir, unit);
    const instance = new IdentityCenterInstance(this, 'IdentityCenter', {
      instanceArn: ir.identityCenter.instanceArn,
      identityStoreId: ir.identityCenter.identityStoreId,
    });
    const lookups = new Construct(this, 'PermissionSetLookup');
    const permissionSetArns = new Map<string, string>();
    for (const name of [...new Set(mine.map((a) => a.permissionSet))].sort(compareKeys)) {
      permissionSetArns.set(name, new DataAwsSsoadminPermissionSet(lookups, constructId(name), { instanceArn: instance.instanceArn, name }).arn);
    }
    const groupNames = new Set(mine.filter((a) => a.principalType === 'GROUP').map((a) => a.principalName));
    const userNames = new Set(mine.filter((a) => a.principalType === 'USER').map((a) => a.principalName));
    const identityStore = new IdentityStore(this, 'IdentityStore', {
      identityStoreId: instance.identityStoreId,
      groups: ir.groups.filter((g) => groupNames.has(g.name)),
      users: ir.users.filter((u) => userNames.has(u.userName)),
      lookupOnly: true,
    });
    new AccountAssignments(this, 'Assignment', {
      instanceArn: instance.instanceArn,
      assignments: mine,
      permissionSetArn: (name) => permissionSetArns.get(name) as string,
      principalId: (type, name) => identityStore.principalId(type, name),
    });
  }
}

/** `cdk.tf.json` of every assignment unit, synthesized by an App holding only those stacks. */
function synthAssignmentStacks(ir: ResolvedModel, build: (app: App, unit: AssignmentsUnit) => void): Map<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-assignment-blocks-'));
  try {
    const app = new App({ outdir, stackTraces: false });
    const units = unitsOfKind(ir, 'assignments');
    for (const unit of units) build(app, unit);
    app.synth();
    return new Map(units.map((u) => [u.name, fs.readFileSync(path.join(outdir, 'stacks', u.name, 'cdk.tf.json'), 'utf8')]));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function expectSameAsConstructs(ir: ResolvedModel): void {
  const written = synthAssignmentStacks(ir, (app, unit) => new AssignmentsStack(app, unit.name, { ir, unit }));
  const built = synthAssignmentStacks(ir, (app, unit) => new ConstructAssignmentsStack(app, unit.name, ir, unit));
  expect(written.size).toBeGreaterThan(0);
  expect([...written.keys()]).toEqual([...built.keys()]);
  for (const [unit, text] of written) expect({ unit, text }).toEqual({ unit, text: built.get(unit) });
}

/** fullIr with its principals renamed to text that exercises ids, paths and escaping. */
function hostileIr(): ResolvedModel {
  const rename = new Map([
    ['Auditors', 'Audit/ors ${aws:username} %{x}'],
    ['Developers', 'Développeurs — équipe 🚀'],
    ['PlatformAdmins', 'Platform\\Admins "quoted"'],
    ['alice', "alice/o'neil@example.com"],
    ['bob', 'bob--dash'],
  ]);
  const to = (name: string): string => rename.get(name) ?? name;
  const assignments = fullIr.assignments.map((a) => ({
    ...a,
    principalName: to(a.principalName),
    key: `${a.principalType}/${to(a.principalName)}/${a.permissionSet}/${a.accountName}`,
  }));
  const keyOf = new Map(fullIr.assignments.map((a, i) => [a.key, assignments[i].key]));
  return {
    ...fullIr,
    groups: fullIr.groups.map((g) => ({ ...g, name: to(g.name), members: g.members.map(to) })),
    users: fullIr.users.map((u) => ({ ...u, userName: to(u.userName) })),
    assignments,
    units: fullIr.units.map((u) =>
      u.kind === 'assignments' ? { ...u, assignmentKeys: u.assignmentKeys.map((k) => keyOf.get(k) as string).sort(compareKeys) } : u,
    ),
  };
}

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = [
  ...fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
  'examples/split/main.yaml',
];

describe('assignment stacks written as JSON equal the same stacks built from constructs', () => {
  test.each([
    ['the full IR fixture (S3 backend, looked-up instance)', fullIr],
    ['the minimal IR fixture', minimalIr],
    ['principals named with separators, template sequences and non-ASCII text', hostileIr()],
  ])('%s', (_name, ir) => {
    expectSameAsConstructs(ir);
  });

  test.each(EXAMPLES)('%s', (example) => {
    expectSameAsConstructs(loadResolved(path.join(ROOT, example)).ir);
  });

  test('the medium synthetic organization (every shard of ~8,000 assignments)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-assignment-blocks-model-'));
    try {
      const file = path.join(dir, 'medium.yaml');
      fs.writeFileSync(file, stringify(syntheticModel(SIZES.medium), { lineWidth: 0 }));
      expectSameAsConstructs(loadResolved(file).ir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('AssignmentsStack', () => {
  test('fails while building if an assignment names a principal the model lacks', () => {
    const assignments = fullIr.assignments.map((a, i) => (i === 0 ? { ...a, principalName: 'Nobody' } : a));
    const unit = unitsOfKind(fullIr, 'assignments').find((u) => u.assignmentKeys.includes(fullIr.assignments[0].key))!;
    expect(() => new AssignmentsStack(new App({ outdir: os.tmpdir() }), unit.name, { ir: { ...fullIr, assignments }, unit })).toThrow(
      "group Nobody is not in this stack's identity store",
    );
  });
});
