/**
 * The self-contained HTML page shared by the run report and the comparison
 * report: vega, vega-lite and vega-embed inlined (no network), every chart
 * embedded interactively with tooltips, and a status a headless browser can read:
 * `<html data-status="rendered" data-charts-rendered="N">` once every embed
 * resolved, `data-status="failed"` otherwise, and `data-errors` (a JSON list)
 * holding any window error, unhandled rejection or console.error.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeHtml } from '../output/escape.ts';
import type { CsvValue } from '../output/read-results.ts';
import { CHART_GROUPS, type ChartGroup, type NamedSpec } from './chart-specs.ts';
import { FONT } from './specs/base.ts';

export interface Section {
  /** Heading of the section; its id is derived from it. */
  title: string;
  /** Inner HTML (already escaped). */
  html: string;
  /** Entries listed under the section in the table of contents (e.g. its charts), folded. */
  entries?: { anchor: string; label: string }[];
}

export interface PageParts {
  title: string;
  /** Inner HTML under the main heading (already escaped). */
  intro: string;
  before: Section[];
  charts: readonly NamedSpec[];
  after: Section[];
}

/** Headings of the chart groups (see `ChartGroup`); charts without a group go under the last. */
const GROUP_TITLES: Record<ChartGroup, string> = { headline: 'Headline charts', time: 'Over time', distribution: 'Distributions' };

export function htmlPage({ title, intro, before, charts, after }: PageParts): string {
  const groups = CHART_GROUPS.map((g) => ({ group: g, charts: charts.filter((c) => (c.group ?? 'distribution') === g) })).filter((g) => g.charts.length > 0);
  // a faceted chart (one panel per condition) takes the grid's whole width
  const figure = (c: NamedSpec) =>
    `<figure class="chart${'facet' in c.spec ? ' wide' : ''}" id="${chartAnchor(c.name)}"><div id="chart-${escapeHtml(c.name)}" data-chart="${escapeHtml(c.name)}"></div>${c.caption ? `<figcaption>${escapeHtml(c.caption)}</figcaption>` : ''}</figure>`;
  const chartSections: Section[] = groups.map(({ group, charts: members }) => ({
    title: groups.length === 1 && group === 'distribution' ? 'Charts' : GROUP_TITLES[group],
    html: `<div class="grid${group === 'headline' ? ' headline' : ''}">\n${members.map(figure).join('\n')}\n</div>`,
    entries: members.map((c) => ({ anchor: chartAnchor(c.name), label: chartTitle(c) })),
  }));
  const sections = [...before, ...chartSections, ...after];
  const nav = `<ol>${sections.map((s) => `<li><a href="#${slug(s.title)}">${escapeHtml(s.title)}</a>${tocEntries(s)}</li>`).join('')}</ol>`;
  const body = sections.map((s) => `<section id="${slug(s.title)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`);
  const specs = charts.map(({ name, spec }) => ({ name, spec }));
  return `<!DOCTYPE html>
<html lang="en" data-status="loading">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
<script>${ERROR_CAPTURE}</script>
${libraries()}
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${intro}
<nav aria-label="Contents"><h2>Contents</h2>${nav}</nav>
${body.join('\n')}
</main>
<script type="application/json" id="orgsim-charts">${jsonForScript(specs)}</script>
<script>${EMBED}</script>
</body>
</html>
`;
}

export { escapeHtml };

