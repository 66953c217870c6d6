/** `orgsim schema`: the JSON Schema of scenario files (for editors), generated from the models. */

export const schemaCommand = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (built-in models), for editor completion and checking',
  handler: async () => {
    const [{ builtInModels }, { scenarioJsonSchema }] = await Promise.all([import('../../models/built-in.ts'), import('../../scenario/json-schema.ts')]);
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(builtInModels), null, 2)}\n`);
  },
};
