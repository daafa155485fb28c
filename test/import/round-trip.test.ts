import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { runImport } from '../../src/import/run';
import type { OrgModel } from '../../src/model/schema';
import { estateFromModel } from './support/estates';
import { fakeAws } from './support/fake-aws';
import { resolveText } from './support/validate';

const FIXTURES = ['estate-model.yaml', 'baseline.yaml', 'least-privilege.yaml', 'delegated-permission-set.yaml', 'user-attributes.yaml'];
const OPTS = { region: 'eu-west-1', modelFile: 'org.yaml', planFile: 'org.imports.json' };
const noSleep = async (): Promise<void> => {};

describe.each(FIXTURES)('round trip model → estate → import → model (%s)', (fixture) => {
  // GIVEN a model in the importer's canonical form (defaults left out, shortest exact targets)
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', fixture), 'utf8');
  const model = parse(text) as OrgModel;

  test.each([100, 1])('gives the same model byte for byte (page size %i)', async (pageSize) => {
    // WHEN the estate that model describes is imported
    const fake = fakeAws(estateFromModel(model), { pageSize });
    const out = await runImport(OPTS, { clients: fake.clients, sleep: noSleep });
    fake.restore();
    // THEN the model written is the one we started from
    expect(out.yaml).toBe(text);
    expect(out.model).toEqual(model);
  });

  test('the fixture model validates with the project validator', () => {
    expect(() => resolveText(text)).not.toThrow();
  });

  test('importing the imported model again changes nothing', async () => {
    const first = fakeAws(estateFromModel(model));
    const a = await runImport(OPTS, { clients: first.clients, sleep: noSleep });
    first.restore();
    const second = fakeAws(estateFromModel(a.model));
    const b = await runImport(OPTS, { clients: second.clients, sleep: noSleep });
    second.restore();
    expect(b.yaml).toBe(a.yaml);
    expect(b.planJson).toBe(a.planJson);
  });
});
