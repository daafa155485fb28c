/**
 * `idcgen permissions <model> [--unit U]`: the IAM policy documents the identities that run the
 * generated Terraform need, per unit and mode (apply, plan), and for `idcgen import` and
 * `idcgen encryption` (src/permissions).
 */
import type { Argv, CommandModule } from 'yargs';
import { formatIssue } from '../../model';
import { loadResolved } from '../../pipeline';
import { commandDocuments, unitDocuments, unitTypes } from '../../permissions';

interface Args {
  model: string;
  unit?: string[];
}

/** Pseudo-units for the commands idcgen runs against AWS itself. */
const COMMANDS = ['import', 'encryption'];

export const permissionsCommand: CommandModule<object, Args> = {
  command: 'permissions <model>',
  describe: 'Print the IAM policies that running the generated Terraform (and import, encryption) needs',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('unit', { type: 'string', array: true, describe: `only these units (names from hcl/units.json), or ${COMMANDS.join(', ')}` })
      .example('$0 permissions org.yaml', 'every unit, apply and plan, plus import and encryption')
      .example('$0 permissions org.yaml --unit management', 'what terraform apply/plan of the management root needs') as unknown as Argv<Args>,
  handler: (args) => {
    const { ir, warnings } = loadResolved(args.model);
    for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
    const known = [...ir.units.map((u) => u.name), ...COMMANDS];
    const unknown = (args.unit ?? []).filter((u) => !known.includes(u));
    if (unknown.length > 0) throw new Error(`no unit ${unknown.map((u) => `'${u}'`).join(', ')} in ${args.model}; units: ${known.join(', ')}`);
    const wanted = (name: string): boolean => args.unit === undefined || args.unit.includes(name);
    const types = new Map(unitTypes(ir).map((t) => [t.unit, t]));
    const documents = [
      ...ir.units.filter((u) => wanted(u.name)).flatMap((u) => unitDocuments(ir, u, types.get(u.name)!)),
      ...commandDocuments(ir).filter((d) => wanted(d.name.split('/')[0])),
    ];
    process.stdout.write(`${JSON.stringify({ source: ir.source, documents }, null, 2)}\n`);
  },
};
