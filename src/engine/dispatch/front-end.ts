/**
 * Who answered, when the smoke endpoint did not. Between the runner and the handler stand things
 * that answer in their own words: the platform in front of the app, gateways, CDNs, ingress
 * controllers, the runner's own proxy. Their answer is read for who authored it and why (status
 * line, headers such as `Server`, `Via`, `x-azure-ref`, `Proxy-Authenticate`, the page's text), and
 * its fix is that component's fix, not the handler's. Each reader below names the public source of
 * the answer it recognises; an answer none of them recognises keeps the per-status reading in
 * http.ts, which says only what the status supports.
 */
import type { HttpResponse } from '../../common/http/http-request'
import type { DispatchKind } from '../../contracts/dispatch-error'

export interface FrontEndAnswer {
  /** Who answered, e.g. `App Service`, `the runner's proxy`. */
  author: string
  kind: DispatchKind
  /** The cause in words, naming the author (the overview's cause column). */
  phrase: string
  /** The step's detail: who said what, about which host. */
  message: string
  remediation: string
  /** The app may still be starting: `ready-wait` may wait it out. */
  notReady: boolean
}

function header(response: HttpResponse, name: string): string {
  const value = response.headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(', ') : String(value ?? '')
}

/** The page's title, or the first heading, for the detail line. */
function pageTitle(body: string): string | undefined {
  const title =
    /<title>([^<]{1,160})<\/title>/i.exec(body)?.[1] ??
    /<h[12][^>]*>([^<]{1,160})</i.exec(body)?.[1]
  return title?.replace(/\s+/g, ' ').trim()
}

/** `shop-api.azurewebsites.net` → `shop-api`; a custom domain gives undefined. */
function appServiceName(host: string): string | undefined {
  return /^([a-z0-9-]+)(?:\.scm)?\.azurewebsites\.(net|us|cn)$/i.exec(host)?.[1]
}

/** `api.thankfuldune-4188e134.eastus.azurecontainerapps.io` → `api`. */
function containerAppName(host: string): string | undefined {
  return /^([a-z0-9-]+)\.[a-z0-9-]+\.[a-z0-9-]+\.azurecontainerapps\.io$/i.exec(host)?.[1]
}

interface Reader {
  read(response: HttpResponse, host: string): FrontEndAnswer | undefined
}

