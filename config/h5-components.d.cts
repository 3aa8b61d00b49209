/** Types of h5-components.cjs: h5ComponentImports, the H5 build's Babel plugin importing each Taro component from its own module. */
declare function h5ComponentImports(babel: { types: unknown }): { name: string; visitor: Record<string, unknown> };
export = h5ComponentImports;
