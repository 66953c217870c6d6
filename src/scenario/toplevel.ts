/**
 * The top-level keys of a scenario file, one table row each: whether it is
 * required, what it holds (for messages) and how it is read. A new section (e.g. a
 * later `sweep:`) is added here: a row, and a field of `RawScenario`.
 */
import type { Model } from '../model/plugin.ts';
import { findModel, modelNames } from '../models/registry.ts';
import { entry, type LMap, type LNode } from './document.ts';
import { describeNode, describeValue, fail, type Origin } from './origin.ts';
import { didYouMean, nearest } from './suggest.ts';

/** What the top level of a file says, read but not yet resolved against the model. */
export interface RawScenario {
  name?: string;
  description?: string;
  model?: Model;
  seed?: number;
  ticks?: number;
  replicates?: number;
  /** The `parameters:` mapping (absent or empty: model defaults). */
  parameters?: LMap;
  /** The `conditions:` mapping (absent: one condition "base"). */
  conditions?: LMap;
  /** The `stop_when:` formula and where it is written. */
  stopWhen?: { text: string; origin: Origin & { kind: 'file' } };
  /** The `sweep:` mapping (absent: no sweep), read against the model by sweep.ts. */
  sweep?: LMap;
}

interface TopLevelKey {
  required: boolean;
  /** What the value must be, as messages say it. */
  expected: string;
  read(node: LNode, origin: Origin & { kind: 'file' }, into: RawScenario): void;
}

export const NAME_PATTERN = /^[a-z0-9._-]+$/;

/** The run settings that are plain integers, shared by file keys and their flags. */
export const SETTINGS = {
  seed: { min: 0, default: 1, meaning: 'the master seed' },
  ticks: { min: 1, default: 100, meaning: 'ticks per run' },
  replicates: { min: 1, default: 1, meaning: 'runs per condition' },
} as const;
export type SettingName = keyof typeof SETTINGS;

/** Checks a seed, ticks or replicates value, from the file or from a flag. */
export function checkSetting(name: SettingName, value: unknown, origin: Origin, got = describeValue(value)): number {
  const { min } = SETTINGS[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail(`expected ${SETTINGS[name].meaning}, an integer >= ${min}, got ${got}.`, origin);
  }
  return value;
}

function scalarOf(node: LNode): unknown {
  return node.kind === 'scalar' ? node.value : undefined;
}

function mappingOrEmpty(node: LNode, origin: Origin, expected: string): LMap {
  if (node.kind === 'scalar' && node.value === null) return { kind: 'map', pos: node.pos, entries: [] };
  if (node.kind !== 'map') {
    const hint =
      node.kind === 'scalar' && typeof node.value === 'string' && /^[^\s:]+:\S/.test(node.value)
        ? ' (YAML needs a space after the ":" of "key: value")'
        : '';
    fail(`expected ${expected}, got ${describeNode(node)}${hint}.`, origin);
  }
  return node;
}

