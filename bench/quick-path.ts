/**
 * The questionnaire's quick path for the H5 benchmark: from the home page to a result.
 * Returns how long the result took after the last tap. Null until the questionnaire exists.
 */
import type { Page } from 'playwright-core';

export const quickPath: ((page: Page) => Promise<{ ms: number; taps: number }>) | null = null;
