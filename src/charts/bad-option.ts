/** The error for a chart option that names something the results do not have. */
import { UserInputError } from '../errors.ts';
import { didYouMean } from '../scenario/suggest.ts';

/** Says which option, what was given, the nearest valid value and which values would do (each once). */
export function badOption(option: string, given: string, valid: readonly string[]): UserInputError {
  const unique = [...new Set(valid)];
  const list = unique.length > 0 ? unique.map((v) => `"${v}"`).join(', ') : '(none)';
  return new UserInputError(`unknown value "${given}".${didYouMean(given, unique)} Valid values: ${list}`, { key: option });
}
