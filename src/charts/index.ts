/** Charts, reports and comparisons of results folders: the public API of src/charts. */
export { chartPlan, chartSpecs, scenarioChartDesign, selectCharts, type ChartDesign, type ChartGroup, type ChartOptions, type NamedSpec, type PlannedChart, CHART_GROUPS, DEFAULT_OUTCOME_METRIC, DEFAULT_RISK_METRIC } from './chart-specs.ts';
export { compareResults, type CompareOptions, type ComparisonResult, type ComparisonRow, type Pairing, COMPARISON_FILE } from './compare.ts';
export { customChart, type CustomChartOptions, type CustomKind, CUSTOM_KINDS } from './custom.ts';
export { OKABE_ITO } from './palette.ts';
export { renderPng, renderSvg } from './render.ts';
export { reportHtml, writeReport } from './report.ts';
export { CHARTS_FOLDER, REPORT_FILE } from '../output/results-layout.ts';
export type { Spec } from './specs/base.ts';
export { DEFAULT_IMAGES, writeChartFiles, writeCharts, writeChartsAndReport, type DrawOptions } from './write-charts.ts';
