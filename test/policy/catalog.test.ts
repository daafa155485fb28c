/** The use-case catalog covers exactly the model's use cases, each with an AWS documentation link. */
import { useCaseSchema } from '../../src/model/schema';
import { MODEL_USE_CASE_IDS, USE_CASES } from '../../src/policy/catalog/use-cases';

test('every use case the schema accepts has a catalog entry, and no other', () => {
  const fromSchema = useCaseSchema.options.map((o) => Object.keys(o.shape)[0]).sort();
  expect([...MODEL_USE_CASE_IDS].sort()).toEqual(fromSchema);
});

test('every catalog entry links to AWS documentation', () => {
  for (const u of USE_CASES) expect(u.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/(singlesignon|kms)\//);
});
