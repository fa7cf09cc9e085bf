"use strict";
exports.id = 21;
exports.ids = [21];
exports.modules = {

/***/ 3659:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.containsJwt = exports.DEFAULT_IMDS_ENDPOINT = exports.RUNNER_WAIT_MS = exports.MAX_DEADLINE_MS = exports.DEFAULT_DEADLINE_MS = exports.MAX_REQUEST_TIMEOUT_MS = exports.MAX_REQUEST_CHECKS = exports.RESPONSE_BODY_LIMIT = exports.REQUEST_BODY_LIMIT = exports.KEY_HEADER = exports.PROTOCOL_VERSION = void 0;
/**
 * The smoke endpoint protocol (docs/smoke-endpoint-protocol.md): the numbers and names both sides
 * agree on. The runner (`src/engine/dispatch/http.ts`) and the handler (`packages/smoke-endpoint/src/`) import them from
 * here so a change to the protocol is one edit.
 */
const observations_1 = __webpack_require__(1132);
const probe_request_1 = __webpack_require__(8941);
/** Version of the request and the response; a peer that speaks another one is refused. */
exports.PROTOCOL_VERSION = observations_1.OBSERVATIONS_VERSION;
/** The shared-key header (input `endpoint-key`). Lower case: node lower-cases header names. */
exports.KEY_HEADER = 'x-mi-smoke-key';
/** Largest request body the handler reads; more is 413 before any parsing. */
exports.REQUEST_BODY_LIMIT = 64 * 1024;
/** Largest response body the runner reads; more is `dispatch-failed`. */
exports.RESPONSE_BODY_LIMIT = 1024 * 1024;
/**
 * Checks one request may carry: twice what a runner asks (MAX_CHECKS of probe-request.ts), so that
 * a handler deployed with an older package still serves a newer runner that allows a few more,
 * while a request with far more is refused before any work.
 */
exports.MAX_REQUEST_CHECKS = 2 * probe_request_1.MAX_CHECKS;
/** The handler caps `timeoutMs` (per request on the workload) at this. */
exports.MAX_REQUEST_TIMEOUT_MS = 30_000;
/** The handler's overall deadline for one probe run, by default and at most. */
exports.DEFAULT_DEADLINE_MS = 90_000;
exports.MAX_DEADLINE_MS = 90_000;
/**
 * How long the runner waits for the whole answer: the handler's longest deadline plus the SDK
 * cross-check's share and network slack. A handler that keeps the protocol always answers sooner.
 */
exports.RUNNER_WAIT_MS = exports.MAX_DEADLINE_MS + 20_000;
/** The IMDS base a request may name when the handler is not told of others (an emulator). */
exports.DEFAULT_IMDS_ENDPOINT = 'http://169.254.169.254';
/**
 * Whether a text holds a whole JWT, what must never cross the wire (claims alone, one segment, are
 * allowed): from the one redactor.
 */
var redact_1 = __webpack_require__(6800);
Object.defineProperty(exports, "containsJwt", ({ enumerable: true, get: function () { return redact_1.containsJwt; } }));


/***/ }),

