import type { TokenSourceModule } from './source';
export declare const LEGACY_MSI_API_VERSION = "2017-09-01";
export declare function legacyMsiSource(endpoint: string, detail: string): TokenSourceModule;
