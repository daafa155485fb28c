/**
 * Atlantis's repo-level config (`atlantis.yaml`) checked the way Atlantis parses it, transcribed
 * from its source at runatlantis/atlantis 078d0a82081e8a2b1645268c5f5bfec578246fa9:
 * - server/core/config/parser_validator.go: YAML decoded with KnownFields(true), so an unknown key
 *   anywhere is an error; project names unique, and projects sharing dir and workspace all named;
 * - server/core/config/raw/repo_cfg.go: top-level keys and `version` 2 or 3 (required);
 * - server/core/config/raw/project.go: project keys, `dir` required and without `..`, names URL-safe
 *   (`/` allowed), requirement values, distribution values;
 * - server/core/config/raw/autoplan.go, repo_locks.go, autodiscover.go: nested keys.
 * Documentation: runatlantis.io/docs/repo-level-atlantis-yaml.md (same commit).
 * Workflows and policies (restricted keys, which idcgen does not write) are accepted only as maps.
 * Returns every problem found; an empty list means Atlantis would accept the file.
 */
type Check = (value: unknown, at: string, problems: string[]) => void;

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v, at, p) => {
  if (typeof v !== 'string') p.push(`${at}: expected a string, found ${JSON.stringify(v)}`);
};
const bool: Check = (v, at, p) => {
  if (typeof v !== 'boolean') p.push(`${at}: expected a bool, found ${JSON.stringify(v)}`);
};
const int: Check = (v, at, p) => {
  if (!Number.isInteger(v)) p.push(`${at}: expected an int, found ${JSON.stringify(v)}`);
};
const strings: Check = (v, at, p) => {
  if (!Array.isArray(v)) p.push(`${at}: expected a list of strings, found ${JSON.stringify(v)}`);
  else v.forEach((x, i) => str(x, `${at}[${i}]`, p));
};
const oneOf =
  (...allowed: string[]): Check =>
  (v, at, p) => {
    if (typeof v !== 'string' || !allowed.includes(v)) p.push(`${at}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
  };
const listOf =
  (...allowed: string[]): Check =>
  (v, at, p) => {
    if (!Array.isArray(v)) p.push(`${at}: expected a list, found ${JSON.stringify(v)}`);
    else v.forEach((x, i) => oneOf(...allowed)(x, `${at}[${i}]`, p));
  };
const map: Check = (v, at, p) => {
  if (!isMap(v)) p.push(`${at}: expected a map`);
};
const struct =
  (fields: Record<string, Check>): Check =>
  (v, at, p) => {
    if (!isMap(v)) {
      p.push(`${at}: expected a map, found ${JSON.stringify(v)}`);
      return;
    }
    for (const [k, value] of Object.entries(v)) {
      const check = fields[k];
      if (!check) p.push(`${at}: field ${k} not found in type (unknown key)`);
      else check(value, `${at}.${k}`, p);
    }
  };

const REQUIREMENTS = ['approved', 'mergeable', 'undiverged'];
const repoLocks = struct({ mode: oneOf('disabled', 'on_plan', 'on_apply') });
const autoplan = struct({ when_modified: strings, enabled: bool });

const project = struct({
  name: str,
  branch: str,
  dir: str,
  workspace: str,
  workflow: str,
  terraform_distribution: oneOf('terraform', 'opentofu'),
  terraform_version: str,
  autoplan,
  plan_requirements: listOf(...REQUIREMENTS),
  apply_requirements: listOf(...REQUIREMENTS),
  import_requirements: listOf(...REQUIREMENTS),
  depends_on: strings,
  delete_source_branch_on_merge: bool,
  repo_locking: bool,
  repo_locks: repoLocks,
  execution_order_group: int,
  policy_check: bool,
  custom_policy_check: bool,
  silence_pr_comments: listOf('plan', 'apply'),
});

const repoCfg = struct({
  version: int,
  projects: (v, at, p) => {
    if (!Array.isArray(v)) p.push(`${at}: expected a list`);
    else v.forEach((x, i) => project(x, `${at}[${i}]`, p));
  },
  workflows: map,
  policies: map,
  autodiscover: struct({ mode: oneOf('auto', 'enabled', 'disabled'), ignore_paths: strings }),
  automerge: bool,
  parallel_apply: bool,
  parallel_plan: bool,
  delete_source_branch_on_merge: bool,
  emoji_reaction: str,
  allowed_regexp_prefixes: strings,
  abort_on_execution_order_fail: bool,
  repo_locks: repoLocks,
  silence_pr_comments: listOf('plan', 'apply'),
});

/** validProjectName: `url.QueryEscape` leaves the name (with `/` as `-`) unchanged. */
function urlSafe(name: string): boolean {
  const s = name.replace(/\//g, '-');
  return encodeURIComponent(s).replace(/%20/g, '+') === s && !/[!'()*~]/.test(s);
}

export function atlantisProblems(config: unknown): string[] {
  const p: string[] = [];
  repoCfg(config, 'atlantis.yaml', p);
  if (!isMap(config)) return p;
  if (config.version !== 2 && config.version !== 3) p.push('version: only versions 2 and 3 are supported (and it is required)');
  const projects = Array.isArray(config.projects) ? (config.projects as Record<string, unknown>[]) : [];
  const names = new Set<string>();
  const dirWorkspace = new Map<string, boolean[]>();
  projects.forEach((pr, i) => {
    if (!isMap(pr)) return;
    const dir = pr.dir;
    if (typeof dir !== 'string' || dir === '') p.push(`projects[${i}].dir: cannot be blank`);
    else if (dir.includes('..')) p.push(`projects[${i}].dir: cannot contain '..'`);
    if (typeof pr.name === 'string') {
      if (pr.name === '') p.push(`projects[${i}].name: if set cannot be empty`);
      if (!urlSafe(pr.name)) p.push(`projects[${i}].name: must contain only URL safe characters`);
      if (names.has(pr.name)) p.push(`found two or more projects with name "${pr.name}"; project names must be unique`);
      names.add(pr.name);
    }
    const key = `${String(dir).replace(/^\.\//, '')}/${typeof pr.workspace === 'string' ? pr.workspace : 'default'}`;
    const named = dirWorkspace.get(key) ?? [];
    if (named.length > 0 && typeof pr.name !== 'string') p.push(`there are two or more projects with dir/workspace ${key} that are not all named`);
    dirWorkspace.set(key, [...named, typeof pr.name === 'string']);
  });
  return p;
}
