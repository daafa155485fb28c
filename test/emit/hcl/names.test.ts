/**
 * HCL identifiers and computed keys from model names (src/emit/hcl/private/names.ts): each a one-to-one
 * function of its own name, unchanged for the plain names every earlier model used, with the moves
 * from earlier addresses where they changed (view-moved.ts).
 */
import fc from 'fast-check';
import { keyIdentifier, membershipKey, previousKeyIdentifiers, replicaIdentifier } from '../../../src/emit/hcl/private/names';
import { keyMoves, membershipMoves } from '../../../src/emit/hcl/view-moved';
import { PATTERNS } from '../../../src/model/aws-patterns';
import { SEED } from '../../property/support/settings';
import { typicalModel } from './fixtures/typical-ir';

/** Key names (PATTERNS.handle) biased to the characters that matter: `-`, `.`, `_` and `replica`. */
const keyName = fc
  .string({ unit: fc.constantFrom('a', 'b', '1', '-', '.', '_', '-replica-', 'eu-west-1'), minLength: 1, maxLength: 6 })
  .map((s) => `k${s}`)
  .filter((s) => PATTERNS.handle.re.test(s));
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1'];

describe('keyIdentifier', () => {
  test.each([
    ['identity-center', 'key_identity_center'],
    ['prod2', 'key_prod2'],
    ['a.b', 'key-a-db'],
    ['a_b', 'key-a-ub'],
    ['a--b', 'key_a__b'],
    ['k-replica-eu-central-1', 'key-k--replica--eu--central--1'],
  ])('%j → %j', (name, ident) => {
    expect(keyIdentifier(name)).toBe(ident);
    expect(ident).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
  });

  test('keeps the module name earlier idcgen gave every plain key (letters, digits, -)', () => {
    for (const name of ['identity-center', 'prod', 'a-b-c', 'Key1']) expect(keyIdentifier(name)).toBe(previousKeyIdentifiers([name]).get(name));
  });

  test('no two keys, and no key and a replica of another, share a module name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyName, { minLength: 2, maxLength: 5 }), (names) => {
        const modules = names.flatMap((n) => [keyIdentifier(n), ...REGIONS.map((r) => replicaIdentifier(keyIdentifier(n), r))]);
        expect(new Set(modules).size).toBe(modules.length);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('membershipKey', () => {
  test('is <group>/<user> for names without % or /, and one to one for all', () => {
    expect(membershipKey('Admins', 'alice')).toBe('Admins/alice');
    expect(membershipKey('A/B', 'c')).toBe('A%2FB/c');
    expect(membershipKey('A', 'B/c')).toBe('A/B%2Fc');
    const part = fc.string({ unit: fc.constantFrom('A', '/', '%', '2', 'F', 'c'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(part, part, part, part, (g1, u1, g2, u2) => {
        if (g1 !== g2 || u1 !== u2) expect(membershipKey(g1, u1)).not.toBe(membershipKey(g2, u2));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});

describe('moved blocks', () => {
  test('move the key and replica modules of names that are not plain, from the names earlier idcgen gave them', () => {
    const ir = typicalModel();
    const key = { ...ir.keys[0], name: 'legacy_key', alias: 'alias/legacy_key', replicaRegions: ['eu-central-1'] };
    expect(keyMoves({ ...ir, keys: [...ir.keys, key] })).toEqual([
      { from: 'module.key_legacy_key', to: 'module.key-legacy-ukey' },
      { from: 'module.key_legacy_key_replica_eu_central_1', to: 'module.key-legacy-ukey_replica_eu_central_1' },
    ]);
    // the typical model's keys are plain: nothing moves
    expect(keyMoves(ir)).toEqual([]);
  });

  test('move memberships of names with / or %, except where two of them had one key', () => {
    const group = (name: string, members: string[]) => ({ name, external: false, members });
    expect(membershipMoves([group('Eng/Platform', ['alice']), group('Ops', ['bob'])])).toEqual([
      {
        from: 'module.identity_store.aws_identitystore_group_membership.this["Eng/Platform/alice"]',
        to: 'module.identity_store.aws_identitystore_group_membership.this["Eng%2FPlatform/alice"]',
      },
    ]);
    // A/B + c and A + B/c had one key, so no state can be at it: no move
    expect(membershipMoves([group('A/B', ['c']), group('A', ['B/c'])])).toEqual([]);
  });
});
