/** The models that ship with orgsim. */
import type { Model } from '../model/plugin.ts';
import { purposeAlignment } from './purpose-alignment/index.ts';
import { nkNetworkSearch } from './nk-network-search/index.ts';
import { march1991 } from './march-1991/index.ts';
import { socialLearning } from './social-learning/index.ts';

export const builtInModels: readonly Model<any>[] = [purposeAlignment, nkNetworkSearch, march1991, socialLearning];
