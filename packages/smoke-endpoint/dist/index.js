/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 926:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createAllowlist = createAllowlist;
/**
 * Where the smoke endpoint handler may send a token: the rule that stops a caller (even one holding
 * the key) from making the workload hand its token to a host of the caller's choosing.
 *
 * A check passes only when its URL is https to a host in the allowlist and the token it asks for
 * is for an audience that host accepts. By default the allowlist is the Azure service hosts table
 * (`src/azure/services.ts`): a token for Key Vault may go to `*.vault.azure.net` and nowhere else.
 * Extra rules name exact hosts (with port, if any) and the audiences they accept; only an extra rule
 * may allow plain http, and only to a loopback address (tests and emulators).
 */
const services_1 = __nccwpck_require__(147);
const loopback_1 = __nccwpck_require__(710);
const url_ambiguity_1 = __nccwpck_require__(94);
function refuse(reason) {
    return { allowed: false, reason };
}
function createAllowlist(options = {}) {
    const rules = (options.extraRules ?? []).map(rule => {
        const host = rule.host.toLowerCase();
        const hostname = new URL(`http://${host}`).hostname;
        if (rule.allowHttp && !(0, loopback_1.isLoopbackHost)(hostname)) {
            throw new Error(`allowlist rule for ${rule.host}: plain http is only allowed to a loopback address`);
        }
        return { ...rule, host };
    });
    const useAzureTable = options.azureHosts !== false;
    return check => {
        // Placeholders are expanded on the workload after this decision: none may sit in the authority,
        // or the host that is checked here would not be the host that is called.
        const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(check.url)?.[1];
        if (authority === undefined)
            return refuse(`'${check.url}' is not an absolute URL`);
        if (/[{}@%\\]/.test(authority)) {
            return refuse(`the host part of '${check.url}' may not hold placeholders, user info or escapes`);
        }
        // The runner refused these already; a request from elsewhere is refused the same way, so the
        // host checked here is the host every client would connect to.
        const ambiguity = (0, url_ambiguity_1.urlAmbiguity)(check.url);
        if (ambiguity !== undefined)
            return refuse(`the check URL ${ambiguity}`);
        let url;
        try {
            url = new URL(check.url);
        }
        catch {
            return refuse(`'${check.url}' is not a valid URL`);
        }
        const rewritten = (0, url_ambiguity_1.hostRewrite)(check.url, url);
        if (rewritten !== undefined)
            return refuse(`the check URL ${rewritten}`);
        const host = url.host.toLowerCase();
        const rule = rules.find(r => r.host === host);
        if (rule) {
            if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rule.allowHttp)) {
                return refuse(`${url.protocol}// to ${host} is not allowed; only https`);
            }
            if (!rule.audiences.includes(check.resource)) {
                return refuse(`host ${host} accepts tokens for ${rule.audiences.join(', ')}, not for ${check.resource}`);
            }
            return { allowed: true };
        }
        if (url.protocol !== 'https:') {
            return refuse(`${url.protocol}// to ${host} is not allowed; a token only travels over https`);
        }
        if (!useAzureTable || url.port !== '') {
            return refuse(`host ${host} is not in this endpoint's allowlist`);
        }
        const service = (0, services_1.serviceForHost)(url.hostname);
        if (service === undefined) {
            return refuse(`host ${url.hostname} is not an Azure service host of this endpoint's allowlist`);
        }
        if (!(0, services_1.audienceAccepted)(check.resource, service)) {
            return refuse(`host ${url.hostname} (${service.service}) accepts tokens for ${service.accepted.join(', ')}, not for ${check.resource}`);
        }
        return { allowed: true };
    };
}


/***/ }),

/***/ 606:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MIN_KEY_LENGTH = void 0;
exports.header = header;
exports.keysMatch = keysMatch;
exports.authenticate = authenticate;
/**
 * Who may ask the smoke endpoint to run: a caller with the shared key, or a caller App Service
 * authentication has already authenticated with a token for the endpoint's audience.
 *
 * What is trusted, exactly:
 * - `x-mi-smoke-key`: compared in constant time with the configured key (SHA-256 digests of both,
 *   so the comparison does not depend on, or reveal, the key's length).
 * - App Service authentication ("Easy Auth"): the handler never validates a bearer token itself.
 *   It trusts the `X-MS-CLIENT-PRINCIPAL` header that the platform's front end injects after it has
 *   validated the token, because App Service does not let external requests set that header. That
 *   is true only behind the front end with authentication on, so the header counts only when
 *   `WEBSITE_AUTH_ENABLED` is `True` in the environment (App Service sets it), or when the app says
 *   explicitly that its front end strips the header (`trustPrincipalHeader: true`, e.g. Container
 *   Apps authentication). Then the principal's `aud` claim must be one of the configured audiences
 *   and, when `allowedCallers` is set, its `oid` or `appid` one of them.
 */
const node_crypto_1 = __nccwpck_require__(598);
const smoke_protocol_1 = __nccwpck_require__(659);
/** Shortest key the handler accepts: a short shared secret is a guessable one. */
exports.MIN_KEY_LENGTH = 16;
const OID_CLAIM = 'http://schemas.microsoft.com/identity/claims/objectidentifier';
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function digest(text) {
    return (0, node_crypto_1.createHash)('sha256').update(text, 'utf8').digest();
}
/** Constant-time equality of two secrets (digests are equal-length, as timingSafeEqual needs). */
function keysMatch(given, expected) {
    return (0, node_crypto_1.timingSafeEqual)(digest(given), digest(expected));
}
function principalClaims(encoded) {
    let principal;
    try {
        principal = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(principal?.claims))
        return undefined;
    const claims = new Map();
    for (const claim of principal.claims) {
        if (typeof claim?.typ !== 'string' || typeof claim.val !== 'string')
            continue;
        claims.set(claim.typ, [...(claims.get(claim.typ) ?? []), claim.val]);
    }
    return claims;
}
function authenticate(headers, options) {
    const key = options.key;
    const easyAuth = options.appServiceAuth;
    const keyUsable = key !== undefined && key.length >= exports.MIN_KEY_LENGTH;
    if (!keyUsable && !easyAuth) {
        return {
            ok: false,
            code: 'not-configured',
            message: key !== undefined
                ? `the endpoint's key is shorter than ${exports.MIN_KEY_LENGTH} characters; set a longer MI_SMOKE_KEY`
                : 'the endpoint has neither a key (MI_SMOKE_KEY) nor App Service authentication configured'
        };
    }
    const given = header(headers, smoke_protocol_1.KEY_HEADER);
    if (given !== undefined && keyUsable) {
        // The digest comparison runs whether or not it matches, so timing tells nothing of the key.
        if (keysMatch(given, key))
            return { ok: true, via: 'key' };
        return { ok: false, code: 'unauthorized', message: `wrong ${smoke_protocol_1.KEY_HEADER}` };
    }
    if (easyAuth) {
        const verdict = checkAppServicePrincipal(headers, easyAuth, options.env);
        if (verdict === undefined)
            return { ok: true, via: 'app-service-auth' };
        return { ok: false, code: 'unauthorized', message: verdict };
    }
    return { ok: false, code: 'unauthorized', message: `missing ${smoke_protocol_1.KEY_HEADER} header` };
}
/** Undefined when App Service authentication vouches for an allowed caller; else why not. */
function checkAppServicePrincipal(headers, options, env) {
    const platformAuth = (env['WEBSITE_AUTH_ENABLED'] ?? '').toLowerCase() === 'true';
    if (!platformAuth && !options.trustPrincipalHeader) {
        return 'App Service authentication is not enabled for this app (WEBSITE_AUTH_ENABLED is not True)';
    }
    const encoded = header(headers, 'x-ms-client-principal');
    if (encoded === undefined) {
        return 'no authenticated caller: send a bearer token for the endpoint audience (App Service authentication)';
    }
    const claims = principalClaims(encoded);
    if (!claims)
        return 'the X-MS-CLIENT-PRINCIPAL header could not be read';
    const audiences = claims.get('aud') ?? [];
    if (!audiences.some(aud => options.audiences.includes(aud))) {
        return `the caller's token is for ${audiences.join(', ') || 'no audience'}, not for ${options.audiences.join(', ')}`;
    }
    const allowed = options.allowedCallers ?? [];
    if (allowed.length > 0) {
        const ids = [
            ...(claims.get('oid') ?? []),
            ...(claims.get(OID_CLAIM) ?? []),
            ...(claims.get('appid') ?? [])
        ];
        const lower = allowed.map(a => a.toLowerCase());
        if (!ids.some(id => lower.includes(id.toLowerCase()))) {
            return 'the caller is not one of the allowed callers of this endpoint';
        }
    }
    return undefined;
}


/***/ }),

/***/ 208:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createAzureFunctionsHandler = createAzureFunctionsHandler;
/**
 * The smoke endpoint for Azure Functions (Node.js v4 programming model):
 *
 *   const { app } = require('@azure/functions')
 *   app.http('mi-smoke', { methods: ['POST'], authLevel: 'anonymous', handler: createAzureFunctionsHandler() })
 *
 * `authLevel: 'anonymous'` because the handler authenticates itself (key or App Service
 * authentication); a function key in front of it works too. Typed structurally: no dependency on
 * `@azure/functions`.
 */
const handler_core_1 = __nccwpck_require__(655);
const redact_1 = __nccwpck_require__(800);
const smoke_protocol_1 = __nccwpck_require__(659);
const log_writer_1 = __nccwpck_require__(591);
/** The body of `request`, read only up to REQUEST_BODY_LIMIT bytes when it is a stream. */
async function readCapped(request) {
    const stream = request.body;
    if (stream === undefined || stream === null || typeof stream.getReader !== 'function') {
        const text = await request.text();
        return Buffer.byteLength(text) > smoke_protocol_1.REQUEST_BODY_LIMIT
            ? { text: '', tooLarge: true }
            : { text, tooLarge: false };
    }
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > smoke_protocol_1.REQUEST_BODY_LIMIT) {
            await reader.cancel().catch(() => undefined);
            return { text: '', tooLarge: true };
        }
        chunks.push(Buffer.from(value));
    }
    return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: false };
}
function createAzureFunctionsHandler(options = {}) {
    const handle = (0, handler_core_1.createSmokeHandler)(options);
    return async (request, context) => {
        try {
            const headers = {};
            for (const [name, value] of request.headers)
                headers[name.toLowerCase()] = value;
            const declared = Number(headers['content-length'] ?? NaN);
            if (declared > smoke_protocol_1.REQUEST_BODY_LIMIT) {
                return await handle({
                    method: request.method,
                    headers,
                    body: undefined,
                    bodyTooLarge: true
                });
            }
            // Read only once the handler has authenticated the caller, and only up to the limit.
            return await handle({
                method: request.method,
                headers,
                body: undefined,
                readBody: () => readCapped(request)
            });
        }
        catch (error) {
            // The same inert text the other adapters log (a host may relay its log to a CI runner).
            const message = (0, log_writer_1.inertText)(`mi-smoke: the smoke endpoint failed: ${(0, redact_1.redactSecrets)(String(error))}`);
            if (context?.error)
                context.error(message);
            else
                log_writer_1.log.err(message);
            return {
                status: 500,
                headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
                body: JSON.stringify({
                    v: smoke_protocol_1.PROTOCOL_VERSION,
                    error: 'internal',
                    message: 'the smoke endpoint failed; see the app log'
                })
            };
        }
    };
}


/***/ }),

/***/ 231:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createExpressMiddleware = createExpressMiddleware;
const handler_core_1 = __nccwpck_require__(655);
const node_http_1 = __nccwpck_require__(440);
function createExpressMiddleware(options = {}) {
    const serve = (0, node_http_1.serveWith)((0, handler_core_1.createSmokeHandler)(options));
    return (req, res, next) => {
        try {
            serve(req, res);
        }
        catch (error) {
            next(error);
        }
    };
}


/***/ }),

/***/ 655:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createSmokeHandler = createSmokeHandler;
const run_probe_1 = __nccwpck_require__(825);
const allowlist_1 = __nccwpck_require__(926);
const authenticate_1 = __nccwpck_require__(606);
const parse_request_1 = __nccwpck_require__(368);
const smoke_protocol_1 = __nccwpck_require__(659);
const rate_limit_1 = __nccwpck_require__(587);
const rehearsal_1 = __nccwpck_require__(380);
const sdk_cross_check_1 = __nccwpck_require__(123);
const BASE_HEADERS = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
};
function reply(status, body, extra = {}) {
    return { status, headers: { ...BASE_HEADERS, ...extra }, body: JSON.stringify(body) };
}
function refusal(status, error, message, extra) {
    const body = { v: smoke_protocol_1.PROTOCOL_VERSION, error, message };
    return reply(status, body, extra);
}
function normaliseBase(url) {
    return url.replace(/\/+$/, '').toLowerCase();
}
function createSmokeHandler(options = {}) {
    const env = options.env ?? process.env;
    const key = options.key ?? (env['MI_SMOKE_KEY'] || undefined);
    const rehearsal = (0, rehearsal_1.rehearsalSettings)(options.rehearsal, env);
    if (rehearsal) {
        (0, rehearsal_1.pointSdkAtEmulator)(rehearsal);
        const log = options.log ?? ((line) => void process.stderr.write(`${line}\n`));
        log((0, rehearsal_1.rehearsalNotice)(rehearsal));
    }
    const allowlist = (0, allowlist_1.createAllowlist)({
        ...options.allowlist,
        extraRules: [...(options.allowlist?.extraRules ?? []), ...(rehearsal ? [rehearsal.rule] : [])]
    });
    const limiter = (0, rate_limit_1.createRateLimiter)(options.rateLimit ?? rate_limit_1.DEFAULT_RATE_LIMIT, options.now);
    const maxTimeoutMs = Math.min(options.maxTimeoutMs ?? smoke_protocol_1.MAX_REQUEST_TIMEOUT_MS, smoke_protocol_1.MAX_REQUEST_TIMEOUT_MS);
    const deadlineMs = Math.min(options.deadlineMs ?? smoke_protocol_1.DEFAULT_DEADLINE_MS, smoke_protocol_1.MAX_DEADLINE_MS);
    // While rehearsing, only the emulator's IMDS (and loopback ones a test adds) may be asked.
    const imdsEndpoints = (rehearsal
        ? [...(options.imdsEndpoints ?? []).filter(rehearsal_1.isLoopbackTarget), rehearsal.imdsEndpoint]
        : [smoke_protocol_1.DEFAULT_IMDS_ENDPOINT, ...(options.imdsEndpoints ?? [])]).map(normaliseBase);
    return async (request) => {
        if (request.method.toUpperCase() !== 'POST') {
            return refusal(405, 'method-not-allowed', 'use POST', { allow: 'POST' });
        }
        const auth = (0, authenticate_1.authenticate)(request.headers, { key, appServiceAuth: options.appServiceAuth, env });
        if (!auth.ok)
            return refusal(401, auth.code, auth.message, { 'www-authenticate': 'Bearer' });
        const slot = limiter.take();
        if (!slot.ok) {
            return refusal(429, 'rate-limited', `too many smoke tests; retry after ${slot.retryAfterSeconds} s`, {
                'retry-after': String(slot.retryAfterSeconds)
            });
        }
        let probeRequest;
        try {
            if (request.readBody !== undefined && request.body === undefined && !request.bodyTooLarge) {
                const read = await request.readBody();
                request = { ...request, body: read.text, bodyTooLarge: read.tooLarge };
            }
            probeRequest = readRequest(request);
        }
        catch (error) {
            if (error instanceof parse_request_1.RequestRefused)
                return refusal(error.status, error.code, error.message);
            throw error;
        }
        if (!imdsEndpoints.includes(normaliseBase(probeRequest.imdsEndpoint))) {
            const why = rehearsal
                ? `: while rehearsing (${rehearsal_1.REHEARSAL_ENV}) only the emulator's IMDS ${rehearsal.imdsEndpoint} is`
                : (0, rehearsal_1.rehearsalHint)(probeRequest.imdsEndpoint);
            return refusal(403, 'refused', `imdsEndpoint ${probeRequest.imdsEndpoint} is not allowed by this endpoint${why}`);
        }
        for (const [index, check] of probeRequest.checks.entries()) {
            if (rehearsal && !(0, rehearsal_1.isLoopbackTarget)(check.url)) {
                return refusal(403, 'refused', `checks[${index}] refused, nothing was called: while rehearsing (${rehearsal_1.REHEARSAL_ENV}) checks go only to loopback (the emulator's API http://${rehearsal.rule.host}); a token the emulator issued never leaves this machine`);
            }
            const decision = allowlist(check);
            if (!decision.allowed) {
                return refusal(403, 'refused', `checks[${index}] refused, nothing was called: ${decision.reason}${rehearsal ? '' : (0, rehearsal_1.rehearsalHint)(check.url)}`);
            }
        }
        const observations = await runBounded({ ...probeRequest, timeoutMs: Math.min(probeRequest.timeoutMs, maxTimeoutMs) }, {
            env,
            deadlineMs,
            sdkCheck: options.sdkCheck !== false,
            sdkCredentials: options.sdkCredentials
        });
        if (observations === undefined) {
            return refusal(500, 'deadline', `the probe did not finish within ${deadlineMs} ms`);
        }
        const body = JSON.stringify(observations);
        // Last line of defence: a token must never leave the workload, whatever a probe got wrong.
        if ((0, smoke_protocol_1.containsJwt)(body)) {
            return refusal(500, 'internal', 'the observations held something shaped like a token; not sent');
        }
        return { status: 200, headers: { ...BASE_HEADERS }, body };
    };
}
function readRequest(request) {
    const contentType = ((0, authenticate_1.header)(request.headers, 'content-type') ?? '').toLowerCase();
    if (!/^application\/json\s*(;|$)/.test(contentType)) {
        throw new parse_request_1.RequestRefused(415, 'unsupported-media-type', 'send content-type: application/json');
    }
    if (typeof request.body === 'object')
        return readPreParsed(request.body);
    const body = request.body;
    if (request.bodyTooLarge ||
        (typeof body === 'string' && Buffer.byteLength(body) > smoke_protocol_1.REQUEST_BODY_LIMIT)) {
        throw new parse_request_1.RequestRefused(413, 'too-large', `the body exceeds ${smoke_protocol_1.REQUEST_BODY_LIMIT} bytes`);
    }
    if (body === undefined || body === '')
        throw new parse_request_1.RequestRefused(400, 'malformed', 'the body is empty');
    return (0, parse_request_1.parseRequestBody)(body);
}
/** Said with every refusal of a body a framework parsed: where the fix is. */
const MOUNT_ORDER = 'the body reached the smoke endpoint already parsed by a body parser (such as a global express.json()); mount the smoke endpoint before any body parser';
/**
 * A body a framework parsed already (Express `express.json()`): the caller is authenticated by
 * now; the object is written back to JSON text and read by the same rules and the same limit as a
 * body read here, so what a parser made of it (an object with odd prototypes, a cycle, a huge
 * text) gets no further than a raw body would.
 */
function readPreParsed(body) {
    let text;
    try {
        text = JSON.stringify(body);
    }
    catch {
        text = undefined;
    }
    if (typeof text !== 'string')
        throw new parse_request_1.RequestRefused(400, 'malformed', `the body cannot be read back as JSON: ${MOUNT_ORDER}`);
    if (Buffer.byteLength(text) > smoke_protocol_1.REQUEST_BODY_LIMIT) {
        throw new parse_request_1.RequestRefused(413, 'too-large', `the body exceeds ${smoke_protocol_1.REQUEST_BODY_LIMIT} bytes; ${MOUNT_ORDER}`);
    }
    try {
        return (0, parse_request_1.parseRequestBody)(text);
    }
    catch (error) {
        if (error instanceof parse_request_1.RequestRefused)
            throw new parse_request_1.RequestRefused(error.status, error.code, `${error.message}; ${MOUNT_ORDER}`);
        throw error;
    }
}
/**
 * Runs the raw probe then the SDK cross-check within one deadline. The probe is told to stop at the
 * deadline (its signal); if it still has not answered shortly after, the handler gives up on it.
 */
async function runBounded(request, options) {
    const started = Date.now();
    const controller = new AbortController();
    const stop = setTimeout(() => controller.abort(), options.deadlineMs);
    let giveUp;
    try {
        const probe = (0, run_probe_1.runProbe)(request, {
            env: options.env,
            signal: controller.signal,
            probe: 'handler'
        });
        const abandoned = new Promise(done => {
            giveUp = setTimeout(() => done(undefined), options.deadlineMs + 2_000);
        });
        const observations = await Promise.race([probe, abandoned]);
        if (observations === undefined)
            return undefined;
        const firstResource = request.checks[0]?.resource;
        const remaining = options.deadlineMs - (Date.now() - started);
        if (options.sdkCheck &&
            firstResource !== undefined &&
            identityEndpointAnswered(observations) &&
            remaining > 500 &&
            !controller.signal.aborted) {
            observations.sdk = await (0, sdk_cross_check_1.sdkCrossCheck)(firstResource, {
                timeoutMs: Math.min(request.timeoutMs, remaining),
                signal: controller.signal,
                credentials: options.sdkCredentials
            });
        }
        return observations;
    }
    finally {
        clearTimeout(stop);
        clearTimeout(giveUp);
    }
}
/**
 * The SDK cross-check asks the same identity endpoint the probe just asked: when that gave no
 * answer at all (hung, refused, absent), asking again through two credentials would only add two
 * timeouts to the verdict and blame the app's settings for a platform fault.
 */
function identityEndpointAnswered(observations) {
    const first = observations.instance ?? observations.tokens[0];
    return first?.status !== undefined;
}


/***/ }),

/***/ 440:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.createNodeHandler = createNodeHandler;
exports.serveWith = serveWith;
const handler_core_1 = __nccwpck_require__(655);
const authenticate_1 = __nccwpck_require__(606);
const redact_1 = __nccwpck_require__(800);
const smoke_protocol_1 = __nccwpck_require__(659);
const read_body_1 = __nccwpck_require__(628);
const log_writer_1 = __nccwpck_require__(591);
function createNodeHandler(options = {}) {
    return serveWith((0, handler_core_1.createSmokeHandler)(options));
}
function isEmptyPlainObject(value) {
    return (typeof value === 'object' &&
        value !== null &&
        Object.getPrototypeOf(value) === Object.prototype &&
        Object.keys(value).length === 0);
}
/** Binds a framework-free handler to node's request and response objects. */
function serveWith(handle) {
    return (req, res) => {
        void respond(handle, req, res);
    };
}
async function respond(handle, req, res) {
    let answer;
    try {
        // A declared length over the limit is refused without reading the body.
        const declared = Number((0, authenticate_1.header)(req.headers, 'content-length') ?? NaN);
        const preParsed = req.body;
        // A body parser for another media type (express.urlencoded() in body-parser 1) leaves `{}`
        // and the stream unread: the body is still the handler's to read, after authentication.
        const unreadPlaceholder = isEmptyPlainObject(preParsed) && !req.readableEnded && req.readableLength === 0;
        if (preParsed !== undefined &&
            preParsed !== null &&
            !unreadPlaceholder &&
            (typeof preParsed === 'object' || typeof preParsed === 'string')) {
            // A framework (Express body parsers) read the stream already: the handler authenticates
            // first, then reads the parsed value by the rules of a raw body (handler-core.ts).
            const body = Buffer.isBuffer(preParsed)
                ? preParsed.toString('utf8')
                : preParsed;
            answer = await handle({ method: req.method ?? 'GET', headers: req.headers, body });
        }
        else if (declared > smoke_protocol_1.REQUEST_BODY_LIMIT) {
            answer = await handle({
                method: req.method ?? 'GET',
                headers: req.headers,
                body: undefined,
                bodyTooLarge: true
            });
            req.resume();
        }
        else {
            // Read only once the handler has authenticated the caller, and only up to the limit.
            answer = await handle({
                method: req.method ?? 'GET',
                headers: req.headers,
                body: undefined,
                readBody: () => (0, read_body_1.readBody)(req, smoke_protocol_1.REQUEST_BODY_LIMIT)
            });
        }
    }
    catch (error) {
        // The app's log gets the cause; the caller never does (it could hold anything the probe touched).
        log_writer_1.log.err(`mi-smoke: the smoke endpoint failed: ${(0, redact_1.redactSecrets)(String(error))}`);
        answer = {
            status: 500,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
            body: JSON.stringify({
                v: smoke_protocol_1.PROTOCOL_VERSION,
                error: 'internal',
                message: 'the smoke endpoint failed; see the app log'
            })
        };
    }
    if (res.headersSent)
        return;
    // A body nobody read (refused before it: method, authentication, rate limit) is discarded.
    if (!req.readableEnded)
        req.resume();
    res.writeHead(answer.status, {
        ...answer.headers,
        'content-length': String(Buffer.byteLength(answer.body))
    });
    res.end(answer.body);
}


/***/ }),

