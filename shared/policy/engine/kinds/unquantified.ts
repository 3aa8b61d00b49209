import type { UnquantifiedItem } from '../types';
import { guidanceKind } from './guidance';

/** Money is promised but the text gives no amount or formula (根据…能耗量给予一次性奖补). */
export const unquantified = guidanceKind<UnquantifiedItem>('unquantified', 'unquantified');
