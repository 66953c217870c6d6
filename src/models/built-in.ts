/** The models that ship with orgsim. */
import type { Model } from '../model/plugin.ts';
import { purposeAlignment } from './purpose-alignment/index.ts';

export const builtInModels: readonly Model<any>[] = [purposeAlignment];