/***/ 368:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RequestRefused = void 0;
exports.parseRequestBody = parseRequestBody;
exports.parseProbeRequest = parseProbeRequest;
const smoke_protocol_1 = __nccwpck_require__(659);
const guid_1 = __nccwpck_require__(856);
/** Why a request was refused before anything ran: an HTTP status and a code of the protocol. */
class RequestRefused extends Error {
    status;
    code;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
        this.name = 'RequestRefused';
    }
}
exports.RequestRefused = RequestRefused;
const USER_ASSIGNED_ID = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.managedidentity\/userassignedidentities\/[^/]+$/i;
const MAX_URL_LENGTH = 2048;
const MAX_RESOURCE_LENGTH = 512;
const MAX_NONCE_LENGTH = 128;
function malformed(message) {
    return new RequestRefused(400, 'malformed', message);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Parses the raw body text (already size-limited by the adapter). */
function parseRequestBody(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw malformed(`the body is not JSON: ${error.message}`);
    }
    return parseProbeRequest(value);
}
/** Validates a parsed body (Express may have parsed it already). */
function parseProbeRequest(value) {
    if (!isObject(value))
        throw malformed('the body must be a JSON object');
    if (value['v'] !== smoke_protocol_1.PROTOCOL_VERSION) {
        throw new RequestRefused(400, 'unsupported-version', `this endpoint speaks protocol version ${smoke_protocol_1.PROTOCOL_VERSION}, the request says ${JSON.stringify(value['v'])}`);
    }
    const nonce = value['nonce'];
    if (typeof nonce !== 'string' ||
        nonce.length < 8 ||
        nonce.length > MAX_NONCE_LENGTH ||
        !/^[\x21-\x7e]+$/.test(nonce)) {
        throw malformed(`'nonce' must be 8 to ${MAX_NONCE_LENGTH} printable characters without spaces`);
    }
    const timeoutMs = value['timeoutMs'];
    if (typeof timeoutMs !== 'number' ||
        !Number.isInteger(timeoutMs) ||
        timeoutMs < 1 ||
        timeoutMs > 3_600_000) {
        throw malformed(`'timeoutMs' must be a whole number of milliseconds between 1 and 3600000`);
    }
    const imdsEndpoint = value['imdsEndpoint'];
    if (typeof imdsEndpoint !== 'string' ||
        imdsEndpoint.length > MAX_URL_LENGTH ||
        !/^https?:\/\//.test(imdsEndpoint)) {
        throw malformed(`'imdsEndpoint' must be an http(s) URL`);
    }
    return {
        v: smoke_protocol_1.PROTOCOL_VERSION,
        nonce,
        identity: parseIdentity(value['identity']),
        checks: parseChecks(value['checks']),
        timeoutMs,
        imdsEndpoint
    };
}
function parseIdentity(value) {
    if (!isObject(value))
        throw malformed(`'identity' must be an object such as {"kind":"system"}`);
    const kind = value['kind'];
    if (kind === 'system')
        return { kind: 'system' };
    const id = value['value'];
    if (typeof id !== 'string')
        throw malformed(`'identity.value' must be a string for kind ${JSON.stringify(kind)}`);
    switch (kind) {
        case 'client-id':
        case 'object-id':
            if (!guid_1.GUID.test(id))
                throw malformed(`'identity.value' must be a GUID for kind '${kind}'`);
            return { kind, value: id };
        case 'resource-id':
            if (!USER_ASSIGNED_ID.test(id)) {
                throw malformed(`'identity.value' must be a user-assigned identity's resource ID for kind 'resource-id'`);
            }
            return { kind, value: id };
        default:
            throw malformed(`'identity.kind' must be system, client-id, object-id or resource-id`);
    }
}
function parseChecks(value) {
    if (!Array.isArray(value) || value.length === 0)
        throw malformed(`'checks' must be a non-empty array`);
    if (value.length > smoke_protocol_1.MAX_REQUEST_CHECKS)
        throw malformed(`'checks' may hold at most ${smoke_protocol_1.MAX_REQUEST_CHECKS} checks, not ${value.length}`);
    return value.map((check, index) => {
        if (!isObject(check))
            throw malformed(`checks[${index}] must be an object {url, resource}`);
        const url = check['url'];
        const resource = check['resource'];
        if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) {
            throw malformed(`checks[${index}].url must be a URL of at most ${MAX_URL_LENGTH} characters`);
        }
        if (typeof resource !== 'string' ||
            resource.length === 0 ||
            resource.length > MAX_RESOURCE_LENGTH) {
            throw malformed(`checks[${index}].resource must be an audience of at most ${MAX_RESOURCE_LENGTH} characters`);
        }
        return { url, resource };
    });
}


/***/ }),

/***/ 587:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_RATE_LIMIT = void 0;
exports.createRateLimiter = createRateLimiter;
exports.DEFAULT_RATE_LIMIT = { burst: 6, perMinute: 6 };
function createRateLimiter(options = exports.DEFAULT_RATE_LIMIT, now = Date.now) {
    if (!(options.burst >= 1) || !(options.perMinute > 0)) {
        throw new Error('rate limit: burst must be at least 1 and perMinute above 0');
    }
    const msPerToken = 60_000 / options.perMinute;
    let tokens = options.burst;
    let last = now();
    return {
        take() {
            const t = now();
            tokens = Math.min(options.burst, tokens + (t - last) / msPerToken);
            last = t;
            if (tokens >= 1) {
                tokens -= 1;
                return { ok: true };
            }
            return {
                ok: false,
                retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * msPerToken) / 1000))
            };
        }
    };
}


/***/ }),

/***/ 628:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readBody = readBody;
function readBody(stream, limit) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        let tooLarge = false;
        stream.on('data', (chunk) => {
            const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            size += buffer.length;
            if (tooLarge)
                return;
            if (size > limit) {
                tooLarge = true;
                chunks.length = 0;
                resolve({ text: '', tooLarge });
                return;
            }
            chunks.push(buffer);
        });
        stream.on('end', () => resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge }));
        stream.on('error', reject);
    });
}


/***/ }),

/***/ 380:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.REHEARSAL_ENV = void 0;
exports.parseRehearsalSetting = parseRehearsalSetting;
exports.rehearsalSettings = rehearsalSettings;
exports.pointSdkAtEmulator = pointSdkAtEmulator;
exports.rehearsalNotice = rehearsalNotice;
exports.isLoopbackTarget = isLoopbackTarget;
exports.rehearsalHint = rehearsalHint;
/**
 * Rehearsal: points the smoke endpoint at the mi-smoke emulator (`npm run emulator`) on this machine,
 * so that an app can be tried end to end before it is deployed. One setting, either the handler
 * option `rehearsal: { imds, api }` or the environment variable
 *
 *   MI_SMOKE_REHEARSAL="imds=http://127.0.0.1:PORT api=http://127.0.0.1:PORT2"
 *
 * (the emulator's banner prints both, with its ports). It allows the action's `imds-endpoint` to be
 * the emulator's identity listener, lets tokens for Azure Resource Manager and Key Vault go to the
 * emulator's API listener over plain http, and points `@azure/identity`'s SDK cross-check at the
 * emulator too (AZURE_POD_IDENTITY_AUTHORITY_HOST), so that nothing is sent to the real IMDS.
 * Both URLs must be loopback: a rehearsal setting can never send a token off the machine. While it
 * rehearses, the endpoint says so when it starts (`rehearsalNotice`) and refuses every check and
 * IMDS base off loopback: a token the emulator issued goes nowhere else. Without the setting, a
 * request that names the emulator is refused with a message naming the setting (`rehearsalHint`).
 */
const services_1 = __nccwpck_require__(147);
const loopback_1 = __nccwpck_require__(710);
exports.REHEARSAL_ENV = 'MI_SMOKE_REHEARSAL';
function loopbackBase(name, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new Error(`rehearsal ${name} '${value}' is not a URL (e.g. http://127.0.0.1:41000)`);
    }
    if (url.protocol !== 'http:' || !(0, loopback_1.isLoopbackUrl)(url) || url.pathname !== '/' || url.search) {
        throw new Error(`rehearsal ${name} '${value}' must be http://<loopback address>:<port> with no path: the emulator runs on this machine`);
    }
    return url;
}
/** The audiences the emulator's API listener answers for: ARM's and Key Vault's, from the one table. */
function emulatedAudiences() {
    const arm = (0, services_1.serviceForHost)('management.azure.com');
    const vault = (0, services_1.serviceForHost)('rehearsal.vault.azure.net');
    return [...(arm?.accepted ?? []), ...(vault?.accepted ?? [])];
}
/** Reads `imds=URL api=URL` (space or comma separated), as MI_SMOKE_REHEARSAL holds it. */
function parseRehearsalSetting(value) {
    const parts = {};
    for (const item of value.split(/[\s,]+/).filter(Boolean)) {
        const eq = item.indexOf('=');
        const name = item.slice(0, eq);
        if (eq < 0 || (name !== 'imds' && name !== 'api')) {
            throw new Error(`${exports.REHEARSAL_ENV}: '${item}' is not imds=URL or api=URL`);
        }
        parts[name] = item.slice(eq + 1);
    }
    if (!parts.imds || !parts.api) {
        throw new Error(`${exports.REHEARSAL_ENV} needs both imds=URL and api=URL (the emulator's banner prints them)`);
    }
    return { imds: parts.imds, api: parts.api };
}
/** The rehearsal in force: the option, else the environment variable, else none. */
function rehearsalSettings(option, env) {
    const raw = env[exports.REHEARSAL_ENV];
    const options = option ?? (raw ? parseRehearsalSetting(raw) : undefined);
    if (options === undefined)
        return undefined;
    const imds = loopbackBase('imds', options.imds);
    const api = loopbackBase('api', options.api);
    return {
        imdsEndpoint: imds.origin,
        rule: { host: api.host, audiences: emulatedAudiences(), allowHttp: true }
    };
}
/**
 * `@azure/identity` reads process.env itself (see sdk-cross-check.ts): without this its IMDS
 * credential would ask 169.254.169.254 during a rehearsal. An explicit setting is kept.
 */
function pointSdkAtEmulator(settings) {
    if (!process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST']) {
        process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'] = settings.imdsEndpoint;
    }
}
/** The line an endpoint prints when it starts in rehearsal mode. */
function rehearsalNotice(settings) {
    return (`mi-smoke: rehearsal mode (${exports.REHEARSAL_ENV}): IMDS ${settings.imdsEndpoint}, ` +
        `Azure Resource Manager and Key Vault at http://${settings.rule.host}; ` +
        'checks and IMDS off loopback are refused. Unset it before deploying.');
}
/** Whether a URL's host is a loopback address (false for text that is not a URL). */
function isLoopbackTarget(url) {
    try {
        return (0, loopback_1.isLoopbackHost)(new URL(url).hostname);
    }
    catch {
        return false;
    }
}
/**
 * What to add to a refusal of a loopback URL when no rehearsal is in force: the emulator on this
 * machine is reached only through the one setting, so the message names it.
 */
function rehearsalHint(url) {
    return isLoopbackTarget(url)
        ? `; to rehearse against the mi-smoke emulator on this machine, set ${exports.REHEARSAL_ENV}='imds=URL api=URL' (the emulator's banner prints it) or the handler option rehearsal`
        : '';
}


/***/ }),

/***/ 123:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sdkCrossCheck = sdkCrossCheck;
const redact_1 = __nccwpck_require__(800);
const format_1 = __nccwpck_require__(950);
const services_1 = __nccwpck_require__(147);
/** The payload segment of a JWT, or undefined when the token is not one. */
function claimsSegment(token) {
    const parts = token.split('.');
    return parts.length === 3 && parts[1] ? parts[1] : undefined;
}
/**
 * The credentials an app typically builds: `new DefaultAzureCredential()` (which reads
 * AZURE_CLIENT_ID for its managed identity) and `new ManagedIdentityCredential(...)` with
 * AZURE_CLIENT_ID when set (the documented way to pick a user-assigned identity), without otherwise.
 */
async function defaultCredentials() {
    const identity = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 955, 23));
    const clientId = process.env['AZURE_CLIENT_ID'];
    const managed = clientId
        ? new identity.ManagedIdentityCredential({ clientId })
        : new identity.ManagedIdentityCredential();
    return [
        { name: 'DefaultAzureCredential', credential: new identity.DefaultAzureCredential() },
        {
            name: clientId
                ? 'ManagedIdentityCredential(clientId: AZURE_CLIENT_ID)'
                : 'ManagedIdentityCredential()',
            credential: managed
        }
    ];
}
function errorText(error) {
    const message = error instanceof Error ? error.message : String(error);
    // Only the first line: SDK messages append troubleshooting links and chained errors.
    return (0, format_1.cut)((0, redact_1.redactSecrets)(message.split('\n')[0] ?? message), 300);
}
async function askOne(named, resource, options) {
    const started = Date.now();
    const clientIdSetting = process.env['AZURE_CLIENT_ID'] || undefined;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let timer;
    try {
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => {
                controller.abort();
                reject(new Error(`no token within ${options.timeoutMs} ms`));
            }, options.timeoutMs);
        });
        const token = await Promise.race([
            named.credential.getToken((0, services_1.scopeForResource)(resource), { abortSignal: controller.signal }),
            timeout
        ]);
        const ms = Date.now() - started;
        if (!token)
            return {
                credential: named.name,
                clientIdSetting,
                error: 'the credential returned no token',
                ms
            };
        const claims = claimsSegment(token.token);
        if (!claims)
            return { credential: named.name, clientIdSetting, error: 'the token is not a JWT', ms };
        return { credential: named.name, clientIdSetting, claims, ms };
    }
    catch (error) {
        return {
            credential: named.name,
            clientIdSetting,
            error: errorText(error),
            ms: Date.now() - started
        };
    }
    finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
    }
}
/** Asks each credential, one after another (they share process-wide caches), for `resource`. */
async function sdkCrossCheck(resource, options) {
    let credentials = options.credentials;
    if (!credentials) {
        try {
            credentials = await defaultCredentials();
        }
        catch (error) {
            return [
                {
                    credential: '@azure/identity',
                    error: `could not load @azure/identity: ${errorText(error)}`,
                    ms: 0
                }
            ];
        }
    }
    const observations = [];
    for (const named of credentials) {
        if (options.signal?.aborted)
            break;
        observations.push(await askOne(named, resource, options));
    }
    return observations;
}


/***/ }),

/***/ 694:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.standaloneOptionsFromEnv = standaloneOptionsFromEnv;
exports.startStandaloneServer = startStandaloneServer;
/**
 * A tiny server for the smoke endpoint, for a sidecar container or any workload that does not run
 * Node.js itself. Configured by environment:
 *
 *   PORT            listening port (default 8080)
 *   HOST            listening address (default 0.0.0.0)
 *   MI_SMOKE_PATH   the endpoint's path (default /mi-smoke); GET /healthz answers 200 for probes
 *   MI_SMOKE_KEY    the shared key callers send as x-mi-smoke-key
 *   MI_SMOKE_AUDIENCE               comma-separated audiences for App Service authentication callers
 *   MI_SMOKE_ALLOWED_CALLERS        comma-separated object/client IDs allowed to call (optional)
 *   MI_SMOKE_TRUST_PRINCIPAL_HEADER `true` when a front end other than App Service strips
 *                                   X-MS-CLIENT-PRINCIPAL (Container Apps authentication)
 *   MI_SMOKE_REHEARSAL              `imds=URL api=URL`: rehearse against the emulator (rehearsal.ts)
 *
 * The allowlist is the Azure service hosts table here, plus the emulator's API in a rehearsal.
 */
const node_http_1 = __nccwpck_require__(67);
const node_http_2 = __nccwpck_require__(440);
function list(value) {
    return (value ?? '')
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
}
/** Reads the server's settings from the environment (see the file comment). */
function standaloneOptionsFromEnv(env) {
    const port = Number(env['PORT'] ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`PORT '${env['PORT']}' is not a port number`);
    const audiences = list(env['MI_SMOKE_AUDIENCE']);
    return {
        port,
        host: env['HOST'] || '0.0.0.0',
        path: env['MI_SMOKE_PATH'] || '/mi-smoke',
        handler: {
            key: env['MI_SMOKE_KEY'] || undefined,
            appServiceAuth: audiences.length > 0
                ? {
                    audiences,
                    allowedCallers: list(env['MI_SMOKE_ALLOWED_CALLERS']),
                    trustPrincipalHeader: (env['MI_SMOKE_TRUST_PRINCIPAL_HEADER'] ?? '').toLowerCase() === 'true'
                }
                : undefined,
            env
        }
    };
}
/** Starts the server; resolves once it listens. */
async function startStandaloneServer(options) {
    const smoke = (0, node_http_2.createNodeHandler)(options.handler);
    const server = (0, node_http_1.createServer)((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (path === options.path)
            return smoke(req, res);
        if (path === '/healthz' && req.method === 'GET') {
            res.writeHead(200, { 'content-type': 'application/json' });
            return void res.end('{"ok":true}');
        }
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({
            v: 1,
            error: 'not-found',
            message: `the smoke endpoint is at ${options.path}`
        }));
    });
    // Bounded time on the socket too: a slow-loris caller cannot hold the sidecar.
    server.requestTimeout = 120_000;
    server.headersTimeout = 10_000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => resolve());
    });
    return { server, port: server.address().port };
}


/***/ }),

/***/ 147:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CLOUDS = void 0;
exports.cloudOfEnvironment = cloudOfEnvironment;
exports.azureServices = azureServices;
exports.serviceByKey = serviceByKey;
exports.serviceForHost = serviceForHost;
exports.serviceForUrl = serviceForUrl;
exports.serviceHost = serviceHost;
exports.audienceAccepted = audienceAccepted;
exports.audienceSpelling = audienceSpelling;
exports.scopeForResource = scopeForResource;
exports.normaliseAudience = normaliseAudience;
exports.sameAudience = sameAudience;
exports.audienceMatchesRequest = audienceMatchesRequest;
exports.serviceOfCheck = serviceOfCheck;
exports.serviceAudienceFor = serviceAudienceFor;
exports.resourceNameOf = resourceNameOf;
exports.storageKindOf = storageKindOf;
exports.matchErrorRules = matchErrorRules;
exports.ruleCaptures = ruleCaptures;
exports.roleAllows = roleAllows;
exports.actionNeeded = actionNeeded;
exports.dataRoleFor = dataRoleFor;
exports.sharedServiceOfAudience = sharedServiceOfAudience;
exports.sharedServiceAudiences = sharedServiceAudiences;
/**
 * The one table of Azure services this action knows. Each service is one row: its hosts and
 * audiences in each cloud (public, US Government, China), the application IDs that stand for its
 * audience in v2 tokens, the errors it answers (codes and texts, and what they mean), how it says
 * that the caller's network is refused, how to open its network, and the data-plane roles a
 * remediation names. Adding a service is adding a row; adding a cloud is adding a column to the
 * rows (`clouds`) and to CLOUDS. Everything else (the audience a check asks for, the pre-flight
 * audience judgement, the diagnosis of an API's answer, the fix) reads this table.
 *
 * Audiences: `exact` are accepted exactly as written, `eitherSlash` with or without a trailing slash.
 * Key Vault takes exactly `https://vault.azure.net` (with a trailing slash it answers 401 AKV10022);
 * Cosmos DB wants no trailing slash; ARM takes four spellings. Where a service also takes the URL of
 * the account itself (Storage, Service Bus, Data Explorer...), HOST_URL stands for it. When in doubt
 * an entry is lenient: a false pre-flight warning costs users more than a missed one, which the
 * API's 401 still reports.
 */
