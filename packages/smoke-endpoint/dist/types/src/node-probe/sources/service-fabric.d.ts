import type { TokenSourceModule } from './source';
export declare const SERVICE_FABRIC_API_VERSION = "2019-07-01-preview";
export declare function serviceFabricSource(endpoint: string, thumbprint: string, detail: string): TokenSourceModule;
