/** Types of app-version.cjs: appVersion (package.json's version + git commit) and defineAppVersion (sets the global __APP_VERSION__ for code run from source). */
export declare function appVersion(root?: string): string;
export declare function defineAppVersion(root?: string): string;
