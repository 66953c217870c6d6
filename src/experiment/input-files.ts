/**
 * The input files an experiment reads besides its scenario (edge lists, org charts:
 * every `file` parameter's value in any condition or sweep point), each with its
 * SHA-256, so a manifest records exactly what ran and `--resume` and `merge` can
 * refuse to mix runs made from different versions of a file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputFile } from '../output/manifest.ts';
import type { Scenario } from '../scenario/index.ts';


/** Every file parameter's file, once each, sorted by path. */
export function inputFiles(scenario: Pick<Scenario, 'model' | 'conditions' | 'points' | 'paramsAt' | 'baseDir'>): InputFile[] {
  const fileKeys = Object.entries(scenario.model.parameters)
    .filter(([, spec]) => spec.kind === 'file')
    .map(([key]) => key);
  if (fileKeys.length === 0) return [];
  // only a swept file parameter differs between points
  const points = fileKeys.some((k) => scenario.points.parameters.includes(k)) ? scenario.points.size : 1;
  const paths = new Set<string>();
  for (let c = 0; c < scenario.conditions.length; c++) {
    for (let p = 0; p < points; p++) {
      const params = scenario.paramsAt(c, p);
      for (const key of fileKeys) if (params[key] !== '') paths.add(String(params[key]));
    }
  }
  return [...paths].sort().map((path) => {
    const content = readFileSync(resolve(scenario.baseDir, path));
    return { path, sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length };
  });
}
