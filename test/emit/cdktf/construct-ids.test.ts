/**
 * Construct ids from model names (src/emit/cdktf/private/construct-ids.ts): one to one, never a
 * separator or the `Default` cdktf drops, and unchanged for the plain names every earlier model
 * used; `previousLogicalId` gives the address cdktf gave a path of raw names, the `from` of moves.
 */
import fc from 'fast-check';
import { Construct, IamPolicy, Testing, TerraformStack } from '../../../src/emit/cdktf/cdktf';
import { constructId, previousLogicalId } from '../../../src/emit/cdktf/private/construct-ids';
import { toLiteralText } from '../../../src/emit/cdktf/private/literal-view';
import { SEED } from '../../property/support/settings';

/** Strings made of the characters that matter here, and some that do not. */
const names = fc.oneof(
  fc.constantFrom('Default', 'Resource', 'A/B', 'A--B', '/a/b/', '/a--b/', '-', '--', '/', '/-', '%2F', 'x\ny', '{x}', '\uE000o'),
  fc.string({ unit: fc.constantFrom('a', 'B', '-', '/', '%', '\n', '{', '}', '$', 'D', 'é', '\uE000', 'o', '2', 'F'), minLength: 1, maxLength: 8 }),
);

describe('constructId', () => {
  test.each([
    ['ReadOnly', 'ReadOnly'],
    ['A/B', 'A--B'],
    ['/', '--'],
    ['/idcgen/', '--idcgen--'],
    ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'arn:aws:iam::aws:policy--job-function--ViewOnlyAccess'],
    ['team-a', 'team-a'],
    ['Zürich 東京', 'Zürich 東京'],
  ])('keeps the id the plain name %j always had: %j', (name, id) => {
    expect(constructId(toLiteralText(name))).toBe(id);
  });

  test.each([
    ['Default', '%44efault'],
    ['A--B', 'A%2D%2DB'],
    ['/a--b/', '%2Fa%2D%2Db%2F'],
    ['/-x/', '%2F%2Dx%2F'],
    ['50%', '50%25'],
    ['line\nbreak', 'line%0Abreak'],
    ['${x}', '$%7Bx%7D'],
  ])('encodes the name %j, which is not plain, as %j', (name, id) => {
    expect(constructId(toLiteralText(name))).toBe(id);
  });

  test('is one to one, and never a separator or a component cdktf drops', () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        const [ia, ib] = [constructId(toLiteralText(a)), constructId(toLiteralText(b))];
        expect(ia).not.toMatch(/[/\n]/);
        expect(ia).not.toBe('Default');
        if (a !== b) expect(ia).not.toBe(ib);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});

describe('previousLogicalId', () => {
  test('is the logical id cdktf gave the same path built from the raw names', () => {
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 3 }), (raw) => {
        // GIVEN a resource built, as earlier idcgen did, under scopes named by the raw names
        const stack = new TerraformStack(Testing.app(), 'stack');
        const scope = raw.slice(0, -1).reduce<Construct>((s, n) => new Construct(s, n), new Construct(stack, 'Policies'));
        const old = new IamPolicy(scope, raw[raw.length - 1], { policy: '{}' });
        // THEN its address is previousLogicalId of the ids idcgen writes now
        expect(previousLogicalId(['Policies', ...raw.map((n) => constructId(toLiteralText(n)))])).toBe(old.friendlyUniqueId);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
