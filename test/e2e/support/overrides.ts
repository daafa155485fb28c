/**
 * Points a generated root (HCL) or stack (CDKTF) at the emulator without touching a generated file:
 * Terraform merges `*_override.tf` into the configuration, so one file beside the generated ones
 * replaces the backend (local, with the state outside the output directory) and adds, to every
 * `aws` provider configuration the unit declares, the emulator endpoints and the seeded deployer's
 * key. Regions, `allowed_account_ids` and `assume_role` stay as generated: the emulator answers
 * GetCallerIdentity with the deployer's account and AssumeRole into member accounts, so the
 * provider's account check runs.
 * @see https://developer.hashicorp.com/terraform/language/files/override
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { hclString } from '../../../src/emit/hcl/private/escape';
import { format } from '../../../src/emit/hcl/private/fmt';
import type { Emulator } from './emulator';

export const OVERRIDE_FILE = 'idcgen_e2e_override.tf';

/** Every service the generated Terraform calls (sts for the account checks and assumed roles). */
const SERVICES = ['iam', 'identitystore', 'kms', 'organizations', 'ssoadmin', 'sts'] as const;

type ProviderBlock = { alias?: string };

/** The `aws` provider configurations a unit declares: HCL `*.tf` files, or a CDKTF `cdk.tf.json`. */
export async function providerAliases(dir: string): Promise<(string | undefined)[]> {
  const blocks: ProviderBlock[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (file === OVERRIDE_FILE) continue;
    const text = () => fs.readFileSync(path.join(dir, file), 'utf8');
    if (file.endsWith('.tf.json')) {
      const aws = (JSON.parse(text()) as { provider?: { aws?: ProviderBlock[] | ProviderBlock } }).provider?.aws;
      blocks.push(...(Array.isArray(aws) ? aws : aws ? [aws] : []));
    } else if (file.endsWith('.tf')) {
      const parsed = (await parse(file, text())) as { provider?: { aws?: ProviderBlock[] } };
      blocks.push(...(parsed.provider?.aws ?? []));
    }
  }
  return blocks.map((b) => b.alias);
}

/** The override file's text for a unit with these provider aliases. */
export function overrideText(emu: Emulator, stateFile: string, aliases: readonly (string | undefined)[]): string {
  const endpoints = SERVICES.map((s) => `    ${s} = ${hclString(emu.endpoint)}`).join('\n');
  const providers = aliases.map((alias) =>
    [
      'provider "aws" {',
      ...(alias ? [`  alias = ${hclString(alias)}`] : []),
      `  access_key = ${hclString(emu.credentials.accessKeyId)}`,
      `  secret_key = ${hclString(emu.credentials.secretAccessKey)}`,
      '  skip_metadata_api_check = true',
      `  endpoints {\n${endpoints}\n  }`,
      '}',
    ].join('\n'),
  );
  const text = [
    "# Written by idcgen's end-to-end tests (not generated): runs this unit against the AWS emulator.",
    `terraform {\n  backend "local" {\n    path = ${hclString(stateFile)}\n  }\n}`,
    ...providers,
  ].join('\n\n');
  return format(`${text}\n`);
}

/** Remove the override of the unit in `dir`, if it has one. */
export function removeOverride(dir: string): void {
  fs.rmSync(path.join(dir, OVERRIDE_FILE), { force: true });
}

/** Write (or rewrite) the override of the unit in `dir`; its state lives in `stateFile`. */
export async function writeOverride(dir: string, emu: Emulator, stateFile: string): Promise<void> {
  fs.writeFileSync(path.join(dir, OVERRIDE_FILE), overrideText(emu, stateFile, await providerAliases(dir)));
}