export const TOP_LEVEL_KEYS: Readonly<Record<string, TopLevelKey>> = {
  $schema: {
    required: false,
    expected: 'the JSON Schema the file follows (for editors; orgsim reads nothing from it), e.g. "scenario.schema.json"',
    read(node, origin) {
      if (typeof scalarOf(node) !== 'string') fail(`expected ${this.expected}, got ${describeNode(node)}.`, origin);
    },
  },
  name: {
    required: true,
    expected: 'the scenario name (it names the results folder): lowercase letters, digits, ".", "_" and "-"',
    read(node, origin, into) {
      const v = scalarOf(node);
      if (typeof v !== 'string' || !NAME_PATTERN.test(v) || /^\.+$/.test(v)) {
        const slug =
          typeof v === 'string'
            ? v.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '')
            : '';
        const hint = slug && NAME_PATTERN.test(slug) ? ` For example "${slug}".` : '';
        fail(`expected ${this.expected}, got ${describeNode(node)}.${hint}`, origin);
      }
      into.name = v;
    },
  },
  description: {
    required: false,
    expected: 'a description (text)',
    read(node, origin, into) {
      const v = scalarOf(node);
      if (v === null) return;
      if (typeof v !== 'string') fail(`expected ${this.expected}, got ${describeNode(node)}.`, origin);
      into.description = v.trimEnd();
    },
  },
  model: {
    required: true,
    expected: 'the name of a registered model',
    read(node, origin, into) {
      const v = scalarOf(node);
      if (typeof v !== 'string' || v === '') fail(`expected ${this.expected}, got ${describeNode(node)}.`, origin);
      const model = findModel(v);
      if (!model) {
        const names = modelNames();
        const list = names.length > 0 ? ` Registered models: ${names.join(', ')}.` : ' No models are registered.';
        fail(`unknown model "${v}".${didYouMean(v, names)}${list}`, origin);
      }
      into.model = model;
    },
  },
  seed: {
    required: false,
    expected: `the master seed, an integer >= 0 (default ${SETTINGS.seed.default})`,
    read(node, origin, into) {
      into.seed = checkSetting('seed', scalarOf(node), origin, describeNode(node));
    },
  },
  ticks: {
    required: false,
    expected: `ticks per run, an integer >= 1 (default ${SETTINGS.ticks.default})`,
    read(node, origin, into) {
      into.ticks = checkSetting('ticks', scalarOf(node), origin, describeNode(node));
    },
  },
  replicates: {
    required: false,
    expected: `runs per condition, an integer >= 1 (default ${SETTINGS.replicates.default})`,
    read(node, origin, into) {
      into.replicates = checkSetting('replicates', scalarOf(node), origin, describeNode(node));
    },
  },
  stop_when: {
    required: false,
    expected: 'a formula of the tick metrics that ends a run when true, e.g. "distinct_solutions == 1" (ticks stays the cap)',
    read(node, origin, into) {
      const v = scalarOf(node);
      if (typeof v !== 'string' || v.trim() === '') fail(`expected ${this.expected}, got ${describeNode(node)}.`, origin);
      into.stopWhen = { text: v, origin: { ...origin, pos: node.pos } };
    },
  },
  parameters: {
    required: false,
    expected: 'a mapping of parameter names to values',
    read(node, origin, into) {
      into.parameters = mappingOrEmpty(node, origin, this.expected);
    },
  },
  conditions: {
    required: false,
    expected: 'a mapping of condition names to their parameter overrides',
    read(node, origin, into) {
      const map = mappingOrEmpty(node, origin, this.expected);
      if (map.entries.length === 0) {
        fail(
          'conditions is empty; name at least one condition (e.g. "conditions: { base: {} }") or remove the key for a single condition "base".',
          origin,
        );
      }
      into.conditions = map;
    },
  },
  sweep: {
    required: false,
    expected: 'a mapping of swept parameters to lists or ranges of values, or "lhs:" or "sobol:" with n and ranges',
    read(node, origin, into) {
      into.sweep = mappingOrEmpty(node, origin, this.expected);
    },
  },
};

/** Reads the top level of a file: unknown keys, missing required keys, each key's value. */
export function readTopLevel(root: LNode | undefined, file: string): RawScenario {
  if (root === undefined) {
    fail('the scenario file is empty; it needs at least "name:" and "model:".', { kind: 'file', file, key: '' });
  }
  if (root.kind !== 'map') {
    fail(`expected a mapping of scenario keys (name, model, parameters, …), got ${describeNode(root)}.`, {
      kind: 'file',
      file,
      pos: root.pos,
      key: '',
    });
  }
  const valid = Object.keys(TOP_LEVEL_KEYS).filter((k) => k !== '$schema'); // $schema is for editors: not suggested
  for (const e of root.entries) {
    if (Object.hasOwn(TOP_LEVEL_KEYS, e.key)) continue;
    const origin: Origin = { kind: 'file', file, pos: e.keyPos, key: e.key };
    const modelName = entry(root, 'model')?.value;
    const model = modelName?.kind === 'scalar' && typeof modelName.value === 'string' ? findModel(modelName.value) : undefined;
    if (model && Object.hasOwn(model.parameters, e.key)) {
      fail(`"${e.key}" is a parameter of model "${model.name}"; put it under "parameters:".`, origin);
    }
    const suggestion = nearest(e.key, valid);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    fail(`unknown key "${e.key}".${hint} Valid keys are: ${valid.join(', ')}.`, origin);
  }
  const raw: RawScenario = {};
  for (const [key, spec] of Object.entries(TOP_LEVEL_KEYS)) {
    const e = entry(root, key);
    if (!e) {
      if (spec.required) fail(`this required key is missing; it holds ${spec.expected}.`, { kind: 'file', file, key });
      continue;
    }
    spec.read(e.value, { kind: 'file', file, pos: e.value.pos, key }, raw);
  }
  return raw;
}
