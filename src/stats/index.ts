/** Statistics for summarising and comparing replicate outcomes. */
export { mean, sampleSd, withoutNaN, sortAscending, quantile, median, gini } from './descriptive.ts';
export { tCdf, tPdf, tQuantile } from './student-t.ts';
export { normalCdf, normalQuantile } from './normal.ts';
export { lnGamma, lnBeta, regularizedBeta, regularizedGammaQ } from './special.ts';
export { summarize, type Summary } from './summary.ts';
export { cohensD, hedgesG, meanDifferenceCi, pairedDifferenceCi, type DifferenceCi } from './effect-size.ts';
export { pairedContrast, type PairedContrast } from './paired-contrast.ts';
