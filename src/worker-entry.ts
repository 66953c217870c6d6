/**
 * Where a worker thread's module is: worker threads run compiled JavaScript, so the
 * module beside the caller in dist/, or, when the caller runs from the TypeScript
 * sources (tests, tsx), its copy in dist/ (build with `npx tsc -p .`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `callerUrl` is the caller's `import.meta.url`; `path` the module's path from the caller's folder, without extension (e.g. `./worker`). */
export function compiledWorker(callerUrl: string, path: string): URL {
  const folder = new URL('.', callerUrl).href;
  const root = new URL('.', import.meta.url).href; // src/ (dist/ when compiled), where this file is
  const compiledFolder = callerUrl.endsWith('.ts') ? folder.replace(root, new URL('../dist/', root).href) : folder;
  const entry = new URL(`${path}.js`, compiledFolder);
  if (!existsSync(fileURLToPath(entry))) {
    throw new Error(`worker threads run the compiled code, and ${fileURLToPath(entry)} is missing: build first (npx tsc -p .)`);
  }
  return entry;
}
