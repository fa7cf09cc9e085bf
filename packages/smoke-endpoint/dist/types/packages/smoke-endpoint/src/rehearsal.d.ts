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
/** The line an endpoint prints when it starts in rehearsal mode. */
export declare function rehearsalNotice(settings: RehearsalSettings): string;
/** Whether a URL's host is a loopback address (false for text that is not a URL). */
export declare function isLoopbackTarget(url: string): boolean;
/**
 * What to add to a refusal of a loopback URL when no rehearsal is in force: the emulator on this
 * machine is reached only through the one setting, so the message names it.
 */
export declare function rehearsalHint(url: string): string;
