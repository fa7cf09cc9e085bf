"use strict";
exports.id = 21;
exports.ids = [21];
exports.modules = {

/***/ 3659:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.redactTokens = exports.containsJwt = exports.DEFAULT_IMDS_ENDPOINT = exports.RUNNER_WAIT_MS = exports.MAX_DEADLINE_MS = exports.DEFAULT_DEADLINE_MS = exports.MAX_REQUEST_TIMEOUT_MS = exports.MAX_CHECKS = exports.RESPONSE_BODY_LIMIT = exports.REQUEST_BODY_LIMIT = exports.KEY_HEADER = exports.PROTOCOL_VERSION = void 0;
exports.cut = cut;
/**
 * The smoke endpoint protocol (docs/smoke-endpoint-protocol.md): the numbers and names both sides
 * agree on. The runner (`src/engine/dispatch/http.ts`) and the handler (`packages/smoke-endpoint/src/`) import them from
 * here so a change to the protocol is one edit.
 */
const observations_1 = __webpack_require__(1132);
/** Version of the request and the response; a peer that speaks another one is refused. */
exports.PROTOCOL_VERSION = observations_1.OBSERVATIONS_VERSION;
/** The shared-key header (input `endpoint-key`). Lower case: node lower-cases header names. */
exports.KEY_HEADER = 'x-mi-smoke-key';
/** Largest request body the handler reads; more is 413 before any parsing. */
exports.REQUEST_BODY_LIMIT = 64 * 1024;
/** Largest response body the runner reads; more is `dispatch-failed`. */
exports.RESPONSE_BODY_LIMIT = 1024 * 1024;
/** Checks one request may carry. */
exports.MAX_CHECKS = 20;
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
 * allowed), and the redactor for text about to be shown or sent: both from the one redactor.
 */
var redact_1 = __webpack_require__(6800);
Object.defineProperty(exports, "containsJwt", ({ enumerable: true, get: function () { return redact_1.containsJwt; } }));
Object.defineProperty(exports, "redactTokens", ({ enumerable: true, get: function () { return redact_1.redactSecrets; } }));
/** Cuts a text for a message or evidence line. */
function cut(text, limit) {
    return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}


/***/ }),

