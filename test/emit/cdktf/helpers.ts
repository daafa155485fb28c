/** Small readers over synthesized stack JSON, for assertions the cdktf matchers cannot express. */
// Types of the cdktf Jest matchers (installed at run time by test/support/setup.ts).
import type {} from 'cdktf/lib/testing/adapters/jest';

import { Testing, type Construct } from '../../../src/emit/cdktf/cdktf';
import { GeneratedStack } from '../../../src/emit/cdktf/private/generated-stack';

export type Block = Record<string, unknown>;

class TestStack extends GeneratedStack {}

/**
 * Testing.synthScope in a stack with idcgen's boundary (GeneratedStack), where model text is
 * escaped as cdk.tf.json is produced: for constructs built from literal text (inLiteralText), as
 * the generated stacks build them.
 */
export function synthGenerated(fn: (scope: Construct) => void): string {
  const stack = new TestStack(Testing.app(), 'stack');
  fn(stack);
  return Testing.synth(stack);
}

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