const guid_1 = __nccwpck_require__(856);
/** The clouds, with the names IMDS (`compute.azEnvironment`) and App Service give them. */
exports.CLOUDS = {
    public: { name: 'Azure public cloud', environments: ['AzurePublicCloud', 'AzureCloud'] },
    usgov: {
        name: 'Azure US Government',
        environments: ['AzureUSGovernmentCloud', 'AzureUSGovernment']
    },
    china: { name: 'Azure China', environments: ['AzureChinaCloud'] }
};
/** The cloud an `azEnvironment` value names; undefined for names not in CLOUDS. */
function cloudOfEnvironment(environment) {
    const wanted = environment?.trim().toLowerCase();
    if (!wanted)
        return undefined;
    return Object.keys(exports.CLOUDS).find(cloud => exports.CLOUDS[cloud].environments.some(name => name.toLowerCase() === wanted));
}
/** Stands for `https://<the host itself>` in the rows (account-, vault- or cluster-specific URLs). */
const HOST_URL = '<host-url>';
const SERVICES = [
    {
        key: 'arm',
        name: 'Azure Resource Manager',
        clouds: {
            public: arm('management.azure.com', 'management.core.windows.net'),
            usgov: arm('management.usgovcloudapi.net', 'management.core.usgovcloudapi.net'),
            china: arm('management.chinacloudapi.cn', 'management.core.chinacloudapi.cn')
        },
        appIds: ['797f4846-ba00-4fd7-ba43-dac1f8f63013'],
        errors: [
            {
                code: /^InvalidAuthenticationTokenAudience$/,
                meaning: 'audience',
                why: 'ARM refused the audience'
            },
            {
                code: /^InvalidAuthenticationTokenTenant$/,
                meaning: 'tenant',
                why: 'the token is from another tenant than the subscription'
            },
            {
                code: /^ExpiredAuthenticationToken$/,
                meaning: 'expired',
                why: 'ARM says the token has expired'
            },
            { code: /^(Linked)?AuthorizationFailed$/, meaning: 'role', why: 'no role allows the call' },
            { code: /^InvalidAuthenticationToken/, meaning: 'token', why: 'ARM refused the token' },
            // Causes ARM states in its own words: followed, never answered with a role or `expect=`.
            {
                code: /^MissingSubscriptionRegistration$/,
                text: /namespace '(?<namespace>[\w.]+)'/i,
                meaning: 'stated',
                why: 'the subscription is not registered for the resource provider',
                fix: 'Register the resource provider in the subscription (the answer says it is not registered; no role helps): az provider register --namespace {namespace} --subscription {subscription}, then wait until az provider show --namespace {namespace} --subscription {subscription} --query registrationState -o tsv prints Registered (a few minutes); registering needs Contributor or Owner on the subscription'
            },
            {
                code: /^ReadOnlyDisabledSubscription$|^SubscriptionDisabled$/,
                meaning: 'stated',
                why: 'the subscription is disabled (read-only)',
                fix: 'The subscription {subscription} is disabled (an expired trial or credit, a spending limit reached, an unpaid invoice, or cancelled): reactivate it (Azure portal > Subscriptions > {subscription} > Reactivate, or the account administrator), or point the check at an active subscription; no role or network change helps'
            },
            {
                code: /^(SubscriptionNotFound|InvalidSubscriptionId)$/,
                meaning: 'stated',
                why: 'ARM does not know the subscription',
                fix: "Check the subscription ID in the check's URL ({subscription}): it must exist in the identity's tenant (az account show --subscription {subscription} --query tenantId -o tsv); a subscription moved to another tenant needs an identity of that tenant"
            },
            {
                code: /^(ResourceGroupNotFound|ResourceNotFound|ParentResourceNotFound)$/,
                meaning: 'stated',
                why: 'the resource the URL names does not exist',
                fix: 'The resource the check\'s URL names does not exist, as ARM says: check the resource group and resource names in the URL (az group exists --name <group> --subscription {subscription}; az resource list --resource-group <group> --subscription {subscription} --query "[].id"); if it was deleted, restore or recreate it'
            },
            {
                code: /^RequestDisallowedByPolicy$/,
                meaning: 'stated',
                why: 'an Azure Policy assignment denies the request',
                fix: 'An Azure Policy assignment denies this request (not a missing role: a role grant does not help): read the policy assignment the answer names (az policy assignment list --disable-scope-strict-match --query "[].{name:name, scope:scope}"), then make the request comply or ask the policy owner for an exemption (az policy exemption create)'
            },
            {
                code: /^(NoRegisteredProviderFound|InvalidApiVersionParameter|InvalidResourceType)$/,
                meaning: 'stated',
                why: 'the api-version, location or resource type is not one the provider serves',
                fix: "Use an api-version the resource type supports (the answer lists them; az provider show --namespace <provider> --query \"resourceTypes[?resourceType=='<type>'].apiVersions\") and check the resource type in the check's URL"
            }
        ],
        grants: 'azure-rbac',
        // Reader allows every read action (`*/read`): what a GET check needs; an answer that names
        // another action (a write) gets the narrowest built-in role that allows it.
        roles: [
            { role: 'Reader', allows: ['*/read'] },
            {
                role: 'Contributor',
                allows: ['*'],
                denies: [
                    'Microsoft.Authorization/*/Delete',
                    'Microsoft.Authorization/*/Write',
                    'Microsoft.Authorization/elevateAccess/Action',
                    'Microsoft.Blueprint/blueprintAssignments/write',
                    'Microsoft.Blueprint/blueprintAssignments/delete',
                    'Microsoft.Compute/galleries/share/action'
                ]
            },
            {
                role: 'User Access Administrator',
                allows: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*']
            }
        ],
        defaultAction: 'Microsoft.Resources/subscriptions/resourceGroups/read'
    },
    {
        key: 'keyvault',
        name: 'Key Vault',
        clouds: {
            public: vault('vault.azure.net', 'privatelink.vaultcore.azure.net'),
            usgov: vault('vault.usgovcloudapi.net', 'privatelink.vaultcore.usgovcloudapi.net'),
            china: vault('vault.azure.cn', 'privatelink.vaultcore.azure.cn')
        },
        appIds: ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093'],
        errors: [
            {
                code: /^ForbiddenByFirewall$/,
                meaning: 'network',
                why: "the vault's firewall refused the workload's address (403 ForbiddenByFirewall)"
            },
            {
                text: /client address is not authorized/i,
                meaning: 'network',
                why: "the vault's firewall refused the workload's address"
            },
            {
                code: /^ForbiddenByConnection$/,
                meaning: 'network',
                why: 'the vault has public network access disabled and the request did not come through its private endpoint (403 ForbiddenByConnection)'
            },
            {
                text: /public network access is disabled/i,
                meaning: 'network',
                why: 'the vault has public network access disabled'
            },
            { text: /AKV10022/, meaning: 'audience', why: 'Key Vault refused the audience (AKV10022)' },
            {
                text: /invalid issuer/i,
                meaning: 'tenant',
                why: "the token's issuer is not the vault's tenant (AKV10032)"
            },
            {
                status: [429],
                code: /^Throttled$/,
                text: /(?<limit>VaultRequestTypeLimitReached|\w+LimitReached)/,
                meaning: 'stated',
                why: "the vault's request limit was reached",
                fix: "Key Vault says the vault's limit for this kind of request was reached ({limit}): the limit is per vault and every caller of the vault counts, not only this identity; cache secrets and keys in the apps (read once, not per request), spread the calls over time or over vaults, and honour Retry-After"
            },
            // The inner code decides over the top-level `Forbidden` (src/azure/services.ts
            // matchErrorRules): a disabled secret is `Forbidden` too, and no role enables it.
            {
                code: /^(?<kind>Secret|Key|Certificate)Disabled$/,
                meaning: 'stated',
                why: 'the object is disabled',
                fix: 'Enable the object, or point the check at an enabled one or version (the vault says it is disabled; no role or access policy can read a disabled object): az keyvault {kind} set-attributes --vault-name {name} --name {object} --enabled true'
            },
            {
                text: /not allowed on a disabled (?<kind>secret|key|certificate)/i,
                meaning: 'stated',
                why: 'the object is disabled',
                fix: 'Enable the object, or point the check at an enabled one or version (the vault says it is disabled; no role or access policy can read a disabled object): az keyvault {kind} set-attributes --vault-name {name} --name {object} --enabled true'
            },
            {
                code: /^(?<kind>Secret|Key|Certificate)NotFound$/,
                meaning: 'stated',
                why: 'the vault has no such object',
                fix: 'The vault has no {kind} of that name (or version), as it says: check the name in the check\'s URL (az keyvault {kind} list --vault-name {name} --query "[].name"); a deleted one in its soft-delete retention is listed by az keyvault {kind} list-deleted --vault-name {name} and restored with az keyvault {kind} recover --vault-name {name} --name {object}'
            },
            {
                text: /(?<kind>secret|key|certificate) .* is currently in a deleted but recoverable state/i,
                meaning: 'stated',
                why: 'the object is deleted (soft-deleted, recoverable)',
                fix: 'The {kind} is deleted but recoverable (soft-delete): recover it (az keyvault {kind} recover --vault-name {name} --name {object}) or purge it before reusing the name (az keyvault {kind} purge)'
            },
            {
                code: /^(ForbiddenByRbac|AccessDenied)$/,
                status: [403],
                meaning: 'role',
                why: 'the vault refused the operation'
            },
            // A cut body may have lost its inner code: the words still say it is about authorization.
            {
                code: /^Forbidden$/,
                status: [403],
                text: /not authorized|does not have .*permission|not found on any access policy/i,
                meaning: 'role',
                why: 'the vault refused the operation'
            },
            {
                status: [401],
                text: /expired|not yet valid|lifetime/i,
                meaning: 'expired',
                why: "Key Vault says the token's lifetime is not valid now"
            },
            { status: [401], text: /AKV\d+/, meaning: 'token', why: 'Key Vault refused the token' }
        ],
        network: {
            ip: 'az keyvault network-rule add --name {name} --ip-address {ip}',
            subnet: 'az keyvault network-rule add --name {name} --subnet {subnet}',
            publicAccess: 'az keyvault update --name {name} --public-network-access Enabled',
            privateEndpointGroup: 'vault',
            resourceWord: 'vault'
        },
        grants: 'azure-rbac',
        roles: [
            // Listing and metadata are covered by the read role; only secret values need more.
            {
                role: 'Key Vault Reader',
                allows: [
                    'Microsoft.KeyVault/vaults/*/read',
                    'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
                ]
            },
            {
                role: 'Key Vault Secrets User',
                allows: [
                    'Microsoft.KeyVault/vaults/secrets/getSecret/action',
                    'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
                ]
            },
            {
                role: 'Key Vault Crypto User',
                allows: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/*/action']
            },
            {
                role: 'Key Vault Certificate User',
                allows: [
                    'Microsoft.KeyVault/vaults/certificates/read',
                    'Microsoft.KeyVault/vaults/secrets/getSecret/action',
                    'Microsoft.KeyVault/vaults/keys/read'
                ]
            }
        ],
        defaultAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'
    },
    {
        key: 'managedhsm',
        name: 'Key Vault Managed HSM',
        clouds: {
            public: vault('managedhsm.azure.net', 'privatelink.managedhsm.azure.net'),
            usgov: vault('managedhsm.usgovcloudapi.net', 'privatelink.managedhsm.usgovcloudapi.net'),
            china: vault('managedhsm.azure.cn', 'privatelink.managedhsm.azure.cn')
        },
        errors: [
            // The HSM's own (local) RBAC refused: `AccessDenied ... Not authorized to access <action> on <scope>`.
            {
                code: /^(AccessDenied|Forbidden)$/,
                status: [403],
                text: /not authorized/i,
                meaning: 'role',
                why: "the HSM's local role assignments do not allow the operation"
            }
        ],
        // Data-plane access is the HSM's local RBAC (az keyvault role assignment create --hsm-name),
        // not Azure role assignments on the resource.
        grants: 'managedhsm-local-rbac',
        roles: [
            {
                role: 'Managed HSM Crypto User',
                allows: [
                    'Microsoft.KeyVault/managedHsm/keys/read/action',
                    'Microsoft.KeyVault/managedHsm/keys/*/action'
                ]
            },
            {
                role: 'Managed HSM Policy Administrator',
                allows: [
                    'Microsoft.KeyVault/managedHsm/roleAssignments/*',
                    'Microsoft.KeyVault/managedHsm/roleDefinitions/*'
                ]
            }
        ],
        defaultAction: 'Microsoft.KeyVault/managedHsm/keys/read/action'
    },
    {
        key: 'storage',
        name: 'Azure Storage',
        clouds: {
            public: storage('core.windows.net'),
            usgov: storage('core.usgovcloudapi.net'),
            china: storage('core.chinacloudapi.cn')
        },
        appIds: ['e406a681-f3d4-42a8-90b6-c2b029497af1'],
        errors: [
            {
                code: /^AuthorizationFailure$/,
                meaning: 'network',
                why: "the storage account's firewall refused the request (403 AuthorizationFailure: its 'Firewalls and virtual networks' settings exclude the workload)"
            },
            {
                code: /^AuthorizationPermissionMismatch$/,
                meaning: 'role',
                why: 'the principal has no data role on the storage account (403 AuthorizationPermissionMismatch)'
            },
            {
                code: /^(AuthenticationFailed|InvalidAuthenticationInfo)$/,
                text: /issuer validation failed/i,
                meaning: 'tenant',
                why: "Storage says the token's issuer is not the account's tenant (AuthenticationErrorDetail: Issuer validation failed)"
            },
            {
                code: /^(AuthenticationFailed|InvalidAuthenticationInfo)$/,
                text: /lifetime validation failed|token is expired|not yet valid/i,
                meaning: 'expired',
                why: "Storage says the token's lifetime is not valid now (AuthenticationErrorDetail: Lifetime validation failed)"
            },
            {
                code: /^(AuthenticationFailed|InvalidAuthenticationInfo)$/,
                text: /audience validation failed/i,
                meaning: 'audience',
                why: "Storage refused the token's audience (AuthenticationErrorDetail: Audience validation failed)"
            },
            {
                code: /^(AuthenticationFailed|InvalidAuthenticationInfo|NoAuthenticationInformation)$/,
                meaning: 'token',
                why: 'Storage could not authenticate the request'
            },
            {
                code: /^AccountIsDisabled$/,
                meaning: 'stated',
                why: 'the storage account is disabled',
                fix: 'The storage account is disabled, as Storage says (its subscription is disabled, or the account was suspended): re-enable the subscription or the account (az storage account show --name {name} --query "{status:statusOfPrimary}"; the Azure portal shows why); no role or network rule changes this'
            },
            {
                code: /^(ContainerNotFound|BlobNotFound|QueueNotFound|TableNotFound|ShareNotFound|PathNotFound|FilesystemNotFound)$/,
                meaning: 'stated',
                why: 'the object the URL names does not exist',
                fix: 'The container, blob, queue, table or share the check\'s URL names does not exist, as Storage says: check the names in the URL (az storage container list --account-name {name} --auth-mode login --query "[].name"), or create it; with soft delete on, a deleted container or blob can be restored'
            },
            {
                code: /^KeyBasedAuthenticationNotPermitted$/,
                meaning: 'stated',
                why: 'the account refuses shared-key requests',
                fix: 'The account does not permit shared-key authorization: call it with the managed identity token only (no account key, no SAS signed with a key)'
            }
        ],
        network: {
            ip: 'az storage account network-rule add --account-name {name} --ip-address {ip}',
            subnet: 'az storage account network-rule add --account-name {name} --subnet {subnet}',
            publicAccess: 'az storage account update --name {name} --public-network-access Enabled',
            privateEndpointGroup: 'blob',
            resourceWord: 'account'
        },
        grants: 'azure-rbac',
        roles: [
            {
                role: 'Storage Blob Data Reader',
                allows: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']
            },
            {
                role: 'Storage Queue Data Reader',
                allows: [
                    'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read',
                    'Microsoft.Storage/storageAccounts/queueServices/queues/read'
                ]
            },
            {
                role: 'Storage Table Data Reader',
                allows: ['Microsoft.Storage/storageAccounts/tableServices/tables/entities/read']
            },
            {
                role: 'Storage File Data Privileged Reader',
                allows: [
                    'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read',
                    'Microsoft.Storage/storageAccounts/fileServices/readFileBackupSemantics/action'
                ]
            }
        ],
        defaultAction: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
        // Which service of the account the host is (blob, dfs, queue, table, file).
        actionWords: [
            {
                when: /^(blob|dfs)$/,
                action: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
            },
            {
                when: /^queue$/,
                action: 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read'
            },
            {
                when: /^table$/,
                action: 'Microsoft.Storage/storageAccounts/tableServices/tables/entities/read'
            },
            {
                when: /^file$/,
                action: 'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read'
            }
        ]
    },
    {
        key: 'graph',
        name: 'Microsoft Graph',
        clouds: {
            public: graph(['graph.microsoft.com'], 'https://graph.microsoft.com'),
            // GCC High and DoD each have their own Graph host, and each takes its own URL.
            usgov: graph(['graph.microsoft.us', 'dod-graph.microsoft.us'], HOST_URL),
            china: graph(['microsoftgraph.chinacloudapi.cn'], 'https://microsoftgraph.chinacloudapi.cn')
        },
        appIds: ['00000003-0000-0000-c000-000000000000'],
        errors: [
            {
                text: /\/me request is only valid with delegated authentication flow/i,
                meaning: 'stated',
                why: '/me needs a signed-in user; a managed identity token is app-only',
                fix: 'A managed identity gets app-only tokens and /me needs a signed-in user (a delegated token), so no permission makes this call work: call the object by its ID instead (/users/<user id or UPN>, /servicePrincipals/{principal}) with the application permission it needs (e.g. User.Read.All) granted to principal {principal}'
            },
            {
                code: /^Request_ResourceNotFound$|^ResourceNotFound$/,
                meaning: 'stated',
                why: 'the object the URL names does not exist',
                fix: "The object the check's URL names does not exist in the tenant, as Graph says: check its ID in the URL (a deleted object stays in /directory/deletedItems for 30 days)"
            },
            { text: /invalid audience/i, meaning: 'audience', why: 'Graph refused the audience' },
            {
                text: /either scp or roles claim need to be present/i,
                meaning: 'role',
                why: 'the token carries no Graph application permission (no roles claim)'
            },
            {
                text: /lifetime validation failed|token is expired/i,
                meaning: 'expired',
                why: "Graph says the token's lifetime is not valid now"
            },
            {
                code: /^(Authorization_RequestDenied|Forbidden|accessDenied|ErrorAccessDenied)$/i,
                status: [403],
                meaning: 'role',
                why: 'Graph denied the call: the application permission it needs is not granted'
            },
            { code: /^InvalidAuthenticationToken$/, meaning: 'token', why: 'Graph refused the token' }
        ],
        grants: 'graph-app-roles',
        // Graph answers 403 without naming the permission; each API's page lists the ones it takes.
        roles: [{ role: 'the Microsoft Graph application permission the call needs', allows: ['*'] }],
        defaultAction: 'the application permission of the call'
    },
    {
        key: 'sql',
        name: 'Azure SQL Database',
        clouds: {
            public: sql('database.windows.net', 'privatelink.database.windows.net'),
            usgov: sql('database.usgovcloudapi.net', 'privatelink.database.usgovcloudapi.net'),
            china: sql('database.chinacloudapi.cn', 'privatelink.database.chinacloudapi.cn')
        },
        appIds: ['022907d3-0f1b-48f7-badc-1ba6abab6d66'],
        errors: [],
        // Data access is a database user (CREATE USER ... FROM EXTERNAL PROVIDER) and its database
        // roles: an Azure role on the server grants none.
        grants: 'sql-users',
        roles: [{ role: 'db_datareader', allows: ['SELECT'] }],
        defaultAction: 'SELECT'
    },
    {
        key: 'synapse',
        name: 'Azure Synapse SQL',
        clouds: {
            public: {
                ...sql('database.windows.net', 'privatelink.sql.azuresynapse.net'),
                suffixes: ['sql.azuresynapse.net']
            }
        },
        errors: [],
        grants: 'sql-users',
        roles: [{ role: 'db_datareader', allows: ['SELECT'] }],
        defaultAction: 'SELECT'
    },
    {
        key: 'servicebus',
        name: 'Service Bus / Event Hubs',
        clouds: {
            public: serviceBus('servicebus.windows.net', 'privatelink.servicebus.windows.net'),
            usgov: serviceBus('servicebus.usgovcloudapi.net', 'privatelink.servicebus.usgovcloudapi.net'),
            china: serviceBus('servicebus.chinacloudapi.cn', 'privatelink.servicebus.chinacloudapi.cn')
        },
        appIds: ['80369ed6-5f11-4dd9-bef3-692475845e77'],
        errors: [
            // Service Bus and Event Hubs answer an IP filter or a disabled public endpoint with a 401
            // of their own, not a 403.
            {
                text: /ip has been prevented to connect to the endpoint/i,
                meaning: 'network',
                why: "the namespace's IP filter or network rules refused the workload's address"
            },
            // ...and a missing data role with 401 too, naming the claim the operation needs.
            {
                text: /claim\(s\) are required to perform this operation/i,
                meaning: 'role',
                why: 'the principal has no data role granting the claim the operation needs'
            },
            { text: /expired ?token|token has expired/i, meaning: 'expired', why: 'the token expired' },
            {
                text: /invalid ?audience/i,
                meaning: 'audience',
                why: 'the namespace refused the audience'
            },
            {
                text: /messaging entity .* could not be found|MessagingEntityNotFound/i,
                meaning: 'stated',
                why: 'the namespace has no such queue, topic or subscription',
                fix: 'The namespace has no queue, topic or subscription of that name, as it says: check the entity path in the check\'s URL (az servicebus queue list --namespace-name {name} --resource-group <resource group> --query "[].name"; topics: az servicebus topic list; Event Hubs: az eventhubs eventhub list)'
            },
            {
                text: /(namespace|entity) .* (is )?(disabled|suspended)|MessagingEntityDisabled|NamespaceDisabled/i,
                meaning: 'stated',
                why: 'the namespace or entity is disabled',
                fix: 'The namespace or entity is disabled, as the service says: re-enable it (az servicebus queue update --name <queue> --namespace-name {name} --resource-group <resource group> --status Active), or reactivate the subscription if the namespace was suspended with it'
            }
        ],
        network: {
            ip: 'az servicebus namespace network-rule-set ip-rule add --namespace-name {name} --resource-group {group} --ip-rule ip-address={ip} action=Allow (Event Hubs: az eventhubs namespace network-rule-set ip-rule add ...)',
            subnet: 'az servicebus namespace network-rule-set virtual-network-rule add --namespace-name {name} --resource-group {group} --subnet {subnet}',
            publicAccess: 'az servicebus namespace network-rule-set update --namespace-name {name} --resource-group {group} --public-network-access Enabled',
            privateEndpointGroup: 'namespace',
            resourceWord: 'namespace'
        },
        grants: 'azure-rbac',
        roles: [
            {
                role: 'Azure Service Bus Data Receiver (Event Hubs: Azure Event Hubs Data Receiver)',
                allows: ['Microsoft.ServiceBus/*/receive/action', 'Microsoft.EventHub/*/receive/action']
            },
            {
                role: 'Azure Service Bus Data Sender (Event Hubs: Azure Event Hubs Data Sender)',
                allows: ['Microsoft.ServiceBus/*/send/action', 'Microsoft.EventHub/*/send/action']
            },
            {
                role: 'Azure Service Bus Data Owner (Event Hubs: Azure Event Hubs Data Owner)',
                allows: ['Microsoft.ServiceBus/*', 'Microsoft.EventHub/*']
            }
        ],
        defaultAction: 'Microsoft.ServiceBus/namespaces/messages/receive/action',
        // The 401 names the claim the operation needs: Listen, Send or Manage.
        actionWords: [
            { when: /'?send'?/i, action: 'Microsoft.ServiceBus/namespaces/messages/send/action' },
            { when: /'?manage/i, action: 'Microsoft.ServiceBus/namespaces/write' },
            { when: /'?listen'?/i, action: 'Microsoft.ServiceBus/namespaces/messages/receive/action' }
        ]
    },
    {
        key: 'cosmos',
        name: 'Azure Cosmos DB',
        clouds: {
            // The SDKs ask for `<account endpoint>/.default`; Cosmos DB RBAC wants no trailing slash.
            public: cosmos('documents.azure.com', 'privatelink.documents.azure.com', 'https://cosmos.azure.com'),
            usgov: cosmos('documents.azure.us', 'privatelink.documents.azure.us'),
            china: cosmos('documents.azure.cn', 'privatelink.documents.azure.cn')
        },
        errors: [
            {
                status: [429],
                text: /request rate is large/i,
                meaning: 'stated',
                why: "the container's provisioned throughput (RU/s) is used up",
                fix: "Cosmos DB says the request rate is larger than the throughput provisioned (Request Units per second), not that this identity is limited: raise the container's or database's RU/s, or enable autoscale (az cosmosdb sql container throughput update --account-name {name} --resource-group <resource group> --database-name <database> --name <container> --max-throughput <RU/s>), and spread the load over partition keys"
            },
            {
                text: /blocked by your Cosmos DB account firewall/i,
                meaning: 'network',
                why: "the account's firewall refused the workload's address"
            },
            {
                text: /request originated from (vnet|ip|client ip)/i,
                meaning: 'network',
                why: "the account's network settings refused where the request came from"
            },
            {
                text: /does not have required RBAC permissions|cannot be authorized by AAD token in data plane/i,
                meaning: 'role',
                why: 'the principal has no Cosmos DB data-plane role assignment for the action'
            }
        ],
        network: {
            ip: "az cosmosdb update --name {name} --resource-group {group} --ip-range-filter '<existing ranges>,{ip}'",
            subnet: 'az cosmosdb network-rule add --name {name} --resource-group {group} --subnet {subnet}',
            publicAccess: 'az cosmosdb update --name {name} --resource-group {group} --public-network-access ENABLED',
            privateEndpointGroup: 'Sql',
            resourceWord: 'account'
        },
        // Cosmos DB data-plane roles are its own role definitions, not Azure roles.
        grants: 'cosmos-data-plane',
        roles: [
            {
                role: 'Cosmos DB Built-in Data Reader (00000000-0000-0000-0000-000000000001)',
                allows: [
                    'Microsoft.DocumentDB/databaseAccounts/readMetadata',
                    'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/read',
                    'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/executeQuery',
                    'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/readChangeFeed'
                ]
            },
            {
                role: 'Cosmos DB Built-in Data Contributor (00000000-0000-0000-0000-000000000002)',
                allows: [
                    'Microsoft.DocumentDB/databaseAccounts/readMetadata',
                    'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/*',
                    'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/*'
                ]
            }
        ],
        defaultAction: 'Microsoft.DocumentDB/databaseAccounts/readMetadata'
    },
    {
        key: 'appconfig',
        name: 'Azure App Configuration',
        clouds: {
            // The SDKs' KnownAppConfigAudience; older stores also take their own endpoint.
            public: appConfiguration('azconfig.io', 'https://appconfig.azure.com', 'privatelink.azconfig.io'),
            usgov: appConfiguration('azconfig.azure.us', 'https://appconfig.azure.us', 'privatelink.azconfig.azure.us'),
            china: appConfiguration('azconfig.azure.cn', 'https://appconfig.azure.cn', 'privatelink.azconfig.azure.cn')
        },
        errors: [
            {
                text: /public access is disabled|not in the store.s private endpoint/i,
                meaning: 'network',
                why: "the store refused the request: public access is disabled or the private endpoint is not the store's"
            },
            {
                status: [403],
                meaning: 'role-or-network',
                why: 'App Configuration answered 403 without a reason, as it does both for a principal without a data role and for a request from a network the store excludes'
            }
        ],
        network: {
            publicAccess: 'az appconfig update --name {name} --enable-public-network true',
            privateEndpointGroup: 'configurationStores',
            resourceWord: 'store'
        },
        grants: 'azure-rbac',
        roles: [
            {
                role: 'App Configuration Data Reader',
                allows: ['Microsoft.AppConfiguration/configurationStores/*/read']
            }
        ],
        defaultAction: 'Microsoft.AppConfiguration/configurationStores/keyValues/read'
    },
    {
        key: 'acr',
        name: 'Azure Container Registry',
        clouds: {
            // The Entra token a registry exchanges (`/oauth2/exchange`) is for the registry audience or,
            // for registries that allow it (`azureADAuthenticationAsArmPolicy`), for ARM.
            public: containerRegistry('azurecr.io', 'https://containerregistry.azure.net', 'management.azure.com', 'privatelink.azurecr.io'),
            usgov: containerRegistry('azurecr.us', 'https://management.usgovcloudapi.net', 'management.usgovcloudapi.net', 'privatelink.azurecr.us'),
            china: containerRegistry('azurecr.cn', 'https://management.chinacloudapi.cn', 'management.chinacloudapi.cn', 'privatelink.azurecr.cn')
        },
        errors: [
            {
                text: /client with IP .* is not allowed access/i,
                meaning: 'network',
                why: "the registry's firewall refused the workload's address"
            },
            {
                code: /^UNAUTHORIZED$/,
                status: [401],
                text: /token validation failed/i,
                meaning: 'audience',
                why: 'the registry refused the token (it may not accept ARM-audience tokens: azureADAuthenticationAsArmPolicy)'
            },
            // A bare DENIED is also what a registry with network rules answers a caller it excludes
            // (Azure/azure-cli#8798): the words do not say which.
            {
                code: /^DENIED$/,
                status: [403],
                text: /^requested access to the resource is denied$/i,
                meaning: 'role-or-network',
                why: 'the registry refused the call without saying why: no pull role, or its network rules exclude the workload'
            },
            {
                code: /^(UNAUTHORIZED|DENIED)$/,
                status: [401, 403],
                meaning: 'role',
                why: 'the registry refused the principal: no AcrPull (or stronger) role on the registry'
            },
            {
                code: /^(NAME_UNKNOWN|MANIFEST_UNKNOWN|RESOURCE_UNKNOWN)$/,
                meaning: 'stated',
                why: 'the registry has no such repository or tag',
                fix: "The registry has no repository or tag of that name, as it says: check the names in the check's URL (az acr repository list --name {name}; az acr repository show-tags --name {name} --repository <repository>)"
            }
        ],
        network: {
            ip: 'az acr network-rule add --name {name} --ip-address {ip}',
            publicAccess: 'az acr update --name {name} --public-network-enabled true',
            privateEndpointGroup: 'registry',
            resourceWord: 'registry'
        },
        grants: 'azure-rbac',
        roles: [
            { role: 'AcrPull', allows: ['Microsoft.ContainerRegistry/registries/pull/read'] },
            {
                role: 'AcrPush',
                allows: [
                    'Microsoft.ContainerRegistry/registries/pull/read',
                    'Microsoft.ContainerRegistry/registries/push/write'
                ]
            }
        ],
        defaultAction: 'Microsoft.ContainerRegistry/registries/pull/read',
        actionWords: [
            { when: /push|write/i, action: 'Microsoft.ContainerRegistry/registries/push/write' }
        ]
    },
    {
        key: 'cognitive',
        name: 'Azure AI services / Azure OpenAI',
        clouds: {
            public: cognitive(['openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'], 'https://cognitiveservices.azure.com', [
                'privatelink.cognitiveservices.azure.com',
                'privatelink.openai.azure.com',
                'privatelink.services.ai.azure.com'
            ]),
            usgov: cognitive(['openai.azure.us', 'cognitiveservices.azure.us'], 'https://cognitiveservices.azure.us', ['privatelink.cognitiveservices.azure.us', 'privatelink.openai.azure.us']),
            china: cognitive(['openai.azure.cn', 'cognitiveservices.azure.cn'], 'https://cognitiveservices.azure.cn', ['privatelink.cognitiveservices.azure.cn', 'privatelink.openai.azure.cn'])
        },
        errors: [
            {
                text: /traffic is not from an approved private endpoint|virtual network\/firewall rules|public access is disabled|a virtual network is configured for this resource/i,
                meaning: 'network',
                why: "the account's network rules refused the request (it only takes its private endpoint or listed networks)"
            },
            {
                text: /lacks the required data action|principal does not have access to API\/Operation/i,
                meaning: 'role',
                why: 'the principal has no role granting the data action'
            },
            {
                text: /audience is incorrect|access token is missing, invalid/i,
                meaning: 'token',
                // The words list every cause at once ("missing, invalid, audience is incorrect, or have
                // expired"): not evidence that time is the cause.
                lists: true,
                why: 'the account refused the token (missing, invalid, wrong audience or expired)'
            },
            {
                status: [429],
                text: /token rate limit|rate limit is exceeded/i,
                meaning: 'stated',
                why: "the deployment's rate limit (tokens or requests per minute) is used up",
                fix: "The account says the deployment's rate limit (tokens or requests per minute of its quota) is used up, not that this identity is refused: raise the deployment's capacity (az cognitiveservices account deployment create --name {name} --resource-group <resource group> --deployment-name <deployment> ... --sku-capacity <more>) or request more quota (https://aka.ms/oai/quotaincrease), and spread the calls"
            },
            {
                code: /^DeploymentNotFound$/,
                meaning: 'stated',
                why: 'the account has no deployment of that name',
                fix: 'The account has no deployment of the name in the check\'s URL, as it says: use a deployment that exists (az cognitiveservices account deployment list --name {name} --resource-group <resource group> --query "[].name"); a deployment created minutes ago may not serve yet'
            }
        ],
        network: {
            ip: 'az cognitiveservices account network-rule add --name {name} --resource-group {group} --ip-address {ip}',
            subnet: 'az cognitiveservices account network-rule add --name {name} --resource-group {group} --subnet {subnet}',
            privateEndpointGroup: 'account',
            resourceWord: 'account'
        },
        grants: 'azure-rbac',
        roles: [
            {
                role: 'Cognitive Services OpenAI User',
                allows: [
                    'Microsoft.CognitiveServices/accounts/OpenAI/*/read',
                    'Microsoft.CognitiveServices/accounts/OpenAI/*/action'
                ]
            },
            { role: 'Azure AI User', allows: ['Microsoft.CognitiveServices/accounts/AIServices/*'] },
            { role: 'Cognitive Services User', allows: ['Microsoft.CognitiveServices/*'] }
        ],
        defaultAction: 'Microsoft.CognitiveServices/accounts/*'
    },
    {
        key: 'loganalytics',
        name: 'Log Analytics',
        clouds: {
            public: logAnalytics(['api.loganalytics.io', 'api.loganalytics.azure.com'], 'https://api.loganalytics.io'),
            usgov: logAnalytics(['api.loganalytics.us'], 'https://api.loganalytics.us'),
            china: logAnalytics(['api.loganalytics.azure.cn'], 'https://api.loganalytics.azure.cn')
        },
        errors: [
            {
                code: /^InsufficientAccessError$/,
                meaning: 'role',
                why: 'the principal has no role allowing queries on the workspace'
            },
            {
                code: /^(WorkspaceNotFoundError|PathNotFoundError|ResourceNotFoundError)$/,
                meaning: 'stated',
                why: 'the workspace or path the URL names does not exist',
                fix: "The workspace or path of the check's URL does not exist, as Log Analytics says: the URL takes the workspace ID (its customerId: az monitor log-analytics workspace show --workspace-name <workspace> --resource-group <resource group> --query customerId -o tsv), not its name or resource ID"
            }
        ],
        grants: 'azure-rbac',
        roles: [
            {
                role: 'Log Analytics Reader',
                allows: ['*/read', 'Microsoft.OperationalInsights/workspaces/search/action']
            }
        ],
        defaultAction: 'Microsoft.OperationalInsights/workspaces/query/read'
    },
    {
        key: 'kusto',
        name: 'Azure Data Explorer',
        clouds: {
            public: dataExplorer('kusto.windows.net'),
            usgov: dataExplorer('kusto.usgovcloudapi.net'),
            china: dataExplorer('kusto.chinacloudapi.cn')
        },
        errors: [
            // `Principal 'aadapp=...' is not authorized to read database 'db'` (its `@message`).
            {
                text: /is not authorized to (read database|perform operation|access)/i,
                meaning: 'role',
                why: "the principal has no database role (Data Explorer's own access model: Azure roles on the cluster grant no data access)"
            },
            {
                code: /^Forbidden$/,
                status: [403],
                text: /caller is not authorized/i,
                meaning: 'role',
                why: "the principal has no database role (Data Explorer's own access model)"
            }
        ],
        // Database roles (viewer, user, admin) granted in the cluster, not Azure roles: an Azure
        // Reader on the cluster reads no data.
        grants: 'kusto-database-roles',
        roles: [{ role: 'Viewer', allows: ['read database'] }],
        defaultAction: 'read database'
    }
];
// ---- row builders (one per shape of service) ---------------------------------------------------
function arm(host, classicHost) {
    return {
        hosts: [host],
        audience: `https://${host}/`,
        eitherSlash: [`https://${host}`, `https://${classicHost}`]
    };
}
function vault(suffix, zone) {
    return {
        suffixes: [suffix],
        audience: `https://${suffix}`,
        exact: [`https://${suffix}`],
        privateDnsZones: [zone]
    };
}
function storage(core) {
    const kinds = ['blob', 'queue', 'table', 'file', 'dfs'];
    return {
        suffixes: kinds.map(kind => `${kind}.${core}`),
        audience: 'https://storage.azure.com/',
        eitherSlash: ['https://storage.azure.com', HOST_URL],
        privateDnsZones: kinds.map(kind => `privatelink.${kind}.${core}`)
    };
}
function graph(hosts, audience) {
    return { hosts, audience, eitherSlash: [audience] };
}
function sql(suffix, zone) {
    return {
        suffixes: [suffix],
        audience: `https://${suffix}/`,
        eitherSlash: [`https://${suffix}`],
        privateDnsZones: [zone]
    };
}
function serviceBus(suffix, zone) {
    // Service Bus and Event Hubs share namespace hosts; a namespace takes either service's audience
    // and its own URL.
    return {
        suffixes: [suffix],
        audience: 'https://servicebus.azure.net',
        eitherSlash: ['https://servicebus.azure.net', 'https://eventhubs.azure.net', HOST_URL],
        privateDnsZones: [zone]
    };
}
function cosmos(suffix, zone, generic) {
    return {
        suffixes: [suffix],
        audience: HOST_URL,
        exact: generic === undefined ? [HOST_URL] : [HOST_URL, generic],
        privateDnsZones: [zone]
    };
}
function appConfiguration(suffix, audience, zone) {
    return {
        suffixes: [suffix],
        audience,
        eitherSlash: [audience, HOST_URL],
        privateDnsZones: [zone]
    };
}
function cognitive(suffixes, audience, zones) {
    return { suffixes, audience, eitherSlash: [audience], privateDnsZones: zones };
}
function logAnalytics(hosts, audience) {
    return { hosts, audience, eitherSlash: [audience] };
}
function dataExplorer(suffix) {
    // A cluster takes its own URL, and the generic `https://kusto.<suffix>` audience.
    return {
        suffixes: [suffix],
        audience: HOST_URL,
        eitherSlash: [HOST_URL, `https://kusto.${suffix}`]
    };
}
function containerRegistry(suffix, audience, armHost, zone) {
    return {
        suffixes: [suffix],
        audience,
        eitherSlash: [audience, `https://${armHost}`],
        privateDnsZones: [zone]
    };
}
// ---- lookups -----------------------------------------------------------------------------------
/** Every row, for tests and documentation that read the table. */
function azureServices() {
    return SERVICES;
}
function serviceByKey(key) {
    return SERVICES.find(service => service.key === key);
}
/** `Example.COM.` → `example.com`; `[::1]` stays as it is (never in the table anyway). */
function normaliseHost(host) {
    const lower = host.trim().toLowerCase();
    return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
function endpointsMatch(endpoints, host) {
    if (endpoints.hosts?.includes(host))
        return true;
    // A suffix needs at least one label in front of it: `vault.azure.net` itself is no vault.
    return endpoints.suffixes?.some(suffix => host.endsWith(`.${suffix}`)) ?? false;
}
function withoutTrailingSlash(url) {
    return url.endsWith('/') ? url.slice(0, -1) : url;
}
function entryFor(service, cloud, endpoints, host) {
    const hostUrl = `https://${host}`;
    const expand = (audience) => (audience === HOST_URL ? hostUrl : audience);
    const accepted = [];
    const add = (audience) => {
        if (!accepted.includes(audience))
            accepted.push(audience);
    };
    for (const audience of endpoints.exact ?? [])
        add(expand(audience));
    for (const audience of endpoints.eitherSlash ?? []) {
        const bare = withoutTrailingSlash(expand(audience));
        add(`${bare}/`);
        add(bare);
    }
    const audience = expand(endpoints.audience);
    add(audience);
    return {
        key: service.key,
        service: service.name,
        cloud,
        host,
        audience,
        accepted,
        privateDnsZones: endpoints.privateDnsZones ?? []
    };
}
/**
 * The table's entry for the host a check calls, e.g. `myvault.vault.azure.net` → Key Vault in the
 * public cloud, audience `https://vault.azure.net`. Undefined for hosts not in the table.
 */
function serviceForHost(host) {
    const normalised = normaliseHost(host);
    for (const service of SERVICES) {
        for (const cloud of Object.keys(service.clouds)) {
            const endpoints = service.clouds[cloud];
            if (endpointsMatch(endpoints, normalised))
                return entryFor(service, cloud, endpoints, normalised);
        }
    }
    return undefined;
}
/**
 * The table's entry for the host of a check URL as written (placeholders may sit in its path or
 * query, never in its host). Undefined when the URL does not parse or its host is not in the table.
 */
function serviceForUrl(url) {
    try {
        return serviceForHost(new URL(url).hostname);
    }
    catch {
        return undefined;
    }
}
/** The host `kind` of a service in a cloud, e.g. ARM's `management.usgovcloudapi.net`. */
function serviceHost(key, cloud) {
    return serviceByKey(key).clouds[cloud]?.hosts?.[0];
}
/**
 * Lower-cases the scheme and host of an audience URL (token audiences compare them without case),
 * leaving the path as written. Non-URL audiences (`api://...`) are only lower-cased up to the path.
 */
function caseFoldAudience(resource) {
    const trimmed = resource.trim();
    const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is.exec(trimmed);
    if (match === null)
        return trimmed;
    return match[1].toLowerCase() + match[2];
}
/**
 * Whether the service of `entry` accepts a token requested for `resource`: the test the service
 * applies to the token's `aud` (a v1 managed identity token carries the resource exactly as
 * requested, trailing slash included). Strict: Key Vault refuses `https://vault.azure.net/`.
 */
function audienceAccepted(resource, entry) {
    const wanted = caseFoldAudience(resource);
    return entry.accepted.some(audience => caseFoldAudience(audience) === wanted);
}
/**
 * An audience as spelled loosely, without what its spellings differ in: case, surrounding space,
 * a `/.default` scope suffix and trailing slashes. What the probes write back is compared in this form.
 */
function audienceSpelling(audience) {
    let a = audience.trim().toLowerCase();
    if (a.endsWith('/.default'))
        a = a.slice(0, -'/.default'.length);
    while (a.endsWith('/'))
        a = a.slice(0, -1);
    return a;
}
/**
 * The `.default` scope of a resource, as the Azure SDKs ask a token for it:
 * `https://management.azure.com/` → `https://management.azure.com/.default`; a scope stays as it is.
 * (The inverse of the Azure SDK's `mapScopesToResource`.)
 */
function scopeForResource(resource) {
    return resource.endsWith('/.default') ? resource : `${resource.replace(/\/+$/, '')}/.default`;
}
/**
 * An audience in the form two audiences are compared in when asking "the same resource?" (not "would
 * the service take it?"): lower-cased, without `/.default` and trailing slashes, an application ID
 * replaced by its service's public-cloud audience.
 */
function normaliseAudience(audience) {
    const a = audienceSpelling(audience);
    if (guid_1.GUID.test(a)) {
        const service = SERVICES.find(s => s.appIds?.includes(a));
        const audience = service?.clouds.public?.audience;
        if (audience !== undefined && audience !== HOST_URL)
            return normaliseAudience(audience);
    }
    return a;
}
/** The rows whose audiences (any cloud) include `audience`, compared loosely. */
function servicesTaking(audience) {
    const wanted = normaliseAudience(audience);
    return SERVICES.filter(service => Object.values(service.clouds).some(endpoints => [endpoints.audience, ...(endpoints.exact ?? []), ...(endpoints.eitherSlash ?? [])]
        .filter(a => a !== HOST_URL)
        .some(a => normaliseAudience(a) === wanted)));
}
/**
 * True when a token for `a` and one for `b` are for the same resource: equal after normalisation,
 * or two spellings one service row lists side by side (ARM's `management.core.windows.net`,
 * Service Bus's `eventhubs.azure.net`).
 */
function sameAudience(a, b) {
    const na = normaliseAudience(a);
    const nb = normaliseAudience(b);
    if (na === nb)
        return true;
    return SERVICES.some(service => Object.values(service.clouds).some(endpoints => {
        const spellings = [
            endpoints.audience,
            ...(endpoints.eitherSlash ?? []),
            ...(endpoints.exact ?? [])
        ]
            .filter(x => x !== HOST_URL)
            .map(normaliseAudience);
        return spellings.includes(na) && spellings.includes(nb);
    }));
}
/**
 * Judges a token's `aud` claim against the resource it was requested for. `unknown` when `aud` is
 * an application ID the table does not know: it may well be the resource's, so no verdict.
 */
function audienceMatchesRequest(aud, requested) {
    if (sameAudience(aud, requested))
        return 'match';
    if (guid_1.GUID.test(normaliseAudience(aud)))
        return 'unknown';
    return 'mismatch';
}
/**
 * Which service a check talks to: by its audience first (tests and the emulator call loopback
 * hosts with a real audience), by its host second. Undefined when neither says.
 */
function serviceOfCheck(url, audience) {
    if (audience !== undefined) {
        const byAudience = servicesTaking(audience);
        // `https://management.azure.com` is also a registry's audience: the first row (ARM) wins.
        if (byAudience.length > 0)
            return byAudience[0];
    }
    const entry = serviceForUrl(url);
    return entry === undefined ? undefined : serviceByKey(entry.key);
}
/**
 * The audience of the host a check called, for a fix that names it: the host's own entry when the
 * table knows the host, else the row's audience in the cloud of the check's audience (public when
 * unknown). A host-specific audience (Cosmos DB, Data Explorer) names the host called.
 */
function serviceAudienceFor(service, url, resource) {
    const entry = serviceForUrl(url);
    if (entry !== undefined && entry.key === service.key)
        return entry.audience;
    const cloud = entry?.cloud ??
        Object.keys(exports.CLOUDS).find(c => SERVICES.some(s => {
            const e = s.clouds[c];
            return e !== undefined && e.audience !== HOST_URL && sameAudience(e.audience, resource);
        })) ??
        'public';
    const endpoints = service.clouds[cloud] ?? service.clouds.public;
    const audience = endpoints?.audience ?? resource;
    // The account's own URL: the host called is not the service's (a loopback or custom name).
    return audience !== HOST_URL ? audience : `https://<the ${service.name} account's host>`;
}
/** The first label of the host when it names the resource (`myvault` of `myvault.vault.azure.net`). */
function resourceNameOf(url) {
    const entry = serviceForUrl(url);
    if (entry === undefined || entry.key === 'arm' || entry.key === 'graph')
        return undefined;
    return /^([a-z0-9-]+)\./i.exec(entry.host)?.[1];
}
/** `blob` of `account.blob.core.windows.net`: which Storage service a host is. */
function storageKindOf(url) {
    const entry = serviceForUrl(url);
    if (entry?.key !== 'storage')
        return undefined;
    return /^[a-z0-9]+\.([a-z]+)\./i.exec(entry.host)?.[1];
}
/**
 * The first of the service's error rules that matches an answer. A body's inner code is read
 * together with its top-level code: when an answer carries one (Key Vault's `Forbidden` with
 * `ForbiddenByRbac`, `SecretDisabled`...), a `code` rule is matched against the inner code only, so
 * that a top-level `Forbidden` never stands for more than the inner code says.
 */
function matchErrorRules(service, status, code, innerCode, text) {
    return service.errors.find(rule => {
        if (rule.status !== undefined && !rule.status.includes(status))
            return false;
        if (rule.code !== undefined && !rule.code.test(innerCode ?? code ?? ''))
            return false;
        if (rule.text !== undefined && !rule.text.test(text))
            return false;
        return rule.code !== undefined || rule.text !== undefined || rule.status !== undefined;
    });
}
/** The named groups a rule's `code` and `text` capture from an answer (e.g. a provider's namespace). */
function ruleCaptures(rule, code, innerCode, text) {
    const groups = {
        ...(rule.code?.exec(innerCode ?? code ?? '')?.groups ?? {}),
        ...(rule.text?.exec(text)?.groups ?? {})
    };
    return Object.fromEntries(Object.entries(groups).filter((entry) => entry[1] !== undefined));
}
/** Whether a role's `allows` entry (`*` matches anything) covers an action. Case-insensitive. */
function allowsAction(pattern, action) {
    const regex = new RegExp(`^${pattern
        .split('*')
        .map(part => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*')}$`, 'i');
    return regex.test(action);
}
/** Whether a role row allows an action: one of its `allows` covers it and none of its `denies`. */
function rowAllows(row, action) {
    return (row.allows.some(pattern => allowsAction(pattern, action)) &&
        !(row.denies ?? []).some(pattern => allowsAction(pattern, action)));
}
/** True when the role of the service's table allows the action. */
function roleAllows(service, role, action) {
    const row = service.roles.find(r => r.role === role);
    return row !== undefined && rowAllows(row, action);
}
/**
 * The action a refused call needs, from what the service said: a data action as written
 * (`Microsoft.KeyVault/vaults/secrets/getSecret/action`), words of the service's (a claim such as
 * `'Listen'`, a storage kind such as `queue`), else the service's default for a GET.
 */
function actionNeeded(service, said) {
    const words = said?.trim() ?? '';
    if (words.includes('/'))
        return words;
    return service.actionWords?.find(w => w.when.test(words))?.action ?? service.defaultAction;
}
/**
 * The data role a remediation names: the first role of the service's table (narrowest first) that
 * allows the action the call needs (see actionNeeded); the last, broadest, when none does.
 */
function dataRoleFor(service, said) {
    const action = actionNeeded(service, said);
    const role = service.roles.find(r => rowAllows(r, action)) ?? service.roles[service.roles.length - 1];
    return role?.role;
}
/** The audiences a row names in one cloud as written, HOST_URL left out. */
function writtenAudiences(endpoints) {
    return [endpoints.audience, ...(endpoints.exact ?? []), ...(endpoints.eitherSlash ?? [])].filter(audience => audience !== HOST_URL);
}
/** The host of an `http(s)://` audience, lower-cased and without a final dot; else undefined. */
function audienceHost(audience) {
    if (!/^https?:\/\//i.test(audience))
        return undefined;
    try {
        return normaliseHost(new URL(audience).hostname);
    }
    catch {
        return undefined;
    }
}
/**
 * The shared Azure service (a row of the table, any cloud) an audience stands for, or undefined
 * when it names none, as an app registration's own App ID URI or client ID does. Read loosely, the
 * way Entra ID resolves a resource: case, trailing slashes, `/.default`, a port or a path do not
 * hide the host of a service's audience (`https://management.core.windows.net/`), of an account
 * it serves (`https://acct.blob.core.windows.net`), or an application ID the table lists (as a GUID
 * or `api://<guid>`). A token for such an audience works against everything its holder may touch.
 */
function sharedServiceOfAudience(audience) {
    let text = audience.trim().toLowerCase();
    while (/\/\.default$|\/$/.test(text))
        text = text.replace(/\/\.default$|\/$/, '');
    const appId = text.startsWith('api://') ? text.slice('api://'.length) : text;
    if (guid_1.GUID.test(appId))
        return SERVICES.find(service => service.appIds?.includes(appId));
    const host = audienceHost(text);
    if (host === undefined)
        return undefined;
    const byAudience = SERVICES.find(service => Object.values(service.clouds).some(endpoints => writtenAudiences(endpoints).some(a => audienceHost(a) === host)));
    if (byAudience !== undefined)
        return byAudience;
    const entry = serviceForHost(host);
    return entry === undefined ? undefined : serviceByKey(entry.key);
}
/** Every audience of the table as written, for tests that must try each one. */
function sharedServiceAudiences() {
    const all = SERVICES.flatMap(service => Object.values(service.clouds).flatMap(writtenAudiences));
    return [...new Set(all)];
}


/***/ }),

