import { stringify } from 'yaml';
import { SIZES, syntheticModel } from '../../bench/synthetic';
import { runImport } from '../../src/import/run';
import { estateFromModel } from './support/estates';
import { fakeAws } from './support/fake-aws';
import { OPTS } from './support/generated';
import { resolveText } from './support/validate';

describe('import of a synthetic organization (medium: 200 accounts, 50 permission sets)', () => {
  test('the imported model grants exactly the same access, and importing it again gives the same bytes', async () => {
    // GIVEN the estate a synthetic model describes, served in pages of 25
    const original = resolveText(stringify(syntheticModel(SIZES.medium)));
    const estate = estateFromModel(syntheticModel(SIZES.medium));
    const aws = fakeAws(estate, { pageSize: 25 });
    const started = Date.now();
    const first = await runImport(OPTS, { clients: aws.clients, sleep: async () => {} });
    aws.restore();
    const elapsed = Date.now() - started;
    // THEN the resolved imported model has the same assignments, permission sets and created principals
    const imported = resolveText(first.yaml);
    expect(imported.assignments.map((a) => a.key)).toEqual(original.assignments.map((a) => a.key));
    expect(imported.permissionSets.map((p) => p.name)).toEqual(original.permissionSets.map((p) => p.name));
    expect(imported.groups.filter((g) => !g.external).map((g) => g.name)).toEqual(original.groups.filter((g) => !g.external).map((g) => g.name));
    // targets are inferred where they are exact, so the model is far shorter than one entry per assignment
    expect(first.model.assignments?.length).toBeLessThan(imported.assignments.length);
    // AND a second import of the imported model's estate gives the same model
    const again = fakeAws(estateFromModel(first.model), { pageSize: 25 });
    const second = await runImport(OPTS, { clients: again.clients, sleep: async () => {} });
    again.restore();
    expect(second.yaml).toBe(first.yaml);
    console.log(`medium estate: ${imported.assignments.length} assignments, ${first.model.assignments?.length} model entries, imported in ${elapsed} ms`);
  });
});
