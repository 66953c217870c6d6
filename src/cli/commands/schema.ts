/** `orgsim schema`: the JSON Schema of scenario files (for editors), generated from the models. */
import { builtInModels } from '../../models/built-in.ts';
import { scenarioJsonSchema } from '../../scenario/index.ts';

export const schemaCommand = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (built-in models), for editor completion and checking',
  handler: () => {
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(builtInModels), null, 2)}\n`);
  },
};
