/**
 * How a model declares its parameters: each has a kind, a default, a range (or
 * choices) and a one-line meaning. The scenario layer validates against this,
 * `orgsim describe` prints it, and the model's ODD gives each default's source.
 */

interface ParamBase {
  /** One line: what the parameter means, with its unit where it has one. */
  meaning: string;
}

export interface NumberParam extends ParamBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
}

export interface IntegerParam extends ParamBase {
  kind: 'integer';
  default: number;
  min: number;
  max: number;
}

export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  default: string;
  choices: readonly string[];
}

export interface BooleanParam extends ParamBase {
  kind: 'boolean';
  default: boolean;
}

/** A path to an input file, resolved relative to the scenario file. */
export interface FileParam extends ParamBase {
  kind: 'file';
  default: string;
}

export type ParamSpec = NumberParam | IntegerParam | ChoiceParam | BooleanParam | FileParam;

export type ParamSchema = Readonly<Record<string, ParamSpec>>;

export type ParamValue = number | string | boolean;

/** Fully resolved parameters: every key of the schema, each a plain value. */
export type Params = Readonly<Record<string, ParamValue>>;

/**
 * The resolved parameters of a schema as a model reads them: numbers for number and
 * integer parameters, booleans for boolean ones, the union of the choices for a choice,
 * and a string (the file's path) for a file. Declare a schema `as const` to keep its
 * choices: `type MyParams = ParamValues<typeof parameters>`.
 */
export type ParamValues<S extends ParamSchema> = {
  readonly [K in keyof S]: S[K] extends { kind: 'number' | 'integer' }
    ? number
    : S[K] extends { kind: 'boolean' }
      ? boolean
      : S[K] extends { choices: readonly (infer C)[] }
        ? C
        : string;
};

/** The defaults of a schema, in declaration order. */
export function defaultParams(schema: ParamSchema): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(schema)) out[key] = spec.default;
  return out;
}

/** A human-readable range of a parameter, as `orgsim describe` and error messages show it. */
export function describeRange(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return `a number in [${spec.min}, ${spec.max}]`;
    case 'integer':
      return `an integer in [${spec.min}, ${spec.max}]`;
    case 'choice':
      return `one of ${spec.choices.map((c) => `"${c}"`).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'file':
      return 'a file path (relative to the scenario file), or "" for none';
  }
}

/** True when a number satisfies a number or integer spec. */
export function numberFits(spec: ParamSpec & { kind: 'number' | 'integer' }, n: number): boolean {
  return Number.isFinite(n) && (spec.kind !== 'integer' || Number.isInteger(n)) && n >= spec.min && n <= spec.max;
}

/** Why `value` does not fit `spec` (e.g. "expected a number in [0, 1], got 2"), or undefined when it does. */
export function valueProblem(spec: ParamSpec, value: unknown): string | undefined {
  const fits =
    spec.kind === 'number' || spec.kind === 'integer'
      ? typeof value === 'number' && numberFits(spec, value)
      : spec.kind === 'choice'
        ? (spec.choices as readonly unknown[]).includes(value)
        : spec.kind === 'boolean'
          ? typeof value === 'boolean'
          : typeof value === 'string';
  return fits ? undefined : `expected ${describeRange(spec)}, got ${typeof value === 'number' && Number.isNaN(value) ? 'no number' : JSON.stringify(value)}`;
}
