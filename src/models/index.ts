/** The model registry (built-in models are registered on import). */
export { findModel, modelNames, registerModel } from './registry.ts';
export { purposeAlignment } from './purpose-alignment/index.ts';
