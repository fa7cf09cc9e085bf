import type { TokenSourceModule } from './source';
export declare function detectSource(env: NodeJS.ProcessEnv, imdsEndpoint: string): TokenSourceModule;
