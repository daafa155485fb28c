/**
 * The inputs and outputs tables between `<!-- BEGIN_TF_DOCS -->` and `<!-- END_TF_DOCS -->` in a
 * module README, rendered from variables.tf and outputs.tf as terraform-docs would lay them out,
 * so a README cannot drift from its module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { compareKeys } from '../../../../src/model/ir';

export const BEGIN = '<!-- BEGIN_TF_DOCS -->';
export const END = '<!-- END_TF_DOCS -->';

const cell = (s: string): string =>
  s
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const unwrap = (s: string): string => s.replace(/^\$\{([\s\S]*)\}$/, '$1');

function typeCell(type: string | undefined): string {
  const t = unwrap(type ?? 'any');
  return t.includes('\n')
    ? `<pre>${t
        .split('\n')
        .map((l) => l.replace(/\|/g, '&#124;'))
        .join('<br>')}</pre>`
    : `\`${t}\``;
}

function defaultCell(v: Record<string, unknown>): string {
  if (!('default' in v)) return 'n/a';
  return `\`${v.default === null ? 'null' : JSON.stringify(v.default)}\``;
}

async function blocks(file: string, kind: 'variable' | 'output'): Promise<[string, Record<string, unknown>][]> {
  if (!fs.existsSync(file)) return [];
  const json = (await parse(path.basename(file), fs.readFileSync(file, 'utf8'))) as Record<string, Record<string, Record<string, unknown>[]>>;
  return Object.entries(json[kind] ?? {})
    .map(([name, list]): [string, Record<string, unknown>] => [name, list[0]])
    .sort(([a], [b]) => compareKeys(a, b));
}

export async function moduleDocs(dir: string): Promise<string> {
  const inputs = await blocks(path.join(dir, 'variables.tf'), 'variable');
  const outputs = await blocks(path.join(dir, 'outputs.tf'), 'output');
  const lines = [
    BEGIN,
    '## Inputs',
    '',
    '| Name | Description | Type | Default | Required |',
    '|------|-------------|------|---------|:--------:|',
    ...inputs.map(
      ([n, v]) =>
        `| ${n} | ${cell(String(v.description ?? ''))} | ${typeCell(v.type as string | undefined)} | ${defaultCell(v)} | ${'default' in v ? 'no' : 'yes'} |`,
    ),
    '',
    '## Outputs',
    '',
    '| Name | Description |',
    '|------|-------------|',
    ...outputs.map(([n, v]) => `| ${n} | ${cell(String(v.description ?? ''))} |`),
    END,
  ];
  return lines.join('\n');
}

/** The README's docs section, or null when the markers are missing. */
export function docsSection(readme: string): string | null {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  return start === -1 || end === -1 ? null : readme.slice(start, end + END.length);
}
