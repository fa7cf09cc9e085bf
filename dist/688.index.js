"use strict";
exports.id = 688;
exports.ids = [688];
exports.modules = {

/***/ 6688:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.httpWorkload = httpWorkload;
/**
 * `https://` targets: the runner's side of the smoke endpoint protocol
 * (docs/smoke-endpoint-protocol.md). POSTs the probe request to the endpoint the workload serves
 * and reads its observations back, refusing anything that does not keep the protocol.
 *
 * Credentials: `endpoint-key` as `x-mi-smoke-key` (the orchestrator has already masked it), or a
 * bearer token for `endpoint-audience` that the runner gets from `@azure/identity` (the Azure CLI
 * login `azure/login` left, or the runner's own managed identity), masked as soon as it exists.
 * Either travels only to the target's own host, over https (http only to loopback, for tests):
 * a redirect is never followed, it is a dispatch failure that names where it pointed.
 */
const runner = __importStar(__webpack_require__(4813));
const loopback_1 = __webpack_require__(6918);
const http_request_1 = __webpack_require__(2994);
const protocol_1 = __webpack_require__(7869);
const validate_observations_1 = __webpack_require__(1511);
const workload_1 = __webpack_require__(8697);
const EVIDENCE_LIMIT = 600;
/** `https://management.azure.com/` or `api://mi-smoke` → the `.default` scope of that audience. */
function scopeFor(audience) {
    return `${audience.replace(/\/+$/, '')}/.default`;
}
/** DefaultAzureCredential on the runner: azure/login's Azure CLI session or the runner's identity. */
const defaultRunnerToken = async (audience, signal) => {
    const { DefaultAzureCredential } = await __webpack_require__.e(/* import() */ 491).then(__webpack_require__.bind(__webpack_require__, 1491));
    const token = await new DefaultAzureCredential().getToken(scopeFor(audience), {
        abortSignal: signal
    });
    if (!token?.token)
        throw new Error('the credential returned no token');
    return token.token;
};
function httpWorkload(target, inputs, options = {}) {
    const getRunnerToken = options.getRunnerToken ?? defaultRunnerToken;
    const waitMs = options.waitMs ?? protocol_1.RUNNER_WAIT_MS;
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
                headers[protocol_1.KEY_HEADER] = inputs.endpointKey;
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
                // The answer may take long (IMDS retries, a cold start); the connection may not.
                connectTimeoutMs: inputs.timeoutMs,
                signal,
                // A self-hosted runner's proxy applies to real endpoints; loopback (tests) goes direct.
                proxyEnv: url.protocol === 'https:' ? process.env : undefined,
                maxBodyBytes: protocol_1.RESPONSE_BODY_LIMIT
            });
            if ((0, http_request_1.isFailure)(outcome))
                throw transportFailure(url, outcome.error, outcome.errorText, waitMs);
            if (outcome.status !== 200)
                throw statusFailure(url, outcome, inputs);
            if (outcome.truncated) {
                throw new workload_1.DispatchError(`the smoke endpoint ${url.host} answered more than ${protocol_1.RESPONSE_BODY_LIMIT} bytes`, 'Serve the @mi-smoke/smoke-endpoint handler unchanged at this URL: its answers are a few kilobytes.');
            }
            const contentType = String(outcome.headers['content-type'] ?? '');
            if (!/^application\/json\b/i.test(contentType)) {
                throw new workload_1.DispatchError(`the smoke endpoint ${url.host} answered 200 with ${contentType || 'no content type'}, not application/json: this URL does not serve the @mi-smoke/smoke-endpoint handler`, 'Point the target at the path where the app mounts the @mi-smoke/smoke-endpoint handler (e.g. https://app.example.net/mi-smoke).', evidence(outcome.body));
            }
            try {
                return (0, validate_observations_1.validateObservations)(outcome.body, {
                    nonce: request.nonce,
                    checkCount: request.checks.length
                });
            }
            catch (error) {
                if (!(error instanceof validate_observations_1.InvalidObservations))
                    throw error;
                throw new workload_1.DispatchError(`the smoke endpoint ${url.host} answered, but not with valid observations: ${error.message}`, 'Use the same mi-smoke release for the app (@mi-smoke/smoke-endpoint) and the workflow; serve the handler unchanged.');
            }
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
        const message = (0, protocol_1.redactTokens)(String(error instanceof Error ? error.message : error).split('\n')[0] ?? '');
        throw new workload_1.DispatchError(`could not get a token for endpoint-audience ${audience} on the runner: ${(0, protocol_1.cut)(message, 300)}`, 'Run azure/login before this step (or run on a runner with a managed identity), and check that endpoint-audience is the App ID URI or client ID of the app registration App Service authentication uses.');
    }
    runner.setSecret(token);
    return token;
}
function evidence(body) {
    const text = (0, protocol_1.cut)((0, protocol_1.redactTokens)(body).trim(), EVIDENCE_LIMIT);
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
    const said = ours ? `: ${(0, protocol_1.cut)((0, protocol_1.redactTokens)(ours.message), 300)}` : '';
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
            : 'Check that the app is running (a slot just deployed may still be starting: raise ready-wait, or warm it up first).', proof, 
        // The front end's 502/503/504 while the app starts; the handler's own 5xx is an answer.
        !ours && (status === 502 || status === 503 || status === 504));
    }
    return new workload_1.DispatchError(`the smoke endpoint ${where} answered ${status}, not 200`, 'Point the target at the path where the app serves the @mi-smoke/smoke-endpoint handler.', proof);
}


