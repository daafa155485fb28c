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

/** A fixture moved into another partition: Region, replica Region and every ARN. */
function inPartition(text: string, region: string, replica: string, partition: string): string {
  return text
    .replace(/arn:aws:/g, `arn:${partition}:`)
    .replace(/\beu-west-1\b/g, region)
    .replace(/replicaRegions: \[ [^\]]+ \]/, `replicaRegions: [ ${replica} ]`);
}

describe.each([
  ['us-gov-west-1', 'us-gov-east-1', 'aws-us-gov'],
  ['cn-north-1', 'cn-northwest-1', 'aws-cn'],
])('round trip in %s: import reads an estate of that partition back into the same model', (region, replica, partition) => {
  test.each(['least-privilege.yaml', 'baseline.yaml'])('%s: the same model byte for byte', async (fixture) => {
    // GIVEN the fixture's organization in that partition: every ARN the estate holds (instance,
    // roles, permission-set role patterns, account roots, identity store, key) is of that partition
    const text = inPartition(fs.readFileSync(path.join(__dirname, 'fixtures', fixture), 'utf8'), region, replica, partition);
    const model = parse(text) as OrgModel;
    expect(() => resolveText(text)).not.toThrow();
    // WHEN imported THEN the model written is the one we started from
    const fake = fakeAws(estateFromModel(model));
    const out = await runImport({ ...OPTS, region }, { clients: fake.clients, sleep: noSleep });
    fake.restore();
    expect(out.yaml).toBe(text);
    // and the key policy it would generate is the estate's, statement for statement: no difference reported
    expect(out.notes.filter((n) => /key policy|statement/i.test(n))).toEqual([]);
  });
});
