import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../src/scenario/suggest.ts';

describe('suggestions', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('agnets', 'agents')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests only close names', () => {
    const keys = ['name', 'description', 'model', 'seed', 'ticks', 'replicates', 'parameters', 'conditions'];
    expect(nearest('paramters', keys)).toBe('parameters');
    expect(nearest('Seed', keys)).toBe('seed');
    expect(nearest('replicate', keys)).toBe('replicates');
    expect(nearest('conditons', keys)).toBe('conditions');
    expect(nearest('sweep', keys)).toBeUndefined();
    expect(nearest('x', keys)).toBeUndefined();
    expect(nearest('approval-levels', ['approval_levels', 'levels'])).toBe('approval_levels');
    expect(didYouMean('netwrok', ['hierarchy', 'network'])).toBe(' Did you mean "network"?');
    expect(didYouMean('zzz', ['hierarchy', 'network'])).toBe('');
  });
});
