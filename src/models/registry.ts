/**
 * The models orgsim knows by name. Built-in models are listed here; a researcher's
 * own model joins with `registerModel` (from a script or a notebook) and is then
 * usable from scenario files like the built-in ones.
 */
import type { Model } from '../model/plugin.ts';
import { builtInModels } from './built-in.ts';

const byName = new Map<string, Model>(builtInModels.map((m) => [m.name, m as Model]));

/** Adds a model; a second model with the same name replaces the first. */
export function registerModel(model: Model<any>): void {
  byName.set(model.name, model as Model);
}

export function findModel(name: string): Model | undefined {
  return byName.get(name);
}

/** Names of all registered models, sorted. */
export function modelNames(): string[] {
  return [...byName.keys()].sort();
}
