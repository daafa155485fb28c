/**
 * The boundary every generated stack's cdk.tf.json passes (GeneratedStack): model text, held in
 * literal text while cdktf works, comes out escaped; references cdktf rendered stay interpolations;
 * anything else that looks like a template sequence is refused rather than written.
 */
import { Testing } from '../../../src/emit/cdktf/cdktf';
import { fromLiteralText, inLiteralText, toLiteralText } from '../../../src/emit/cdktf/private/literal-view';
import { terraformJson } from '../../../src/emit/cdktf/private/terraform-json';
import { ManagementStack } from '../../../src/emit/cdktf/stacks/management-stack';
import { fullIr } from '../../fixtures/ir/full';
import { unitNamed } from '../../support/units';

describe('literal text', () => {
  test.each(['plain', '${x}', '{}}{', '\uE000', '\uE000o', 'a\uE000mb{c}'])('holds no brace and gives %j back', (text) => {
    const literal = toLiteralText(text);
    expect(literal).not.toMatch(/[{}]/);
    expect(fromLiteralText(literal)).toBe(text);
  });

  test('a view changes only what holds braces, and is built once per object', () => {
    const plain = { a: ['x', { b: 'y' }] };
    expect(inLiteralText(plain)).toBe(plain);
    const braced = { a: ['x', { '${k}': 'y}' }] };
    expect(inLiteralText(braced)).toEqual({ a: ['x', { [toLiteralText('${k}')]: toLiteralText('y}') }] });
    expect(inLiteralText(braced)).toBe(inLiteralText(braced));
  });
});

describe('terraformJson', () => {
  test('escapes model text, keys included (and inside the string literals of a conditional), and interpolates references', () => {
    const tf = {
      description: toLiteralText('owns ${everything} and %{ if x }'),
      tags: { [toLiteralText('${k}')]: toLiteralText('%{v}') },
      policy: `{"Resource":["\${aws_kms_key.Key_k_Key_1234ABCD.arn}","${toLiteralText('arn:aws:s3:::${aws:username}/*')}"]}`,
      instance: '${one(data.aws_ssoadmin_instances.IdentityCenter_Lookup_E6489932.arns)}',
      role: `\${var.idcgen_plan ? "${toLiteralText('arn:aws:iam::1:role/${x}')}" : "arn:aws:iam::1:role/Apply"}`,
    };
    expect(terraformJson(tf, 'stack')).toEqual({
      description: 'owns $${everything} and %%{ if x }',
      tags: { '$${k}': '%%{v}' },
      policy: '{"Resource":["${aws_kms_key.Key_k_Key_1234ABCD.arn}","arn:aws:s3:::$${aws:username}/*"]}',
      instance: '${one(data.aws_ssoadmin_instances.IdentityCenter_Lookup_E6489932.arns)}',
      role: '${var.idcgen_plan ? "arn:aws:iam::1:role/$${x}" : "arn:aws:iam::1:role/Apply"}',
    });
  });

  test('writes a $ or % right before a reference as an interpolation of itself', () => {
    expect(terraformJson({ v: `cost ${toLiteralText('$')}\${aws_iam_policy.P_1.arn} 5%\${aws_iam_policy.Q_2.arn}` })).toEqual({
      v: 'cost ${"$"}${aws_iam_policy.P_1.arn} 5${"%"}${aws_iam_policy.Q_2.arn}',
    });
  });

  test.each([
    ['${file("/etc/passwd")}', 'is not an expression idcgen wrote'],
    ['%{ if true }x%{ endif }', "'%{' outside model text"],
    ['unclosed ${aws_x.y.z', 'is not an expression idcgen wrote'],
    ['${}', 'is not an expression idcgen wrote'],
  ])('fails on %j, a template sequence that is neither model text nor a reference', (text, message) => {
    expect(() => terraformJson({ description: text }, 'stack')).toThrow(message);
  });
});

describe('GeneratedStack', () => {
  test("refuses cdktf's HCL output, which would bypass the boundary", () => {
    const stack = new ManagementStack(Testing.app(), 'management', { ir: fullIr, unit: unitNamed(fullIr, 'management', 'management') });
    expect(() => stack.toHclTerraform()).toThrow("idcgen's stacks synthesize to cdk.tf.json only");
  });
});
