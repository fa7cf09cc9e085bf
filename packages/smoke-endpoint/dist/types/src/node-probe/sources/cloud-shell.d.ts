import type { TokenSourceModule } from './source';
export declare function cloudShellSource(endpoint: string, detail: string): TokenSourceModule;
