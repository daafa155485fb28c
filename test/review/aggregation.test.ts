/**
 * What a reviewer must see at any scale: membership changes with their effect, units in batches
 * a CI matrix accepts, and Markdown within its size budget with every risk and the summary kept.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadResolved } from '../../src/pipeline';
import type { ResolvedModel } from '../../src/model/ir';
import { reviewModels, renderReviewMarkdown, MAX_BATCHES, type Review, type TouchedUnit } from '../../src/review';
import { batchUnits } from '../../src/review/private/batches';
import { unitOrder } from '../../src/model/unit-graph';
import { baseIr, edit } from '../fixtures/review/ir';

describe('membership changes show their effect', () => {
  test('a user leaving a group loses what it held there, marked where it administered a key', () => {
    // GIVEN alice leaves PlatformAdmins, which holds IdentityCenterAdmin (the key's administrator) in management
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-membership-'));
    const baseFile = path.resolve(__dirname, '../fixtures/review/base.yaml');
    const headFile = path.join(dir, 'head.yaml');
    fs.writeFileSync(headFile, fs.readFileSync(baseFile, 'utf8').replace('members: [alice]', 'members: []'));
    // WHEN reviewed
    const r = reviewModels(loadResolved(baseFile).ir, loadResolved(headFile).ir);
    fs.rmSync(dir, { recursive: true, force: true });
    // THEN the effect names the permission set, the account, the group and the key role
    expect(r.membership).toEqual([
      {
        userName: 'alice',
        group: 'PlatformAdmins',
        change: 'loses',
        permissionSet: 'IdentityCenterAdmin',
        accounts: [{ name: 'management', id: '111111111111', production: false }],
        keyAdministratorIn: ['management'],
      },
    ]);
    expect(renderReviewMarkdown(r)).toContain(
      '- user **alice** loses `IdentityCenterAdmin` (via group `PlatformAdmins`) · 1 account · management (111111111111) — key administrator in management\n',
    );
  });

  test('access the user keeps through another path is not an effect', () => {
    // GIVEN alice leaves PlatformAdmins but holds IdentityCenterAdmin in management directly
    const head = edit(baseIr, (m) => {
      m.groups.find((g) => g.name === 'PlatformAdmins')!.members = [];
      m.assignments.push({
        ...m.assignments.find((a) => a.principalName === 'PlatformAdmins')!,
        key: 'USER/alice/IdentityCenterAdmin/management',
        principalType: 'USER',
        principalName: 'alice',
      });
    });
    expect(reviewModels(baseIr, head).membership).toEqual([]);
  });
});

describe('batches', () => {
  const unit = (name: string, kind: TouchedUnit['kind']): TouchedUnit => ({
    name,
    kind,
    change: 'changed',
    accountName: 'm',
    hclRoot: `hcl/${name}`,
    stack: name,
  });

  /** examples/delegated.yaml, and a copy whose organization id differs: every unit of it is touched. */
  function delegatedPair(): { base: ResolvedModel; head: ResolvedModel } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-batches-'));
    const example = path.resolve(__dirname, '../../examples/delegated.yaml');
    const headFile = path.join(dir, 'delegated.yaml');
    fs.writeFileSync(headFile, fs.readFileSync(example, 'utf8').replace('id: o-a1b2c3d4e5', 'id: o-b1b2c3d4e5'));
    try {
      return { base: loadResolved(example).ir, head: loadResolved(headFile).ir };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test("follow the model's apply waves: the delegated administrator's member unit before the units it runs", () => {
    // GIVEN a change touching every unit of a model whose Identity Center is run from a delegated administrator
    const { base, head } = delegatedPair();
    // WHEN reviewed
    const r = reviewModels(base, head);
    // THEN the batches list every unit once, wave by wave as unit-graph orders them (by name within a wave)
    expect(r.units.map((u) => u.name).sort()).toEqual(head.units.map((u) => u.name).sort());
    expect(r.batches).toEqual([['management'], ['account-security'], ['permission-sets'], ['users'], ['groups'], ['assignments'], ['assignments-management']]);
    expect(r.batches.flat()).toEqual(unitOrder(head).waves.flat());
    expect(r.removedBatches).toEqual([]);
  });

  test('removed units are batched for destruction, last wave first', () => {
    // GIVEN the same model reviewed the other way round with every unit gone from the head but management
    const { base } = delegatedPair();
    const removed = base.units.filter((u) => u.kind !== 'management').map((u) => unit(u.name, u.kind));
    const wave = unitOrder(base).wave;
    // WHEN batched with the base's waves reversed, as reviewModels batches removed units
    const batches = batchUnits(removed, (name) => -wave.get(name)!);
    // THEN what reads a unit is destroyed before it: assignments, groups, users and permission sets, the member unit last
    expect(batches.flat()).toEqual(['assignments', 'assignments-management', 'groups', 'permission-sets', 'users', 'account-security']);
  });

  test.each([0, 1, 256, 257, 600, 5000])('%i units fit a matrix of at most 256 batches, in order, sizes within one', (count) => {
    const units = Array.from({ length: count }, (_, i) => unit(`assignments-${String(i).padStart(5, '0')}`, 'assignments'));
    const batches = batchUnits(units, () => 1);
    expect(batches.length).toBe(Math.min(count, MAX_BATCHES));
    expect(batches.flat()).toEqual(units.map((u) => u.name));
    const sizes = batches.map((b) => b.length);
    if (count > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('the Markdown size budget', () => {
  /** The review of a change that grants 400 principals access to every account. */
  function bigReview(): Review {
    const base = reviewModels(baseIr, baseIr);
    const accounts = Array.from({ length: 300 }, (_, i) => ({ name: `acct-${i}`, id: String(100000000000 + i), production: i % 2 === 0 }));
    const granted = Array.from({ length: 400 }, (_, i) => ({
      principalType: 'GROUP' as const,
      principalName: `group-${i}`,
      permissionSet: 'ReadOnly',
      accounts,
      selectors: [{ selector: 'ou Workloads', accounts: 300 }],
    }));
    const risks = granted.map((g) => ({
      rule: 'production-affected' as const,
      severity: 'medium' as const,
      message: `group ${g.principalName} gains permission set ReadOnly in 150 production accounts`,
    }));
    return {
      ...base,
      risks,
      granted,
      units: [{ name: 'management', kind: 'management', change: 'changed', accountName: 'management', hclRoot: 'hcl/management', stack: 'management' }],
      batches: [['management']],
    };
  }

  test.each([10_000, 60_000])('keeps the summary first, risks next, cuts the rest, and stays within %i characters', (maxChars) => {
    const md = renderReviewMarkdown(bigReview(), { maxChars });
    expect(md.length).toBeLessThanOrEqual(maxChars);
    expect(md).toContain('**Summary:** 400 risk flags (400 medium) · 120,000 assignments granted, 0 revoked');
    // every risk at 60,000; at 10,000 as many as fit, then the count of the rest
    if (maxChars === 60_000) for (let i = 0; i < 400; i++) expect(md).toContain(`group group-${i} gains permission set ReadOnly in 150 production accounts |`);
    else expect(md).toMatch(/\n\d+ more risk flags — see review\.json\n/);
    expect(md.indexOf('### Risks')).toBeLessThan(md.indexOf('### Access granted') >>> 0);
    // each section is shown (perhaps cut) or named as not shown
    for (const title of ['Access granted', 'Deployment units to plan'])
      expect(md.includes(`### ${title}`) || new RegExp(`Not shown.*${title} \\(`).test(md)).toBe(true);
    expect(md).toMatch(/\n(\d+ more grants — see review\.json|Not shown, .*Access granted \(400\).*)\n/);
  });

  test('a small review is not cut', () => {
    const md = renderReviewMarkdown(
      reviewModels(
        baseIr,
        edit(baseIr, (m) => void m.groups.find((g) => g.name === 'PlatformAdmins')!.members.push('bob')),
      ),
    );
    expect(md).not.toContain('see review.json');
  });
});

describe('risk rows at scale', () => {
  /** 600 production accounts (OU Workloads/Prod) and 400 development accounts, in base and head alike. */
  const wide = edit(baseIr, (m) => {
    m.source = 'base.yaml';
    for (let i = 0; i < 1000; i++) {
      const prod = i < 600;
      m.accounts.push({
        name: `${prod ? 'p' : 'd'}-${String(i).padStart(4, '0')}`,
        id: String(400000000000 + i),
        ou: prod ? 'Workloads/Prod' : 'Workloads/Dev',
        tags: {},
      });
    }
  });
  /** `principal` gains `permissionSet` in every one of those accounts, as an OU selector would give it. */
  const grantEverywhere = (principal: string, permissionSet: string): ResolvedModel =>
    edit(wide, (m) => {
      for (const a of wide.accounts.filter((x) => /^[pd]-/.test(x.name))) {
        m.assignments.push({
          key: `GROUP/${principal}/${permissionSet}/${a.name}`,
          principalType: 'GROUP',
          principalName: principal,
          permissionSet,
          accountName: a.name,
          accountId: a.id,
          unit: 'assignments-0',
          reasons: ['ou Workloads'],
        });
      }
    });

  test('a grant that reaches 600 production accounts is one row with the count and three examples', () => {
    const r = reviewModels(wide, grantEverywhere('Auditors', 'ReadOnly'));
    expect(r.risks).toEqual([
      {
        rule: 'production-affected',
        severity: 'medium',
        message:
          'group Auditors gains permission set ReadOnly in 600 production accounts: p-0000 (400000000000) [production], p-0001 (400000000001) [production], p-0002 (400000000002) [production] and 597 more',
      },
    ]);
    expect(r.granted).toHaveLength(1);
    expect(r.granted[0].accounts).toHaveLength(1000);
    expect(r.granted[0].selectors).toEqual([{ selector: 'ou Workloads', accounts: 1000 }]);
  });

  test('administrator access granted in 1,000 accounts is one critical row, next to the one production row', () => {
    const r = reviewModels(wide, grantEverywhere('Auditors', 'Admin'));
    expect(r.risks.map((f) => [f.rule, f.severity])).toEqual([
      ['admin-access-granted', 'critical'],
      ['production-affected', 'medium'],
    ]);
    expect(r.risks[0].message).toContain(
      'in 1,000 accounts, 600 production: p-0000 (400000000000) [production], p-0001 (400000000001) [production], p-0002 (400000000002) [production] and 997 more',
    );
    // the Markdown names the grant once, with its count and selector, not once per account
    const md = renderReviewMarkdown(r);
    expect(md.split('\n').filter((l) => l.includes('Auditors')).length).toBe(3);
  });

  // The "Effective key power" section of issue 13 once wrote one row per permission set and account
  // (here 1,000 rows, 59,000 characters); it now writes one row per change with a count and examples.
  test('the whole review of that one-line grant stays small: no section lists the 1,000 accounts one by one', () => {
    const md = renderReviewMarkdown(reviewModels(wide, grantEverywhere('Auditors', 'Admin')));
    expect(md.length).toBeLessThan(5000);
    // the key power the grant brings is one row: the count and the first ten accounts
    expect(md).toContain('| identity-center | `permission set Admin` | none → decrypt | 1,000 accounts · d-0600 (400000000600), d-0601 (400000000601)');
    expect(md).toContain('and 990 more | key policy AllowOrgPrincipalsViaIdentityCenterAndIdentityStore; managed policy AdministratorAccess |');
  });
});
