import type { TokenSourceModule } from './source';
export declare const ARC_API_VERSION = "2020-06-01";
/** Where the agent writes its key files (override for tests: MI_SMOKE_ARC_KEY_DIR). */
export declare function arcKeyDirectory(env: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
/** The realm of a `Basic realm=...` challenge, quotes removed. */
export declare function challengeRealm(header: string | string[] | undefined): string | undefined;
/** Reads the key file the challenge names, or says why it will not. */
export declare function readArcKey(realm: string, env: NodeJS.ProcessEnv, platform?: NodeJS.Platform): Promise<{
    key: string;
} | {
    refused: string;
}>;
export declare function arcSource(endpoint: string, detail: string): TokenSourceModule;
