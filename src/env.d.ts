/// <reference types="@tarojs/taro" />

/** Build-time constants (config/index.ts → defineConstants). */
/** WeChat cloud env id for Taro.cloud.init; '' means the account's default environment. */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    /** Platform of the current Taro build ('weapp' | 'h5'); undefined under jest. */
    TARO_ENV?: string
  }
}
