/**
 * The notebooks in notebooks/ (executed by `npm run notebooks`, see
 * notebooks/run-all.sh): committed with their outputs and no errors, light enough to
 * read on a code-hosting page, importing only the public API, and their code
 * type-checks against that API (src/index.ts as the package "orgsim"), so a renamed
 * or retyped export fails here, not only when the notebooks run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(root, 'notebooks');
const names = readdirSync(folder).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();

/** A notebook as far as these checks need it. */
interface Notebook {
  metadata: { kernelspec?: { name?: string; language?: string } };
  cells: {
    cell_type: string;
    source: string | string[];
    outputs?: { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> }[];
  }[];
}

const text = (s: string | string[]) => (Array.isArray(s) ? s.join('') : s);
const read = (name: string): Notebook => JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Notebook;
const code = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'code').map((c) => text(c.source));

/** Size limits that keep a notebook quick to load on a code-hosting page. */
const MAX_NOTEBOOK_BYTES = 2_000_000;
const MAX_SVG_CHARS = 300_000;

describe('notebooks', () => {
  it('are all there', () => {
    expect(names).toEqual([
      '01-quickstart.ipynb',
      '02-trust-and-alignment.ipynb',
      '03-genuine-empowerment.ipynb',
      '04-classics.ipynb',
      '05-your-own-model.ipynb',
    ]);
  });

  for (const name of names) {
    describe(name, () => {
      const nb = read(name);

      it('use the Deno kernel', () => {
        expect(nb.metadata.kernelspec?.name).toBe('deno');
        expect(nb.metadata.kernelspec?.language).toBe('typescript');
      });

      it('are committed executed, without errors, and light', () => {
        const cells = nb.cells.filter((c) => c.cell_type === 'code');
        const outputs = cells.flatMap((c) => c.outputs ?? []);
        expect(outputs.length, 'run `bash notebooks/run-all.sh --full --save` to store the outputs').toBeGreaterThan(0);
        expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
        expect(outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr').map((o) => text(o.text ?? ''))).toEqual([]);
        expect(outputs.some((o) => o.data?.['image/svg+xml']), 'shows at least one chart').toBe(true);
        for (const o of outputs) {
          const svg = o.data?.['image/svg+xml'];
          if (svg !== undefined) expect(text(svg as string | string[]).length).toBeLessThan(MAX_SVG_CHARS);
        }
        expect(statSync(path.join(folder, name)).size).toBeLessThan(MAX_NOTEBOOK_BYTES);
      });

      it('import only the public API, as "orgsim"', () => {
        const specifiers = code(nb).flatMap((c) => [...c.matchAll(/\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1]));
        expect(specifiers.length).toBeGreaterThan(0);
        expect(new Set(specifiers)).toEqual(new Set(['orgsim']));
      });
    });
  }

  it('type-check against the library API', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'orgsim-notebooks-'));
    try {
      // The parts of Deno's API the notebooks use (the kernel's own type check is off).
      const shim = path.join(dir, 'deno-shim.d.ts');
      writeFileSync(
        shim,
        'declare const Deno: {\n' +
          '  env: { get(key: string): string | undefined };\n' +
          '  jupyter: { display(obj: unknown, options?: { raw?: boolean }): Promise<void> };\n' +
          '};\n',
      );
      // .mts: each notebook is an ES module (top-level await), its cells in order.
      const files = names.map((name) => {
        const file = path.join(dir, name.replace(/\.ipynb$/, '.mts'));
        writeFileSync(file, `${code(read(name)).join('\n\n')}\nexport {};\n`);
        return file;
      });
      const program = ts.createProgram([shim, ...files], {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        allowImportingTsExtensions: true,
        types: ['node'],
        typeRoots: [path.join(root, 'node_modules', '@types')],
        baseUrl: root,
        paths: { orgsim: ['./src/index.ts'] },
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file === undefined || files.includes(path.resolve(d.file.fileName)) || d.file.fileName === shim)
        .map((d) => {
          const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
          if (!d.file || d.start === undefined) return message;
          const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
          return `${path.basename(d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
        });
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
