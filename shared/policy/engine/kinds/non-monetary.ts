import type { NonMonetaryItem } from '../types';
import { guidanceKind } from './guidance';

/** Support that is real but has no amount in the text (land, power price, funds, bonds). */
export const nonMonetary = guidanceKind<NonMonetaryItem>('nonMonetary', 'nonMonetary');
