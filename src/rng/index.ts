export { createRng, randomInt, randomNormal, randomBeta, randomBetaMean, shuffle, type Rng } from './stream.ts';
export { deriveSeed } from './seed.ts';
export { createCounterDraws, type CounterDraws, type DrawPurpose } from './counter.ts';
