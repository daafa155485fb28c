// https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html#deleting-keys-scheduling-key-deletion
/**
 * The key-deletion-protection-off rail. A generated key is protected from deletion when
 *
 * 1. its deletion window is the longest KMS allows (LIMITS.deletionWindowDays.max, 30 days), so a
 *    mistaken deletion can be cancelled for as long as possible; and
 * 2. every key and replica key resource in the generated Terraform carries
 *    `lifecycle { prevent_destroy = true }`, so `terraform destroy` or a removed key block fails
 *    at plan time instead of scheduling the deletion.
 *
 * The model chooses (1). Both emitters always write (2); checking the generated files, not the
 * emitters' code, means a change to either emitter that drops it is caught before it is written.
 */
import { type ResolvedModel, LIMITS } from '../../model';

/** The Terraform resource types of KMS keys. */
export const KEY_RESOURCE_TYPES = ['aws_kms_key', 'aws_kms_replica_key'] as const;

export interface DeletionFinding {
  /** The key the finding is about (window findings), or undefined for a generated file. */
  readonly keyName?: string;
  /** The generated file (resource findings). */
  readonly file?: string;
  readonly message: string;
}

/** Keys whose deletion window is shorter than the longest one. */
export function deletionWindowFindings(ir: ResolvedModel): DeletionFinding[] {
  const full = LIMITS.deletionWindowDays.max;
  return ir.keys
    .filter((k) => k.deletionWindowDays < full)
    .map((k) => ({
      keyName: k.name,
      message: `key '${k.name}' deletionWindowDays ${k.deletionWindowDays} is shorter than ${full}, so a key scheduled for deletion can be recovered for ${k.deletionWindowDays} days only; deletion protection needs deletionWindowDays: ${full}`,
    }));
}

/** Key resources in the generated files without `prevent_destroy = true`. */
/**
 * HashiCorp's HCL parser, loaded on first use: loading it unzips and compiles a Go wasm binary and
 * starts its runtime (~0.25 s), which only a run with HCL files that declare a key needs.
 */
function hclParser(): typeof import('@cdktf/hcl2json').parse {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('@cdktf/hcl2json') as typeof import('@cdktf/hcl2json')).parse;
}

export async function preventDestroyFindings(files: ReadonlyMap<string, string>): Promise<DeletionFinding[]> {
  const findings: DeletionFinding[] = [];
  const missing = (file: string, address: string) =>
    findings.push({
      file,
      message: `generated resource ${address} in ${file} has no lifecycle prevent_destroy = true, so terraform destroy would delete the key`,
    });
  for (const [file, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Only files that can declare a key are parsed: the rest cannot hold one.
    if (!KEY_RESOURCE_TYPES.some((t) => content.includes(t))) continue;
    if (file.endsWith('.tf.json')) {
      const resources = (JSON.parse(content) as { resource?: Record<string, Record<string, { lifecycle?: { prevent_destroy?: unknown } }>> }).resource ?? {};
      for (const type of KEY_RESOURCE_TYPES) {
        for (const [name, r] of Object.entries(resources[type] ?? {})) if (r.lifecycle?.prevent_destroy !== true) missing(file, `${type}.${name}`);
      }
    } else if (file.endsWith('.tf')) {
      const parsed = (await hclParser()(file, content)) as { resource?: Record<string, Record<string, { lifecycle?: { prevent_destroy?: unknown }[] }[]>> };
      for (const type of KEY_RESOURCE_TYPES) {
        for (const [name, blocks] of Object.entries(parsed.resource?.[type] ?? {})) {
          if (!blocks.every((b) => (b.lifecycle ?? []).some((l) => l.prevent_destroy === true))) missing(file, `${type}.${name}`);
        }
      }
    }
  }
  return findings;
}
