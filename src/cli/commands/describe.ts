/** `orgsim describe [model]`: the models, or one model's parameters, metrics, agent variables and networks. */
import type { Argv } from 'yargs';
import { UserInputError } from '../../errors.ts';
import { describeRange } from '../../model/params.ts';
import type { Model } from '../../model/plugin.ts';
import { didYouMean } from '../../scenario/suggest.ts';

export const describeCommand = {
  command: 'describe [model]',
  describe: 'List the models, or describe one model’s parameters and metrics',
  builder: (y: Argv) => y.positional('model', { type: 'string', describe: 'Model name' }),
  handler: async (flags: { model?: string }) => {
    const { findModel, modelNames } = await import('../../models/index.ts');
    process.stdout.write(flags.model ? describeModel(flags.model, findModel(flags.model), modelNames()) : listModels(modelNames().map((name) => findModel(name)!)));
  },
};

function listModels(models: readonly Model[]): string {
  const lines = models.map((model) => `  ${model.name.padEnd(22)} ${model.description.split('. ')[0]}.`);
  return `Models (orgsim describe <model> for parameters):\n${lines.join('\n')}\n`;
}

function describeModel(name: string, model: Model | undefined, names: readonly string[]): string {
  if (!model) throw new UserInputError(`unknown model "${name}"${didYouMean(name, names)}; models are: ${names.join(', ')}`);
  const out: string[] = [`${model.name}\n\n${model.description}\n\nParameters (name, default, range: meaning):`];
  for (const [key, spec] of Object.entries(model.parameters)) {
    out.push(`  ${key} = ${JSON.stringify(spec.default)}  (${describeRange(spec)})\n      ${spec.meaning}`);
  }
  out.push('\nMetrics per tick (timeseries.csv):');
  for (const m of model.tickMetrics) out.push(`  ${m.name}${m.unit ? ` [${m.unit}]` : ''}: ${m.meaning}`);
  out.push('\nMetrics per run (runs.csv, summary.csv):');
  for (const m of model.runMetrics) out.push(`  ${m.name}${m.unit ? ` [${m.unit}]` : ''}: ${m.meaning}`);
  if (model.agentVariables?.length) {
    out.push('\nAgent variables (agents.csv with --agents; GraphML node attributes with --networks):');
    for (const m of model.agentVariables) out.push(`  ${m.name}${m.unit ? ` [${m.unit}]` : ''}: ${m.meaning}`);
  }
  if (model.relations?.length) {
    out.push('\nNetworks (GraphML in networks/ with --networks; each relation a boolean edge attribute):');
    for (const r of model.relations) {
      out.push(`  ${r.name} (${r.directed ? 'directed' : 'undirected'}): ${r.meaning}${r.weight ? `; edge attribute ${r.weight.name}: ${r.weight.meaning}` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}
