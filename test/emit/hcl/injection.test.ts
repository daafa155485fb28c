/**
 * Strings from the model reach HCL through one escaping function. These tests show, with
 * HashiCorp's own parser, that quotes, backslashes, `${`, `%{`, newlines, control characters and
 * non-ASCII text come back unchanged (terraform.test.ts shows the same for Terraform's plan).
 */
import { parse } from '@cdktf/hcl2json';
import { emitHcl } from '../../../src/emit/hcl';
import { hclString } from '../../../src/emit/hcl/private/escape';
import { ref, renderExpr, template } from '../../../src/emit/hcl/private/expr';
import { HOSTILE, injectionModel } from './fixtures/injection-ir';
import type { Json } from '../../support/json';

/** hcl2json writes a literal `${` as `$${` (its own expression marker is `${`): undo that. */
const literal = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : v);

async function parsedLocal(expr: string): Promise<unknown> {
  const json = await parse('x.tf', `locals {\n  x = ${expr}\n}\n`);
  return json.locals[0].x;
}

describe('hclString', () => {
  test.each([
    ['plain', '"plain"'],
    ['${aws:username}', '"$${aws:username}"'],
    ['%{ if x }', '"%%{ if x }"'],
    ['$${already}', '"$$${already}"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['line\nnext\ttab', '"line\\nnext\\ttab"'],
    ['\u0008\u000c\u0001', '"\\u0008\\u000c\\u0001"'],
    ['東京 🔑', '"東京 🔑"'],
  ])('writes %j as %s', (input, expected) => {
    expect(hclString(input)).toBe(expected);
  });

  test.each(HOSTILE)('round-trips %j through HashiCorp HCL', async (s) => {
    expect(literal(await parsedLocal(hclString(s)))).toBe(s);
  });
});

describe('templates', () => {
  test('keep a literal $ or % right before an interpolation literal', async () => {
    // Written plainly, `$${local.a}` would be the escape for a literal `${local.a}`.
    const expr = renderExpr(template(['cost $', ref('local.a'), ' and 5%', ref('local.b')]));
    expect(expr).toBe('"cost ${"$"}${local.a} and 5${"%"}${local.b}"');
    await expect(parsedLocal(expr)).resolves.toBeDefined();
  });
});

describe('a hostile model', () => {
  test('keeps every group name and description, permission set description and tag, and key text', async () => {
    const ir = injectionModel();
    const main = await parse('main.tf', emitHcl(ir).get('hcl/management/main.tf')!);
    const module = (name: string): Record<string, Json> => main.module[name][0];

    const groups = module('identity_store').groups as Record<string, { description?: string }>;
    expect(Object.keys(groups).map(literal).sort()).toEqual(ir.groups.map((g) => g.name).sort());
    for (const [name, g] of Object.entries(groups)) {
      expect(literal(g.description)).toBe(ir.groups.find((x) => x.name === literal(name))!.description);
    }
    const user = module('identity_store').users['ünïcode.user'];
    expect([user.display_name, user.given_name, user.family_name].map(literal)).toEqual([HOSTILE[0], HOSTILE[4], HOSTILE[3]]);

    const sets = module('permission_sets').permission_sets as Record<string, { description: string; tags: Record<string, string> }>;
    for (const ps of ir.permissionSets) {
      expect(literal(sets[ps.name].description)).toBe(ps.description);
      expect(Object.fromEntries(Object.entries(sets[ps.name].tags).map(([k, v]) => [literal(k), literal(v)]))).toEqual(ps.tags);
    }
    for (const key of ir.keys) {
      const args = module(`key_${key.name.replace(/-/g, '_')}`);
      expect(literal(args.description)).toBe(key.description);
      expect(Object.fromEntries(Object.entries(args.tags as Record<string, string>).map(([k, v]) => [literal(k), literal(v)]))).toEqual(key.tags);
    }
    // Nothing the hostile text spelled out became configuration.
    expect(main.resource).toEqual({ terraform_data: expect.any(Object) });
    expect(Object.keys(main.resource.terraform_data)).toEqual(['identity_center_encryption']);
  });
});