/***/ 9021:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.httpWorkload = httpWorkload;
const loopback_1 = __webpack_require__(6710);
const observations_validator_1 = __webpack_require__(5736);
const http_request_1 = __webpack_require__(7532);
const smoke_protocol_1 = __webpack_require__(3659);
const redact_1 = __webpack_require__(6800);
const workload_1 = __webpack_require__(7228);
const setting_names_1 = __webpack_require__(7047);
const EVIDENCE_LIMIT = 600;
/** `https://management.azure.com/` or `api://mi-smoke` → the `.default` scope of that audience. */
function scopeFor(audience) {
    return `${audience.replace(/\/+$/, '')}/.default`;
}
/** DefaultAzureCredential on the runner: azure/login's Azure CLI session or the runner's identity. */
const defaultRunnerToken = async (audience, signal) => {
    const { DefaultAzureCredential } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8955, 23));
    const token = await new DefaultAzureCredential().getToken(scopeFor(audience), {
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
                throw new workload_1.DispatchError(`the smoke endpoint ${url.host} answered more than ${smoke_protocol_1.RESPONSE_BODY_LIMIT} bytes`, 'Serve the @mi-smoke/smoke-endpoint handler unchanged at this URL: its answers are a few kilobytes.');
            }
            const contentType = String(outcome.headers['content-type'] ?? '');
            if (!/^application\/json\b/i.test(contentType)) {
                throw new workload_1.DispatchError(`the smoke endpoint ${url.host} answered 200 with ${contentType || 'no content type'}, not application/json: this URL does not serve the @mi-smoke/smoke-endpoint handler`, 'Point the target at the path where the app mounts the @mi-smoke/smoke-endpoint handler (e.g. https://app.example.net/mi-smoke).', evidence(outcome.body));
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
        throw new workload_1.DispatchError(`the target '${text}' is not a URL`, 'Write https targets as https://host/path.');
    }
    if (url.username || url.password) {
        throw new workload_1.DispatchError('the target URL holds user info', 'Remove user:password@ from the target; use endpoint-key.');
    }
    if (url.protocol === 'https:')
        return url;
    if (url.protocol === 'http:' && (0, loopback_1.isLoopbackHost)(url.hostname))
        return url;
    throw new workload_1.DispatchError(`the target ${url.protocol}//${url.host} is not https: credentials are only sent over https (http only to loopback)`, 'Serve the smoke endpoint over https and write the target as https://...');
}
async function runnerToken(source, audience, signal) {
    let token;
    try {
        token = await source(audience, signal);
    }
    catch (error) {
        const message = (0, smoke_protocol_1.redactTokens)(String(error instanceof Error ? error.message : error).split('\n')[0] ?? '');
        throw new workload_1.DispatchError(`could not get a token for endpoint-audience ${audience} on the runner: ${(0, smoke_protocol_1.cut)(message, 300)}`, 'Run azure/login before this step (or run on a runner with a managed identity), and check that endpoint-audience is the App ID URI or client ID of the app registration App Service authentication uses.');
    }
    // Known to the redactor, so no text the action stores or prints can carry it. Not registered
    // with `::add-mask::`: that command would itself print the token on stdout (docs/security.md).
    (0, redact_1.registerSecretText)(token);
    return token;
}
function evidence(body) {
    const text = (0, smoke_protocol_1.cut)((0, smoke_protocol_1.redactTokens)(body).trim(), EVIDENCE_LIMIT);
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
    switch (error) {
        case 'timeout':
            return new workload_1.DispatchError(`the smoke endpoint ${where} did not answer within ${Math.round(waitMs / 1000)} s`, 'Check that the app is running and the endpoint answers (a cold start can take long: warm the app up first).', errorText);
        case 'dns':
            return new workload_1.DispatchError(`the smoke endpoint's host ${url.hostname} does not resolve`, 'Check the target URL (slot hostnames are app-slot.azurewebsites.net).', errorText);
        case 'tls':
            return new workload_1.DispatchError(`TLS with the smoke endpoint ${where} failed`, 'Serve the endpoint with a certificate the runner trusts.', errorText);
        default:
            return new workload_1.DispatchError(`could not reach the smoke endpoint ${where} (${error})`, 'Check that the app is running and reachable from the runner (access restrictions, private endpoints, firewall).', errorText, 
            // A refused or reset connection is what an app restarting after a deploy looks like.
            error === 'refused' || error === 'reset');
    }
}
function statusFailure(url, response, inputs) {
    const status = response.status;
    const ours = protocolError(response.body);
    const said = ours ? `: ${(0, smoke_protocol_1.cut)((0, smoke_protocol_1.redactTokens)(ours.message), 300)}` : '';
    const proof = evidence(response.body);
    const where = url.host;
    if (status >= 300 && status < 400) {
        const location = String(response.headers['location'] ?? '');
        let to = 'no Location';
        try {
            to = location ? new URL(location, url).host : to;
        }
        catch {
            to = 'an unreadable Location';
        }
        return new workload_1.DispatchError(`the smoke endpoint ${where} answered ${status} redirecting to ${to}; mi-smoke never follows a redirect with credentials`, 'Put the final URL in targets (https, the exact path of the handler); if App Service authentication redirects to a login page, call it with endpoint-audience (a bearer token) instead.');
    }
    switch (status) {
        case 401:
            return new workload_1.DispatchError(`the smoke endpoint ${where} refused the credentials (401)${said}`, inputs.endpointAudience
                ? `Check that App Service authentication accepts tokens for ${inputs.endpointAudience} and that the handler's appServiceAuth.audiences lists it.`
                : inputs.endpointKey
                    ? "Set endpoint-key to the same secret as the app's MI_SMOKE_KEY setting."
                    : "Set endpoint-key (the app's MI_SMOKE_KEY) or endpoint-audience.", proof);
        case 403:
            return new workload_1.DispatchError(ours
                ? `the smoke endpoint ${where} refused the request (403)${said}`
                : `the smoke endpoint ${where} answered 403 before the handler (access restrictions or authentication in front of the app?)`, ours
                ? "The endpoint only sends a token to https hosts of its allowlist, for that host's own audience: fix the check's URL or resource=, or add the host to the handler's allowlist option."
                : "Allow the runner through the app's access restrictions, or authenticate with endpoint-audience.", proof);
        case 404:
            return new workload_1.DispatchError(`there is no smoke endpoint at ${url.toString()} (404)`, 'Mount the @mi-smoke/smoke-endpoint handler at this path, or fix the path in targets.', proof);
        case 405:
        case 415:
        case 400:
            return new workload_1.DispatchError(`the smoke endpoint ${where} rejected the request (${status})${said}`, 'Use the same mi-smoke release for the app (@mi-smoke/smoke-endpoint) and the workflow.', proof);
        case 413:
            return new workload_1.DispatchError(`the smoke endpoint ${where} found the request too large (413)${said}`, 'Use fewer checks per run (at most 20), or a front end that accepts 64 KB bodies.', proof);
        case 429: {
            const retryAfter = String(response.headers['retry-after'] ?? '');
            return new workload_1.DispatchError(`the smoke endpoint ${where} is rate limited (429)${retryAfter ? `; retry after ${retryAfter} s` : ''}`, "Run the smoke test less often (the handler allows 6 runs a minute by default), or raise the handler's rateLimit option.", proof);
        }
    }
    if (status >= 500) {
        return new workload_1.DispatchError(ours
            ? `the smoke endpoint ${where} failed (${status})${said}`
            : `the app behind ${where} answered ${status} (${status === 502 || status === 503 ? 'not running or starting' : 'front-end error'})`, ours
            ? "Look at the app's log for the handler's error."
            : `Check that the app is running (a slot just deployed may still be starting: raise ${(0, setting_names_1.setting)('ready-wait')}, or warm it up first).`, proof, 
        // The front end's 502/503/504 while the app starts; the handler's own 5xx is an answer.
        !ours && (status === 502 || status === 503 || status === 504));
    }
    return new workload_1.DispatchError(`the smoke endpoint ${where} answered ${status}, not 200`, 'Point the target at the path where the app serves the @mi-smoke/smoke-endpoint handler.', proof);
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