/**
 * App Service, Functions and Container Apps: `IDENTITY_ENDPOINT` + `IDENTITY_HEADER`, api-version
 * 2019-08-01. The header is read from the environment at every request because Container Apps
 * rotates it. No instance metadata here: what is known comes from the site's settings.
 */
import type { WorkloadMeta } from '../../contracts/observations';
import type { TokenSourceModule } from './source';
export declare const APP_SERVICE_API_VERSION = "2019-08-01";
/**
 * WEBSITE_OWNER_NAME is `SUBSCRIPTION+RESOURCEGROUP-REGIONwebspace` (a `-Linux` suffix on Linux
 * plans); WEBSITE_RESOURCE_GROUP, when set, names the group without guessing.
 */
export declare function appServiceMeta(env: NodeJS.ProcessEnv): WorkloadMeta | undefined;
export declare function appServiceSource(endpoint: string, detail: string, env: NodeJS.ProcessEnv): TokenSourceModule;
