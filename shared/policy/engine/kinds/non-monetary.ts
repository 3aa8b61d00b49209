import type { NonMonetaryItem } from '../types';
import { guidanceRule } from './guidance';

/** Support that is real but has no amount in the text (land, power price, funds, bonds). */
export const nonMonetary = guidanceRule<NonMonetaryItem>('nonMonetary', 'nonMonetary');
