/**
 * What `terraform init` and `terraform apply` leave in a root, as fixtures: local state with
 * resources and its backup, the dependency lock file, a provider cache (a binary, a symbolic link
 * into a plugin cache, the backend's own state file, modules.json), a workspace's state and a saved
 * plan. And a snapshot of a directory tree that tells all of them apart: kind, bytes, link target.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A state file as Terraform writes it, managing `n` resources (plus one data source, which does not count). */
export function stateWith(n: number, serial = 1): string {
  const managed = Array.from({ length: n }, (_, i) => ({
    mode: 'managed',
    type: 'aws_ssoadmin_permission_set',
    name: `this_${i}`,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [{ schema_version: 0, attributes: { id: `arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-${String(i).padStart(16, '0')}` } }],
  }));
  const data = {
    mode: 'data',
    type: 'aws_ssoadmin_instances',
    name: 'this',
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [{ attributes: { id: 'eu-west-1' } }],
  };
  return `${JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage: 'f1e2d3c4-0000-4000-8000-000000000000', outputs: {}, resources: [...managed, data], check_results: null }, null, 2)}\n`;
}

const PROVIDER_BINARY = '.terraform/providers/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5.100.0_x5';

/** Relative paths (below a root) of the files `applyLike` writes. */
export const WORKING_FILES = [
  '.terraform.lock.hcl',
  '.terraform/modules/modules.json',
  PROVIDER_BINARY,
  '.terraform/terraform.tfstate',
  'default.tfplan',
  'terraform.tfstate',
  'terraform.tfstate.backup',
  'terraform.tfstate.d/staging/terraform.tfstate',
] as const;

/** Write what init and apply leave in `root`; `cache` is where the provider link points. */
export function applyLike(root: string, cache: string, resources = 3): void {
  const put = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };
  put(
    '.terraform.lock.hcl',
    '# This file is maintained automatically by "terraform init".\nprovider "registry.terraform.io/hashicorp/aws" {\n  version = "5.100.0"\n}\n',
  );
  put('.terraform/modules/modules.json', '{"Modules":[{"Key":"","Source":"","Dir":"."}]}\n');
  put(PROVIDER_BINARY, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 255]));
  fs.chmodSync(path.join(root, PROVIDER_BINARY), 0o755);
  put('.terraform/terraform.tfstate', '{"version":3,"backend":{"type":"local","config":{"path":"terraform.tfstate"}}}\n');
  fs.mkdirSync(cache, { recursive: true });
  fs.symlinkSync(cache, path.join(root, '.terraform/providers/registry.terraform.io/hashicorp/aws/5.100.0/cached'));
  put('default.tfplan', Buffer.from('PK\u0003\u0004 saved plan', 'latin1'));
  put('terraform.tfstate', stateWith(resources, 7));
  put('terraform.tfstate.backup', stateWith(resources, 6));
  put('terraform.tfstate.d/staging/terraform.tfstate', stateWith(1, 2));
}

/** Every entry below `dir`: `file <mode> <sha256>`, `link -> <target>` or `dir`, by relative path. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p).split(path.sep).join('/');
      if (e.isSymbolicLink()) out[rel] = `link -> ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[rel] = 'dir';
        walk(p);
      } else out[rel] = `file ${(fs.statSync(p).mode & 0o777).toString(8)} ${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

/** The part of a snapshot below `prefix/` (the prefix stripped). */
export function below(snap: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snap)
      .filter(([k]) => k.startsWith(`${prefix}/`))
      .map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );
}