/***/ 7622:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.frontEndAnswer = frontEndAnswer;
function header(response, name) {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}
/** The page's title, or the first heading, for the detail line. */
function pageTitle(body) {
    const title = /<title>([^<]{1,160})<\/title>/i.exec(body)?.[1] ??
        /<h[12][^>]*>([^<]{1,160})</i.exec(body)?.[1];
    return title?.replace(/\s+/g, ' ').trim();
}
/** `shop-api.azurewebsites.net` → `shop-api`; a custom domain gives undefined. */
function appServiceName(host) {
    return /^([a-z0-9-]+)(?:\.scm)?\.azurewebsites\.(net|us|cn)$/i.exec(host)?.[1];
}
/** `api.thankfuldune-4188e134.eastus.azurecontainerapps.io` → `api`. */
function containerAppName(host) {
    return /^([a-z0-9-]+)\.[a-z0-9-]+\.[a-z0-9-]+\.azurecontainerapps\.io$/i.exec(host)?.[1];
}
const READERS = [
    {
        // A proxy's own 407, with its challenge (RFC 9110 §11.7.1; vulcand/vulcan#21; Squid logs it as
        // TCP_DENIED/407, bryanpkc/corkscrew#10).
        read(response, host) {
            const challenge = header(response, 'proxy-authenticate');
            if (response.status !== 407 && challenge === '')
                return undefined;
            const server = header(response, 'server') || header(response, 'via');
            return {
                author: "the runner's proxy",
                kind: 'proxy-refused',
                phrase: "the runner's proxy wants credentials (407)",
                message: `the runner's proxy${server ? ` (${server})` : ''} answered 407 Proxy Authentication Required for ${host}${challenge ? ` (Proxy-Authenticate: ${challenge.split(/[ ,]/)[0]})` : ''}: the request never reached the app`,
                remediation: `Give the runner's proxy its credentials: set HTTPS_PROXY for this job to http://<proxy user>:<proxy password>@<proxy host>:<proxy port> (keep the password in a secret), or, if the runner reaches ${host} without the proxy, add ${host} to NO_PROXY`,
                notReady: false
            };
        }
    },
    {
        // Squid's deny page: 403 with `X-Squid-Error: ERR_ACCESS_DENIED` and `Via: ... (squid/...)`
        // (mozilla/identity-ops#34; the page text in m1k1o/neko#509).
        read(response, host) {
            const squid = header(response, 'x-squid-error');
            const via = `${header(response, 'via')} ${header(response, 'server')}`;
            const denied = /ERR_ACCESS_DENIED|ERR_FORWARDING_DENIED/i.test(squid) ||
                (response.status === 403 && /squid/i.test(via)) ||
                /<!-- ERR_ACCESS_DENIED -->/.test(response.body);
            if (!denied)
                return undefined;
            return {
                author: "the runner's proxy",
                kind: 'proxy-refused',
                phrase: `the runner's proxy denied ${host}`,
                message: `the runner's proxy (${(squid || via).trim()}) refused to forward the request to ${host} (${response.status}): access control on the proxy, not the app`,
                remediation: `Ask the proxy's administrators to allow CONNECT to ${host}:443 for the runner, or add ${host} to NO_PROXY if the runner reaches it directly`,
                notReady: false
            };
        }
    },
    {
        // App Service's "Error 403 - This web app is stopped." page (microsoft/vscode-azureappservice#1853,
        // alan-turing-institute/AutSPACEs#703; its causes: learn.microsoft.com troubleshooting
        // "Error 403 - This web app is stopped": stopped in the portal, a spending limit, a Free/Shared quota).
        read(response, host) {
            if (!/This web app is stopped/i.test(response.body))
                return undefined;
            const app = appServiceName(host);
            const start = app
                ? `az webapp start --name ${app} --resource-group "$(az webapp list --query "[?name=='${app}'].resourceGroup" -o tsv)"`
                : `az webapp start --ids "$(az webapp list --query "[?contains(hostNames, '${host}')].id" -o tsv)"`;
            return {
                author: 'App Service',
                kind: 'front-end-answered',
                phrase: 'App Service: the app is stopped',
                message: `App Service answered ${response.status} "This web app is stopped" for ${host}: the app is stopped, over a Free/Shared quota, or its subscription hit a spending limit`,
                remediation: `Start the app (${start}); if it is running, App Service stopped it for a Free/Shared quota (Quotas blade: wait for the reset or scale up to Basic) or a subscription spending limit (Cost Management)`,
                notReady: false
            };
        }
    },
    {
        // Container Apps' own pages: "Error 403 - This Container App is stopped"
        // (microsoft/vscode-azurecontainerapps#299, microsoft/azure-container-apps#755: no active
        // revision) and "Error 404 - This Container App is stopped or does not exist"
        // (microsoft/azure-container-apps#1613).
        read(response, host) {
            if (!/This Container App is stopped/i.test(response.body))
                return undefined;
            const app = containerAppName(host) ?? '<container app name>';
            const group = `"$(az containerapp list --query "[?name=='${app}'].resourceGroup" -o tsv)"`;
            return {
                author: 'Container Apps',
                kind: 'front-end-answered',
                phrase: 'Container Apps: app stopped or without an active revision',
                message: `Container Apps answered ${response.status} "${pageTitle(response.body) ?? 'This Container App is stopped'}" for ${host}: the app is stopped, has no active revision, or does not exist under this name`,
                remediation: `Check that the container app ${app} exists and runs an active revision (az containerapp revision list --name ${app} --resource-group ${group} --query "[].{name:name,active:properties.active,replicas:properties.replicas}" -o table), then start it (az containerapp start --name ${app} --resource-group ${group}) or activate its revision (az containerapp revision activate --name ${app} --resource-group ${group} --revision <revision>)`,
                notReady: false
            };
        }
    },
    {
        // Application Gateway's own 502 page, `<center>Microsoft-Azure-Application-Gateway/v2</center>`
        // (MicrosoftDocs/azure-docs#110739; the causes: learn.microsoft.com "Troubleshoot bad gateway
        // errors in Application Gateway": unhealthy backend pool, NSG/UDR, probe, timeout).
        read(response, host) {
            const server = header(response, 'server');
            const page = /Microsoft-Azure-Application-Gateway/i.exec(response.body)?.[0];
            if (!/Microsoft-Azure-Application-Gateway/i.test(server) && !page)
                return undefined;
            return {
                author: 'Application Gateway',
                kind: 'front-end-answered',
                phrase: `Application Gateway: no healthy backend (${response.status})`,
                message: `Application Gateway answered ${response.status} for ${host}, not the app: its backend pool has no healthy member (the app is down, or a probe, NSG or certificate keeps the gateway from it)`,
                remediation: 'See why the gateway counts the backend unhealthy: az network application-gateway show-backend-health --name <gateway> --resource-group <gateway resource group>; then fix what it names (the app not running, the health probe path, an NSG on the gateway subnet, the backend certificate)',
                notReady: response.status === 502 || response.status === 504
            };
        }
    },
    {
        // Front Door's page "Our services aren't available right now" with an `x-azure-ref` reference
        // (Azure/static-web-apps#774, Azure/azure-cli#23182, microsoft/MCW-Building-a-resilient-IaaS-architecture#73).
        read(response, host) {
            const ref = header(response, 'x-azure-ref');
            if (!/Our services aren.t available right now/i.test(response.body))
                return undefined;
            return {
                author: 'Azure Front Door',
                kind: 'front-end-answered',
                phrase: `Front Door: origin unavailable (${response.status})`,
                message: `Azure Front Door answered ${response.status} "Our services aren't available right now" for ${host}${ref ? ` (x-azure-ref ${ref.slice(0, 60)})` : ''}: it could not get an answer from the origin behind it`,
                remediation: `Check the Front Door route and origin for this host: the origin's host name and HTTP/HTTPS ports must be the app's, the origin healthy (az afd origin list --profile-name <Front Door profile> --resource-group <profile resource group> --origin-group-name <origin group> -o table), and the route's forwarding protocol one the origin serves; or target the app's own URL to test the identity without Front Door${ref ? `. If all of that holds, give Azure support the reference x-azure-ref ${ref.slice(0, 120)}` : ''}`,
                notReady: response.status === 503
            };
        }
    },
    {
        // API Management's `{"statusCode": 401, "message": "Access denied due to missing subscription
        // key..."}` (MicrosoftDocs/SupportArticles-docs support/azure/api-mgmt/availability/
        // unauthorized-errors-invoke-apis.md).
        read(response, host) {
            let said;
            try {
                said = JSON.parse(response.body);
            }
            catch {
                return undefined;
            }
            const message = typeof said?.message === 'string' ? said.message : '';
            if (!/subscription key/i.test(message))
                return undefined;
            const missing = /missing subscription key/i.test(message);
            return {
                author: 'API Management',
                kind: 'endpoint-refused-request',
                phrase: `API Management: subscription key ${missing ? 'missing' : 'invalid'}`,
                message: `Azure API Management answered ${response.status} for ${host}: "${message.slice(0, 160)}": the gateway refused the call before the app`,
                remediation: `Target the app's own URL, not the API Management gateway ${host}: mi-smoke sends its endpoint key, not an API Management subscription key (or publish the smoke endpoint's operation in a product that does not require a subscription)`,
                notReady: false
            };
        }
    },
    {
        // ingress-nginx: 503 "Service Temporarily Unavailable" when the service has no ready endpoints
        // (kubernetes/ingress-nginx#1513, vmware-archive/kube-prod-runtime#733), its default backend's
        // 404 for a host or path no ingress rule serves (kubernetes/ingress-nginx#1551).
        read(response, host) {
            const nginx = /<center>nginx[^<]*<\/center>/i.test(response.body) ||
                /^nginx/i.test(header(response, 'server'));
            if (!nginx)
                return undefined;
            if (response.status === 503) {
                return {
                    author: 'ingress-nginx',
                    kind: 'front-end-answered',
                    phrase: 'ingress-nginx: no ready pod behind the service (503)',
                    message: `nginx (an ingress controller) answered 503 Service Temporarily Unavailable for ${host}: the service behind the ingress has no ready endpoint`,
                    remediation: 'Find the service the ingress rule for this host points at and check that it has ready pods: kubectl get ingress --all-namespaces (the rule for this host and its service), then kubectl get endpoints <service> --namespace <namespace> (no addresses: the pods are not ready or the selector matches none); then run again',
                    notReady: true
                };
            }
            if (response.status === 404) {
                return {
                    author: 'ingress-nginx',
                    kind: 'front-end-answered',
                    phrase: 'ingress-nginx: no ingress rule for this host or path (404)',
                    message: `nginx (an ingress controller's default backend) answered 404 for ${host}: no ingress rule routes this host and path to the app`,
                    remediation: "Add the smoke endpoint's path to the app's ingress rule (or fix the target's host and path): kubectl get ingress --all-namespaces -o wide lists the hosts and paths the controller routes",
                    notReady: false
                };
            }
            return undefined;
        }
    }
];
/** The front end that authored `response`, when one of the readers recognises it. */
function frontEndAnswer(response, host) {
    for (const reader of READERS) {
        const answer = reader.read(response, host);
        if (answer)
            return answer;
    }
    return undefined;
}


