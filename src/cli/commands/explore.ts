/** `orgsim explore [scenario]`: the live view of a scenario, a page that runs the model in the browser. */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import { EXPLORE_FILE } from '../../output/results-layout.ts';
import { overridesFrom, withOverrideOptions, type ScenarioFlags } from './scenario-options.ts';

const HEADLINE = fileURLToPath(new URL('../../../scenarios/hierarchy-vs-network.yaml', import.meta.url));

interface ExploreFlags extends Omit<ScenarioFlags, 'scenario'> {
  scenario?: string;
  out?: string;
}

export const exploreCommand = {
  command: 'explore [scenario]',
  describe: 'Write (and open) a live view: the model running in the browser, with sliders, the structure drawn and live charts',
  builder: (y: Argv) =>
    withOverrideOptions(y.positional('scenario', { type: 'string', describe: 'Scenario file (default: the headline scenario, hierarchy-vs-network)' })).option('out', { type: 'string', describe: `Folder to write ${EXPLORE_FILE} into (default: a temporary folder, opened in the browser)` }),
  handler: async (flags: ExploreFlags) => {
    const [{ explorePage, pageDataOf }, { writeFileAtomic }, { loadScenario }] = await Promise.all([import('../../explore/page.ts'), import('../../output/atomic.ts'), import('../../scenario/index.ts')]);
    const scenario = await loadScenario(flags.scenario ?? HEADLINE, await overridesFrom({ ...flags, scenario: flags.scenario ?? HEADLINE }));
    const dir = flags.out ?? join(tmpdir(), `orgsim-explore-${scenario.name}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, EXPLORE_FILE);
    writeFileAtomic(file, explorePage(pageDataOf(scenario)));
    process.stdout.write(`orgsim: wrote ${file}\n`);
    if (flags.out === undefined) openInBrowser(file);
  },
};

/** Opens the page with the desktop's opener when there is one; otherwise the printed path is the way in. */
function openInBrowser(file: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [file], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stdout.write(`orgsim: open it in a browser (file://${file})\n`));
  child.unref();
}