/***/ 987:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Time, the one clock: `now` and an abortable `sleep`, injectable so that every retry loop
 * (src/common/retry.ts) is tested without waiting.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.systemClock = exports.sleep = void 0;
/** Real waiting, cut short by the signal. */
const sleep = (ms, signal) => new Promise(resolve => {
    if (signal?.aborted)
        return resolve();
    const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
});
exports.sleep = sleep;
exports.systemClock = { now: () => Date.now(), sleep: exports.sleep };


/***/ }),

/***/ 950:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.oneLine = exports.formatDuration = void 0;
exports.cut = cut;
exports.cutTail = cutTail;
/** Small formatting shared by logs, annotations and the summary. */
var human_duration_1 = __nccwpck_require__(206);
Object.defineProperty(exports, "formatDuration", ({ enumerable: true, get: function () { return human_duration_1.formatDuration; } }));
/** One inert line of log text: see log-writer.ts, the one writer that owns the rule. */
var log_writer_1 = __nccwpck_require__(591);
Object.defineProperty(exports, "oneLine", ({ enumerable: true, get: function () { return log_writer_1.oneLine; } }));
/**
 * The first `limit` characters of `text`, and `…` when it was longer. Redact first
 * (src/common/redact.ts) when the text may hold a secret: a cut can never then expose a tail.
 */
function cut(text, limit) {
    return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}
/** The last `limit` characters of `text`, after `…` when it was longer. */
function cutTail(text, limit) {
    return text.length <= limit ? text : `…${text.slice(-limit)}`;
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The GUID, as Entra ID and ARM write them (tenant, client, object and subscription IDs): 8-4-4-4-12
 * hexadecimal digits, either case. One pattern for every place that reads or checks one.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GUID = exports.GUID_SOURCE = void 0;
/** The pattern's source, for a larger expression that captures a GUID inside text. */
exports.GUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A whole value that is one GUID (test with `GUID.test(value)`; case-insensitive). */
exports.GUID = new RegExp(`^${exports.GUID_SOURCE}$`, 'i');


/***/ }),

/***/ 532:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


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
exports.DEFAULT_MAX_BODY_BYTES = void 0;
exports.isFailure = isFailure;
exports.classifyError = classifyError;
exports.bypassesProxy = bypassesProxy;
exports.carriesCredentials = carriesCredentials;
exports.proxyFor = proxyFor;
exports.httpRequest = httpRequest;
/**
 * One HTTP exchange with node:http / node:https (global `fetch` costs ~110 ms to load; start-up is a
 * measured goal). It never rejects: every way a request can go wrong becomes a `TransportError`.
 *
 * - One timer covers the whole exchange (proxy, connect, TLS, headers, body) and destroys the
 *   sockets when it fires, so a hung endpoint really ends within `timeoutMs`.
 * - Bodies are read up to `maxBodyBytes`; the rest is dropped (a probe never needs more).
 * - `bodyTimeoutMs` bounds the body once the headers are in: a peer that answers at once and then
 *   trickles its body ends the exchange then, not at `timeoutMs`.
 * - Proxies only when the caller passes `proxyEnv` (API calls); identity endpoints go direct.
 * - Credentials (`Authorization`) never cross a proxy in clear: over plain http they go only to
 *   a loopback host, and directly, whatever HTTP_PROXY says; over https a proxy only relays the
 *   TLS stream (CONNECT) and never sees them (docs/security.md, "Proxies").
 */
