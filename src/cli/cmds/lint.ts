/** `idcgen lint <model..>`: the policy and key safety checks, each finding as file:line:col with its rule id. */
import type { Argv, CommandModule } from 'yargs';
import { formatIssue, ModelError, type Issue, ALL_LINT_RULES } from '../../model';
import { loadResolved } from '../../pipeline';

interface Args {
  models: string[];
  json: boolean;
  rules: boolean;
}

export const lintCommand: CommandModule<object, Args> = {
  command: 'lint [models..]',
  describe: 'Check key and IAM policies (lockout, service grants, open principals, unknown actions, sizes) and Well-Architected identity practices',
  builder: (y: Argv) =>
    y
      .positional('models', { type: 'string', array: true, describe: 'model files (org.yaml)' })
      .option('json', { type: 'boolean', default: false, describe: 'print findings as a JSON array of {file, line, col, path, message, severity, rule}' })
      .option('rules', { type: 'boolean', default: false, describe: 'list the rule ids, their severity and what each protects against' })
      .check((a) => {
        if (a.rules || (a.models ?? []).length > 0) return true;
        // Named like yargs' own argument errors, so the entry point reports it as usage (exit 2).
        throw Object.assign(new Error('lint needs at least one model file, or --rules'), { name: 'YError' });
      })
      .example('$0 lint org.yaml', 'errors block generate, warnings are printed')
      .example('$0 lint --rules', 'list every rule; warnings can be turned off in the model: lint: { disable: [rule-id] }') as unknown as Argv<Args>,
  handler: (args) => {
    if (args.rules) {
      for (const [id, rule] of Object.entries(ALL_LINT_RULES)) {
        const source = 'url' in rule ? ` (well-architected: ${String(rule.url)})` : '';
        process.stdout.write(`${id} (${rule.severity}): ${rule.why}${source}\n`);
      }
      return;
    }
    const all: Issue[] = [];
    let failed = false;
    for (const file of args.models) {
      let issues: readonly Issue[];
      try {
        issues = loadResolved(file).warnings;
      } catch (e) {
        if (!(e instanceof ModelError)) throw e;
        failed = true;
        issues = e.issues;
      }
      for (const i of issues) all.push(i);
      if (!args.json) {
        for (const i of issues) process.stderr.write(`${formatIssue(i)}${i.rule !== undefined ? ` [${i.rule}]` : ''}\n`);
        if (!issues.some((i) => i.severity === 'error'))
          process.stdout.write(`${file}: ok${issues.length > 0 ? ` (${issues.length} warning${issues.length === 1 ? '' : 's'})` : ''}\n`);
      }
    }
    if (args.json) {
      const rows = all.map(({ file, line, col, path, message, severity, rule }) => ({ file, line, col, path, message, severity, rule }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    }
    if (failed) process.exitCode = 1;
  },
};