const READERS: Reader[] = [
  {
    // A proxy's own 407, with its challenge (RFC 9110 §11.7.1; vulcand/vulcan#21; Squid logs it as
    // TCP_DENIED/407, bryanpkc/corkscrew#10).
    read(response, host) {
      const challenge = header(response, 'proxy-authenticate')
      if (response.status !== 407 && challenge === '') return undefined
      const server = header(response, 'server') || header(response, 'via')
      return {
        author: "the runner's proxy",
        kind: 'proxy-refused',
        phrase: "the runner's proxy wants credentials (407)",
        message: `the runner's proxy${server ? ` (${server})` : ''} answered 407 Proxy Authentication Required for ${host}${challenge ? ` (Proxy-Authenticate: ${challenge.split(/[ ,]/)[0]})` : ''}: the request never reached the app`,
        remediation: `Give the runner's proxy its credentials: set HTTPS_PROXY for this job to http://<proxy user>:<proxy password>@<proxy host>:<proxy port> (keep the password in a secret), or, if the runner reaches ${host} without the proxy, add ${host} to NO_PROXY`,
        notReady: false
      }
    }
  },
  {
    // Squid's deny page: 403 with `X-Squid-Error: ERR_ACCESS_DENIED` and `Via: ... (squid/...)`
    // (mozilla/identity-ops#34; the page text in m1k1o/neko#509).
    read(response, host) {
      const squid = header(response, 'x-squid-error')
      const via = `${header(response, 'via')} ${header(response, 'server')}`
      const denied =
        /ERR_ACCESS_DENIED|ERR_FORWARDING_DENIED/i.test(squid) ||
        (response.status === 403 && /squid/i.test(via)) ||
        /<!-- ERR_ACCESS_DENIED -->/.test(response.body)
      if (!denied) return undefined
      return {
        author: "the runner's proxy",
        kind: 'proxy-refused',
        phrase: `the runner's proxy denied ${host}`,
        message: `the runner's proxy (${(squid || via).trim()}) refused to forward the request to ${host} (${response.status}): access control on the proxy, not the app`,
        remediation: `Ask the proxy's administrators to allow CONNECT to ${host}:443 for the runner, or add ${host} to NO_PROXY if the runner reaches it directly`,
        notReady: false
      }
    }
  },
  {
    // App Service's "Error 403 - This web app is stopped." page (microsoft/vscode-azureappservice#1853,
    // alan-turing-institute/AutSPACEs#703; its causes: learn.microsoft.com troubleshooting
    // "Error 403 - This web app is stopped": stopped in the portal, a spending limit, a Free/Shared quota).
    read(response, host) {
      if (!/This web app is stopped/i.test(response.body)) return undefined
      const app = appServiceName(host)
      const start = app
        ? `az webapp start --name ${app} --resource-group "$(az webapp list --query "[?name=='${app}'].resourceGroup" -o tsv)"`
        : `az webapp start --ids "$(az webapp list --query "[?contains(hostNames, '${host}')].id" -o tsv)"`
      return {
        author: 'App Service',
        kind: 'front-end-answered',
        phrase: 'App Service: the app is stopped',
        message: `App Service answered ${response.status} "This web app is stopped" for ${host}: the app is stopped, over a Free/Shared quota, or its subscription hit a spending limit`,
        remediation: `Start the app (${start}); if it is running, App Service stopped it for a Free/Shared quota (Quotas blade: wait for the reset or scale up to Basic) or a subscription spending limit (Cost Management)`,
        notReady: false
      }
    }
  },
  {
    // Container Apps' own pages: "Error 403 - This Container App is stopped"
    // (microsoft/vscode-azurecontainerapps#299, microsoft/azure-container-apps#755: no active
    // revision) and "Error 404 - This Container App is stopped or does not exist"
    // (microsoft/azure-container-apps#1613).
    read(response, host) {
      if (!/This Container App is stopped/i.test(response.body)) return undefined
      const app = containerAppName(host) ?? '<container app name>'
      const group = `"$(az containerapp list --query "[?name=='${app}'].resourceGroup" -o tsv)"`
      return {
        author: 'Container Apps',
        kind: 'front-end-answered',
        phrase: 'Container Apps: app stopped or without an active revision',
        message: `Container Apps answered ${response.status} "${pageTitle(response.body) ?? 'This Container App is stopped'}" for ${host}: the app is stopped, has no active revision, or does not exist under this name`,
        remediation: `Check that the container app ${app} exists and runs an active revision (az containerapp revision list --name ${app} --resource-group ${group} --query "[].{name:name,active:properties.active,replicas:properties.replicas}" -o table), then start it (az containerapp start --name ${app} --resource-group ${group}) or activate its revision (az containerapp revision activate --name ${app} --resource-group ${group} --revision <revision>)`,
        notReady: false
      }
    }
  },
  {
    // Application Gateway's own 502 page, `<center>Microsoft-Azure-Application-Gateway/v2</center>`
    // (MicrosoftDocs/azure-docs#110739; the causes: learn.microsoft.com "Troubleshoot bad gateway
    // errors in Application Gateway": unhealthy backend pool, NSG/UDR, probe, timeout).
    read(response, host) {
      const server = header(response, 'server')
      const page = /Microsoft-Azure-Application-Gateway/i.exec(response.body)?.[0]
      if (!/Microsoft-Azure-Application-Gateway/i.test(server) && !page) return undefined
      return {
        author: 'Application Gateway',
        kind: 'front-end-answered',
        phrase: `Application Gateway: no healthy backend (${response.status})`,
        message: `Application Gateway answered ${response.status} for ${host}, not the app: its backend pool has no healthy member (the app is down, or a probe, NSG or certificate keeps the gateway from it)`,
        remediation:
          'See why the gateway counts the backend unhealthy: az network application-gateway show-backend-health --name <gateway> --resource-group <gateway resource group>; then fix what it names (the app not running, the health probe path, an NSG on the gateway subnet, the backend certificate)',
        notReady: response.status === 502 || response.status === 504
      }
    }
  },
  {
    // Front Door's page "Our services aren't available right now" with an `x-azure-ref` reference
    // (Azure/static-web-apps#774, Azure/azure-cli#23182, microsoft/MCW-Building-a-resilient-IaaS-architecture#73).
    read(response, host) {
      const ref = header(response, 'x-azure-ref')
      if (!/Our services aren.t available right now/i.test(response.body)) return undefined
      return {
        author: 'Azure Front Door',
        kind: 'front-end-answered',
        phrase: `Front Door: origin unavailable (${response.status})`,
        message: `Azure Front Door answered ${response.status} "Our services aren't available right now" for ${host}${ref ? ` (x-azure-ref ${ref.slice(0, 60)})` : ''}: it could not get an answer from the origin behind it`,
        remediation: `Check the Front Door route and origin for this host: the origin's host name and HTTP/HTTPS ports must be the app's, the origin healthy (az afd origin list --profile-name <Front Door profile> --resource-group <profile resource group> --origin-group-name <origin group> -o table), and the route's forwarding protocol one the origin serves; or target the app's own URL to test the identity without Front Door${ref ? `. If all of that holds, give Azure support the reference x-azure-ref ${ref.slice(0, 120)}` : ''}`,
        notReady: response.status === 503
      }
    }
  },
  {
    // API Management's `{"statusCode": 401, "message": "Access denied due to missing subscription
    // key..."}` (MicrosoftDocs/SupportArticles-docs support/azure/api-mgmt/availability/
    // unauthorized-errors-invoke-apis.md).
    read(response, host) {
      let said: { statusCode?: unknown; message?: unknown } | undefined
      try {
        said = JSON.parse(response.body) as typeof said
      } catch {
        return undefined
      }
      const message = typeof said?.message === 'string' ? said.message : ''
      if (!/subscription key/i.test(message)) return undefined
      const missing = /missing subscription key/i.test(message)
      return {
        author: 'API Management',
        kind: 'endpoint-refused-request',
        phrase: `API Management: subscription key ${missing ? 'missing' : 'invalid'}`,
        message: `Azure API Management answered ${response.status} for ${host}: "${message.slice(0, 160)}": the gateway refused the call before the app`,
        remediation: `Target the app's own URL, not the API Management gateway ${host}: mi-smoke sends its endpoint key, not an API Management subscription key (or publish the smoke endpoint's operation in a product that does not require a subscription)`,
        notReady: false
      }
    }
  },
  {
    // ingress-nginx: 503 "Service Temporarily Unavailable" when the service has no ready endpoints
    // (kubernetes/ingress-nginx#1513, vmware-archive/kube-prod-runtime#733), its default backend's
    // 404 for a host or path no ingress rule serves (kubernetes/ingress-nginx#1551).
    read(response, host) {
      const nginx =
        /<center>nginx[^<]*<\/center>/i.test(response.body) ||
        /^nginx/i.test(header(response, 'server'))
      if (!nginx) return undefined
      if (response.status === 503) {
        return {
          author: 'ingress-nginx',
          kind: 'front-end-answered',
          phrase: 'ingress-nginx: no ready pod behind the service (503)',
          message: `nginx (an ingress controller) answered 503 Service Temporarily Unavailable for ${host}: the service behind the ingress has no ready endpoint`,
          remediation:
            'Find the service the ingress rule for this host points at and check that it has ready pods: kubectl get ingress --all-namespaces (the rule for this host and its service), then kubectl get endpoints <service> --namespace <namespace> (no addresses: the pods are not ready or the selector matches none); then run again',
          notReady: true
        }
      }
      if (response.status === 404) {
        return {
          author: 'ingress-nginx',
          kind: 'front-end-answered',
          phrase: 'ingress-nginx: no ingress rule for this host or path (404)',
          message: `nginx (an ingress controller's default backend) answered 404 for ${host}: no ingress rule routes this host and path to the app`,
          remediation:
            "Add the smoke endpoint's path to the app's ingress rule (or fix the target's host and path): kubectl get ingress --all-namespaces -o wide lists the hosts and paths the controller routes",
          notReady: false
        }
      }
      return undefined
    }
  }
]

/** The front end that authored `response`, when one of the readers recognises it. */
export function frontEndAnswer(response: HttpResponse, host: string): FrontEndAnswer | undefined {
  for (const reader of READERS) {
    const answer = reader.read(response, host)
    if (answer) return answer
  }
  return undefined
}