const http = __importStar(__nccwpck_require__(67));
const net = __importStar(__nccwpck_require__(30));
const loopback_1 = __nccwpck_require__(710);
const network_errors_1 = __nccwpck_require__(375);
exports.DEFAULT_MAX_BODY_BYTES = 64 * 1024;
// node:https and node:tls (and node:crypto beneath them) are loaded on the first https exchange,
// not at start-up: IMDS and the other identity endpoints are plain http, and a pass whose checks are
// too (the emulator) never needs them at all.
function loadHttps() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return __nccwpck_require__(708);
}
function loadTls() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return __nccwpck_require__(692);
}
function isFailure(outcome) {
    return 'error' in outcome;
}
/** Node's error codes → the observation schema's kinds (the one table: src/network-errors.ts). */
function classifyError(error) {
    const code = error?.code;
    const text = String(error?.message ?? '');
    if (typeof code === 'string') {
        const kind = (0, network_errors_1.kindOfNodeCode)(code);
        if (kind !== undefined)
            return kind;
    }
    if (/socket hang up/i.test(text))
        return 'reset';
    return 'other';
}
/** A proxy's own answer to the request or the CONNECT: 407 wants credentials, 403 has no allow rule. */
function proxyAnswerKind(status) {
    if (status === 407)
        return 'proxy-auth';
    if (status === 403 || status === 451)
        return 'proxy-denied';
    return 'proxy';
}
function errorWords(error) {
    const message = error?.message;
    return typeof message === 'string' && message !== '' ? message : String(error);
}
/** `[::1]` → `::1`: node wants bare IPv6 literals as host. */
function bareHost(hostname) {
    return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
function defaultPort(url) {
    if (url.port !== '')
        return Number(url.port);
    return url.protocol === 'https:' ? 443 : 80;
}
/** Does NO_PROXY exempt this host? Entries: `*`, hosts, `.suffix`/`suffix` domains, IPs, `:port`. */
function bypassesProxy(url, noProxy) {
    if (noProxy === undefined || noProxy.trim() === '')
        return false;
    const host = bareHost(url.hostname).toLowerCase();
    const port = defaultPort(url);
    for (const raw of noProxy.split(/[,\s]+/)) {
        let entry = raw.trim().toLowerCase();
        if (entry === '')
            continue;
        if (entry === '*')
            return true;
        let entryPort;
        const portMatch = /^(.*[^:]):(\d+)$/.exec(entry);
        if (portMatch && !/^[0-9a-f:]+$/.test(entry.replace(/^\[|\]$/g, ''))) {
            entry = portMatch[1] ?? entry;
            entryPort = Number(portMatch[2]);
        }
        entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '.');
        if (entryPort !== undefined && entryPort !== port)
            continue;
        if (entry.startsWith('.')) {
            if (host.endsWith(entry) || host === entry.slice(1))
                return true;
        }
        else if (host === entry || host.endsWith(`.${entry}`)) {
            return true;
        }
    }
    return false;
}
/** Whether a request's headers carry credentials (a bearer token, a Basic secret...). */
function carriesCredentials(headers) {
    return Object.keys(headers ?? {}).some(name => name.toLowerCase() === 'authorization');
}
/**
 * The proxy a call to `url` must go through under `env`'s rules, if any. The one place a proxy is
 * chosen: a plain-http call that carries credentials (only ever to loopback) never goes through
 * one, since an http proxy reads the whole request, bearer included.
 */
function proxyFor(url, env, withCredentials = false) {
    if (env === undefined)
        return undefined;
    if (withCredentials && url.protocol === 'http:')
        return undefined;
    const raw = url.protocol === 'https:'
        ? (env.https_proxy ?? env.HTTPS_PROXY)
        : (env.http_proxy ?? env.HTTP_PROXY);
    if (raw === undefined || raw.trim() === '')
        return undefined;
    if (bypassesProxy(url, env.no_proxy ?? env.NO_PROXY))
        return undefined;
    try {
        return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    }
    catch {
        return undefined;
    }
}
function proxyAuthorization(proxy) {
    if (proxy.username === '')
        return {};
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}
function normaliseThumbprint(value) {
    return value.replace(/[^0-9a-f]/gi, '').toUpperCase();
}
/** Sends one request; resolves with the response or the classified reason there is none. */
function httpRequest(options) {
    return new Promise(resolve => {
        let settled = false;
        let bodyTimer;
        // Everything that holds a socket open, destroyed together when the exchange ends early.
        const live = [];
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            clearTimeout(connectTimer);
            clearTimeout(bodyTimer);
            options.signal?.removeEventListener('abort', onAbort);
            for (const item of live)
                item.destroy();
            resolve(outcome);
        };
        // Once the headers are in, a failure is the body's (`during`), whatever ends the exchange.
        let headersIn = false;
        const fail = (error, errorText) => finish(headersIn ? { error, errorText, during: 'body' } : { error, errorText });
        const onAbort = () => fail('other', 'aborted');
        const timer = setTimeout(() => fail('timeout', `no complete answer within ${options.timeoutMs} ms`), options.timeoutMs);
        const connectTimer = options.connectTimeoutMs !== undefined && options.connectTimeoutMs < options.timeoutMs
            ? setTimeout(() => fail('unreachable', `no connection within ${options.connectTimeoutMs} ms (the request was not sent)`), options.connectTimeoutMs)
            : undefined;
        const refuse = (errorText) => finish({ error: 'other', errorText, unsent: true });
        let url;
        try {
            url = new URL(options.url);
        }
        catch {
            refuse('not a valid URL');
            return;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            refuse(`unsupported scheme ${url.protocol}`);
            return;
        }
        if (options.signal?.aborted) {
            refuse('aborted');
            return;
        }
        const withCredentials = carriesCredentials(options.headers);
        if (withCredentials && !(0, loopback_1.mayCarryBearer)(url)) {
            refuse('credentials are only sent over https, or over http to a loopback host');
            return;
        }
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const maxBody = options.maxBodyBytes ?? exports.DEFAULT_MAX_BODY_BYTES;
        const host = bareHost(url.hostname);
        const port = defaultPort(url);
        const headers = { ...(options.headers ?? {}) };
        if (options.body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(options.body));
        const proxy = proxyFor(url, options.proxyEnv, withCredentials);
        const proxyLabel = proxy ? `proxy ${proxy.host}` : '';
        const readResponse = (response) => {
            live.push(response);
            headersIn = true;
            if (options.bodyTimeoutMs !== undefined) {
                const bodyTimeoutMs = options.bodyTimeoutMs;
                bodyTimer = setTimeout(() => fail('timeout', `status ${response.statusCode} came, but the body did not end within ${bodyTimeoutMs} ms of it`), bodyTimeoutMs);
            }
            const chunks = [];
            let size = 0;
            let truncated = false;
            const done = () => finish({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: Buffer.concat(chunks).toString('utf8'),
                truncated
            });
            response.on('data', (chunk) => {
                if (truncated)
                    return;
                const room = maxBody - size;
                if (chunk.length > room) {
                    chunks.push(chunk.subarray(0, room));
                    truncated = true;
                    // Enough read: stop here rather than wait for (or be held by) the rest.
                    done();
                    return;
                }
                chunks.push(chunk);
                size += chunk.length;
            });
            response.on('end', done);
            response.on('error', error => fail(classifyError(error), errorWords(error)));
            response.on('aborted', () => fail('reset', 'connection closed before the body ended'));
        };
        /** `viaProxy`: errors before any response are the proxy's (it was the one we connected to). */
        const send = (request, viaProxy = false) => {
            live.push(request);
            request.on('error', error => {
                if (viaProxy)
                    fail('proxy', `${proxyLabel}: ${errorWords(error)} (${classifyError(error)})`);
                else
                    fail(classifyError(error), errorWords(error));
            });
            // Flushed to the socket: connected (and through TLS) and sent; only the answer is awaited.
            request.on('finish', () => clearTimeout(connectTimer));
            request.on('response', response => {
                // Absolute-form through a proxy: 407 can only be the proxy's own answer.
                if (viaProxy && response.statusCode === 407) {
                    fail('proxy-auth', `${proxyLabel} answered 407 Proxy Authentication Required`);
                    return;
                }
                readResponse(response);
            });
            request.end(options.body);
        };
        // Over an already open TLS socket (tunnel or pinned certificate), http.request writes plain HTTP.
        const sendOverSocket = (socket, path) => send(http.request({
            host,
            port,
            method: options.method,
            path,
            headers: { host: url.host, ...headers },
            createConnection: () => socket
        }));
        const openTls = (underlying) => {
            const pinned = options.serverThumbprint;
            const socket = loadTls().connect({
                host,
                port,
                socket: underlying,
                servername: net.isIP(host) ? undefined : host,
                ca: options.ca,
                rejectUnauthorized: pinned === undefined
            });
            live.push(socket);
            socket.once('error', error => fail(classifyError(error), errorWords(error)));
            socket.once('secureConnect', () => {
                if (pinned !== undefined) {
                    const fingerprint = socket.getPeerCertificate()?.fingerprint ?? '';
                    if (normaliseThumbprint(fingerprint) !== normaliseThumbprint(pinned)) {
                        fail('tls', 'server certificate thumbprint differs from IDENTITY_SERVER_THUMBPRINT');
                        return;
                    }
                }
                sendOverSocket(socket, `${url.pathname}${url.search}`);
            });
        };
        if (proxy === undefined) {
            if (url.protocol === 'https:' && options.serverThumbprint !== undefined) {
                openTls(undefined);
                return;
            }
            const module = url.protocol === 'https:' ? loadHttps() : http;
            send(module.request({
                host,
                port,
                method: options.method,
                path: `${url.pathname}${url.search}`,
                headers,
                ca: options.ca,
                agent: options.agent ?? false
            }));
            return;
        }
        const proxyModule = proxy.protocol === 'https:' ? loadHttps() : http;
        const proxyHost = bareHost(proxy.hostname);
        const proxyPort = defaultPort(proxy);
        if (url.protocol === 'http:') {
            // Plain http through a proxy: absolute-form request line.
            send(proxyModule.request({
                host: proxyHost,
                port: proxyPort,
                method: options.method,
                path: url.href,
                headers: { host: url.host, ...headers, ...proxyAuthorization(proxy) },
                agent: false
            }), true);
            return;
        }
        // https through a proxy: CONNECT tunnel, then TLS to the server inside it.
        const connect = proxyModule.request({
            host: proxyHost,
            port: proxyPort,
            method: 'CONNECT',
            path: `${url.hostname}:${port}`,
            headers: { host: `${url.hostname}:${port}`, ...proxyAuthorization(proxy) },
            agent: false
        });
        live.push(connect);
        connect.on('error', error => fail('proxy', `${proxyLabel}: ${errorWords(error)} (${classifyError(error)})`));
        connect.on('connect', (response, socket) => {
            live.push(socket);
            if (response.statusCode !== 200) {
                fail(proxyAnswerKind(response.statusCode), `${proxyLabel} answered ${response.statusCode} ${response.statusMessage ?? ''} to CONNECT ${url.host}`);
                return;
            }
            openTls(socket);
        });
        connect.end();
    });
}


/***/ }),

/***/ 206:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatDuration = formatDuration;
/** `850 ms`, `4.2 s`, `3 min`, `5 h`: durations as a person reads them in details, logs and the summary. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '?';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 10_000) {
        const s = Math.round(ms / 100) / 10;
        return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
    }
    // Past ten seconds a tenth is noise: whole seconds.
    if (ms < 120_000)
        return `${Math.round(ms / 1000)} s`;
    if (ms < 2 * 3_600_000)
        return `${Math.round(ms / 60_000)} min`;
    if (ms < 2 * 86_400_000)
        return `${(ms / 3_600_000).toFixed(1).replace(/\.0$/, '')} h`;
    return `${Math.round(ms / 86_400_000)} days`;
}


/***/ }),

/***/ 591:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The one writer of log text: every line the action, the shard merge, the smoke endpoint and the
 * command line print goes through here, so text they did not author (an error body, a header, a
 * VM's output, an input, a file name, a shard's report) can never issue a CI log command. No
 * @actions/core here: the action's own commands are issued only through core's functions
 * (runner.ts), which escape their properties; everything else is text, and this module makes it
 * inert.
 *
 * GitHub's runner (actions/runner, `ActionCommand.TryParseV2` / `TryParse`, tried in that order on
 * every line of stdout and stderr) acts on two syntaxes:
 *   - `::name props::data` when the line, after `TrimStart()`, starts with `::`;
 *   - `##[name props]data` ANYWHERE in the line (`IndexOf("##[")`).
 * Azure Pipelines' agent (`Command.TryParse`: `IndexOf("##vso[")`) acts on `##vso[` ANYWHERE in a
 * line of stdout or stderr: the command line runs there, and a pipeline can wrap the action's
 * output too, so both runners' syntaxes are neutralised in every text.
 * Lines are what .NET's `StreamReader.ReadLine` returns, so CR alone ends a line too. The
 * searches are culture-sensitive string comparisons (ICU on Linux), which skip characters of zero
 * collation weight: a zero-width space or a soft hyphen between the two `#` of `##[` or before `::`
 * still matches. Command names are compared ignoring case, and after `stop-commands` the runner also
 * acts on `::<token>::`, so no list of names is safe: the prefixes are neutralised whatever
 * follows them.
 *
 * Neutralising is a visible change, never a deletion: invisible characters are shown as
 * `<U+XXXX>`, `##[` becomes `## [`, `##vso[` becomes `## vso[` (any case), and a leading `::`
 * becomes `: :`. JSON written for a log (`inertJson`) keeps its value instead: the same characters
 * are written as JSON escapes.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.log = void 0;
exports.inertText = inertText;
exports.oneLine = oneLine;
exports.inertJson = inertJson;
exports.createLogWriter = createLogWriter;
/**
 * Characters a reader cannot see and ICU's comparison may skip: controls (tab aside), format
 * characters (zero-width, bidi), line and paragraph separators, default-ignorable code points
 * (variation selectors, fillers) and lone surrogates.
 */
const INVISIBLE = /(?!\t)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Cs}]/gu;
/** What `TrimStart()` removes (.NET `Char.IsWhiteSpace`) and what JavaScript calls white space. */
const LEADING_SPACE = /^[\s\u0085]*/;
/** `##[` (GitHub) and `##vso[` (Azure Pipelines), any case: the `##` of each, to be split. */
const HASH_COMMAND = /##(?=\[|vso\[)/gi;
/** The runner's line breaks (`StreamReader.ReadLine`): CR LF, LF, or CR alone. */
const LINE_BREAK = /\r\n|\r|\n/;
function visible(char) {
    return `<U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}
/** One line (no line break) that no runner's syntax can read as a command. */
function inertLine(line) {
    const shown = line.replace(INVISIBLE, visible).replace(HASH_COMMAND, '## ');
    const indent = LEADING_SPACE.exec(shown)[0];
    const rest = shown.slice(indent.length);
    return rest.startsWith('::') ? `${indent}: :${rest.slice(2)}` : shown;
}
/**
 * Text that may span lines, each line made inert; line breaks become `\n`. For messages that keep
 * their lines (annotations, whose data core escapes) and multi-line log output.
 */
function inertText(text) {
    return text.split(LINE_BREAK).map(inertLine).join('\n');
}
/**
 * One inert line: line breaks become spaces (nothing printed can start a new line of its own),
 * trailing space is dropped, and no command syntax survives.
 */
function oneLine(text) {
    return inertLine(text.replace(/(?:\r\n|\r|\n)+/g, ' ').trimEnd());
}
/** `\uXXXX` for each UTF-16 unit of a character: what JSON reads back as the same character. */
function jsonEscape(char) {
    let escaped = '';
    for (let i = 0; i < char.length; i++) {
        escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
    }
    return escaped;
}
/** Invisible characters but LF, the one JSON.stringify writes raw (between values, with indent). */
const INVISIBLE_IN_JSON = new RegExp(`(?!\\n)${INVISIBLE.source}`, 'gu');
/**
 * JSON of `value` (indented by `indent`) that no runner takes for a command, with the same value:
 * invisible characters and the `#` that starts `##[` or `##vso[` are written as `\uXXXX` escapes.
 * JSON.stringify writes such characters only inside strings, where an escape means the same
 * character, so the value parsed back is unchanged. (A JSON line starts with
 * white space, a brace, a bracket or a quote, never `::`; JSON.stringify escapes CR and LF inside
 * strings and writes lone surrogates as escapes.)
 */
function inertJson(value, indent) {
    return JSON.stringify(value, null, indent)
        .replace(INVISIBLE_IN_JSON, jsonEscape)
        .replace(HASH_COMMAND, '\\u0023#');
}
/** The writer over the process's streams (tests pass their own). */
function createLogWriter(streams = process) {
    const EOL = process.platform === 'win32' ? '\r\n' : '\n';
    const lines = (text) => inertText(text).split('\n').join(EOL) + EOL;
    return {
        out: text => void streams.stdout.write(lines(text)),
        err: text => void streams.stderr.write(lines(text))
    };
}
/** The process's writer. */
exports.log = createLogWriter();


/***/ }),

/***/ 375:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TLS_KINDS = exports.NETWORK_KIND_TABLE = void 0;
exports.isTlsKind = isTlsKind;
exports.kindOfNodeCode = kindOfNodeCode;
exports.kindOfCurlExit = kindOfCurlExit;
exports.kindOfText = kindOfText;
exports.networkKindOf = networkKindOf;
/**
 * The one table of network-error kinds: why an exchange got no HTTP answer, as every probe words
 * it. Node's error codes (the in-process probe and the smoke endpoint), curl's exit codes and the
 * error texts of curl, GNU wget, python3 and .NET / PowerShell (the VM probes) all land in the same
 * kinds, because each kind has its own fix and a fix written for another kind cannot work (no
 * clock advice for an untrusted chain, no CA bundle for a name the certificate does not cover).
 *
 * The probes classify what they can (node: by error code; sh: by curl's exit code; PowerShell: by
 * WebException status) and always send the error's own words; `networkKindOf` then refines a coarse
 * kind from those words with this same table, so a VM probe's `tls` with curl's "certificate has
 * expired" is judged exactly like node's CERT_HAS_EXPIRED.
 */
const observations_1 = __nccwpck_require__(132);
/** In precedence order (first text match wins). */
exports.NETWORK_KIND_TABLE = [
    {
        kind: 'proxy-auth',
        node: [],
        curl: [],
        // node (http-request): "proxy p:3128 answered 407 ..."; curl: "Received HTTP code 407 from
        // proxy after CONNECT" / "CONNECT tunnel failed, response 407"; .NET: "The proxy tunnel request
        // to proxy '...' failed with status code '407'."; PowerShell: "407 (Proxy Authentication Required)".
        text: /\b407\b|Proxy Authentication Required/i
    },
    {
        kind: 'proxy-denied',
        node: [],
        curl: [],
        text: /proxy\b[^.]*\b(403|451)\b|\b(403|451)\b[^.]*(CONNECT|proxy)|CONNECT\b[^.]*\b(403|451)\b|CONNECT tunnel failed, response 40[35]|RequestProhibitedByProxy/i
    },
    {
        kind: 'tls-expired',
        node: ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_EXPIRED'],
        curl: [],
        // .NET: X509ChainStatus NotTimeValid, "A required certificate is not within its validity period".
        text: /certificate (has )?expired|certificate is not yet valid|NotTimeValid|not within its validity period|certificate verify failed: certificate (has expired|is not yet valid)/i
    },
    {
        kind: 'tls-name',
        node: ['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'],
        curl: [51],
        // node: "Hostname/IP does not match certificate's altnames"; curl: "no alternative certificate
        // subject name matches target host name"; python: "Hostname mismatch, certificate is not valid
        // for"; .NET: RemoteCertificateNameMismatch.
        text: /does not match certificate's altnames|not in the cert's altnames|no alternative certificate subject name|subject name does not match|Hostname mismatch|RemoteCertificateNameMismatch|certificate is not valid for '?[\w.-]+|doesn't match (either of )?'?[*\w.-]+'?/i
    },
    {
        kind: 'tls-untrusted',
        node: [
            'SELF_SIGNED_CERT_IN_CHAIN',
            'DEPTH_ZERO_SELF_SIGNED_CERT',
            'UNABLE_TO_GET_ISSUER_CERT',
            'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
            'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
            'CERT_UNTRUSTED',
            'CERT_CHAIN_TOO_LONG',
            'CERT_SIGNATURE_FAILURE'
        ],
        curl: [77],
        // .NET: RemoteCertificateChainErrors / UntrustedRoot / PartialChain.
        text: /self[- ]signed certificate|unable to get (local )?issuer certificate|unable to verify the first certificate|unable to get local issuer|RemoteCertificateChainErrors|UntrustedRoot|PartialChain|root certificate which is not trusted|certificate verify failed|SSL certificate problem|certificate chain/i
    },
    {
        kind: 'tls',
        node: ['EPROTO'],
        curl: [35, 53, 54, 58, 59, 64, 66, 80, 82, 83, 90, 91],
        text: /\bSSL\b|\bTLS\b|handshake|secure channel|SecureChannelFailure|TrustFailure|certificate/i
    },
    {
        kind: 'proxy',
        node: [],
        curl: [5, 97],
        text: /\bproxy\b|\bCONNECT\b/i
    },
    {
        kind: 'dns',
        node: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA'],
        curl: [6],
        text: /getaddrinfo|Could not resolve host|Name or service not known|No such host is known|Temporary failure in name resolution|nodename nor servname|NameResolutionFailure|unable to resolve host|Name does not resolve|No address associated with hostname/i
    },
    {
        kind: 'refused',
        node: ['ECONNREFUSED'],
        curl: [],
        text: /refused/i
    },
    {
        kind: 'timeout',
        node: ['ETIMEDOUT'],
        curl: [28],
        text: /timed out|timeout/i
    },
    {
        kind: 'unreachable',
        node: ['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'],
        curl: [],
        text: /No route to host|unreachable/i
    },
    {
        kind: 'reset',
        node: ['ECONNRESET', 'EPIPE', 'ECONNABORTED'],
        curl: [52, 55, 56],
        text: /reset|Empty reply|Recv failure|socket hang up|forcibly closed|connection was closed/i
    },
    {
        kind: 'local-file',
        node: [],
        curl: [],
        text: /could not be read \((EACCES|EPERM|ENOENT|EISDIR)\)|key file|AZURE_FEDERATED_TOKEN_FILE/i
    }
];
/** Kinds that say which of the TLS failures it was: each has its own fix. */
exports.TLS_KINDS = ['tls', 'tls-untrusted', 'tls-name', 'tls-expired'];
function isTlsKind(kind) {
    return exports.TLS_KINDS.includes(kind ?? '');
}
/** A node error code's kind, or undefined when the table does not know the code. */
function kindOfNodeCode(code) {
    const row = exports.NETWORK_KIND_TABLE.find(r => r.node.includes(code));
    if (row !== undefined)
        return row.kind;
    // OpenSSL's other verification and protocol errors, as node names them.
    if (/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code))
        return 'tls';
    return undefined;
}
/** curl's exit code's kind, or undefined when the code alone does not say (7, 60: read the text). */
function kindOfCurlExit(code) {
    return exports.NETWORK_KIND_TABLE.find(r => r.curl.includes(code))?.kind;
}
/** The first kind whose words the text holds. */
function kindOfText(text) {
    if (text === undefined || text === '')
        return undefined;
    return exports.NETWORK_KIND_TABLE.find(r => r.text?.test(text))?.kind;
}
/** Which coarse kinds a text may refine, and into which. */
const REFINES = {
    tls: ['tls-expired', 'tls-name', 'tls-untrusted'],
    proxy: ['proxy-auth', 'proxy-denied', 'tls-expired', 'tls-name', 'tls-untrusted'],
    reset: ['proxy-auth', 'proxy-denied'],
    refused: ['proxy-auth', 'proxy-denied']
};
/**
 * The kind an exchange's failure is judged by: the probe's own kind, made specific by the error's
 * words where the probe could only say `tls`, `proxy` or `other` (VM probes, older probes, .NET).
 * A kind the validator does not know stays `other`.
 */
function networkKindOf(error, errorText) {
    const known = observations_1.TRANSPORT_ERRORS.includes(error ?? '')
        ? error
        : 'other';
    const said = kindOfText(errorText);
    if (said === undefined)
        return known;
    if (known === 'other')
        return said;
    return REFINES[known]?.includes(said) ? said : known;
}


/***/ }),

