/**
 * Formulas in scenario files: a string where a number goes, e.g.
 * `approval_levels: "levels - 1"`. Parsed by mathjs, which is loaded (dynamic
 * import, about 1 s) only when a scenario has a formula. Scenario files may come
 * from anyone, so a parsed formula must pass a whitelist before it is compiled:
 * numbers, parameter names, pi and e, arithmetic and comparison operators,
 * parentheses, `a ? b : c`, and a fixed list of pure numeric functions. Nothing
 * else (assignments, property access, lists, objects, other functions such as
 * import or evaluate) gets through. Each formula text is parsed, checked and
 * compiled once; evaluation gets a `Map` of plain numbers as its scope.
 */
import { fail, quoted, type Origin } from './origin.ts';
import { nearest } from './suggest.ts';

type MathModule = typeof import('mathjs');

let math: MathModule | undefined;

/** True once mathjs has been loaded (for tests: scenarios without formulas never load it). */
export function formulasLoaded(): boolean {
  return math !== undefined;
}

/** Loads mathjs (the lighter number-only entry) if not loaded yet. */
export async function loadFormulaEngine(): Promise<void> {
  if (math === undefined) math = (await import('mathjs/number')) as unknown as MathModule;
}

export const ALLOWED_FUNCTIONS: readonly string[] = ['min', 'max', 'round', 'floor', 'ceil', 'sqrt', 'abs', 'log', 'exp', 'pow'];
export const ALLOWED_CONSTANTS: readonly string[] = ['pi', 'e'];
/** Longer texts are refused before parsing: mathjs parses and compiles recursively, and a sum of thousands of terms overflows the stack. */
export const MAX_FORMULA_LENGTH = 1000;
const FORBIDDEN_NAMES = new Set(['constructor', '__proto__', 'prototype']);

/** mathjs operator function names allowed, with the symbol shown in messages. */
const ALLOWED_OPERATORS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  mod: '%',
  unaryMinus: '-',
  unaryPlus: '+',
  smaller: '<',
  larger: '>',
  smallerEq: '<=',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
  not: 'not',
};

/** What a formula may contain; `noun` names what its names are (parameters, or tick metrics in stop_when). */
export function allowedSummary(noun = 'parameter'): string {
  return (
    `Formulas may use numbers, ${noun} names, pi and e, the operators + - * / ^ % and ` +
    'comparisons (< > <= >= == !=), and, or, not, a ? b : c, parentheses, and the functions ' +
    ALLOWED_FUNCTIONS.join(', ') +
    '.'
  );
}

/** The parts of a mathjs node the whitelist looks at. */
interface FNode {
  type: string;
  toString(): string;
  // ConstantNode
  value?: unknown;
  // SymbolNode
  name?: string;
  // OperatorNode
  fn?: string | FNode;
  op?: string;
  args?: FNode[];
  // ParenthesisNode
  content?: FNode;
  // ConditionalNode
  condition?: FNode;
  trueExpr?: FNode;
  falseExpr?: FNode;
  // RelationalNode
  conditionals?: string[];
  params?: FNode[];
}

export interface CompiledFormula {
  readonly text: string;
  /** Names the formula refers to, in first-use order (constants pi and e left out unless a parameter has that name). */
  readonly names: readonly string[];
  evaluate(scope: ReadonlyMap<string, number>): unknown;
}

/** Parsed, checked and compiled formulas by text: each text is compiled once. */
const cache = new Map<string, { names: string[]; evaluate: (scope: Map<string, number>) => unknown }>();

/**
 * Parses, checks and compiles a formula. `parameters` are the names a formula may
 * refer to (the model's numeric parameters); `allParameters` all the model's
 * parameters (to tell "not numeric" from "unknown"). Errors point at `origin`.
 */
export function compileFormula(
  text: string,
  origin: Origin,
  numericParameters: ReadonlySet<string>,
  allParameters: ReadonlyMap<string, string>,
  modelName: string,
  /** What the names are, in messages: parameters, or tick metrics (stop_when). */
  noun = 'parameter',
): CompiledFormula {
  if (math === undefined) throw new Error('compileFormula: call loadFormulaEngine() first');
  let hit = cache.get(text);
  if (hit === undefined) {
    if (text.length > MAX_FORMULA_LENGTH) {
      fail(`formula of ${text.length} characters is too long: formulas may have at most ${MAX_FORMULA_LENGTH}.`, origin);
    }
    let root: FNode;
    try {
      root = math.parse(text) as unknown as FNode;
    } catch (e) {
      const why = String((e as Error).message ?? e);
      const char = /\(char (\d+)\)/.exec(why);
      const plain = why.replace(/\s*\(char \d+\)/, '').replace(/\.$/, '');
      fail(
        `formula ${quoted(text)} is not valid: ${plain.charAt(0).toLowerCase()}${plain.slice(1)}` +
          `${char ? ` (at character ${char[1]})` : ''}. ${allowedSummary(noun)}`,
        origin,
      );
    }
    const names: string[] = [];
    checkNode(root, text, origin, names, noun);
    const compiled = (root as unknown as { compile(): { evaluate(scope: Map<string, number>): unknown } }).compile();
    hit = { names, evaluate: (scope) => compiled.evaluate(scope) };
    cache.set(text, hit);
  }
  const refs: string[] = [];
  for (const name of hit.names) {
    if (numericParameters.has(name)) {
      refs.push(name);
    } else if (allParameters.has(name)) {
      fail(
        `formula ${quoted(text)} uses "${name}", which is a ${allParameters.get(name)} parameter, not a number; ` +
          'formulas may only use number and integer parameters.',
        origin,
      );
    } else if (!ALLOWED_CONSTANTS.includes(name)) {
      const suggestion = didYouMeanName(name, [...numericParameters, ...ALLOWED_CONSTANTS, ...ALLOWED_FUNCTIONS]);
      fail(
        `formula ${quoted(text)} uses the name "${name}", which is not a ${noun} of model "${modelName}".` +
          `${suggestion} ${allowedSummary(noun)}`,
        origin,
      );
    }
  }
  const evaluate = hit.evaluate;
  return {
    text,
    names: refs,
    evaluate: (scope) => {
      // a fresh Map holding only the names used: plain numbers, no prototype lookups
      const own = new Map<string, number>();
      for (const name of refs) own.set(name, scope.get(name) as number);
      try {
        return evaluate(own);
      } catch (e) {
        // mathjs throws for calls it cannot evaluate, e.g. max(), pow(2), round(1.5, 100)
        const why = String((e as Error).message ?? e).replace(/\.$/, '');
        return fail(`formula ${quoted(text)} cannot be evaluated: ${why}. Check the functions' arguments (${ALLOWED_FUNCTIONS.join(', ')}).`, origin);
      }
    },
  };
}

