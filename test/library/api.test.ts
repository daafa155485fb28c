/**
 * The public API (src/index.ts, the package entry): every export is documented with TSDoc (the
 * type declarations carry it to editors), and the stacks compose in a user's own app.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { parse, stringify } from 'yaml';
import type { OrgModel } from '../../src/model/schema';
import { App, LocalBackend, Testing } from '../../src/emit/cdktf/cdktf';
import { IdentityCenterStacks, loadModel, ModelError, unitOrder } from '../../src';

const ROOT = path.resolve(__dirname, '../..');

describe('the package entry', () => {
  test('every export has a TSDoc comment', () => {
    const entry = path.join(ROOT, 'src/index.ts');
    const program = ts.createProgram([entry], {
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
    });
    const checker = program.getTypeChecker();
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!);
    expect(exports.length).toBeGreaterThan(30);
    const undocumented = exports
      .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
      .filter((s) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim() === '')
      .map((s) => s.getName());
    expect(undocumented).toEqual([]);
  });

  test('loadModel returns the resolved model and its warnings, and throws ModelError for a bad model', () => {
    const { model, warnings } = loadModel(path.join(ROOT, 'examples/typical.yaml'));
    expect(model.units.map((u) => u.name)).toEqual(['management', 'assignments']);
    expect(warnings.map((w) => w.rule)).toContain('encryption-context-unrestricted');
    expect(() => loadModel(path.join(ROOT, 'test/fixtures/invalid/bad-region.yaml'))).toThrow(ModelError);
  });

  test('loadModel applies the safety rails generate applies: a short deletion window throws unless allowed, then warns', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-api-'));
    try {
      const m = parse(fs.readFileSync(path.join(ROOT, 'examples/typical.yaml'), 'utf8')) as OrgModel;
      const file = path.join(dir, 'org.yaml');
      fs.writeFileSync(file, stringify({ ...m, keys: m.keys!.map((k) => ({ ...k, deletionWindowDays: 7 })) }));
      expect(() => loadModel(file)).toThrow(/safety rail key-deletion-protection-off refuses to generate this/);
      const { warnings } = loadModel(file, { allowUnsafe: ['key-deletion-protection-off'] });
      expect(warnings.filter((w) => w.rule === 'key-deletion-protection-off').map((w) => w.severity)).toEqual(['warning']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('IdentityCenterStacks adds one stack per unit to a user app, with the model order as dependencies', () => {
    const app = Testing.app();
    const { model } = loadModel(path.join(ROOT, 'examples/enterprise.yaml'));
    const stacks = new IdentityCenterStacks(app, { model });
    expect([...stacks.stacks.keys()]).toEqual(model.units.map((u) => u.name));
    const order = unitOrder(model);
    for (const [name, stack] of stacks.stacks) {
      expect(stack.dependencies.map((d) => d.node.id).sort()).toEqual([...(order.dependsOn.get(name) ?? [])].sort());
    }
    expect(() => stacks.stack('nope')).toThrow(/^no deployment unit 'nope'; units: management, account-checkout-dev, /);
  });

  test("configureBackend replaces the model's backend in every stack", () => {
    const app = new App({ stackTraces: false });
    const { model } = loadModel(path.join(ROOT, 'examples/enterprise.yaml'));
    const seen: string[] = [];
    const stacks = new IdentityCenterStacks(app, {
      model,
      configureBackend: (stack, unit) => {
        seen.push(unit.name);
        new LocalBackend(stack, { path: `../state/${unit.name}.tfstate` });
      },
    });
    expect(seen).toEqual(model.units.map((u) => u.name));
    const synthesized = JSON.parse(Testing.synth(stacks.stack('assignments-1'))) as { terraform: { backend: object } };
    expect(synthesized.terraform.backend).toEqual({ local: { path: '../state/assignments-1.tfstate' } });
  });
});