/***/ 800:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The one redactor: everything that stores or prints text (report, summary, annotations, logs,
 * evidence, the probes' masks) passes it through `redactSecrets` first.
 *
 * What it removes:
 * - token-shaped strings: a JWT (a JOSE header always base64url-encodes to `eyJ`, so any
 *   `eyJ` run of 11+ characters and up to two `.segment`s after it), and any base64url run of 60+
 *   characters (a bare signature, a cut token);
 * - the value after `Bearer `, and the value of credential-bearing names (`Authorization`,
 *   `x-mi-smoke-key`, `access_token`, ...) in headers, JSON, query strings or form bodies;
 * - every secret the process registered (`registerSecretText`: the endpoint key input, the bearer
 *   token the runner obtained for `endpoint-audience`), wherever it appears.
 *
 * Why hand-written scanning and not regular expressions: this runs on text a workload or an API
 * controls (up to 1 MiB), and patterns such as `eyJ[A-Za-z0-9_-]*\.` backtrack over every `eyJ`
 * start of `eyJeyJeyJ...`: quadratic, seconds on 90 KB. Every function here visits each character
 * a bounded number of times (one pass per credential name, and per registered secret), so the
 * cost is linear in the text; scripts/bench.ts measures it on adversarial input.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.REDACTED = void 0;
exports.registerSecretText = registerSecretText;
exports.forgetSecretTexts = forgetSecretTexts;
exports.redactSecrets = redactSecrets;
exports.containsJwt = containsJwt;
exports.redactDeep = redactDeep;
exports.REDACTED = '[redacted]';
/** A JWT-shaped run needs `eyJ` and this many characters in its first segment (as the old patterns). */
const JWT_MIN_FIRST_SEGMENT = 11;
/** A run of base64url characters this long is treated as a bare token or signature. */
const LONG_RUN = 60;
/**
 * Names whose value is a credential. `authorization` values run to the end of the header (they
 * hold a scheme and a space); the others end at the first space or delimiter.
 */
const HEADER_NAMES = ['authorization', 'proxy-authorization'];
const VALUE_NAMES = [
    'x-mi-smoke-key',
    'x-identity-header',
    'access_token',
    'refresh_token',
    'id_token',
    'client_secret',
    'client_assertion'
];
const BEARER = 'bearer';
/** Secrets known to this process, each removed wherever it appears. */
const registered = new Set();
/**
 * Registers a secret this process holds (the endpoint key, the runner's bearer token) so that
 * every later `redactSecrets` removes it. Short strings are refused: removing every `a` of a text
 * protects nothing and garbles everything.
 */
function registerSecretText(secret) {
    if (secret.length >= 6)
        registered.add(secret);
}
/** For tests: forget the registered secrets. */
function forgetSecretTexts() {
    registered.clear();
}
function isBase64UrlCode(code) {
    return ((code >= 48 && code <= 57) || // 0-9
        (code >= 65 && code <= 90) || // A-Z
        (code >= 97 && code <= 122) || // a-z
        code === 45 || // -
        code === 95 // _
    );
}
/**
 * Token-shaped runs: one left-to-right pass over maximal runs of base64url characters and dots.
 * A run is cut into dot-separated segments; a segment that starts a JWT (`eyJ`, long enough) is
 * redacted with the two segments after it, and a segment of LONG_RUN+ characters on its own.
 */
function tokenRanges(text, out) {
    const n = text.length;
    // The next `eyJ` at or after a position, found with one forward-moving cursor (linear overall).
    let nextEyj = text.indexOf('eyJ');
    const eyjFrom = (position) => {
        if (nextEyj !== -1 && nextEyj < position)
            nextEyj = text.indexOf('eyJ', position);
        return nextEyj;
    };
    let i = 0;
    while (i < n) {
        if (!isBase64UrlCode(text.charCodeAt(i))) {
            i++;
            continue;
        }
        // One run of segments separated by single dots, read once, with no per-segment allocation.
        let open = -1; // where the JWT-shaped range being read starts
        let end = i;
        let remaining = 0; // segments of that range still to come
        let j = i;
        for (;;) {
            const a = j;
            while (j < n && isBase64UrlCode(text.charCodeAt(j)))
                j++;
            if (open !== -1) {
                end = j;
                if (--remaining === 0) {
                    out.push([open, end]);
                    open = -1;
                }
            }
            else if (j - a >= JWT_MIN_FIRST_SEGMENT) {
                const at = eyjFrom(a);
                if (at !== -1 && at < j && j - at >= JWT_MIN_FIRST_SEGMENT) {
                    open = at;
                    end = j;
                    remaining = 2;
                }
                else if (j - a >= LONG_RUN)
                    out.push([a, j]);
            }
            if (j + 1 < n && text.charCodeAt(j) === 46 && isBase64UrlCode(text.charCodeAt(j + 1))) {
                j++;
                continue;
            }
            break;
        }
        if (open !== -1)
            out.push([open, end]);
        i = j;
    }
}
function isSpace(code) {
    return code === 32 || code === 9;
}
/** Where a value ends: at a quote, a line end, or (unless `spaces`) whitespace and delimiters. */
function valueEnd(text, from, spaces) {
    let k = from;
    while (k < text.length) {
        const c = text.charCodeAt(k);
        if (c === 34 || c === 39 || c === 10 || c === 13 || c === 92)
            break; // " ' \n \r \
        if (!spaces && (isSpace(c) || c === 38 || c === 44 || c === 59 || c === 125))
            break; // & , ; }
        if (spaces && (c === 44 || c === 59 || c === 125 || c === 38))
            break;
        k++;
    }
    return k;
}
/**
 * Values after `name` followed by `:` or `=` (JSON `"name": "v"`, header `Name: v`, query
 * `name=v`), case-insensitive. `lower` is `text` lower-cased once by the caller.
 */
function namedValueRanges(text, lower, name, spaces, out) {
    let from = 0;
    for (;;) {
        const at = lower.indexOf(name, from);
        if (at === -1)
            return;
        from = at + name.length;
        if (at > 0 && (isBase64UrlCode(lower.charCodeAt(at - 1)) || lower[at - 1] === '.'))
            continue;
        let k = from;
        if (text[k] === '"' || text[k] === "'")
            k++;
        while (k < text.length && isSpace(text.charCodeAt(k)))
            k++;
        if (text[k] !== ':' && text[k] !== '=')
            continue;
        k++;
        while (k < text.length && isSpace(text.charCodeAt(k)))
            k++;
        if (text[k] === '"' || text[k] === "'")
            k++;
        const end = valueEnd(text, k, spaces);
        if (end > k)
            out.push([k, end]);
        from = Math.max(from, end);
    }
}
/** The credential after `Bearer ` (any case, one or more spaces). */
function bearerRanges(text, lower, out) {
    let from = 0;
    for (;;) {
        const at = lower.indexOf(BEARER, from);
        if (at === -1)
            return;
        from = at + BEARER.length;
        let k = from;
        while (k < text.length && isSpace(text.charCodeAt(k)))
            k++;
        if (k === from)
            continue;
        const end = valueEnd(text, k, false);
        // `Bearer [redacted]` is already clean; a word such as `Bearer authentication` is prose.
        if (!text.startsWith(exports.REDACTED, k) && looksLikeCredential(text, k, end))
            out.push([k, end]);
        from = Math.max(from, end);
    }
}
/** Punctuation that ends a clause: `) . , : ; ! ? ]`. */
function isClosingPunctuation(code) {
    return (code === 41 ||
        code === 46 ||
        code === 44 ||
        code === 58 ||
        code === 59 ||
        code === 33 ||
        code === 63 ||
        code === 93);
}
/**
 * 4+ characters with a digit or symbol in them, or 20+ of anything: not an English word. The
 * punctuation that closes a clause is not part of the value: `(a bearer token) instead` or `use
 * a bearer token.` is prose (the action's own remediations say so), while a credential (RFC 6750's
 * b64token: letters, digits, `-._~+/`, `=` padding) has a digit or a symbol inside it, or length.
 */
function looksLikeCredential(text, start, end) {
    if (end - start >= 20)
        return true;
    while (end > start && isClosingPunctuation(text.charCodeAt(end - 1)))
        end--;
    if (end - start < 4)
        return false;
    for (let k = start; k < end; k++) {
        const c = text.charCodeAt(k) | 32;
        if (c < 97 || c > 122)
            return true;
    }
    return false;
}
/** ASCII letters lower-cased, every other character kept: indices stay those of `text`. */
function asciiLower(text) {
    const lower = text.toLowerCase();
    // Native and fast; only a few non-ASCII characters (İ) change length, then go letter by letter.
    if (lower.length === text.length)
        return lower;
    return text.replace(/[A-Z]+/g, run => run.toLowerCase());
}
function secretRanges(text, out) {
    for (const secret of registered) {
        let from = 0;
        for (;;) {
            const at = text.indexOf(secret, from);
            if (at === -1)
                break;
            out.push([at, at + secret.length]);
            from = at + secret.length;
        }
    }
}
/** Replaces the (possibly overlapping) ranges with REDACTED, in one pass after one sort. */
function applyRanges(text, ranges) {
    if (ranges.length === 0)
        return text;
    ranges.sort((x, y) => x[0] - y[0]);
    let result = '';
    let at = 0;
    let i = 0;
    while (i < ranges.length) {
        let [start, end] = ranges[i];
        i++;
        while (i < ranges.length && ranges[i][0] <= end) {
            end = Math.max(end, ranges[i][1]);
            i++;
        }
        if (start < at)
            start = at;
        result += text.slice(at, start) + exports.REDACTED;
        at = end;
    }
    return result + text.slice(at);
}
/** `text` with every token-shaped string, credential value and registered secret replaced. */
function redactSecrets(text) {
    if (text === '')
        return text;
    const lower = asciiLower(text);
    const ranges = [];
    secretRanges(text, ranges);
    tokenRanges(text, ranges);
    bearerRanges(text, lower, ranges);
    for (const name of HEADER_NAMES)
        namedValueRanges(text, lower, name, true, ranges);
    for (const name of VALUE_NAMES)
        namedValueRanges(text, lower, name, false, ranges);
    return applyRanges(text, ranges);
}
/**
 * True when `text` holds a whole JWT (three dot-separated base64url segments, the first starting
 * `eyJ`): what must never cross the wire, unlike claims alone (one segment). Linear, like the rest.
 */
function containsJwt(text) {
    let from = 0;
    for (;;) {
        const at = text.indexOf('eyJ', from);
        if (at === -1)
            return false;
        let k = at;
        let segments = 0;
        for (;;) {
            const start = k;
            while (k < text.length && isBase64UrlCode(text.charCodeAt(k)))
                k++;
            if (k - start < 4)
                break;
            segments++;
            if (segments === 3)
                return true;
            if (text.charCodeAt(k) !== 46)
                break;
            k++;
        }
        // Every character up to k was visited once; the next `eyJ` can only start after the first.
        from = Math.max(at + 1, k - 2);
        if (from <= at)
            from = at + 1;
    }
}
/** Every string inside a JSON-like value redacted (objects and arrays copied, not changed in place). */
function redactDeep(value) {
    if (typeof value === 'string')
        return redactSecrets(value);
    if (Array.isArray(value))
        return value.map(v => redactDeep(v));
    if (value !== null && typeof value === 'object') {
        const copy = {};
        for (const [key, v] of Object.entries(value))
            copy[key] = redactDeep(v);
        return copy;
    }
    return value;
}


/***/ }),

/***/ 183:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The one retry model: every loop that waits and tries again (an identity endpoint's answers, ARM's
 * requests, a busy run-command, operation polling, `rbac-wait`, `ready-wait`, an API's transient
 * answers) is a named policy of RETRY_POLICIES, computes its waits with `backoffMs`, reads
 * `Retry-After` with `parseRetryAfter` and waits with the clock's `sleep` (src/common/clock.ts).
 * docs/retries.md is this table in words (`npm run docs:retries`; __tests__/retry-model.test.ts checks it).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RETRY_POLICIES = void 0;
exports.backoffMs = backoffMs;
exports.withRetryAfter = withRetryAfter;
exports.parseRetryAfter = parseRetryAfter;
/** Every retry loop of the project, by name. */
exports.RETRY_POLICIES = {
    identityEndpoint: {
        what: 'a token or metadata request to an identity endpoint (IMDS, App Service, Arc, ...)',
        loop: 'node-probe/retry-policy.ts',
        on: '404, 408, 429, 5xx',
        firstMs: 1000,
        factor: 2,
        capMs: 4000,
        retries: 3,
        retryAfterCapMs: Number.POSITIVE_INFINITY,
        why: "Microsoft's IMDS retry guidance; a transport error or a timeout is final (a hung endpoint gets its verdict within one timeout)"
    },
    identityEndpointUpdating: {
        what: 'an identity endpoint answering 410 (IMDS updating)',
        loop: 'node-probe/retry-policy.ts',
        on: '410',
        firstMs: 10_000,
        factor: 1,
        capMs: 10_000,
        retries: 7,
        retryAfterCapMs: Number.POSITIVE_INFINITY,
        why: 'IMDS may answer 410 for up to 70 s while it updates: every 10 s for 70 s, as MSAL counts the retries'
    },
    armRequest: {
        what: 'a request to Azure Resource Manager (vm:/vmss: targets)',
        loop: 'engine/dispatch/vm/arm/arm-client.ts',
        on: '429, 500, 502, 503, 504',
        firstMs: 1000,
        factor: 2,
        capMs: 60_000,
        retries: 5,
        retryAfterCapMs: 60_000,
        why: "ARM's throttling contract: wait what Retry-After names; a 401 is retried once with a new token, a reset connection once"
    },
    runCommandConflict: {
        what: 'a run-command refused because another one is running on the VM',
        loop: 'engine/dispatch/vm/arm/compute.ts',
        on: '409 (a busy run-command extension)',
        firstMs: 2000,
        factor: 2,
        capMs: 15_000,
        windowMs: 120_000,
        why: 'a run-command in progress usually ends within a minute or two; another conflict is final'
    },
    operationPoll: {
        what: 'polling a run-command operation until it ends',
        loop: 'engine/dispatch/vm/arm/compute.ts',
        on: 'the operation still running',
        firstMs: 2000,
        factor: 1,
        capMs: 2000,
        retryAfterCapMs: Number.POSITIVE_INFINITY,
        why: "Azure's asynchronous operations name their poll interval in Retry-After; 2 s otherwise. The workload's deadline ends it"
    },
    rbacWait: {
        what: 're-probing while an API denies a role that may still be propagating',
        loop: 'engine/orchestrate/rbac-wait-loop.ts',
        on: '403 rbac-denied',
        firstMs: 1000,
        factor: 2,
        capMs: 5000,
        why: 'short early steps catch the common fast propagation; the 5 s cap bounds how late an effective role is noticed. Input rbac-wait is the deadline'
    },
    readyWait: {
        what: 're-dispatching while a smoke endpoint is not serving yet',
        loop: 'engine/orchestrate/ready-wait-loop.ts',
        on: 'connection refused or reset; 502, 503, 504 from its front end',
        firstMs: 1000,
        factor: 2,
        capMs: 5000,
        why: 'the rbac-wait cadence: an app starting after a deploy is noticed within 5 s. Input ready-wait is the deadline'
    },
    transientApi: {
        what: "re-probing after an API's transient answer",
        loop: 'engine/orchestrate/transient-retry-loop.ts',
        on: '429, 500, 502, 503, 504 from the API itself',
        firstMs: 1000,
        factor: 2,
        capMs: 4000,
        retries: 3,
        windowMs: 30_000,
        retryAfterCapMs: 20_000,
        why: "Microsoft's retry guidance; a smoke test waits seconds, not minutes"
    }
};
/**
 * The planned wait before retry number `retry` (0 for the first retry), or undefined when the
 * policy's retries are spent. A `Retry-After` is applied by the caller (`withRetryAfter`).
 */
function backoffMs(policy, retry) {
    if (policy.retries !== undefined && retry >= policy.retries)
        return undefined;
    return Math.min(policy.firstMs * policy.factor ** Math.max(0, retry), policy.capMs);
}
/** The wait to use: what `Retry-After` asked, up to the policy's cap, or else the planned one. */
function withRetryAfter(policy, plannedMs, retryAfterMs) {
    if (retryAfterMs === undefined || policy.retryAfterCapMs === undefined)
        return plannedMs;
    return Math.min(retryAfterMs, policy.retryAfterCapMs);
}
/**
 * `Retry-After` in ms from `nowMs`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined
 * when absent or unreadable. A header given twice counts by its first value.
 */
function parseRetryAfter(value, nowMs) {
    const text = Array.isArray(value)
        ? value[0]
        : value;
    if (text === undefined)
        return undefined;
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}


/***/ }),

/***/ 710:
/***/ ((__unused_webpack_module, exports) => {


/**
 * What counts as loopback: the only place a bearer token may travel over plain http, and the only
 * place `http://` targets and checks may point (tests and the emulator).
 *
 * Deliberately strict: names that merely look local (`localhost.example.com`, `127.0.0.1.nip.io`)
 * resolve through DNS to wherever their owner likes, and `0.0.0.0` is "any address", not loopback.
 * Nothing here resolves names: the answer depends on the text alone.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isLoopbackHost = isLoopbackHost;
exports.isLoopbackUrl = isLoopbackUrl;
exports.mayCarryBearer = mayCarryBearer;
const IPV4_OCTET = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;
/** A canonical dotted quad (`127.0.0.1`), the form `URL.hostname` produces for IPv4. */
function parseDottedQuad(text) {
    const parts = text.split('.');
    if (parts.length !== 4)
        return undefined;
    const octets = [];
    for (const part of parts) {
        if (!IPV4_OCTET.test(part))
            return undefined;
        octets.push(Number(part));
    }
    return octets;
}
function isLoopbackIpv4(text) {
    const octets = parseDottedQuad(text);
    return octets !== undefined && octets[0] === 127;
}
/**
 * Expands an IPv6 literal into its eight 16-bit groups, or undefined if it is not one.
 * Handles `::` compression and a trailing dotted quad (`::ffff:127.0.0.1`).
 */
function ipv6Groups(text) {
    if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45)
        return undefined;
    let head = text;
    const tail = [];
    const lastColon = text.lastIndexOf(':');
    if (text.includes('.')) {
        const quad = parseDottedQuad(text.slice(lastColon + 1));
        if (quad === undefined)
            return undefined;
        tail.push((quad[0] << 8) | quad[1], (quad[2] << 8) | quad[3]);
        head = text.slice(0, lastColon + 1);
        // `::ffff:1.2.3.4` leaves `::ffff:`; a single trailing colon is part of the syntax, not a group.
        if (head.endsWith(':') && !head.endsWith('::'))
            head = head.slice(0, -1);
    }
    const halves = head.split('::');
    if (halves.length > 2)
        return undefined;
    const parseGroups = (part) => {
        if (part === '')
            return [];
        const groups = [];
        for (const group of part.split(':')) {
            if (!/^[0-9a-fA-F]{1,4}$/.test(group))
                return undefined;
            groups.push(parseInt(group, 16));
        }
        return groups;
    };
    const left = parseGroups(halves[0]);
    const right = halves.length === 2 ? parseGroups(halves[1]) : [];
    if (left === undefined || right === undefined)
        return undefined;
    const explicit = left.length + right.length + tail.length;
    if (halves.length === 1)
        return explicit === 8 ? [...left, ...tail] : undefined;
    if (explicit > 7)
        return undefined;
    return [...left, ...new Array(8 - explicit).fill(0), ...right, ...tail];
}
function isLoopbackIpv6(text) {
    const groups = ipv6Groups(text);
    if (groups === undefined)
        return false;
    // ::1
    if (groups.slice(0, 7).every(g => g === 0) && groups[7] === 1)
        return true;
    // ::ffff:127.x.y.z (IPv4-mapped): the kernel delivers it to the IPv4 loopback.
    const mapped = groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff;
    return mapped && groups[6] >> 8 === 127;
}
/**
 * True for `localhost`, an address in 127.0.0.0/8, and `::1` (bare or in brackets, as
 * `URL.hostname` gives it), including their IPv4-mapped IPv6 forms.
 */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase();
    if (host === 'localhost')
        return true;
    if (isLoopbackIpv4(host))
        return true;
    const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    return isLoopbackIpv6(bare);
}
/** True when a parsed URL's host is loopback (see `isLoopbackHost`). */
function isLoopbackUrl(url) {
    return isLoopbackHost(url.hostname);
}
/** Where a bearer token may travel: https anywhere, or http to a loopback host. */
function mayCarryBearer(url) {
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}


/***/ }),

/***/ 94:
/***/ ((__unused_webpack_module, exports) => {


/**
 * What makes a URL read differently by different clients: the rule both sides of the trust
 * boundary apply. The runner refuses such a check before dispatch (src/engine/inputs/url-rules.ts); the
 * smoke endpoint's allowlist and the in-process probe refuse it again before a token is sent, so a
 * request that did not come from this runner cannot use the difference either.
 *
 * WHATWG (Node's `URL`) is the reference reader; curl, GNU wget, python3 and .NET read a URL that
 * passes these checks to the same host (__tests__/url-clients.property.test.ts proves it).
 * All scanning is linear: these run on request text.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.urlAmbiguity = urlAmbiguity;
exports.hostRewrite = hostRewrite;
/** `scheme://` and the authority as written, or undefined when the text is not written that way. */
function writtenParts(text) {
    const match = /^https?:\/\//i.exec(text);
    if (match === null)
        return undefined;
    const afterScheme = text.slice(match[0].length);
    let end = afterScheme.length;
    for (const delimiter of ['/', '?', '#']) {
        const at = afterScheme.indexOf(delimiter);
        if (at !== -1 && at < end)
            end = at;
    }
    return { authority: afterScheme.slice(0, end), rest: afterScheme.slice(end) };
}
/** Why clients could read `text` differently, before parsing; undefined when they cannot. */
function urlAmbiguity(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c <= 0x20 || (c >= 0x7f && c <= 0x9f))
            return 'holds a control character or a space; percent-encode it (a space is %20)';
    }
    if (text.includes('\\'))
        return 'holds a backslash, which URL clients read differently (a path separator to some, part of user info to others); write / or %5C';
    const parts = writtenParts(text);
    if (parts === undefined) {
        return /^https?:/i.test(text)
            ? 'does not start with https:// and a host (write the two slashes, then the host)'
            : undefined; // not http(s) at all: the scheme rule below says so
    }
    const { authority, rest } = parts;
    if (authority.includes('@'))
        return 'has credentials in it (user info, something@ before the host); remove user:password@';
    if (authority.includes('%'))
        return 'has a %-escape in its host, which URL clients decode differently; write the host plainly';
    for (let i = 0; i < authority.length; i++) {
        if (authority.charCodeAt(i) > 0x7e)
            return 'has a non-ASCII host, which URL clients convert differently; write it in its xn-- (punycode) form';
    }
    const bracketed = /^\[[0-9A-Fa-f:.]+\](:\d*)?$/.test(authority);
    if (!bracketed && (authority.includes('[') || authority.includes(']')))
        return 'has [ or ] in its host outside an IPv6 literal such as [::1]';
    if (rest.includes('[') || rest.includes(']'))
        return 'has [ or ] in its path or query (curl reads them as a range to expand into several calls); write %5B and %5D';
    return undefined;
}
/** Why the host (or port) as written is not the host the parser read; undefined when it is. */
function hostRewrite(text, url) {
    const parts = writtenParts(text);
    if (parts === undefined)
        return undefined;
    const authority = parts.authority;
    let host = authority;
    let port = '';
    if (authority.startsWith('[')) {
        const close = authority.indexOf(']');
        host = authority.slice(0, close + 1);
        port = authority.slice(close + 1);
    }
    else {
        const colon = authority.lastIndexOf(':');
        if (colon !== -1) {
            host = authority.slice(0, colon);
            port = authority.slice(colon);
        }
    }
    if (!plainHost(url.hostname))
        return 'has a host that is not a plain DNS name or IP address (empty or over-long labels, odd characters)';
    if (host.toLowerCase() !== url.hostname) {
        return `has a host that URL parsers rewrite (to ${JSON.stringify(url.hostname)}) and other clients may not; write ${JSON.stringify(url.hostname)}`;
    }
    if (port !== '') {
        const digits = port.slice(1);
        const defaultPort = url.protocol === 'https:' ? '443' : '80';
        if (!/^\d{1,5}$/.test(digits) || String(Number(digits)) !== (url.port || defaultPort))
            return `has a port that URL parsers read as ${url.port || defaultPort}; write it without leading zeros`;
    }
    return undefined;
}
/** A DNS label: 1-63 letters, digits, `_` or `-`, not starting or ending with `-`. */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
/**
 * A host every client reads alike: an IPv6 literal, or dot-separated DNS labels (an IPv4 address
 * is four such labels) with at most one trailing dot. `...`, `a..b` or `.a` are hosts to WHATWG
 * and something else to other parsers.
 */
function plainHost(hostname) {
    if (hostname.startsWith('['))
        return /^\[[0-9a-f:.]+\]$/.test(hostname);
    if (hostname.length === 0 || hostname.length > 253)
        return false;
    const labels = (hostname.endsWith('.') ? hostname.slice(0, -1) : hostname).split('.');
    return labels.every(label => LABEL.test(label));
}


/***/ }),

