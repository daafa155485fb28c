/**
 * One owner per fact and rule (issue 20): each idea below is written in one module of src/ and
 * everything else calls it. The scan reads every source file and finds where the idea is spelt
 * out; a second spelling fails here with the file and line, before it can drift from the first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');

function sources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** `file:line` of every line of src/ matching `pattern`, outside comments. */
function spelledAt(pattern: RegExp): string[] {
  const out: string[] = [];
  for (const file of sources()) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/^\s*(\*|\/\/|\/\*\*).*$/, '');
        if (pattern.test(code)) out.push(`${path.relative(SRC, file)}:${i + 1}`);
      });
  }
  return out;
}

const files = (hits: string[]) => [...new Set(hits.map((h) => h.replace(/:\d+$/, '')))].sort();

test.each([
  // Reading policy JSON: src/policy/json/ is its one owner.
  ['one-or-many to a list', /Array\.isArray\((\w+(?:\.\w+)*)\) \? .*: .*\[\1( as [^\]]*)?\]/, ['model/json-values.ts']],
  ['canonical JSON (object keys sorted)', /function (stableJson|canonicalJson|sortedJson|sortKeys)\b/, ['model/json-values.ts']],
  ['IAM action matching', /iamActionPattern\((\w+)\)\((\w+)\)|globMatch\([^,]+, [^,]+, true\)/, ['policy/json/match.ts']],
  ['condition values of a key under any operator', /\.toLowerCase\(\) === [\w.]*(principalArn|'aws:principalarn')/i, []],
  ['a statement normal form', /function (normalStatement|canonicalStatement|statementContentKey)\b/, ['policy/json/canonical-statement.ts']],
  ['`Principal: "*"` in either spelling', /function (isWildcardPrincipal|isAnyPrincipal)\b/, ['policy/json/read.ts']],
  // Literals that were written out several times.
  ['the policy profiles', /'baseline' \| 'least-privilege'|\['baseline', 'least-privilege'\]/, ['model/schema.ts']],
  ['trimming the slashes of an OU path or S3 key prefix', /replace\(\/\^\\\/\+\|\\\/\+\$\/g/, ['model/paths.ts']],
  ['the message for an OU path with an empty segment', /has an empty path segment/, ['model/private/describe.ts']],
  ['the path of the modules a root calls', /['`"]\.\.\/modules/, ['emit/hcl/module-calls.ts']],
  ['the HCL module calls of a root (data, not a regex over main.tf)', /matchAll\(\/\^module/, []],
  // The PolicyRef kinds: the table both emitters' resolvers are built from (render.ts gives literal values for review and simulation).
  [
    'what a PolicyRef kind is made of',
    /case 'key-arn-all-regions'|keyArnAllRegions(Prefix)?\(|identityStoreArnPrefix\(/,
    ['model/arns.ts', 'policy/refs.ts', 'policy/render.ts'],
  ],
  ['counts and "and N more" in review.md', /toLocaleString\('en-US'\)|and \$\{.*\} more`/, ['review/private/counts.ts'], 'review/'],
  ['sorting a string map by key', /Object\.fromEntries\(Object\.entries\(\w+(\.\w+)?\)\.sort/, []],
  ["an application's default provider", /applicationProviderArn\('custom'|= 'custom'/, ['model/arns.ts']],
  ['the terminal status line', /\\x1b\[2?K|interface ProgressStream/, ['write/status-line.ts']],
  [
    'the handle rule (a name that is safe in files, stacks and addresses), and turning a name into one',
    /\[A-Za-z0-9\]\[A-Za-z0-9\._-\]\*\$|\[\^A-Za-z0-9\._-\]\+/,
    [],
    'import/',
  ],
] as [string, RegExp, string[], string?][])('%s is written in one place', (_what, pattern, owners, within = '') => {
  expect(files(spelledAt(pattern)).filter((f) => f.startsWith(within))).toEqual(owners);
});
