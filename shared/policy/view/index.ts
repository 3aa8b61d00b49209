/**
 * What the pages show, read from the engine's results: result groups and totals (result-view), headlines,
 * browsing and search, the one-measure calculator, the questionnaire's questions, 小程序码 scenes.
 */
export * from './result-view';
export * from './headline';
export * from './browse';
export * from './search';
export * from './measure-calc';
export * from './questions';
export * from './scene';
export * from './text-width';