/** A table; numbers right-aligned with 4 significant digits, null as an empty cell; optional class per row. */
export function htmlTable(head: string[], rows: CsvValue[][], rowClasses: (string | undefined)[] = []): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const td = (v: CsvValue) => `<td${typeof v === 'number' ? ' class="num"' : ''}>${escapeHtml(formatValue(v))}</td>`;
  const body = rows
    .map((r, i) => `<tr${rowClasses[i] ? ` class="${rowClasses[i]}"` : ''}>${r.map(td).join('')}</tr>`)
    .join('\n');
  return `<div class="table"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function formatValue(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
  return String(v);
}

/** A `<dl>` of facts, values already escaped HTML. */
export function factList(facts: [string, string][]): string {
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function preBlock(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}

/** JSON safe inside a <script> element: no `<` at all, so no `</script` or `<!--`. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A library's code safe inside a <script> element, without its source-map comment. */
export function inlineScript(code: string): string {
  return code.replace(/^\/\/# sourceMappingURL=.*$/gm, '').replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

/** The folded list of a section's entries in the table of contents. */
function tocEntries(section: Section): string {
  if (!section.entries?.length) return '';
  const items = section.entries.map((e) => `<li><a href="#${e.anchor}">${escapeHtml(e.label)}</a></li>`).join('');
  return ` <details><summary>${section.entries.length} chart${section.entries.length > 1 ? 's' : ''}</summary><ol>${items}</ol></details>`;
}

function chartAnchor(name: string): string {
  return `figure-${slug(name)}`;
}

/** A chart's title as its spec gives it, else its name. */
function chartTitle(c: NamedSpec): string {
  const title = (c.spec as { title?: unknown }).title;
  const text = typeof title === 'string' ? title : typeof title === 'object' && title !== null ? (title as { text?: unknown }).text : undefined;
  return typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : c.name;
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const LIBRARY_FILES: [string, string][] = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
];

let libraryCache: string | undefined;

/**
 * The three libraries as inline scripts. Their export maps hide the build files,
 * so each package's entry is resolved and its folder (build/) read.
 */
export function libraries(): string {
  if (libraryCache === undefined) {
    const require = createRequire(import.meta.url);
    libraryCache = LIBRARY_FILES.map(([pkg, file]) => {
      const code = readFileSync(path.join(path.dirname(require.resolve(pkg)), file), 'utf8');
      return `<script>${inlineScript(code)}</script>`;
    }).join('\n');
  }
  return libraryCache;
}

const ERROR_CAPTURE = `
(function () {
  var root = document.documentElement, errors = [];
  function record(message) {
    errors.push(String(message));
    root.setAttribute('data-errors', JSON.stringify(errors));
  }
  window.orgsimRecordError = record;
  window.addEventListener('error', function (e) { record(e.message || 'error loading ' + (e.target && e.target.src)); }, true);
  window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)); });
  var consoleError = console.error;
  console.error = function () { record(Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };
})();`;

const EMBED = `
(function () {
  var root = document.documentElement;
  var charts = JSON.parse(document.getElementById('orgsim-charts').textContent);
  var options = { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } };
  root.setAttribute('data-status', 'rendering');
  Promise.all(charts.map(function (c) { return vegaEmbed(document.getElementById('chart-' + c.name), c.spec, options); }))
    .then(function () {
      root.setAttribute('data-charts-rendered', String(charts.length));
      root.setAttribute('data-status', 'rendered');
    })
    .catch(function (e) {
      window.orgsimRecordError('chart failed: ' + (e && e.message || e));
      root.setAttribute('data-status', 'failed');
    });
})();`;

const STYLE = `
body { margin: 0; font-family: '${FONT}', system-ui, sans-serif; color: #222; background: #fff; line-height: 1.45; }
main { max-width: 1560px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.6em; margin: 0 0 8px; }
h2 { font-size: 1.25em; margin: 36px 0 12px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
nav { margin: 16px 0; font-size: 0.95em; background: #f7f7f7; border: 1px solid #e4e4e4; padding: 8px 16px; }
nav h2 { margin: 4px 0; border: none; font-size: 1.05em; }
nav ol { margin: 4px 0; padding-left: 1.4em; }
nav details { display: inline; }
nav summary { display: inline; cursor: pointer; color: #555; }
nav a { color: #0072B2; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(720px, 1fr)); gap: 8px 24px; align-items: start; }
.grid figure.chart { margin: 12px 0; overflow-x: auto; }
.grid figure.wide { grid-column: 1 / -1; }
details.long > summary { cursor: pointer; color: #0072B2; margin: 8px 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.9em; margin: 8px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.differs td { background: #fff6e0; }
pre { background: #f7f7f7; border: 1px solid #e4e4e4; padding: 12px; overflow-x: auto; font-size: 0.85em; }
figure.chart { margin: 24px 0; scroll-margin-top: 12px; }
figcaption { color: #555; font-size: 0.9em; margin-top: 4px; }
.note { color: #555; font-size: 0.9em; }
`;
