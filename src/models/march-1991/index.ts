/**
 * march-1991: March (1991), "Exploration and Exploitation in Organizational
 * Learning", Organization Science 2(1). People learn from an organisational code
 * (socialisation, p1) while the code learns from the people who outperform it
 * (p2), with turnover (p3) and turbulence (p4). See ODD.md beside this file.
 */
import type { Model } from '../../model/plugin.ts';
import { agentVariables, recordAgents } from './agents.ts';
import { initState } from './init.ts';
import { recordRun, recordTick, runMetrics, tickMetrics } from './metrics.ts';
import { parameters, type March1991Params } from './params.ts';
import type { March1991State } from './state.ts';
import { stepState } from './step.ts';

export const march1991: Model<March1991State> = {
  name: 'march-1991',
  description:
    'March (1991): an organisational code and 50 people hold beliefs (-1, 0, +1) about a reality of 30 dimensions (+1 or -1). People are socialised toward the code (rate p1; fast and slow learners can be mixed); the code adopts the majority view of the people who outperform it (rate p2). Turnover (p3) replaces people with naive newcomers; turbulence (p4) flips dimensions of reality. Reports the code’s and people’s knowledge, and the period at which code and beliefs stop changing (equilibrium).',
  parameters,
  tickMetrics,
  runMetrics,
  // beliefs and actions (one byte per person and dimension) and a few numbers a person
  memoryBytes: (params) => (params.people as number) * (2 * (params.dimensions as number) + 32),
  init: (params, streams) => initState(params as unknown as March1991Params, streams),
  step: stepState,
  recordTick,
  recordRun,
  agentVariables,
  agentCount: (s) => s.n,
  populationSize: (params) => params.people as number,
  recordAgents,
};
