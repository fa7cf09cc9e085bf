import type { AllowRule } from './allowlist';
export interface RehearsalOptions {
    /** The emulator's identity listener (its IMDS), e.g. `http://127.0.0.1:41000`. */
    imds: string;
    /** The emulator's ARM and Key Vault listener, e.g. `http://127.0.0.1:41001`. */
    api: string;
}
export declare const REHEARSAL_ENV = "MI_SMOKE_REHEARSAL";
/** What a rehearsal adds to the handler's settings. */
export interface RehearsalSettings {
    imdsEndpoint: string;
    rule: AllowRule;
}
/** Reads `imds=URL api=URL` (space or comma separated), as MI_SMOKE_REHEARSAL holds it. */
export declare function parseRehearsalSetting(value: string): RehearsalOptions;
/** The rehearsal in force: the option, else the environment variable, else none. */
export declare function rehearsalSettings(option: RehearsalOptions | undefined, env: NodeJS.ProcessEnv): RehearsalSettings | undefined;
/**
 * `@azure/identity` reads process.env itself (see sdk-cross-check.ts): without this its IMDS
 * credential would ask 169.254.169.254 during a rehearsal. An explicit setting is kept.
 */
export declare function pointSdkAtEmulator(settings: RehearsalSettings): void;
