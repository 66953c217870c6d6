/** The error for a chart option that names something the results do not have. */
import { UserInputError } from '../errors.ts';

/** Says which option, what was given and which values would do. */
export function badOption(option: string, given: string, valid: readonly string[]): UserInputError {
  const list = valid.length > 0 ? valid.map((v) => `"${v}"`).join(', ') : '(none)';
  return new UserInputError(`unknown value "${given}"; valid values: ${list}`, { key: option });
}
