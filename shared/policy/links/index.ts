/**
 * What a share card or a 小程序码 opens (routes and scenes' paths). It loads nothing else, so the
 * main package's home page can import it without the catalog.
 */
export * from './routes';