/***/ 132:
/***/ ((__unused_webpack_module, exports) => {


/**
 * The raw observations a probe sends back from the workload: wire schema `mi-smoke-obs/1`.
 *
 * Every probe produces exactly this shape, whatever runs it: the in-process probe of the `local`
 * target, the POSIX sh and PowerShell probes run-command runs on a VM, and the smoke
 * endpoint handler a workload serves. Probes only observe (what was asked, what came back, how long
 * it took); they never judge. Judging is `src/engine/diagnosis/`, one place for every dispatch mode.
 *
 * What never appears here: an access token or any part of its signature. A token response is
 * reduced to its other fields and the JWT's payload segment (the claims).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.WORKLOAD_META_FIELDS = exports.HOSTING_PLATFORMS = exports.IDENTITY_SOURCES = exports.TRANSPORT_ERRORS = exports.BODY_LIMIT = exports.OBSERVATIONS_MARKER = exports.OBSERVATIONS_VERSION = void 0;
/** Version of this schema; a probe that speaks another one is a `dispatch-failed`. */
exports.OBSERVATIONS_VERSION = 1;
/** Prefix of the one line a VM probe prints its observations on (JSON follows the space). */
exports.OBSERVATIONS_MARKER = 'MI-SMOKE-OBS/1';
/** Bodies are cut to this many characters by the in-process probe and the handler. */
exports.BODY_LIMIT = 600;
/**
 * Why no HTTP response arrived, by kind (src/common/network-errors.ts maps node's codes, curl's exit codes
 * and the clients' error texts onto these): each kind has its own fix.
 */
exports.TRANSPORT_ERRORS = [
    'timeout', // connected (or not) but no answer within `timeout`
    'refused', // ECONNREFUSED
    'dns', // ENOTFOUND, EAI_AGAIN: no such name
    'tls', // a TLS handshake failure not more specific than that
    'tls-untrusted', // the chain ends in a CA the client does not trust (an inspecting proxy's?)
    'tls-name', // the certificate does not cover the name called
    'tls-expired', // the certificate is expired or not yet valid (or the client's clock is wrong)
    'reset', // ECONNRESET, socket hang up
    'unreachable', // EHOSTUNREACH, ENETUNREACH
    'proxy', // the proxy itself failed
    'proxy-auth', // the proxy answered 407: it wants credentials
    'proxy-denied', // the proxy answered 403 (or its deny page) to the CONNECT: no allow rule
    'local-file', // a file the source needs on the workload could not be read (Arc key, federated token)
    'other'
];
/** Where the workload's managed identity tokens come from (docs/contract.md `environment`, or `none`). */
exports.IDENTITY_SOURCES = [
    'imds',
    'app-service',
    'arc',
    'cloud-shell',
    'workload-identity',
    'service-fabric',
    'none'
];
/**
 * Where the probe runs, as the platform's own variables say, whatever identity source was found:
 * App Service and Functions set WEBSITE_SITE_NAME, Container Apps CONTAINER_APP_NAME, Kubernetes
 * KUBERNETES_SERVICE_HOST, and a GitHub-hosted runner RUNNER_ENVIRONMENT=github-hosted. When the
 * platform's identity endpoint is missing, the fix is that platform's, not an NSG rule.
 */
exports.HOSTING_PLATFORMS = [
    'app-service',
    'functions',
    'container-apps',
    'kubernetes',
    'github-hosted'
];
/** The fields of `WorkloadMeta`, for code that copies or validates them one by one. */
exports.WORKLOAD_META_FIELDS = [
    'subscriptionId',
    'resourceGroupName',
    'resourceId',
    'azEnvironment',
    'location',
    'vmId',
    'osType'
];


/***/ }),

/***/ 941:
/***/ ((__unused_webpack_module, exports) => {


/**
 * What the runner asks a probe to do on the workload: the same request for every dispatch mode
 * (in-process for `local`, run-command parameters for `vm:`/`vmss:`, the smoke endpoint's body for
 * `https://`). It carries data only; nothing in it is ever executed.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IMDS_IDENTITY_PARAMETERS = exports.MAX_CHECKS = void 0;
exports.identityParameter = identityParameter;
exports.describeIdentity = describeIdentity;
/**
 * Checks one run asks of a workload at most (input `checks`). Each check costs a token request and
 * an API call on the workload, and a VM's run-command output is cut at 4 kB: a handful of checks
 * is a smoke test, more is a monitoring system.
 */
exports.MAX_CHECKS = 10;
/** IMDS: `client_id`, `object_id`, `msi_res_id` (docs/azure-wire-facts.md). */
exports.IMDS_IDENTITY_PARAMETERS = {
    clientId: 'client_id',
    objectId: 'object_id',
    resourceId: 'msi_res_id'
};
/** The query parameter that selects the identity, or none for the system-assigned one. */
function identityParameter(identity, names) {
    switch (identity.kind) {
        case 'system':
            return undefined;
        case 'client-id':
            return [names.clientId, identity.value];
        case 'object-id':
            return [names.objectId, identity.value];
        case 'resource-id':
            return [names.resourceId, identity.value];
    }
}
/** How a selection reads in logs and the report, e.g. `client ID 6f3e…` or `system-assigned`. */
function describeIdentity(identity) {
    switch (identity.kind) {
        case 'system':
            return 'system-assigned identity';
        case 'client-id':
            return `user-assigned identity with client ID ${identity.value}`;
        case 'object-id':
            return `identity with object ID ${identity.value}`;
        case 'resource-id':
            return `user-assigned identity ${identity.value}`;
    }
}


/***/ }),

/***/ 659:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.containsJwt = exports.DEFAULT_IMDS_ENDPOINT = exports.RUNNER_WAIT_MS = exports.MAX_DEADLINE_MS = exports.DEFAULT_DEADLINE_MS = exports.MAX_REQUEST_TIMEOUT_MS = exports.MAX_REQUEST_CHECKS = exports.RESPONSE_BODY_LIMIT = exports.REQUEST_BODY_LIMIT = exports.KEY_HEADER = exports.PROTOCOL_VERSION = void 0;
/**
 * The smoke endpoint protocol (docs/smoke-endpoint-protocol.md): the numbers and names both sides
 * agree on. The runner (`src/engine/dispatch/http.ts`) and the handler (`packages/smoke-endpoint/src/`) import them from
 * here so a change to the protocol is one edit.
 */
const observations_1 = __nccwpck_require__(132);
const probe_request_1 = __nccwpck_require__(941);
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
var redact_1 = __nccwpck_require__(800);
Object.defineProperty(exports, "containsJwt", ({ enumerable: true, get: function () { return redact_1.containsJwt; } }));


/***/ }),

/***/ 612:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.plannedWait = plannedWait;
exports.withRetries = withRetries;
const http_request_1 = __nccwpck_require__(532);
const clock_1 = __nccwpck_require__(987);
const retry_1 = __nccwpck_require__(183);
const BACKOFF = retry_1.RETRY_POLICIES.identityEndpoint;
const GONE = retry_1.RETRY_POLICIES.identityEndpointUpdating;
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
/**
 * How long to wait before the next attempt, or undefined when the outcome is final.
 * `retriesDone` counts the backoff retries already made, `goneRetriesDone` the 410 ones: each
 * schedule has its own budget.
 */
function plannedWait(outcome, retriesDone, goneRetriesDone, nowMs) {
    if ((0, http_request_1.isFailure)(outcome))
        return undefined;
    const status = outcome.status;
    const retryAfter = (0, retry_1.parseRetryAfter)(headerValue(outcome.headers['retry-after']), nowMs);
    if (status === 410) {
        const planned = (0, retry_1.backoffMs)(GONE, goneRetriesDone);
        return planned === undefined ? undefined : (0, retry_1.withRetryAfter)(GONE, planned, retryAfter);
    }
    const retryable = status === 404 || status === 408 || status === 429 || status >= 500;
    const planned = retryable ? (0, retry_1.backoffMs)(BACKOFF, retriesDone) : undefined;
    return planned === undefined ? undefined : (0, retry_1.withRetryAfter)(BACKOFF, planned, retryAfter);
}
/** Runs `send` until its outcome is final, the retries are spent, the deadline nears, or abort. */
async function withRetries(send, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? clock_1.sleep;
    const started = now();
    let attempts = 0;
    let backoffRetries = 0;
    let goneRetries = 0;
    for (;;) {
        const outcome = await send();
        if (!((0, http_request_1.isFailure)(outcome) && outcome.unsent))
            attempts++;
        const retryAfter = (0, http_request_1.isFailure)(outcome) ? undefined : headerValue(outcome.headers['retry-after']);
        const result = () => ({
            outcome,
            attempts,
            ms: now() - started,
            ...(retryAfter !== undefined ? { retryAfter } : {})
        });
        const current = now();
        const wait = plannedWait(outcome, backoffRetries, goneRetries, current);
        if (wait === undefined || options.signal?.aborted)
            return result();
        if (current + wait >= options.deadline)
            return result();
        if (!(0, http_request_1.isFailure)(outcome) && outcome.status === 410)
            goneRetries++;
        else
            backoffRetries++;
        await sleep(wait, options.signal);
        if (options.signal?.aborted)
            return result();
    }
}


/***/ }),

/***/ 825:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.STORAGE_VERSION = exports.NO_TOKEN = void 0;
exports.expandPlaceholders = expandPlaceholders;
exports.isStorage = isStorage;
exports.runProbe = runProbe;
/**
 * The TypeScript probe: the runbook's three steps, observed, never judged.
 *
 * 1. instance metadata (IMDS only): reachability and what the workload is;
 * 2. one token request per distinct check audience, in order of first use, for the selected
 *    identity, with Microsoft's retry policy;
 * 3. one API call per check with its audience's token.
 *
 * It never throws for network trouble: that is an observation. A token leaves this module only
 * as its claims (the JWT payload segment) and through `registerSecret` (the redactor's registry).
 */
const observations_1 = __nccwpck_require__(132);
const http_request_1 = __nccwpck_require__(532);
const loopback_1 = __nccwpck_require__(710);
const url_ambiguity_1 = __nccwpck_require__(94);
const detect_1 = __nccwpck_require__(99);
const platform_1 = __nccwpck_require__(939);
const source_1 = __nccwpck_require__(769);
const token_response_1 = __nccwpck_require__(860);
const guid_1 = __nccwpck_require__(856);
/** `notCalled` of a check whose audience got no usable token: the words of every probe (docs/probe-spec.md). */
exports.NO_TOKEN = 'no token for this audience';
/** Storage rejects bearer requests without a service version. */
exports.STORAGE_VERSION = '2023-11-03';
/** Azure's resource group names: letters, digits, `_-.()`, up to 90, not ending in a period. */
const RESOURCE_GROUP = /^[-\w.()]{1,90}$/;
/** Query parameters that carry secrets in URLs people paste (SAS signatures, function keys). */
const SECRET_QUERY = /([?&](?:sig|code|signature|x-ms-signature)=)[^&#]*/gi;
function displayUrl(url) {
    return url.replace(SECRET_QUERY, '$1[redacted]');
}
function isSuccess(status) {
    return status !== undefined && status >= 200 && status < 300;
}
/** Expands `{subscriptionId}` / `{resourceGroup}`; a string is the URL, an object the reason not to call. */
function expandPlaceholders(url, meta) {
    let expanded = url;
    if (expanded.includes('{subscriptionId}')) {
        const value = meta?.subscriptionId;
        if (value === undefined) {
            return { notCalled: '{subscriptionId} unknown: the workload reported no subscription' };
        }
        if (!guid_1.GUID.test(value)) {
            return { notCalled: '{subscriptionId} from the workload is not a GUID' };
        }
        expanded = expanded.split('{subscriptionId}').join(value);
    }
    if (expanded.includes('{resourceGroup}')) {
        const value = meta?.resourceGroupName;
        if (value === undefined) {
            return { notCalled: '{resourceGroup} unknown: the workload reported no resource group' };
        }
        if (!RESOURCE_GROUP.test(value) || value.endsWith('.')) {
            return { notCalled: '{resourceGroup} from the workload is not a resource group name' };
        }
        expanded = expanded.split('{resourceGroup}').join(encodeURIComponent(value));
    }
    return expanded;
}
/** The host of the check URL as sent (placeholders are never in the host), or '' when none. */
function sentHost(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return '';
    }
}
/** Storage data plane (blob, queue, table, file, dfs) by audience or host. */
function isStorage(resource, url) {
    const storageHost = (host) => /^storage\.azure\.(com|us|cn)$/i.test(host) ||
        /\.(blob|queue|table|file|dfs)\.(core\.|storage\.)/i.test(host);
    try {
        if (storageHost(new URL(resource).hostname))
            return true;
    }
    catch {
        // an audience that is not a URL (an app ID) says nothing about storage
    }
    return storageHost(url.hostname);
}
function tokenObservation(resource, attempt, registerSecret) {
    const observation = { resource, ...(0, source_1.exchangeOf)(attempt.url, attempt.result) };
    const outcome = attempt.result.outcome;
    if ((0, http_request_1.isFailure)(outcome))
        return { observation };
    if (!isSuccess(outcome.status)) {
        observation.body = (0, token_response_1.cutBody)(outcome.body);
        return { observation };
    }
    const reduced = (0, token_response_1.reduceTokenResponse)(outcome.body);
    if (reduced.accessToken !== undefined) {
        registerSecret?.(reduced.accessToken);
        // The signature alone is what leaks when a token is cut or split: redact it on its own too.
        const signature = reduced.accessToken.split('.')[2];
        if (signature)
            registerSecret?.(signature);
    }
    Object.assign(observation, reduced.observation);
    return reduced.accessToken !== undefined
        ? { observation, accessToken: reduced.accessToken }
        : { observation };
}
async function callApi(index, check, token, meta, options, timeoutMs) {
    const notCalled = (reason, url = check.url) => ({
        check: index,
        url: displayUrl(url),
        attempts: 0,
        ms: 0,
        notCalled: reason
    });
    if (token === undefined)
        return notCalled(exports.NO_TOKEN);
    const expanded = expandPlaceholders(check.url, meta);
    if (typeof expanded !== 'string')
        return notCalled(expanded.notCalled);
    let url;
    try {
        url = new URL(expanded);
    }
    catch {
        return notCalled('not a valid URL', expanded);
    }
    // Defence in depth: the host the token goes to must be the host that was sent (and checked, by
    // the runner and the endpoint's allowlist), read alike by every client.
    if ((0, url_ambiguity_1.urlAmbiguity)(expanded) !== undefined || url.host !== sentHost(check.url)) {
        return notCalled('refused: the URL to call is not plainly on the host that was sent', expanded);
    }
    // Defence in depth: inputs are validated on the runner, and still no token goes over plain http.
    if (!(0, loopback_1.mayCarryBearer)(url)) {
        return notCalled('a token is only sent over https, or http to a loopback address', expanded);
    }
    const headers = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json'
    };
    if (isStorage(check.resource, url))
        headers['x-ms-version'] = exports.STORAGE_VERSION;
    const started = Date.now();
    const outcome = await (0, http_request_1.httpRequest)({
        method: 'GET',
        url: url.toString(),
        headers,
        timeoutMs,
        signal: options.signal,
        proxyEnv: options.env
    });
    const observation = {
        check: index,
        url: displayUrl(url.toString()),
        attempts: 1,
        ms: Date.now() - started
    };
    if ((0, http_request_1.isFailure)(outcome)) {
        observation.error = outcome.error;
        observation.errorText = outcome.errorText;
    }
    else {
        observation.status = outcome.status;
        if (!isSuccess(outcome.status))
            observation.body = (0, token_response_1.cutBody)(outcome.body);
        const retryAfter = outcome.headers['retry-after'];
        if (typeof retryAfter === 'string')
            observation.retryAfter = retryAfter;
    }
    return observation;
}
/** A source's own bug must not lose the observations gathered so far: it becomes one too. */
async function guarded(step, url) {
    try {
        return await step();
    }
    catch (error) {
        const words = error instanceof Error ? error.message : String(error);
        return {
            url,
            result: {
                outcome: { error: 'other', errorText: `probe error: ${words}` },
                attempts: 0,
                ms: 0
            }
        };
    }
}
async function runProbe(request, options) {
    const context = {
        env: options.env,
        timeoutMs: request.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.registerSecret ? { registerSecret: options.registerSecret } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.now ? { now: options.now } : {})
    };
    const source = (0, detect_1.detectSource)(options.env, request.imdsEndpoint);
    const observations = {
        v: observations_1.OBSERVATIONS_VERSION,
        nonce: request.nonce,
        probe: options.probe ?? 'local',
        source: source.source,
        sourceDetail: source.detail,
        tokens: [],
        apis: []
    };
    const platform = (0, platform_1.detectPlatform)(options.env);
    if (platform)
        observations.platform = platform;
    // Step 1: instance metadata. No answer at all means the platform is unreachable: asking it for
    // tokens would only add one more `timeout` per audience before the same verdict.
    let meta = source.meta;
    let silent = false;
    if (source.readInstance) {
        const readInstance = source.readInstance.bind(source);
        const attempt = await guarded(() => readInstance(context), request.imdsEndpoint);
        const instance = (0, source_1.exchangeOf)(attempt.url, attempt.result);
        const outcome = attempt.result.outcome;
        if (!(0, http_request_1.isFailure)(outcome) && !isSuccess(outcome.status))
            instance.body = (0, token_response_1.cutBody)(outcome.body);
        observations.instance = instance;
        if (attempt.meta)
            meta = attempt.meta;
        silent = instance.error === 'timeout' || instance.error === 'refused';
    }
    if (meta)
        observations.meta = meta;
    // Step 2: one token per distinct audience, in order of first use.
    const tokens = new Map();
    if (!silent) {
        const resources = [...new Set(request.checks.map(check => check.resource))];
        for (const resource of resources) {
            const attempt = await guarded(() => source.requestToken(resource, request.identity, context), resource);
            const { observation, accessToken } = tokenObservation(resource, attempt, options.registerSecret);
            observations.tokens.push(observation);
            if (accessToken !== undefined)
                tokens.set(resource, accessToken);
            // Sources without instance metadata learn here that the endpoint is silent: stop as above.
            if (observation.error === 'timeout' || observation.error === 'refused')
                break;
        }
    }
    // Step 3: every check, in order, with its audience's token.
    for (const [index, check] of request.checks.entries()) {
        observations.apis.push(await callApi(index, check, tokens.get(check.resource), meta, options, request.timeoutMs));
    }
    return observations;
}


/***/ }),

/***/ 951:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.APP_SERVICE_API_VERSION = void 0;
exports.appServiceMeta = appServiceMeta;
exports.appServiceSource = appServiceSource;
const probe_request_1 = __nccwpck_require__(941);
const source_1 = __nccwpck_require__(769);
exports.APP_SERVICE_API_VERSION = '2019-08-01';
/** App Service 2019-08-01 names the object ID `principal_id` and the resource ID `mi_res_id`. */
const APP_SERVICE_IDENTITY_PARAMETERS = {
    clientId: 'client_id',
    objectId: 'principal_id',
    resourceId: 'mi_res_id'
};
/**
 * WEBSITE_OWNER_NAME is `SUBSCRIPTION+RESOURCEGROUP-REGIONwebspace` (a `-Linux` suffix on Linux
 * plans); WEBSITE_RESOURCE_GROUP, when set, names the group without guessing.
 */
function appServiceMeta(env) {
    const owner = env.WEBSITE_OWNER_NAME ?? '';
    const plus = owner.indexOf('+');
    const subscriptionId = plus > 0 ? owner.slice(0, plus) : undefined;
    const fromOwner = plus > 0 ? owner.slice(plus + 1).replace(/-[^-]*webspace(-Linux)?$/i, '') : undefined;
    const resourceGroupName = env.WEBSITE_RESOURCE_GROUP || fromOwner || undefined;
    const site = env.WEBSITE_SITE_NAME || undefined;
    const meta = {};
    if (subscriptionId)
        meta.subscriptionId = subscriptionId;
    if (resourceGroupName)
        meta.resourceGroupName = resourceGroupName;
    if (subscriptionId && resourceGroupName && site) {
        meta.resourceId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.Web/sites/${site}`;
    }
    if (env.REGION_NAME)
        meta.location = env.REGION_NAME;
    const environment = environmentOfHost(env.WEBSITE_HOSTNAME);
    if (environment)
        meta.azEnvironment = environment;
    return Object.keys(meta).length > 0 ? meta : undefined;
}
function appServiceSource(endpoint, detail, env) {
    const meta = appServiceMeta(env);
    return {
        source: 'app-service',
        detail,
        ...(meta ? { meta } : {}),
        async requestToken(resource, identity, context) {
            const selection = (0, probe_request_1.identityParameter)(identity, APP_SERVICE_IDENTITY_PARAMETERS);
            const url = (0, source_1.withQuery)(endpoint, [
                ['resource', resource],
                ['api-version', exports.APP_SERVICE_API_VERSION],
                ...(selection ? [selection] : [])
            ]);
            const result = await (0, source_1.retriedIdentityRequest)(context, () => {
                const header = context.env.IDENTITY_HEADER ?? '';
                if (header !== '')
                    context.registerSecret?.(header);
                return { method: 'GET', url, headers: { 'X-IDENTITY-HEADER': header } };
            });
            return { url, result };
        }
    };
}
/**
 * The cloud, from the app's default host name (WEBSITE_HOSTNAME): `*.azurewebsites.net` in Azure,
 * `*.azurewebsites.us` in Azure Government, `*.chinacloudsites.cn` in Azure China
 * (https://learn.microsoft.com/azure/azure-government/compare-azure-government-global-azure,
 * https://learn.microsoft.com/azure/china/resources-developer-guide), named as IMDS names clouds.
 */
function environmentOfHost(host) {
    const name = (host ?? '').toLowerCase();
    if (name.endsWith('.azurewebsites.us'))
        return 'AzureUSGovernmentCloud';
    if (name.endsWith('.chinacloudsites.cn'))
        return 'AzureChinaCloud';
    if (name.endsWith('.azurewebsites.net'))
        return 'AzurePublicCloud';
    return undefined;
}


/***/ }),

/***/ 786:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


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
exports.ARC_API_VERSION = void 0;
exports.arcKeyDirectory = arcKeyDirectory;
exports.challengeRealm = challengeRealm;
exports.readArcKey = readArcKey;
exports.arcSource = arcSource;
/**
 * Azure Arc-enabled servers: `IDENTITY_ENDPOINT` + `IMDS_ENDPOINT`, api-version 2020-06-01.
 * The first request is answered 401 with `WWW-Authenticate: Basic realm=<key file>`; the client
 * proves it runs on the machine (as an admin) by sending that file's contents back. The file is
 * read only when it is a small regular file directly in the agent's token directory: the realm
 * comes from the network and must not make the probe read anything else.
 */
const node_fs_1 = __nccwpck_require__(24);
const path = __importStar(__nccwpck_require__(760));
const http_request_1 = __nccwpck_require__(532);
const retry_policy_1 = __nccwpck_require__(612);
const source_1 = __nccwpck_require__(769);
exports.ARC_API_VERSION = '2020-06-01';
/** Arc key files are a few dozen bytes; anything bigger is not one. */
const KEY_FILE_LIMIT = 4096;
/** Where the agent writes its key files (override for tests: MI_SMOKE_ARC_KEY_DIR). */
function arcKeyDirectory(env, platform = process.platform) {
    if (env.MI_SMOKE_ARC_KEY_DIR)
        return env.MI_SMOKE_ARC_KEY_DIR;
    if (platform === 'win32') {
        return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'AzureConnectedMachineAgent', 'Tokens');
    }
    return '/var/opt/azcmagent/tokens';
}
/** The realm of a `Basic realm=...` challenge, quotes removed. */
function challengeRealm(header) {
    const value = Array.isArray(header) ? header.join(', ') : header;
    const match = value ? /Basic\s+realm\s*=\s*("([^"]*)"|[^,\s]+)/i.exec(value) : null;
    if (!match)
        return undefined;
    return match[2] ?? match[1];
}
/** Reads the key file the challenge names, or says why it will not. */
async function readArcKey(realm, env, platform = process.platform) {
    const paths = platform === 'win32' ? path.win32 : path.posix;
    const directory = paths.resolve(arcKeyDirectory(env, platform));
    const file = paths.resolve(realm);
    const same = (a, b) => platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
    if (!same(paths.dirname(file), directory) || paths.extname(file).toLowerCase() !== '.key') {
        return { refused: `the challenge named a file outside ${directory} (or not a .key file)` };
    }
    try {
        const stat = await node_fs_1.promises.lstat(file);
        if (!stat.isFile())
            return { refused: 'the challenge named something that is not a regular file' };
        if (stat.size > KEY_FILE_LIMIT)
            return { refused: `the challenged key file is over ${KEY_FILE_LIMIT} bytes` };
        return { key: (await node_fs_1.promises.readFile(file, 'utf8')).trim() };
    }
    catch (error) {
        // A local permission (EACCES: not root nor in the himds group) or a missing file: not the network.
        return {
            refused: `the challenged key file ${file} could not be read (${error.code ?? 'error'})`,
            unreadable: true
        };
    }
}
function arcSource(endpoint, detail) {
    return {
        source: 'arc',
        detail,
        async requestToken(resource, identity, context) {
            const url = (0, source_1.withQuery)(endpoint, [
                ['api-version', exports.ARC_API_VERSION],
                ['resource', resource]
            ]);
            if (identity.kind !== 'system') {
                return (0, source_1.notSent)(url, `Azure Arc supports only the machine's system-assigned identity (selected by ${(0, source_1.selectionWords)(identity)})`);
            }
            const request = (headers) => (0, http_request_1.httpRequest)({
                method: 'GET',
                url,
                headers: { Metadata: 'true', ...headers },
                timeoutMs: context.timeoutMs,
                signal: context.signal
            });
            // Each retry starts with a fresh challenge: the agent issues a new key file every time.
            const challengeAndAnswer = async () => {
                const challenge = await request({});
                if ((0, http_request_1.isFailure)(challenge) || challenge.status !== 401)
                    return challenge;
                const realm = challengeRealm(challenge.headers['www-authenticate']);
                if (realm === undefined)
                    return challenge;
                const key = await readArcKey(realm, context.env);
                if ('refused' in key) {
                    return {
                        error: key.unreadable === true ? 'local-file' : 'other',
                        errorText: `401 challenge not answered: ${key.refused}`
                    };
                }
                context.registerSecret?.(key.key);
                return request({ Authorization: `Basic ${key.key}` });
            };
            const result = await (0, retry_policy_1.withRetries)(challengeAndAnswer, {
                deadline: (0, source_1.retryDeadline)(context),
                signal: context.signal,
                sleep: context.sleep,
                now: context.now
            });
            return { url, result };
        }
    };
}


