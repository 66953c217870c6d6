/**
 * Start-up cost of the command line: CPU seconds (median of 7) of `orgsim --help`,
 * `describe` and `validate` of a formula-free scenario, which load neither the chart
 * stack nor mathjs; and of `validate` of the headline scenario, whose formulas load mathjs.
 */
import { cpuSecondsOf, median } from './measure.ts';

const REPEATS = 7;
const CLI = 'dist/cli/main.js';
const COMMANDS: readonly (readonly string[])[] = [
  ['--help'],
  ['describe', 'purpose-alignment'],
  ['validate', 'scenarios/classics/lazer-friedman-fig4.yaml'],
  ['validate', 'scenarios/hierarchy-vs-network.yaml'],
];

export function benchStartup(): void {
  console.log(`\nStart-up: CPU seconds of the orgsim command, median of ${REPEATS}`);
  for (const args of COMMANDS) {
    const seconds = median(Array.from({ length: REPEATS }, () => cpuSecondsOf([CLI, ...args])));
    console.log(`  ${`orgsim ${args.join(' ')}`.padEnd(58)} ${seconds.toFixed(2)} s`);
  }
}
