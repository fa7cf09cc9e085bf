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
import type { PlatformHint } from '../../contracts/observations'

const NAME = /^[\w.-]{1,100}$/

function nameOf(value: string | undefined): string | undefined {
  return value !== undefined && NAME.test(value) ? value : undefined
}

export function detectPlatform(env: NodeJS.ProcessEnv): PlatformHint | undefined {
  const site = env['WEBSITE_SITE_NAME']
  if (site) {
    const functions = Boolean(env['FUNCTIONS_EXTENSION_VERSION'] || env['FUNCTIONS_WORKER_RUNTIME'])
    const name = nameOf(site)
    const resourceGroup = nameOf(env['WEBSITE_RESOURCE_GROUP'])
    return {
      kind: functions ? 'functions' : 'app-service',
      variable: 'WEBSITE_SITE_NAME',
      ...(name ? { name } : {}),
      ...(resourceGroup ? { resourceGroup } : {})
    }
  }
  const containerApp = env['CONTAINER_APP_NAME']
  if (containerApp) {
    const name = nameOf(containerApp)
    return { kind: 'container-apps', variable: 'CONTAINER_APP_NAME', ...(name ? { name } : {}) }
  }
  if (env['KUBERNETES_SERVICE_HOST'])
    return { kind: 'kubernetes', variable: 'KUBERNETES_SERVICE_HOST' }
  if (env['RUNNER_ENVIRONMENT'] === 'github-hosted')
    return { kind: 'github-hosted', variable: 'RUNNER_ENVIRONMENT' }
  return undefined
}
