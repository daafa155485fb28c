/**
 * The HCL emitter gives its module calls as data (hclModuleCalls), and import addresses its
 * `import {}` blocks through them instead of parsing main.tf. The data must be exactly what the
 * roots declare: for every example, each root's `module` blocks (parsed by HashiCorp's parser)
 * are the calls, with the source of the call's module, and a replica call passes the provider of
 * its Region and the key it replicates.
 */
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { emitHcl, hclModuleCalls, moduleSource } from '../../../src/emit/hcl';
import { loadResolved } from '../../../src/pipeline';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

interface ModuleBlock {
  source: string;
  providers?: { aws: string };
  primary_key_arn?: string;
}

test.each(['minimal.yaml', 'typical.yaml', 'applications.yaml', 'delegated.yaml', 'split/main.yaml'])(
  '%s: the module calls given as data are the module blocks of every root',
  async (example) => {
    const { ir } = loadResolved(path.join(EXAMPLES, example));
    const files = emitHcl(ir);
    const calls = hclModuleCalls(ir);
    expect([...calls.keys()].sort()).toEqual(ir.units.map((u) => u.name).sort());
    let replicas = 0;
    for (const unit of ir.units) {
      const json = (await parse('main.tf', files.get(`hcl/${unit.name}/main.tf`)!)) as { module?: Record<string, ModuleBlock[]> };
      const declared = Object.entries(json.module ?? {}).map(([ident, [m]]) => ({ ident, source: m.source }));
      const given = calls.get(unit.name)!;
      expect(given.map((c) => ({ ident: c.ident, source: moduleSource(c.module) })).sort((a, b) => a.ident.localeCompare(b.ident))).toEqual(
        declared.sort((a, b) => a.ident.localeCompare(b.ident)),
      );
      for (const c of given.filter((g) => g.module === 'replica')) {
        replicas++;
        const block = json.module![c.ident][0];
        const key = given.find((k) => k.module === 'key' && k.key === c.key)!;
        expect(block.primary_key_arn).toBe(`\${module.${key.ident}.key_arn}`);
        const alias = /^\$\{aws\.(.+)\}$/.exec(block.providers!.aws)![1];
        const providers = (await parse('providers.tf', files.get(`hcl/${unit.name}/providers.tf`)!)) as {
          provider: { aws: { alias?: string; region: string }[] };
        };
        expect(providers.provider.aws.find((p) => p.alias === alias)?.region).toBe(c.region);
      }
    }
    if (example === 'typical.yaml') expect(replicas).toBeGreaterThan(0);
  },
);