/***/ }),

/***/ 7869:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JWT_PATTERN = exports.DEFAULT_IMDS_ENDPOINT = exports.RUNNER_WAIT_MS = exports.MAX_DEADLINE_MS = exports.DEFAULT_DEADLINE_MS = exports.MAX_REQUEST_TIMEOUT_MS = exports.MAX_CHECKS = exports.RESPONSE_BODY_LIMIT = exports.REQUEST_BODY_LIMIT = exports.KEY_HEADER = exports.PROTOCOL_VERSION = void 0;
exports.redactTokens = redactTokens;
exports.cut = cut;
/**
 * The smoke endpoint protocol (docs/smoke-endpoint-protocol.md): the numbers and names both sides
 * agree on. The runner (`src/dispatch/http.ts`) and the handler (`src/smoke-endpoint/`) import them from
 * here so a change to the protocol is one edit.
 */
const observations_1 = __webpack_require__(7292);
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
 * Something shaped like a whole JWT (three base64url segments, the first a JSON header): what must
 * never cross the wire. Claims alone (one segment) are allowed.
 */
exports.JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/;
/** Removes anything token-shaped from a text that is about to be shown or sent. */
function redactTokens(text) {
    return text.replace(new RegExp(exports.JWT_PATTERN.source, 'g'), '[redacted token]');
}
/** Cuts a text for a message or evidence line. */
function cut(text, limit) {
    return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}


/***/ }),

/***/ 1511:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InvalidObservations = void 0;
exports.validateObservations = validateObservations;
/**
 * The runner's reading of a smoke endpoint's answer: the observations of schema `mi-smoke-obs/1`
 * and nothing else. Whatever does not fit (another version, another run's nonce, a wrong type, an
 * oversized field, anything shaped like a token) is refused with what was wrong, and the caller
 * reports it as `dispatch-failed`. Only the known fields are copied, so nothing else an endpoint
 * sends can reach the report.
 */
