/**
 * The provider version constraint and the Terraform floor are written in src/emit/terraform-settings.ts
 * (the roots and stacks read them) and, because modules/ are static files users may call on their
 * own, again in every versions.tf below modules/: those copies must say exactly what the constants say.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { AWS_PROVIDER_VERSION, TERRAFORM_VERSION } from '../../src/emit/terraform-settings';

const MODULES = path.resolve(__dirname, '../../modules');

function versionFiles(dir = MODULES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '.terraform' ? [] : versionFiles(p);
    return e.name === 'versions.tf' ? [p] : [];
  });
}

interface Versions {
  terraform: { required_version: string; required_providers: { aws: { source: string; version: string } }[] }[];
}

const files = versionFiles();

test('every module and module example has a versions.tf', () => {
  expect(files.length).toBe(15);
});

test.each(files.map((f) => [path.relative(MODULES, f), f]))('%s pins the constants of terraform-settings.ts', async (_rel, file) => {
  const json = (await parse('versions.tf', fs.readFileSync(file, 'utf8'))) as Versions;
  const [tf] = json.terraform;
  expect(tf.required_version).toBe(TERRAFORM_VERSION);
  expect(tf.required_providers[0].aws).toEqual({ source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION });
});
