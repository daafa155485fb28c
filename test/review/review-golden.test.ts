/**
 * Golden reviews of model pairs. Each test/fixtures/review/<case>/ holds head.yaml (and/or
 * base.yaml; the missing side is the shared test/fixtures/review/base.yaml) and review.md, the
 * Markdown review of base → head, read and checked by hand when first written. Two changes no
 * model can make (the generator always writes the service statements and conditions its wildcard
 * statements) are built on hand-made IRs instead. `UPDATE_GOLDEN=1` rewrites the files: read the
 * diff before committing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedModel } from '../../src/model/ir';
import { loadResolved } from '../../src/pipeline';
import { isEmptyReview, renderReviewJson, renderReviewMarkdown, reviewModels, RISK_RULES, type Review } from '../../src/review';
import { baseIr, edit } from '../fixtures/review/ir';

const ROOT = path.resolve(__dirname, '../..');
const DIR = 'test/fixtures/review';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const modelCases = fs
  .readdirSync(path.join(ROOT, DIR))
  .filter((c) => ['head.yaml', 'base.yaml'].some((f) => fs.existsSync(path.join(ROOT, DIR, c, f))))
  .sort();

const irCases: Record<string, () => [ResolvedModel, ResolvedModel]> = {
  // The service statement removed from the key policy of a key Identity Center uses.
  'ir-service-statement-removed': () => [
    baseIr,
    edit(baseIr, (m) => {
      const i = m.keys[0].keyPolicy.Statement.findIndex((s) => s.Sid === 'AllowIdentityCenterAndIdentityStoreToUseKey');
      m.keys[0].keyPolicy.Statement.splice(i, 1);
      m.keys[0].statementSources.splice(i, 1);
    }),
  ],
  // The organization condition dropped from a wildcard-principal statement.
  'ir-wildcard-condition-dropped': () => [
    baseIr,
    edit(baseIr, (m) => {
      const s = m.keys[0].keyPolicy.Statement.find((x) => x.Sid === 'AllowOrgPrincipalsViaIdentityCenterAndIdentityStore')!;
      delete s.Condition!.StringEquals;
    }),
  ],
};

function pair(c: string): [ResolvedModel, ResolvedModel] {
  if (irCases[c]) return irCases[c]();
  const side = (f: string) => (fs.existsSync(path.join(ROOT, DIR, c, f)) ? `${DIR}/${c}/${f}` : `${DIR}/base.yaml`);
  return [loadResolved(side('base.yaml')).ir, loadResolved(side('head.yaml')).ir];
}

function golden(file: string, actual: string): void {
  const abs = path.join(ROOT, DIR, file);
  if (UPDATE) {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, actual);
  }
  if (!fs.existsSync(abs)) throw new Error(`${DIR}/${file} is missing: run with UPDATE_GOLDEN=1, then read it`);
  expect(actual).toBe(fs.readFileSync(abs, 'utf8'));
}

const cwd = process.cwd();
beforeAll(() => process.chdir(ROOT));
afterAll(() => process.chdir(cwd));

const reviews = new Map<string, Review>();

test.each([...modelCases, ...Object.keys(irCases)])('%s: review.md matches the golden and is reproducible', (c) => {
  // GIVEN a pair of models
  const [base, head] = pair(c);
  // WHEN reviewed twice
  const review = reviewModels(base, head);
  const md = renderReviewMarkdown(review);
  // THEN the Markdown is the checked golden, byte for byte, every time
  golden(`${c}/review.md`, md);
  expect(renderReviewMarkdown(reviewModels(pair(c)[0], pair(c)[1]))).toBe(md);
  reviews.set(c, review);
});

test('access: review.json matches the golden', () => {
  const [base, head] = pair('access');
  golden('access/review.json', renderReviewJson(reviewModels(base, head)));
});

test('reordered lists and yaml keys give an empty review', () => {
  const [base, head] = pair('reordered');
  expect(isEmptyReview(reviewModels(base, head))).toBe(true);
});

describe('the goldens cover', () => {
  const all = () => [...reviews.values()];

  test('every risk rule', () => {
    const seen = new Set(all().flatMap((r) => r.risks.map((f) => f.rule)));
    expect([...RISK_RULES].filter((r) => !seen.has(r))).toEqual([]);
  });

  test('every change kind', () => {
    const kinds = new Set<string>();
    for (const r of all()) {
      if (r.granted.length > 0) kinds.add('granted');
      if (r.revoked.length > 0) kinds.add('revoked');
      for (const p of r.principals) kinds.add(`principal ${p.change}${p.members.added.length > 0 ? ' members' : ''}`);
      for (const p of r.permissionSets) {
        kinds.add(`permission set ${p.change}`);
        if (p.managedPolicies.added.length + p.managedPolicies.removed.length > 0) kinds.add('managed policies');
        if (p.customerManagedPolicies.added.length + p.customerManagedPolicies.removed.length > 0) kinds.add('customer managed attachments');
        if (p.permissionsBoundary) kinds.add('boundary');
        for (const s of p.inlinePolicy) kinds.add(`inline ${s.change}${s.sid === undefined ? ' without sid' : ''}`);
      }
      for (const p of r.customerManagedPolicies) kinds.add(`customer managed policy ${p.change}`);
      for (const k of r.keys) {
        kinds.add(`key ${k.change}`);
        for (const f of k.fields) kinds.add(`key field ${f.field}`);
        for (const s of k.statements) kinds.add(`key statement ${s.change}`);
        for (const ip of k.identityPolicies) kinds.add(`identity policy ${ip.change}`);
      }
      for (const a of r.keyAccess) kinds.add(`key access ${a.change}`);
      if (r.settings.length > 0) kinds.add('settings');
      for (const u of r.units) kinds.add(`unit ${u.change}`);
    }
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'granted',
        'revoked',
        'principal changed members',
        'permission set added',
        'permission set removed',
        'permission set changed',
        'permission set renamed',
        'managed policies',
        'customer managed attachments',
        'boundary',
        'inline added',
        'inline removed',
        'inline changed',
        'inline added without sid',
        'inline removed without sid',
        'customer managed policy changed',
        'customer managed policy removed',
        'key added',
        'key removed',
        'key changed',
        'key field multiRegion',
        'key field replicaRegions',
        'key field rotation.enabled',
        'key field deletionWindowDays',
        'key field alias',
        'key statement added',
        'key statement removed',
        'key statement changed',
        'identity policy added',
        'key access added',
        'key access removed',
        'key access changed',
        'settings',
        'unit added',
        'unit removed',
        'unit changed',
      ]),
    );
  });
});