const observations_1 = __webpack_require__(7292);
const protocol_1 = __webpack_require__(7869);
class InvalidObservations extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidObservations';
    }
}
exports.InvalidObservations = InvalidObservations;
const SOURCES = [
    'imds',
    'app-service',
    'arc',
    'cloud-shell',
    'workload-identity',
    'service-fabric',
    'none'
];
const TRANSPORT_ERRORS = [
    'timeout',
    'refused',
    'dns',
    'tls',
    'reset',
    'unreachable',
    'proxy',
    'other'
];
const SHAPES = ['jwt', 'opaque', 'absent'];
/** Room for the probe's cut marker and JSON escapes on top of BODY_LIMIT characters. */
const BODY_FIELD_LIMIT = observations_1.BODY_LIMIT + 64;
const TEXT_LIMIT = 2048;
const CLAIMS_LIMIT = 16 * 1024;
const MAX_TOKENS = 50;
const MAX_SDK = 10;
function fail(path, problem) {
    throw new InvalidObservations(`${path} ${problem}`);
}
function object(value, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(path, 'is not an object');
    return value;
}
function str(o, name, path, limit, required = false) {
    const value = o[name];
    if (value === undefined && !required)
        return undefined;
    if (typeof value !== 'string')
        fail(`${path}.${name}`, 'is not a string');
    if (value.length > limit)
        fail(`${path}.${name}`, `is longer than ${limit} characters`);
    return value;
}
function num(o, name, path, required = false) {
    const value = o[name];
    if (value === undefined && !required)
        return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        fail(`${path}.${name}`, 'is not a non-negative number');
    return value;
}
function array(value, path, limit) {
    if (!Array.isArray(value))
        fail(path, 'is not an array');
    if (value.length > limit)
        fail(path, `has more than ${limit} entries`);
    return value;
}
function defined(value) {
    for (const key of Object.keys(value))
        if (value[key] === undefined)
            delete value[key];
    return value;
}
function exchange(o, path) {
    const status = num(o, 'status', path);
    if (status !== undefined && (!Number.isInteger(status) || status < 100 || status > 599))
        fail(`${path}.status`, 'is not an HTTP status');
    const error = str(o, 'error', path, 32);
    if (error !== undefined && !TRANSPORT_ERRORS.includes(error))
        fail(`${path}.error`, `is not a known transport error (${error})`);
    return defined({
        url: str(o, 'url', path, TEXT_LIMIT, true),
        status,
        error: error,
        errorText: str(o, 'errorText', path, TEXT_LIMIT),
        body: str(o, 'body', path, BODY_FIELD_LIMIT),
        retryAfter: str(o, 'retryAfter', path, 64),
        attempts: num(o, 'attempts', path, true),
        ms: num(o, 'ms', path, true)
    });
}
function claimsSegment(o, path) {
    const claims = str(o, 'claims', path, CLAIMS_LIMIT);
    if (claims !== undefined && !/^[A-Za-z0-9_-]*={0,2}$/.test(claims))
        fail(`${path}.claims`, 'is not one base64url segment');
    return claims;
}
function token(value, path) {
    const o = object(value, path);
    const shape = str(o, 'shape', path, 16);
    if (shape !== undefined && !SHAPES.includes(shape))
        fail(`${path}.shape`, `is not jwt, opaque or absent`);
    let fields;
    if (o['fields'] !== undefined) {
        const raw = object(o['fields'], `${path}.fields`);
        if (Object.keys(raw).length > 30)
            fail(`${path}.fields`, 'has more than 30 fields');
        fields = {};
        for (const [name, field] of Object.entries(raw)) {
            if (name === 'access_token' || name === 'refresh_token')
                fail(`${path}.fields`, `holds ${name}`);
            if (typeof field === 'number')
                fields[name] = field;
            else if (typeof field === 'string' && field.length <= TEXT_LIMIT)
                fields[name] = field;
            else
                fail(`${path}.fields.${name}`, 'is not a short string or a number');
        }
    }
    return defined({
        ...exchange(o, path),
        resource: str(o, 'resource', path, TEXT_LIMIT, true),
        fields,
        shape: shape,
        claims: claimsSegment(o, path)
    });
}
function api(value, path, checkCount) {
    const o = object(value, path);
    const check = num(o, 'check', path, true);
    if (!Number.isInteger(check) || check >= checkCount)
        fail(`${path}.check`, `is not the index of one of the ${checkCount} checks`);
    return defined({ ...exchange(o, path), check, notCalled: str(o, 'notCalled', path, TEXT_LIMIT) });
}
function sdk(value, path) {
    const o = object(value, path);
    return defined({
        credential: str(o, 'credential', path, 128, true),
        clientIdSetting: str(o, 'clientIdSetting', path, 256),
        claims: claimsSegment(o, path),
        error: str(o, 'error', path, TEXT_LIMIT),
        ms: num(o, 'ms', path, true)
    });
}
/** Where the handler runs: a known platform, and plain resource names only. */
function platform(value) {
    const o = object(value, 'platform');
    const kind = str(o, 'kind', 'platform', 32, true);
    if (!observations_1.HOSTING_PLATFORMS.includes(kind))
        fail('platform.kind', 'is not a known platform');
    const variable = str(o, 'variable', 'platform', 64, true);
    if (!/^[A-Z_]{1,64}$/.test(variable))
        fail('platform.variable', 'is not a variable name');
    const names = {};
    for (const field of ['name', 'resourceGroup']) {
        const text = str(o, field, 'platform', 100);
        if (text === undefined)
            continue;
        if (!/^[\w.-]{1,100}$/.test(text))
            fail(`platform.${field}`, 'is not a resource name');
        names[field] = text;
    }
    return { kind, variable, ...names };
}
function meta(value, path) {
    const o = object(value, path);
    const result = {};
    for (const name of observations_1.WORKLOAD_META_FIELDS) {
        const field = str(o, name, path, 1024);
        if (field !== undefined)
            result[name] = field;
    }
    return result;
}
/**
 * Reads the answer body (already size-limited) for the request with `nonce` and `checkCount` checks.
 * Throws InvalidObservations saying what was wrong; never quotes anything token-shaped.
 */
