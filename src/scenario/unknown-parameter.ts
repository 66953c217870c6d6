/** The message for a key that is not a parameter of the model, with a suggestion. */
import type { Model } from '../model/plugin.ts';
import { nearest } from './suggest.ts';
import { TOP_LEVEL_KEYS } from './toplevel.ts';

export function unknownParameter(key: string, model: Model): string {
  const keys = Object.keys(model.parameters);
  if (Object.hasOwn(TOP_LEVEL_KEYS, key)) {
    return `"${key}" is a scenario key, not a parameter of model "${model.name}"; put it at the top level of the file.`;
  }
  const hit = nearest(key, keys);
  const hint = hit ? ` Did you mean "${hit}"?` : ` Its parameters are: ${keys.join(', ')}.`;
  return `unknown parameter "${key}" of model "${model.name}".${hint}`;
}
