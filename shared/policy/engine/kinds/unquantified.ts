import type { UnquantifiedItem } from '../types';
import { guidanceRule } from './guidance';

/** Money is promised but the text gives no amount or formula (根据…能耗量给予一次性奖补). */
export const unquantified = guidanceRule<UnquantifiedItem>('unquantified', 'unquantified');
