/** Small readers over synthesized stack JSON, for assertions the cdktf matchers cannot express. */
// Types of the cdktf Jest matchers (installed at run time by test/support/setup.ts).
import type {} from 'cdktf/lib/testing/adapters/jest';

export type Block = Record<string, unknown>;

/** Every block of `type` under `resource` (or `data`), by logical id. */
export function blocks(synth: string, type: string, kind: 'resource' | 'data' = 'resource'): Record<string, Block> {
  const json = JSON.parse(synth) as Record<string, Record<string, Record<string, Block>> | undefined>;
  return json[kind]?.[type] ?? {};
}

/** The one block of `type`; fails when there is not exactly one. */
export function onlyBlock(synth: string, type: string, kind: 'resource' | 'data' = 'resource'): Block {
  const all = Object.values(blocks(synth, type, kind));
  if (all.length !== 1) throw new Error(`expected one ${kind} ${type}, found ${all.length}`);
  return all[0];
}

/** Statement Sids of a policy attribute's JSON text. */
export function sids(policyText: unknown): string[] {
  const doc = JSON.parse(String(policyText)) as { Statement: { Sid?: string }[] };
  return doc.Statement.map((s) => s.Sid ?? '');
}