function validateObservations(text, expected) {
    if (protocol_1.JWT_PATTERN.test(text)) {
        throw new InvalidObservations('the answer holds something shaped like an access token; it was discarded unread');
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new InvalidObservations('the answer is not JSON');
    }
    const o = object(value, 'the answer');
    if (o['v'] !== protocol_1.PROTOCOL_VERSION) {
        throw new InvalidObservations(`the answer is protocol version ${JSON.stringify(o['v'])}, this action speaks ${protocol_1.PROTOCOL_VERSION}: use the same mi-smoke release in the app and the workflow`);
    }
    if (o['nonce'] !== expected.nonce) {
        throw new InvalidObservations("the answer's nonce is not this request's: it answers another request (a cache or proxy in between?)");
    }
    const source = str(o, 'source', 'the answer', 32, true);
    if (!SOURCES.includes(source))
        fail('the answer.source', `is not a known identity source (${source})`);
    return defined({
        v: protocol_1.PROTOCOL_VERSION,
        nonce: expected.nonce,
        probe: str(o, 'probe', 'the answer', 64, true),
        source: source,
        sourceDetail: str(o, 'sourceDetail', 'the answer', TEXT_LIMIT),
        platform: o['platform'] === undefined ? undefined : platform(o['platform']),
        instance: o['instance'] === undefined
            ? undefined
            : exchange(object(o['instance'], 'instance'), 'instance'),
        meta: o['meta'] === undefined ? undefined : meta(o['meta'], 'meta'),
        tokens: array(o['tokens'], 'tokens', MAX_TOKENS).map((t, i) => token(t, `tokens[${i}]`)),
        apis: array(o['apis'], 'apis', expected.checkCount).map((a, i) => api(a, `apis[${i}]`, expected.checkCount)),
        sdk: o['sdk'] === undefined
            ? undefined
            : array(o['sdk'], 'sdk', MAX_SDK).map((s, i) => sdk(s, `sdk[${i}]`))
    });
}


/***/ })

};
;
//# sourceMappingURL=688.index.js.map