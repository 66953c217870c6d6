/** orgsim's own version, read from package.json (one source of truth). */
import { readFileSync } from 'node:fs';

const packageJson = new URL('../../package.json', import.meta.url);

export const ORGSIM_VERSION: string = JSON.parse(readFileSync(packageJson, 'utf8')).version;
