/**
 * Images the app draws — poster, 5:4 share card, 测算单 — as lists of drawing operations (drawing),
 * so the same layout draws on a WeChat canvas, an H5 canvas and in tests.
 */
export * from './drawing';
export * from './poster';
export * from './share-card';
export * from './sheet-content';
export * from './result-sheet';