/***/ }),

/***/ 9021:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.httpWorkload = httpWorkload;
/**
 * `https://` targets: the runner's side of the smoke endpoint protocol
 * (docs/smoke-endpoint-protocol.md). POSTs the probe request to the endpoint the workload serves
 * and reads its observations back, refusing anything that does not keep the protocol.
 *
 * Credentials: `endpoint-key` as `x-mi-smoke-key` (the orchestrator has already masked it), or a
 * bearer token for `endpoint-audience` that the runner gets from `@azure/identity` (the Azure CLI
 * login `azure/login` left, or the runner's own managed identity), known to the redactor as soon
 * as it exists and never printed.
 * Either travels only to the target's own host, over https (http only to loopback, for tests):
 * a redirect is never followed, it is a dispatch failure that names where it pointed.
 */
const network_errors_1 = __webpack_require__(8375);
const loopback_1 = __webpack_require__(6710);
const observations_validator_1 = __webpack_require__(5736);
const http_request_1 = __webpack_require__(7532);
const format_1 = __webpack_require__(6950);
const smoke_protocol_1 = __webpack_require__(3659);
const redact_1 = __webpack_require__(6800);
const front_end_1 = __webpack_require__(7622);
const workload_1 = __webpack_require__(7228);
const setting_names_1 = __webpack_require__(7047);
const services_1 = __webpack_require__(1147);
const EVIDENCE_LIMIT = 600;
/** DefaultAzureCredential on the runner: azure/login's Azure CLI session or the runner's identity. */
const defaultRunnerToken = async (audience, signal) => {
    const { DefaultAzureCredential } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8955, 23));
    const token = await new DefaultAzureCredential().getToken((0, services_1.scopeForResource)(audience), {
        abortSignal: signal
    });
    if (!token?.token)
        throw new Error('the credential returned no token');
    return token.token;
};
function httpWorkload(target, inputs, options = {}) {
    const getRunnerToken = options.getRunnerToken ?? defaultRunnerToken;
    const waitMs = options.waitMs ?? smoke_protocol_1.RUNNER_WAIT_MS;
    return {
        label: target.line,
        async probe(request, signal) {
            const url = endpointUrl(target.url);
            const headers = {
                'content-type': 'application/json',
                accept: 'application/json',
                'user-agent': 'mi-smoke'
            };
            if (inputs.endpointKey)
                headers[smoke_protocol_1.KEY_HEADER] = inputs.endpointKey;
            if (inputs.endpointAudience) {
                headers['authorization'] =
                    `Bearer ${await runnerToken(getRunnerToken, inputs.endpointAudience, signal)}`;
            }
            const outcome = await (0, http_request_1.httpRequest)({
                method: 'POST',
                url: url.toString(),
                headers,
                body: JSON.stringify(request),
                timeoutMs: waitMs,
                // The answer may take long (IMDS retries, a cold start); the connection may not, and
                // neither may its body: the handler sends its answer whole once it is ready, so a body
                // still trickling `timeout` after the status is not the handler's (docs/reliability.md).
                connectTimeoutMs: inputs.timeoutMs,
                bodyTimeoutMs: inputs.timeoutMs,
                signal,
                // A self-hosted runner's proxy applies to real endpoints; loopback (tests) goes direct.
                proxyEnv: url.protocol === 'https:' ? process.env : undefined,
                maxBodyBytes: smoke_protocol_1.RESPONSE_BODY_LIMIT
            });
            if ((0, http_request_1.isFailure)(outcome)) {
                if (outcome.during === 'body')
                    throw bodyFailure(url, outcome.errorText);
                throw transportFailure(url, outcome.error, outcome.errorText, waitMs);
            }
            if (outcome.status !== 200)
                throw statusFailure(url, outcome, inputs);
            if (outcome.truncated) {
                throw new workload_1.DispatchError(`the smoke endpoint ${url.host} answered more than ${smoke_protocol_1.RESPONSE_BODY_LIMIT} bytes`, 'Serve the @mi-smoke/smoke-endpoint handler unchanged at this URL: its answers are a few kilobytes.').as('unreadable-answer');
            }
            const contentType = String(outcome.headers['content-type'] ?? '');
            if (!/^application\/json\b/i.test(contentType)) {
                throw new workload_1.DispatchError(`the smoke endpoint ${url.host} answered 200 with ${contentType || 'no content type'}, not application/json: this URL does not serve the @mi-smoke/smoke-endpoint handler`, 'Point the target at the path where the app mounts the @mi-smoke/smoke-endpoint handler (e.g. https://app.example.net/mi-smoke).', evidence(outcome.body)).as('unreadable-answer', `not a smoke endpoint's answer (${contentType.split(';')[0] || 'no content type'})`);
            }
            // Parsed only: the orchestrator passes every answer through the one observations validator.
            return (0, observations_validator_1.parseAnswer)(outcome.body, `the smoke endpoint ${url.host}`);
        }
    };
}
function endpointUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new workload_1.DispatchError(`the target '${text}' is not a URL`, 'Write https targets as https://host/path.').as('bad-target');
    }
    if (url.username || url.password) {
        throw new workload_1.DispatchError('the target URL holds user info', 'Remove user:password@ from the target; use endpoint-key.').as('bad-target');
    }
    if (url.protocol === 'https:')
        return url;
    if (url.protocol === 'http:' && (0, loopback_1.isLoopbackHost)(url.hostname))
        return url;
    throw new workload_1.DispatchError(`the target ${url.protocol}//${url.host} is not https: credentials are only sent over https (http only to loopback)`, 'Serve the smoke endpoint over https and write the target as https://...').as('bad-target');
}
async function runnerToken(source, audience, signal) {
    let token;
    try {
        token = await source(audience, signal);
    }
    catch (error) {
        const message = (0, redact_1.redactSecrets)(String(error instanceof Error ? error.message : error).split('\n')[0] ?? '');
        throw new workload_1.DispatchError(`could not get a token for endpoint-audience ${audience} on the runner: ${(0, format_1.cut)(message, 300)}`, 'Run azure/login before this step (or run on a runner with a managed identity), and check that endpoint-audience is the App ID URI or client ID of the app registration App Service authentication uses.').as('runner-not-logged-in', 'no token for endpoint-audience on the runner');
    }
    // Known to the redactor, so no text the action stores or prints can carry it. Not registered
    // with `::add-mask::`: that command would itself print the token on stdout (docs/security.md).
    (0, redact_1.registerSecretText)(token);
    return token;
}
function evidence(body) {
    const text = (0, format_1.cut)((0, redact_1.redactSecrets)(body).trim(), EVIDENCE_LIMIT);
    return text === '' ? undefined : text;
}
/** The handler's own error body, when the answer is one. */
function protocolError(body) {
    try {
        const parsed = JSON.parse(body);
        if (typeof parsed?.error === 'string' && typeof parsed.message === 'string')
            return parsed;
    }
    catch {
        // not ours: a front end's page
    }
    return undefined;
}
/** The status came and the body did not end: the answer was cut or held back, whatever its status. */
function bodyFailure(url, errorText) {
    return new workload_1.DispatchError(`the smoke endpoint ${url.host} started its answer but did not finish it (${errorText})`, 'Serve the @mi-smoke/smoke-endpoint handler unchanged at this URL (it sends its answer whole); check for a proxy or front end in between that holds or cuts responses.');
}
function transportFailure(url, error, errorText, waitMs) {
    const where = url.host;
    // Every TLS kind (untrusted chain, name, dates) is the endpoint's certificate here.
    switch ((0, network_errors_1.isTlsKind)(error) ? 'tls' : error) {
        case 'timeout':
            return new workload_1.DispatchError(`the smoke endpoint ${where} did not answer within ${Math.round(waitMs / 1000)} s`, 'Check that the app is running and the endpoint answers (a cold start can take long: warm the app up first).', errorText).as('endpoint-timeout');
        case 'dns':
            return new workload_1.DispatchError(`the smoke endpoint's host ${url.hostname} does not resolve`, 'Check the target URL (slot hostnames are app-slot.azurewebsites.net).', errorText).as('endpoint-unreachable', `endpoint host ${url.hostname} does not resolve`);
        // TLS by its kind: each has its own fix, and none of them is the others' (no clock advice for
        // an untrusted chain, no CA for a name the certificate does not cover).
        case 'tls-untrusted':
            return new workload_1.DispatchError(`the runner does not trust the certificate chain of the smoke endpoint ${where}`, "If the runner's network inspects TLS, trust that proxy's CA for this job (NODE_EXTRA_CA_CERTS=<its CA file>); otherwise serve the endpoint with a certificate from a public CA.", errorText).as('endpoint-unreachable', "the endpoint's certificate is not trusted");
        case 'tls-name':
            return new workload_1.DispatchError(`the certificate of the smoke endpoint ${where} does not cover ${url.hostname}`, `Call the endpoint by a name its certificate covers (the app's default host name or a custom domain bound with its certificate), or bind a certificate for ${url.hostname}.`, errorText).as('endpoint-unreachable', `the endpoint's certificate does not cover ${url.hostname}`);
        case 'tls-expired':
            return new workload_1.DispatchError(`the certificate of the smoke endpoint ${where} is expired or not yet valid`, "Renew the endpoint's certificate; if it is valid, check the runner's clock.", errorText).as('endpoint-unreachable', "the endpoint's certificate is out of date");
        case 'tls':
            return new workload_1.DispatchError(`TLS with the smoke endpoint ${where} failed`, 'Serve the endpoint with a certificate the runner trusts.', errorText).as('endpoint-unreachable', 'TLS with the endpoint failed');
        case 'proxy':
        case 'proxy-auth':
        case 'proxy-denied':
            // The runner's proxy refused the tunnel (CONNECT): its 407 wants credentials, anything else
            // is its access control; the app was never reached.
            return error === 'proxy-auth' || /\b407\b/.test(errorText)
                ? new workload_1.DispatchError(`the runner's proxy wants credentials to reach ${where} (407 Proxy Authentication Required)`, `Give the runner's proxy its credentials: set HTTPS_PROXY for this job to http://<proxy user>:<proxy password>@<proxy host>:<proxy port> (keep the password in a secret), or, if the runner reaches ${url.hostname} without the proxy, add ${url.hostname} to NO_PROXY`, errorText).as('proxy-refused', "the runner's proxy wants credentials (407)")
                : new workload_1.DispatchError(`the runner's proxy did not open a tunnel to ${where}: ${errorText}`, `Ask the proxy's administrators to allow CONNECT to ${url.hostname}:${url.port || 443} for the runner, or add ${url.hostname} to NO_PROXY if the runner reaches it directly`, errorText).as('proxy-refused', `the runner's proxy refused ${url.hostname}`);
        default:
            return new workload_1.DispatchError(`could not reach the smoke endpoint ${where} (${error})`, 'Check that the app is running and reachable from the runner (access restrictions, private endpoints, firewall).', errorText, 
            // A refused or reset connection is what an app restarting after a deploy looks like.
            error === 'refused' || error === 'reset').as('endpoint-unreachable');
    }
}
function statusFailure(url, response, inputs) {
    const status = response.status;
    const ours = protocolError(response.body);
    const said = ours ? `: ${(0, format_1.cut)((0, redact_1.redactSecrets)(ours.message), 300)}` : '';
    const proof = evidence(response.body);
    const where = url.host;
    // Someone other than the handler answered: its own words, its own fix.
    const front = ours ? undefined : (0, front_end_1.frontEndAnswer)(response, where);
    if (front) {
        return new workload_1.DispatchError(front.message, front.remediation, proof, front.notReady).as(front.kind, front.phrase);
    }
    if (status >= 300 && status < 400) {
        const location = String(response.headers['location'] ?? '');
        let to = 'no Location';
        try {
            to = location ? new URL(location, url).host : to;
        }
        catch {
            to = 'an unreadable Location';
        }
        return new workload_1.DispatchError(`the smoke endpoint ${where} answered ${status} redirecting to ${to}; mi-smoke never follows a redirect with credentials`, 'Put the final URL in targets (https, the exact path of the handler); if App Service authentication redirects to a login page, call it with endpoint-audience (a bearer token) instead.').as('endpoint-redirected', `endpoint redirected to ${to}`);
    }
    switch (status) {
        case 401:
            return new workload_1.DispatchError(`the smoke endpoint ${where} refused the credentials (401)${said}`, inputs.endpointAudience
                ? `Check that App Service authentication accepts tokens for ${inputs.endpointAudience} and that the handler's appServiceAuth.audiences lists it.`
                : inputs.endpointKey
                    ? "Set endpoint-key to the same secret as the app's MI_SMOKE_KEY setting."
                    : "Set endpoint-key (the app's MI_SMOKE_KEY) or endpoint-audience.", proof).as(inputs.endpointAudience ? 'endpoint-refused-token' : 'endpoint-refused-key', inputs.endpointAudience || inputs.endpointKey
                ? undefined
                : 'endpoint wants a key (none set)');
        case 403:
            return new workload_1.DispatchError(ours
                ? `the smoke endpoint ${where} refused the request (403)${said}`
                : `the smoke endpoint ${where} answered 403 before the handler (access restrictions or authentication in front of the app?)`, ours
                ? "The endpoint only sends a token to https hosts of its allowlist, for that host's own audience: fix the check's URL or resource=, or add the host to the handler's allowlist option."
                : "Allow the runner through the app's access restrictions, or authenticate with endpoint-audience.", proof).as('endpoint-refused-request', ours ? "endpoint refused the check's host or audience" : 'refused before the app (403)');
        case 404:
            return new workload_1.DispatchError(`there is no smoke endpoint at ${url.toString()} (404)`, 'Mount the @mi-smoke/smoke-endpoint handler at this path, or fix the path in targets.', proof).as('endpoint-not-found');
        case 405:
        case 415:
        case 400:
            return new workload_1.DispatchError(`the smoke endpoint ${where} rejected the request (${status})${said}`, 'Use the same mi-smoke release for the app (@mi-smoke/smoke-endpoint) and the workflow.', proof).as('endpoint-refused-request', `endpoint rejected the request (${status})`);
        case 413:
            return new workload_1.DispatchError(`the smoke endpoint ${where} found the request too large (413)${said}`, 'Use fewer checks per run (at most 20), or a front end that accepts 64 KB bodies.', proof).as('endpoint-refused-request', 'request too large (413)');
        case 429: {
            const retryAfter = String(response.headers['retry-after'] ?? '');
            return new workload_1.DispatchError(`the smoke endpoint ${where} is rate limited (429)${retryAfter ? `; retry after ${retryAfter} s` : ''}`, "Run the smoke test less often (the handler allows 6 runs a minute by default), or raise the handler's rateLimit option.", proof).as('endpoint-rate-limited');
        }
    }
    if (status >= 500) {
        return new workload_1.DispatchError(ours
            ? `the smoke endpoint ${where} failed (${status})${said}`
            : `the app behind ${where} answered ${status} (${status === 502 || status === 503 ? 'not running or starting' : 'front-end error'})`, ours
            ? "Look at the app's log for the handler's error."
            : `Check that the app is running (a slot just deployed may still be starting: raise ${(0, setting_names_1.setting)('ready-wait')}, or warm it up first).`, proof, 
        // The front end's 502/503/504 while the app starts; the handler's own 5xx is an answer.
        !ours && (status === 502 || status === 503 || status === 504)).as(ours ? 'endpoint-failed' : 'front-end-answered', ours ? undefined : `the app's front end answered ${status}`);
    }
    return new workload_1.DispatchError(`the smoke endpoint ${where} answered ${status}, not 200`, 'Point the target at the path where the app serves the @mi-smoke/smoke-endpoint handler.', proof).as('front-end-answered', `answered ${status}, not the smoke endpoint`);
}


/***/ }),

/***/ 7228:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DispatchError = void 0;
var dispatch_error_1 = __webpack_require__(4194);
Object.defineProperty(exports, "DispatchError", ({ enumerable: true, get: function () { return dispatch_error_1.DispatchError; } }));


/***/ })

};
;
//# sourceMappingURL=21.index.js.map