/***/ }),

/***/ 876:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cloudShellSource = cloudShellSource;
const source_1 = __nccwpck_require__(769);
function cloudShellSource(endpoint, detail) {
    return {
        source: 'cloud-shell',
        detail,
        async requestToken(resource, identity, context) {
            if (identity.kind !== 'system') {
                return (0, source_1.notSent)(endpoint, `Cloud Shell's identity endpoint takes no user-assigned identity (selected by ${(0, source_1.selectionWords)(identity)})`);
            }
            const body = new URLSearchParams({ resource }).toString();
            const result = await (0, source_1.retriedIdentityRequest)(context, () => ({
                method: 'POST',
                url: endpoint,
                body,
                headers: { Metadata: 'true', 'Content-Type': 'application/x-www-form-urlencoded' }
            }));
            return { url: endpoint, result };
        }
    };
}


/***/ }),

/***/ 99:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.detectSource = detectSource;
/**
 * Which identity source this environment offers, in the order the Azure SDKs check them
 * (docs/azure-wire-facts.md, "The other identity sources"). With none of their variables set it is IMDS: the probe cannot
 * know whether it runs on a VM, and the instance metadata call will tell. The `detail` says what
 * was seen in words without secrets (variable names, never values of secrets).
 */
const app_service_1 = __nccwpck_require__(951);
const arc_1 = __nccwpck_require__(786);
const cloud_shell_1 = __nccwpck_require__(876);
const imds_1 = __nccwpck_require__(59);
const legacy_msi_1 = __nccwpck_require__(349);
const service_fabric_1 = __nccwpck_require__(539);
const source_1 = __nccwpck_require__(769);
const workload_identity_1 = __nccwpck_require__(516);
const set = (value) => value !== undefined && value !== '';
/** A source whose variables are there but whose endpoint is not a URL: every token request says so. */
function brokenEndpoint(source, variable, detail) {
    return {
        source,
        detail,
        async requestToken() {
            return {
                url: `$${variable}`,
                result: {
                    outcome: { error: 'other', errorText: `${variable} is not an http(s) URL` },
                    attempts: 0,
                    ms: 0
                }
            };
        }
    };
}
function detectSource(env, imdsEndpoint) {
    if (set(env.AZURE_FEDERATED_TOKEN_FILE) && set(env.AZURE_TENANT_ID)) {
        const names = ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_TENANT_ID'];
        if (set(env.AZURE_CLIENT_ID))
            names.push('AZURE_CLIENT_ID');
        if (set(env.AZURE_AUTHORITY_HOST))
            names.push('AZURE_AUTHORITY_HOST');
        return (0, workload_identity_1.workloadIdentitySource)(`${names.join(', ')} set (AKS workload identity)`);
    }
    const identityEndpoint = env.IDENTITY_ENDPOINT;
    if (set(identityEndpoint) && set(env.IDENTITY_HEADER) && set(env.IDENTITY_SERVER_THUMBPRINT)) {
        const detail = 'IDENTITY_ENDPOINT, IDENTITY_HEADER and IDENTITY_SERVER_THUMBPRINT set (Service Fabric)';
        const endpoint = (0, source_1.endpointUrl)(identityEndpoint);
        return endpoint
            ? (0, service_fabric_1.serviceFabricSource)(endpoint, env.IDENTITY_SERVER_THUMBPRINT, detail)
            : brokenEndpoint('service-fabric', 'IDENTITY_ENDPOINT', detail);
    }
    if (set(identityEndpoint) && set(env.IDENTITY_HEADER)) {
        const detail = 'IDENTITY_ENDPOINT and IDENTITY_HEADER set (App Service, Functions or Container Apps)';
        const endpoint = (0, source_1.endpointUrl)(identityEndpoint);
        return endpoint
            ? (0, app_service_1.appServiceSource)(endpoint, detail, env)
            : brokenEndpoint('app-service', 'IDENTITY_ENDPOINT', detail);
    }
    const msiEndpoint = env.MSI_ENDPOINT;
    if (set(msiEndpoint) && set(env.MSI_SECRET)) {
        const detail = 'MSI_ENDPOINT and MSI_SECRET set (Azure Machine Learning or App Service 2017-09-01)';
        const endpoint = (0, source_1.endpointUrl)(msiEndpoint);
        return endpoint
            ? (0, legacy_msi_1.legacyMsiSource)(endpoint, detail)
            : brokenEndpoint('app-service', 'MSI_ENDPOINT', detail);
    }
    if (set(msiEndpoint)) {
        const detail = 'MSI_ENDPOINT set without MSI_SECRET (Cloud Shell)';
        const endpoint = (0, source_1.endpointUrl)(msiEndpoint);
        return endpoint
            ? (0, cloud_shell_1.cloudShellSource)(endpoint, detail)
            : brokenEndpoint('cloud-shell', 'MSI_ENDPOINT', detail);
    }
    if (set(identityEndpoint) && set(env.IMDS_ENDPOINT)) {
        const detail = 'IDENTITY_ENDPOINT and IMDS_ENDPOINT set (Azure Arc)';
        const endpoint = (0, source_1.endpointUrl)(identityEndpoint);
        return endpoint
            ? (0, arc_1.arcSource)(endpoint, detail)
            : brokenEndpoint('arc', 'IDENTITY_ENDPOINT', detail);
    }
    const partial = [
        'IDENTITY_ENDPOINT',
        'IDENTITY_HEADER',
        'AZURE_FEDERATED_TOKEN_FILE',
        'IMDS_ENDPOINT'
    ].filter(name => set(env[name]));
    // Half a source (e.g. IDENTITY_ENDPOINT without its header) is worth saying: it is a broken
    // platform setting more often than a VM.
    const seen = partial.length > 0
        ? `${partial.join(', ')} set without the rest of a source's variables`
        : 'no identity endpoint variables set (IDENTITY_ENDPOINT, MSI_ENDPOINT, AZURE_FEDERATED_TOKEN_FILE)';
    return (0, imds_1.imdsSource)(imdsEndpoint, `${seen}: IMDS at ${imdsEndpoint}`);
}


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TOKEN_API_VERSION = exports.INSTANCE_API_VERSION = void 0;
exports.metaFromInstance = metaFromInstance;
exports.imdsSource = imdsSource;
/**
 * Azure Instance Metadata Service (VMs, scale sets, AKS nodes): instance metadata and tokens.
 * `Metadata: true` on every request; never through a proxy (a proxy in the way answers for IMDS).
 */
const observations_1 = __nccwpck_require__(132);
const probe_request_1 = __nccwpck_require__(941);
const http_request_1 = __nccwpck_require__(532);
const source_1 = __nccwpck_require__(769);
exports.INSTANCE_API_VERSION = '2021-02-01';
exports.TOKEN_API_VERSION = '2018-02-01';
/** `compute` of an instance metadata answer → the fields the report uses (strings only). */
function metaFromInstance(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    const compute = parsed?.compute;
    if (compute === null || typeof compute !== 'object')
        return undefined;
    const meta = {};
    for (const field of observations_1.WORKLOAD_META_FIELDS) {
        const value = compute[field];
        if (typeof value === 'string' && value !== '')
            meta[field] = value;
    }
    return meta;
}
function imdsSource(endpoint, detail) {
    const base = endpoint.replace(/\/+$/, '');
    return {
        source: 'imds',
        detail,
        async readInstance(context) {
            const url = `${base}/metadata/instance?api-version=${exports.INSTANCE_API_VERSION}`;
            const result = await (0, source_1.retriedIdentityRequest)(context, () => ({
                method: 'GET',
                url,
                headers: { Metadata: 'true' }
            }));
            const outcome = result.outcome;
            const meta = !(0, http_request_1.isFailure)(outcome) && outcome.status >= 200 && outcome.status < 300
                ? metaFromInstance(outcome.body)
                : undefined;
            return { url, result, ...(meta ? { meta } : {}) };
        },
        async requestToken(resource, identity, context) {
            const selection = (0, probe_request_1.identityParameter)(identity, probe_request_1.IMDS_IDENTITY_PARAMETERS);
            const url = (0, source_1.withQuery)(`${base}/metadata/identity/oauth2/token`, [
                ['api-version', exports.TOKEN_API_VERSION],
                ['resource', resource],
                ...(selection ? [selection] : [])
            ]);
            const result = await (0, source_1.retriedIdentityRequest)(context, () => ({
                method: 'GET',
                url,
                headers: { Metadata: 'true' }
            }));
            return { url, result };
        }
    };
}


/***/ }),

/***/ 349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LEGACY_MSI_API_VERSION = void 0;
exports.legacyMsiSource = legacyMsiSource;
const source_1 = __nccwpck_require__(769);
exports.LEGACY_MSI_API_VERSION = '2017-09-01';
function legacyMsiSource(endpoint, detail) {
    return {
        source: 'app-service',
        detail,
        async requestToken(resource, identity, context) {
            const url = (0, source_1.withQuery)(endpoint, [
                ['resource', resource],
                ['api-version', exports.LEGACY_MSI_API_VERSION],
                ...(identity.kind === 'client-id' ? [['clientid', identity.value]] : [])
            ]);
            if (identity.kind === 'object-id' || identity.kind === 'resource-id') {
                return (0, source_1.notSent)(url, `the MSI_ENDPOINT/MSI_SECRET protocol (2017-09-01) selects a user-assigned identity by client ID only, not by ${(0, source_1.selectionWords)(identity)}`);
            }
            const result = await (0, source_1.retriedIdentityRequest)(context, () => {
                const secret = context.env.MSI_SECRET ?? '';
                if (secret !== '')
                    context.registerSecret?.(secret);
                return { method: 'GET', url, headers: { secret } };
            });
            return { url, result };
        }
    };
}


/***/ }),

/***/ 939:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.detectPlatform = detectPlatform;
const NAME = /^[\w.-]{1,100}$/;
function nameOf(value) {
    return value !== undefined && NAME.test(value) ? value : undefined;
}
function detectPlatform(env) {
    const site = env['WEBSITE_SITE_NAME'];
    if (site) {
        const functions = Boolean(env['FUNCTIONS_EXTENSION_VERSION'] || env['FUNCTIONS_WORKER_RUNTIME']);
        const name = nameOf(site);
        const resourceGroup = nameOf(env['WEBSITE_RESOURCE_GROUP']);
        return {
            kind: functions ? 'functions' : 'app-service',
            variable: 'WEBSITE_SITE_NAME',
            ...(name ? { name } : {}),
            ...(resourceGroup ? { resourceGroup } : {})
        };
    }
    const containerApp = env['CONTAINER_APP_NAME'];
    if (containerApp) {
        const name = nameOf(containerApp);
        return { kind: 'container-apps', variable: 'CONTAINER_APP_NAME', ...(name ? { name } : {}) };
    }
    if (env['KUBERNETES_SERVICE_HOST'])
        return { kind: 'kubernetes', variable: 'KUBERNETES_SERVICE_HOST' };
    if (env['RUNNER_ENVIRONMENT'] === 'github-hosted')
        return { kind: 'github-hosted', variable: 'RUNNER_ENVIRONMENT' };
    return undefined;
}


/***/ }),

/***/ 539:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SERVICE_FABRIC_API_VERSION = void 0;
exports.serviceFabricSource = serviceFabricSource;
/**
 * Service Fabric: `IDENTITY_ENDPOINT` + `IDENTITY_HEADER` + `IDENTITY_SERVER_THUMBPRINT`, header
 * `Secret`, api-version 2019-07-01-preview. The endpoint's certificate is self-signed: it is
 * trusted by its thumbprint and nothing else. `expires_on` comes as a JSON number.
 */
const probe_request_1 = __nccwpck_require__(941);
const source_1 = __nccwpck_require__(769);
exports.SERVICE_FABRIC_API_VERSION = '2019-07-01-preview';
/** Service Fabric's names, as MSAL sends them. */
const SERVICE_FABRIC_IDENTITY_PARAMETERS = {
    clientId: 'client_id',
    objectId: 'object_id',
    resourceId: 'mi_res_id'
};
function serviceFabricSource(endpoint, thumbprint, detail) {
    return {
        source: 'service-fabric',
        detail,
        async requestToken(resource, identity, context) {
            const selection = (0, probe_request_1.identityParameter)(identity, SERVICE_FABRIC_IDENTITY_PARAMETERS);
            const url = (0, source_1.withQuery)(endpoint, [
                ['api-version', exports.SERVICE_FABRIC_API_VERSION],
                ['resource', resource],
                ...(selection ? [selection] : [])
            ]);
            const result = await (0, source_1.retriedIdentityRequest)(context, () => {
                const secret = context.env.IDENTITY_HEADER ?? '';
                if (secret !== '')
                    context.registerSecret?.(secret);
                return { method: 'GET', url, headers: { Secret: secret }, serverThumbprint: thumbprint };
            });
            return { url, result };
        }
    };
}


/***/ }),

/***/ 769:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.retryDeadline = retryDeadline;
exports.retriedIdentityRequest = retriedIdentityRequest;
exports.notSent = notSent;
exports.withQuery = withQuery;
exports.endpointUrl = endpointUrl;
exports.exchangeOf = exchangeOf;
exports.selectionWords = selectionWords;
const http_request_1 = __nccwpck_require__(532);
const retry_policy_1 = __nccwpck_require__(612);
/**
 * How long a retry loop may run: the longest schedule of the guidance (410 for 70 s) plus one
 * last request. Every loop has a deadline.
 */
function retryDeadline(context) {
    const now = context.now ?? Date.now;
    return now() + 70_000 + context.timeoutMs;
}
/** One request to an identity endpoint, never through a proxy, with the retry policy. */
function retriedIdentityRequest(context, build) {
    return (0, retry_policy_1.withRetries)(() => (0, http_request_1.httpRequest)({ ...build(), timeoutMs: context.timeoutMs, signal: context.signal }), {
        deadline: retryDeadline(context),
        signal: context.signal,
        sleep: context.sleep,
        now: context.now
    });
}
/** A token request the probe did not send, with the reason (e.g. a selection the source lacks). */
function notSent(url, reason) {
    return { url, result: { outcome: { error: 'other', errorText: reason }, attempts: 0, ms: 0 } };
}
/** `base` with `params` appended to its query (keeps what the base already has). */
function withQuery(base, params) {
    try {
        const url = new URL(base);
        for (const [key, value] of params)
            url.searchParams.append(key, value);
        return url.toString();
    }
    catch {
        // Not a URL: keep it as it is, and let the request report it as such.
        return `${base}?${new URLSearchParams(params).toString()}`;
    }
}
/** The endpoint from an environment variable, or undefined when it is not an http(s) URL. */
function endpointUrl(value) {
    if (value === undefined)
        return undefined;
    try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
    }
    catch {
        return undefined;
    }
}
/** Reduces a retry loop's result to the Exchange fields every observation shares. */
function exchangeOf(url, result) {
    const exchange = { url, attempts: result.attempts, ms: result.ms };
    const outcome = result.outcome;
    if ('error' in outcome) {
        exchange.error = outcome.error;
        exchange.errorText = outcome.errorText;
    }
    else {
        exchange.status = outcome.status;
    }
    if (result.retryAfter !== undefined)
        exchange.retryAfter = result.retryAfter;
    return exchange;
}
function selectionWords(identity) {
    switch (identity.kind) {
        case 'system':
            return 'system-assigned';
        case 'client-id':
            return 'client ID';
        case 'object-id':
            return 'object ID';
        case 'resource-id':
            return 'resource ID';
    }
}


/***/ }),

/***/ 516:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_AUTHORITY_HOST = void 0;
exports.tokenEndpoint = tokenEndpoint;
exports.workloadIdentitySource = workloadIdentitySource;
/**
 * AKS workload identity: the pod's projected service account token (AZURE_FEDERATED_TOKEN_FILE,
 * re-read at every request because it rotates) is exchanged at Microsoft Entra ID for an access
 * token, `client_credentials` with a `client_assertion`. The authority is an internet host, so this
 * exchange honours the proxy settings like an API call; it is https only (http on loopback for
 * tests). No instance metadata.
 */
const node_fs_1 = __nccwpck_require__(24);
const http_request_1 = __nccwpck_require__(532);
const loopback_1 = __nccwpck_require__(710);
const retry_policy_1 = __nccwpck_require__(612);
const source_1 = __nccwpck_require__(769);
const services_1 = __nccwpck_require__(147);
exports.DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com/';
/** Service account tokens are ~1 KB; a bigger file is not one. */
const ASSERTION_LIMIT = 64 * 1024;
function tokenEndpoint(authorityHost, tenantId) {
    return `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}
function workloadIdentitySource(detail) {
    return {
        source: 'workload-identity',
        detail,
        async requestToken(resource, identity, context) {
            const env = context.env;
            const url = tokenEndpoint(env.AZURE_AUTHORITY_HOST || exports.DEFAULT_AUTHORITY_HOST, env.AZURE_TENANT_ID ?? '');
            let parsed;
            try {
                parsed = new URL(url);
            }
            catch {
                parsed = undefined;
            }
            if (parsed === undefined || !(0, loopback_1.mayCarryBearer)(parsed)) {
                return (0, source_1.notSent)(url, 'AZURE_AUTHORITY_HOST must be an https URL (http only on loopback)');
            }
            if (identity.kind === 'object-id' || identity.kind === 'resource-id') {
                return (0, source_1.notSent)(url, `workload identity federation selects the identity by client ID, not by ${(0, source_1.selectionWords)(identity)}`);
            }
            const clientId = identity.kind === 'client-id' ? identity.value : env.AZURE_CLIENT_ID;
            if (!clientId)
                return (0, source_1.notSent)(url, 'AZURE_CLIENT_ID is not set and no client ID was selected');
            const file = env.AZURE_FEDERATED_TOKEN_FILE ?? '';
            const readAssertion = async () => {
                try {
                    const stat = await node_fs_1.promises.stat(file);
                    if (!stat.isFile() || stat.size > ASSERTION_LIMIT) {
                        return { refused: 'AZURE_FEDERATED_TOKEN_FILE is not a small regular file' };
                    }
                    return (await node_fs_1.promises.readFile(file, 'utf8')).trim();
                }
                catch (error) {
                    const code = error.code ?? 'error';
                    return { refused: `AZURE_FEDERATED_TOKEN_FILE could not be read (${code})` };
                }
            };
            const result = await (0, retry_policy_1.withRetries)(async () => {
                const assertion = await readAssertion();
                if (typeof assertion !== 'string')
                    return { error: 'local-file', errorText: assertion.refused, unsent: true };
                context.registerSecret?.(assertion);
                return (0, http_request_1.httpRequest)({
                    method: 'POST',
                    url,
                    headers: {
                        'Content-Type': 'application/x-www-form-urlencoded',
                        Accept: 'application/json'
                    },
                    body: new URLSearchParams({
                        grant_type: 'client_credentials',
                        client_id: clientId,
                        scope: (0, services_1.scopeForResource)(resource),
                        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
                        client_assertion: assertion
                    }).toString(),
                    timeoutMs: context.timeoutMs,
                    signal: context.signal,
                    proxyEnv: env
                });
            }, {
                deadline: (0, source_1.retryDeadline)(context),
                signal: context.signal,
                sleep: context.sleep,
                now: context.now
            });
            return { url, result };
        }
    };
}


/***/ }),

/***/ 860:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cutBody = cutBody;
exports.reduceTokenResponse = reduceTokenResponse;
/**
 * Reduces a token response to what may leave the workload: its fields except the token, the
 * token's shape, and the JWT payload segment (the claims). The token itself and its signature are
 * returned separately to the caller (to use and to mask), never placed in the observation.
 */
const observations_1 = __nccwpck_require__(132);
const format_1 = __nccwpck_require__(950);
const redact_1 = __nccwpck_require__(800);
/** Fields that are credentials in any token endpoint's answer. */
const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'id_token']);
/** A field value longer than this is cut (fields are evidence, not payload). */
const FIELD_LIMIT = 300;
/** Scrubbed first, then cut, so a cut can never leave a token's tail that the patterns miss. */
function cutBody(text, limit = observations_1.BODY_LIMIT) {
    return (0, format_1.cut)((0, redact_1.redactSecrets)(text), limit);
}
const JWT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;
/** `body` is a 2xx token response as received. */
function reduceTokenResponse(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        // Not a JSON object: keep the evidence, without anything that looks like a token. No shape:
        // nothing says whether an access_token was there (docs/probe-spec.md, as the VM probes do).
        return { observation: { body: cutBody(body) } };
    }
    const record = parsed;
    const fields = {};
    for (const [key, value] of Object.entries(record)) {
        if (SECRET_FIELDS.has(key.toLowerCase()))
            continue;
        if (typeof value === 'number' && Number.isFinite(value))
            fields[key] = value;
        else if (typeof value === 'string')
            fields[key] = cutBody(value, FIELD_LIMIT);
        else if (typeof value === 'boolean')
            fields[key] = String(value);
        else if (value !== null && value !== undefined) {
            fields[key] = cutBody(JSON.stringify(value), FIELD_LIMIT);
        }
    }
    const token = record.access_token;
    const observation = { fields };
    if (typeof token !== 'string' || token === '') {
        observation.shape = 'absent';
        return { observation };
    }
    const jwt = JWT.exec(token);
    if (jwt) {
        observation.shape = 'jwt';
        observation.claims = jwt[2];
    }
    else {
        observation.shape = 'opaque';
    }
    return { observation, accessToken: token };
}


/***/ }),

/***/ 955:
/***/ ((module) => {

module.exports = require("@azure/identity");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 30:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PROTOCOL_VERSION = exports.KEY_HEADER = exports.createSmokeHandler = exports.standaloneOptionsFromEnv = exports.startStandaloneServer = exports.createAzureFunctionsHandler = exports.createExpressMiddleware = exports.createNodeHandler = void 0;
/**
 * `@mi-smoke/smoke-endpoint` (packages/smoke-endpoint): the smoke endpoint a workload serves so that the mi-smoke action can test its
 * managed identity from inside (protocol: docs/smoke-endpoint-protocol.md). Its published types are
 * ./public/index.ts, which declares what this file exports (checked by
 * __tests__/smoke-endpoint/public-api.test.ts).
 */
var node_http_1 = __nccwpck_require__(440);
Object.defineProperty(exports, "createNodeHandler", ({ enumerable: true, get: function () { return node_http_1.createNodeHandler; } }));
var express_1 = __nccwpck_require__(231);
Object.defineProperty(exports, "createExpressMiddleware", ({ enumerable: true, get: function () { return express_1.createExpressMiddleware; } }));
var azure_functions_1 = __nccwpck_require__(208);
Object.defineProperty(exports, "createAzureFunctionsHandler", ({ enumerable: true, get: function () { return azure_functions_1.createAzureFunctionsHandler; } }));
var standalone_server_1 = __nccwpck_require__(694);
Object.defineProperty(exports, "startStandaloneServer", ({ enumerable: true, get: function () { return standalone_server_1.startStandaloneServer; } }));
Object.defineProperty(exports, "standaloneOptionsFromEnv", ({ enumerable: true, get: function () { return standalone_server_1.standaloneOptionsFromEnv; } }));
var handler_core_1 = __nccwpck_require__(655);
Object.defineProperty(exports, "createSmokeHandler", ({ enumerable: true, get: function () { return handler_core_1.createSmokeHandler; } }));
var smoke_protocol_1 = __nccwpck_require__(659);
Object.defineProperty(exports, "KEY_HEADER", ({ enumerable: true, get: function () { return smoke_protocol_1.KEY_HEADER; } }));
Object.defineProperty(exports, "PROTOCOL_VERSION", ({ enumerable: true, get: function () { return smoke_protocol_1.PROTOCOL_VERSION; } }));

})();

module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=index.js.map