function didYouMeanName(name: string, candidates: string[]): string {
  const hit = nearest(name, candidates);
  if (hit === undefined) return '';
  return ALLOWED_FUNCTIONS.includes(hit) ? ` Did you mean the function ${hit}()?` : ` Did you mean "${hit}"?`;
}

function reject(piece: string, text: string, origin: Origin, noun: string): never {
  fail(`formula ${quoted(text)} uses ${piece}, which is not allowed. ${allowedSummary(noun)}`, origin);
}

function checkNode(node: FNode, text: string, origin: Origin, names: string[], noun: string): void {
  const shown = () => JSON.stringify(safeString(node));
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value !== 'number') {
        reject(typeof node.value === 'string' ? `the text ${JSON.stringify(node.value)}` : `the value ${shown()}`, text, origin, noun);
      }
      return;
    case 'SymbolNode': {
      const name = String(node.name);
      if (FORBIDDEN_NAMES.has(name)) reject(`the name "${name}"`, text, origin, noun);
      if (!names.includes(name)) names.push(name);
      return;
    }
    case 'OperatorNode': {
      const fn = typeof node.fn === 'string' ? node.fn : '';
      if (!Object.hasOwn(ALLOWED_OPERATORS, fn)) reject(`the operator "${node.op ?? fn}"`, text, origin, noun);
      for (const arg of node.args ?? []) checkNode(arg, text, origin, names, noun);
      return;
    }
    case 'ParenthesisNode':
      if (node.content) checkNode(node.content, text, origin, names, noun);
      return;
    case 'ConditionalNode':
      for (const part of [node.condition, node.trueExpr, node.falseExpr]) if (part) checkNode(part, text, origin, names, noun);
      return;
    case 'RelationalNode':
      for (const c of node.conditionals ?? []) {
        if (!Object.hasOwn(ALLOWED_OPERATORS, c)) reject(`the comparison "${c}"`, text, origin, noun);
      }
      for (const p of node.params ?? []) checkNode(p, text, origin, names, noun);
      return;
    case 'FunctionNode': {
      const fn = node.fn;
      if (typeof fn !== 'object' || fn === null || fn.type !== 'SymbolNode') {
        reject(`a call of something other than a named function (${shown()})`, text, origin, noun);
      }
      const name = String(fn.name);
      if (!ALLOWED_FUNCTIONS.includes(name)) reject(`the function ${name}()`, text, origin, noun);
      for (const arg of node.args ?? []) checkNode(arg, text, origin, names, noun);
      return;
    }
    case 'AccessorNode':
    case 'IndexNode':
      return reject(`property or element access (${shown()})`, text, origin, noun);
    case 'AssignmentNode':
      return reject(`an assignment (${shown()})`, text, origin, noun);
    case 'FunctionAssignmentNode':
      return reject(`a function definition (${shown()})`, text, origin, noun);
    case 'ArrayNode':
      return reject(`a list (${shown()})`, text, origin, noun);
    case 'ObjectNode':
      return reject(`an object (${shown()})`, text, origin, noun);
    case 'BlockNode':
      return reject('several statements (separated by ";" or a new line)', text, origin, noun);
    case 'RangeNode':
      return reject(`a range (${shown()})`, text, origin, noun);
    default:
      return reject(`a ${node.type}`, text, origin, noun);
  }
}

function safeString(node: FNode): string {
  try {
    return node.toString();
  } catch {
    return node.type;
  }
}

/**
 * Orders formula keys so each comes after the formula keys it refers to.
 * `refs` maps each formula key to the names it uses (only formula keys matter).
 * A cycle is a `UserInputError` naming it, at the origin of its first key.
 */
export function formulaOrder(
  refs: ReadonlyMap<string, readonly string[]>,
  originOf: (key: string) => Origin,
  context: string,
): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): void => {
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(key)), key];
      fail(`formulas refer to each other in a cycle: ${cycle.join(' -> ')}${context}; one of them must be a number.`, originOf(cycle[0]));
    }
    state.set(key, 'visiting');
    stack.push(key);
    for (const dep of refs.get(key) ?? []) if (refs.has(dep)) visit(dep);
    stack.pop();
    state.set(key, 'done');
    order.push(key);
  };
  for (const key of refs.keys()) visit(key);
  return order;
}

/** A plain number literal (`"85"`, `"-1.5e3"`) that needs no formula engine. */
export function numericLiteral(text: string): number | undefined {
  if (!/^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
