/** `idcgen schema`: the JSON Schema of org.yaml, for editors (yaml-language-server). */
import type { Argv, CommandModule } from 'yargs';
import { modelJsonSchema } from '../../model';

/** The schema text exactly as printed and as committed in schema/org-model.schema.json. */
export function schemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}

export const schemaCommand: CommandModule<object, object> = {
  command: 'schema',
  describe: 'Print the JSON Schema of the organization model',
  builder: (y: Argv) =>
    y.example('$0 schema > org-model.schema.json', 'save it for your editor').epilogue('In org.yaml: # yaml-language-server: $schema=./org-model.schema.json'),
  handler: () => {
    process.stdout.write(schemaText());
  },
};
