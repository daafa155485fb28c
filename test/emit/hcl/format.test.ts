/**
 * The synchronous formatter against `terraform fmt` as compiled to wasm (@cdktf/hcl-tools):
 * on everything the emitter writes, and on random expression trees (fast-check), format() must
 * give exactly what hcl-tools gives, and formatting twice must change nothing.
 */
import { format as hclToolsFormat } from '@cdktf/hcl-tools';
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { emitHcl } from '../../../src/emit/hcl';
import { bool, call, list, num, obj, ref, str, template, renderBody, type Expr, type ObjectEntry } from '../../../src/emit/hcl/private/expr';
import { format } from '../../../src/emit/hcl/private/fmt';
import { HOSTILE, injectionModel } from './fixtures/injection-ir';
import { lookupModel, typicalModel } from './fixtures/typical-ir';

async function expectFmtClean(text: string): Promise<void> {
  // hcl-tools rewrites invalid HCL silently: parse first.
  await parse('test.tf', text);
  expect(await hclToolsFormat(text)).toBe(text);
  expect(format(text)).toBe(text);
}

describe('format', () => {
  test.each([
    ['typical', typicalModel],
    ['lookup', lookupModel],
    ['injection', injectionModel],
  ])('leaves nothing for terraform fmt to change in the %s fixture', async (_name, build) => {
    for (const [p, content] of emitHcl(build())) {
      if (p.endsWith('.tf') && !p.startsWith('hcl/modules/')) await expectFmtClean(content);
    }
  });

  test('indents by bracket depth, one level per line however many brackets it opens, and aligns =', () => {
    const src = 'a = {\nbb = 1\nc = jsonencode({\nd = [\n"x",\n]\n})\n}\nlonger_name = "v"\ne = 2\n';
    expect(format(src)).toBe('a = {\n  bb = 1\n  c = jsonencode({\n    d = [\n      "x",\n    ]\n  })\n}\nlonger_name = "v"\ne           = 2\n');
  });

  test('counts columns in grapheme clusters, as hclwrite does, when aligning non-ASCII keys', async () => {
    const text = format('x = {\n"東京" = 1\n"👩‍💻" = 2\n"é" = 3\nabcd = 4\n}\n');
    await expectFmtClean(text);
  });

  test('ignores brackets and = inside strings, escapes and interpolations', async () => {
    const text = format('x = {\n"a = {" = "} ] ) $${ %%{"\nb = "${local.x["k"]}="\n}\n');
    await expectFmtClean(text);
    expect(text).toContain('  "a = {" = "} ] ) $${ %%{"\n');
  });
});

/** Random HCL expression trees, rendered and formatted, against hcl-tools. */
const text = fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme' }));
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  text.map(str),
  fc.integer().map(num),
  fc.boolean().map(bool),
  fc.constantFrom(ref('local.instance_arn'), ref('module.key_x.key_arn'), ref('one(data.aws_ssoadmin_instances.this.arns)')),
  fc.tuple(text, text).map(([a, b]) => template([a, ref('module.key_x.key_id'), b])),
);
const { expr } = fc.letrec<{ expr: Expr; entry: ObjectEntry }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('expr'), { maxLength: 4 }).map(list),
    fc.uniqueArray(tie('entry'), { maxLength: 5, selector: (e) => e.key }).map(obj),
    tie('expr').map((e) => call('jsonencode', e)),
  ),
  entry: fc.record({
    key: fc.oneof(fc.constantFrom('Sid', 'Effect', 'a_b', 'true', 'x-y'), text),
    value: tie('expr'),
    quoteKey: fc.boolean(),
    comment: fc.option(text, { nil: undefined }),
    gap: fc.boolean(),
  }),
}));

test('renders and formats random expression trees exactly as terraform fmt would', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.record({ key: fc.constantFrom('alpha', 'b', 'policy_statements', 'tags'), value: expr }), {
        minLength: 1,
        maxLength: 4,
        selector: (e) => e.key,
      }),
      async (entries) => {
        const text = format(`locals {\n${renderBody(entries)}}\n`);
        await expectFmtClean(text);
      },
    ),
    { numRuns: 150 },
  );
});
