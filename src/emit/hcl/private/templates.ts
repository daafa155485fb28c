/**
 * The Handlebars environment of the HCL emitter: templates/*.tf.hbs compiled with
 * `{ strict: true, noEscape: true }` (a missing view field is an error, never an empty string).
 * Helpers only place values:
 * - `q`: a string literal, through the one escaping function;
 * - `hcl`: an expression tree (its strings go through the same function);
 * - `body`: `key = value` lines of module arguments;
 * - `comment`: text for a `#` comment line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import { commentText, hclString } from './escape';
import { renderBody, renderExpr, type Expr, type ObjectEntry } from './expr';
import { listFiles, packageRoot } from './assets';

type Template = (view: object) => string;

let compiled: ReadonlyMap<string, Template> | undefined;

function environment(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('q', (value: unknown) => {
    if (typeof value !== 'string') throw new Error(`q expects a string, got ${typeof value}`);
    return hclString(value);
  });
  hb.registerHelper('hcl', (value: Expr) => renderExpr(value));
  hb.registerHelper('body', (entries: readonly ObjectEntry[]) => renderBody(entries));
  hb.registerHelper('comment', (value: unknown) => {
    if (typeof value !== 'string') throw new Error(`comment expects a string, got ${typeof value}`);
    return commentText(value);
  });
  return hb;
}

/** Every template, keyed by its path under templates/ without `.hbs` (e.g. `management/main.tf`). */
function templates(): ReadonlyMap<string, Template> {
  if (compiled) return compiled;
  const dir = path.join(packageRoot(), 'templates');
  const hb = environment();
  const options = { strict: true, noEscape: true };
  const out = new Map<string, Template>();
  for (const rel of listFiles(dir, (f) => f.endsWith('.hbs'))) {
    const source = fs.readFileSync(path.join(dir, rel), 'utf8');
    if (rel.startsWith('partials/')) hb.registerPartial(path.basename(rel, '.hbs'), hb.compile(source, options));
    else out.set(rel.slice(0, -'.hbs'.length), hb.compile(source, options));
  }
  compiled = out;
  return out;
}

export function render(name: string, view: object): string {
  const template = templates().get(name);
  if (!template) throw new Error(`no template ${name}.hbs`);
  return template(view);
}
