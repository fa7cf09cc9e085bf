/**
 * Where the probe runs, from the platform's own variables (not secrets; names only kept when they
 * are plain resource names):
 * - App Service / Functions: WEBSITE_SITE_NAME, WEBSITE_RESOURCE_GROUP; Functions also set
 *   FUNCTIONS_EXTENSION_VERSION (https://learn.microsoft.com/azure/app-service/reference-app-settings,
 *   https://learn.microsoft.com/azure/azure-functions/functions-app-settings);
 * - Container Apps: CONTAINER_APP_NAME
 *   (https://learn.microsoft.com/azure/container-apps/environment-variables);
 * - Kubernetes (AKS): KUBERNETES_SERVICE_HOST, set in every pod;
 * - a GitHub-hosted runner: RUNNER_ENVIRONMENT=github-hosted
 *   (https://docs.github.com/actions/reference/workflows-and-actions/variables).
 * The first that matches wins, most specific first.
 */
import type { PlatformHint } from '../../contracts/observations';
export declare function detectPlatform(env: NodeJS.ProcessEnv): PlatformHint | undefined;
