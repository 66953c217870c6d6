/**
 * Creative risk-taking against outcome: one point per run, coloured by condition,
 * to show whether runs that took more risk achieved more.
 */
import type { MetricInfo, ResultSet } from '../../output/read-results.ts';
import { axisTitle, scenarioLine } from '../labels.ts';
import { chartSpec, type Datum, type Spec, colorEncoding, tooltip, VIEW_HEIGHT, VIEW_WIDTH } from './base.ts';
import { conditionRef } from './fields.ts';

export function riskOutcomeSpec(results: ResultSet, risk: MetricInfo, outcome: MetricInfo): Spec {
  const color = conditionRef(results);
  const data: Datum[] = [];
  for (const run of results.runs) {
    const x = run.metrics[risk.name];
    const y = run.metrics[outcome.name];
    if (x === null || y === null) continue;
    data.push({ run_id: run.run_id, condition: run.condition, replicate: run.replicate, [risk.name]: x, [outcome.name]: y });
  }
  // padding keeps the extreme runs' points off the axes
  const axis = (m: MetricInfo): Spec => ({ field: m.name, type: 'quantitative', title: axisTitle(m), scale: { zero: false, padding: 12 } });
  return chartSpec({
    title: `${outcome.label} against ${risk.label}`,
    subtitle: [scenarioLine(results), 'One point per run'],
    data,
    view: {
      width: VIEW_WIDTH,
      height: VIEW_HEIGHT,
      mark: { type: 'point', filled: true, size: 60, opacity: 0.85, stroke: 'white', strokeWidth: 0.6 },
      encoding: {
        x: axis(risk),
        y: axis(outcome),
        color: colorEncoding(color),
        tooltip: [
          tooltip('condition', 'Condition'),
          tooltip('replicate', 'Replicate'),
          tooltip('run_id', 'Run'),
          tooltip(risk.name, risk.label, true),
          tooltip(outcome.name, outcome.label, true),
        ],
      },
    },
  });
}
