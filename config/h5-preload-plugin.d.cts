/** Types of h5-preload-plugin.cjs: HomePreloadPlugin, a webpack plugin that preloads the home page's chunks in index.html. */
declare class HomePreloadPlugin {
  constructor(options: { page: RegExp });
  apply(compiler: unknown): void;
}
export = HomePreloadPlugin;
