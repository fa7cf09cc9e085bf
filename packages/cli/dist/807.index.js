"use strict";
exports.id = 807;
exports.ids = [807];
exports.modules = {

/***/ 5466:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ArmClient = exports.MAX_SOCKETS = exports.REQUEST_TIMEOUT_MS = exports.MAX_RETRY_AFTER_MS = exports.MAX_RETRIES = void 0;
exports.abortableSleep = abortableSleep;
exports.retryAfterMs = retryAfterMs;
const http_request_1 = __webpack_require__(7532);
const workload_1 = __webpack_require__(7228);
const mask_1 = __webpack_require__(8323);
const arm_errors_1 = __webpack_require__(3466);
exports.MAX_RETRIES = 5;
/** Longest single wait a Retry-After may impose; a longer one is cut to this. */
exports.MAX_RETRY_AFTER_MS = 60_000;
/** One request's bound (the workload's deadline, through the signal, is usually shorter). */
exports.REQUEST_TIMEOUT_MS = 60_000;
/** A listing of 1,000 scale-set instances with instance views is about 1 MB. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * Connections to ARM at most, shared by every target: each request is short (run-command answers
 * 202 at once and is then polled), so a few connections carry a fleet, and each one saved is a
 * TLS handshake saved.
 */
exports.MAX_SOCKETS = 16;
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);
function abortableSleep(ms, signal) {
    return new Promise(resolve => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        if (signal?.aborted)
            return done();
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** `Retry-After` in ms (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text.trim() === '')
        return undefined;
    if (/^\s*\d+\s*$/.test(text))
        return Number(text) * 1000;
    const at = Date.parse(text);
    return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
function loadHttps() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return __webpack_require__(4708);
}
function deadlineError(context) {
    return new workload_1.DispatchError(`the workload's deadline passed while waiting for Azure Resource Manager to ${context.doing}`, 'Raise the timeout, or check the VM agent (run-command can take minutes on a busy VM)');
}
class ArmClient {
    credentials;
    options;
    agent;
    sleep;
    now;
    constructor(credentials, options = {}) {
        this.credentials = credentials;
        this.options = options;
        this.sleep = options.sleep ?? abortableSleep;
        this.now = options.now ?? Date.now;
    }
    /** The absolute URL of `url` on ARM's origin, or a DispatchError for any other origin. */
    async resolve(url) {
        const base = (await this.credentials.cloud()).resourceManager;
        const resolved = new URL(url, base);
        if (resolved.origin !== base.origin) {
            throw new workload_1.DispatchError(`Azure Resource Manager pointed to ${resolved.origin}, which is not ${base.origin}; mi-smoke sends the runner's token to neither`, 'Check az cloud show: endpoints.resourceManager must be the cloud whose Resource Manager answers');
        }
        return resolved;
    }
    pool() {
        // Sockets stay open between the reads, the run-commands and the polls of every target.
        this.agent ??= new (loadHttps().Agent)({
            keepAlive: true,
            maxSockets: 256,
            ca: this.options.ca
        });
        return this.agent;
    }
    async once(request, url, token) {
        const body = request.body === undefined ? undefined : JSON.stringify(request.body);
        return (0, http_request_1.httpRequest)({
            method: request.method,
            url: url.href,
            headers: {
                authorization: `Bearer ${token}`,
                accept: 'application/json',
                'user-agent': 'mi-smoke',
                ...(body === undefined ? {} : { 'content-type': 'application/json' })
            },
            body,
            timeoutMs: exports.REQUEST_TIMEOUT_MS,
            signal: request.signal,
            proxyEnv: this.options.env ?? process.env,
            agent: this.pool(),
            ca: this.options.ca,
            maxBodyBytes: MAX_BODY_BYTES
        });
    }
    /** Sends the request, retrying as ARM asks; resolves with a 2xx (or accepted) answer. */
    async request(request) {
        const url = await this.resolve(request.url);
        let retries = 0;
        let refreshed = false;
        let reset = false;
        for (;;) {
            if (request.signal?.aborted)
                throw deadlineError(request.context);
            const outcome = await this.once(request, url, await this.credentials.token());
            if ((0, http_request_1.isFailure)(outcome)) {
                if (request.signal?.aborted)
                    throw deadlineError(request.context);
                if (outcome.error === 'reset' && !reset) {
                    reset = true;
                    continue;
                }
                throw new workload_1.DispatchError(`could not reach Azure Resource Manager (${url.host}) to ${request.context.doing}: ${outcome.errorText}`, `Check that the runner reaches https://${url.host}/ (through HTTPS_PROXY when the runner needs a proxy; NO_PROXY must not list it then)`, `${outcome.error}: ${outcome.errorText}`);
            }
            if (outcome.truncated) {
                throw new workload_1.DispatchError(`Azure Resource Manager's answer to ${request.context.doing} was larger than ${MAX_BODY_BYTES} bytes`, 'Probe fewer instances at once (vmss:<id>#<instance>)');
            }
            const status = outcome.status;
            if ((status >= 200 && status < 300) || request.accept?.includes(status))
                return outcome;
            if (status === 401 && !refreshed) {
                refreshed = true;
                this.credentials.invalidate();
                continue;
            }
            if (RETRIED_STATUSES.has(status) && retries < exports.MAX_RETRIES) {
                const asked = retryAfterMs(outcome.headers['retry-after'], this.now());
                const wait = Math.min(asked ?? 1000 * 2 ** retries, exports.MAX_RETRY_AFTER_MS);
                retries++;
                await this.sleep(wait, request.signal);
                continue;
            }
            throw (0, arm_errors_1.armCallError)(outcome, request.context);
        }
    }
    /** `request` and its JSON body. */
    async json(request) {
        const response = await this.request(request);
        try {
            return { response, body: (response.body === '' ? {} : JSON.parse(response.body)) };
        }
        catch {
            throw new workload_1.DispatchError(`Azure Resource Manager answered something that is not JSON while trying to ${request.context.doing}`, 'Check that az cloud show names a Resource Manager endpoint (a proxy or captive portal may be answering instead)', (0, mask_1.maskedTail)(response.body, 300));
        }
    }
    /** Ends the pool's idle connections so that the process can exit at once. */
    close() {
        this.agent?.destroy();
        this.agent = undefined;
    }
}
exports.ArmClient = ArmClient;


/***/ }),

/***/ 3466:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.armCallError = armCallError;
exports.operationFailedError = operationFailedError;
const workload_1 = __webpack_require__(7228);
const azure_errors_1 = __webpack_require__(1502);
const mask_1 = __webpack_require__(8323);
function requestIds(response) {
    const id = response.headers['x-ms-correlation-request-id'] ?? response.headers['x-ms-request-id'];
    return typeof id === 'string' ? ` (x-ms-correlation-request-id ${id})` : '';
}
/** A failed ARM answer (status ≥ 400, retries spent) as the failure a person can act on. */
function armCallError(response, context) {
    const error = (0, azure_errors_1.azureErrorOf)(response.body);
    const evidence = `HTTP ${response.status}${requestIds(response)}: ${(0, mask_1.maskedTail)(response.body, 500)}`;
    const known = error && (0, azure_errors_1.classifyAzureError)(error, context, evidence);
    if (known)
        return known;
    if (response.status === 401) {
        return new workload_1.DispatchError(`Azure Resource Manager refused the runner's token while trying to ${context.doing}`, 'Run azure/login again in this job (its token may have expired), and check that az cloud show names the cloud the resources live in', evidence);
    }
    const said = error ? (0, azure_errors_1.azureSaid)(error) : '';
    return new workload_1.DispatchError(`Azure Resource Manager answered HTTP ${response.status} while trying to ${context.doing}${said ? `: ${said}` : ''}`, 'Run again; if it repeats, look the request up by its correlation ID in the activity log, or ask Azure support with it', evidence);
}
/** A failed long-running operation (`status: Failed`), e.g. the VM agent could not run the script. */
function operationFailedError(error, context) {
    const evidence = error ? (0, azure_errors_1.azureSaid)(error) : '';
    const known = error && (0, azure_errors_1.classifyAzureError)(error, context, evidence);
    if (known)
        return known;
    return new workload_1.DispatchError(`run-command on ${context.resourceId} failed${evidence ? `: ${evidence}` : ''}`, 'Check that the VM agent is running and the VM can reach Azure on port 443 (run-command results travel back that way)', evidence);
}


/***/ }),

/***/ 1525:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.REFRESH_BEFORE_EXPIRY_MS = void 0;
exports.cliCredentials = cliCredentials;
exports.runnerCliCredentials = runnerCliCredentials;
/**
 * The runner's Azure CLI login (what azure/login set up) as the source of the ARM endpoint and of
 * access tokens: one `az cloud show` and one `az account get-access-token --resource <audience>`
 * per run, a new token only when the one held is within five minutes of expiry. Every other VM
 * request is made from this process over ARM's REST API (arm-client.ts), so a fleet of VMs costs
 * two az processes, not one or more per VM.
 *
 * Shapes, from the Azure CLI's documented output (learn.microsoft.com/cli/azure/cloud#az-cloud-show,
 * learn.microsoft.com/cli/azure/account#az-account-get-access-token; Azure/azure-cli
 * src/azure-cli-core/azure/cli/core/cloud.py for the endpoint names):
 *   az cloud show              {"name":"AzureCloud","endpoints":{"resourceManager":"https://management.azure.com/",
 *                               "activeDirectoryResourceId":"https://management.core.windows.net/",...},...}
 *   az account get-access-token {"accessToken":"eyJ...","expiresOn":"2026-12-02 05:00:00.000000",
 *                               "expires_on":1796187600,"subscription":"...","tenant":"...","tokenType":"Bearer"}
 * (`expires_on`, POSIX seconds, since azure-cli 2.54; `expiresOn` is local time without a zone.)
 * Sovereign and custom clouds (`az cloud register`/`az cloud set`) need nothing else: both values
 * come from the active cloud.
 */
const workload_1 = __webpack_require__(7228);
const az_cli_1 = __webpack_require__(2071);
/** A token this close to its expiry is not used for a new request. */
exports.REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
function parseCloud(doc) {
    const rm = doc.endpoints?.resourceManager;
    const audience = doc.endpoints?.activeDirectoryResourceId;
    let url;
    try {
        url = rm ? new URL(rm.endsWith('/') ? rm : `${rm}/`) : undefined;
    }
    catch {
        url = undefined;
    }
    if (!url || url.protocol !== 'https:' || !audience) {
        throw new workload_1.DispatchError(`the Azure CLI's active cloud${doc.name ? ` (${doc.name})` : ''} names no usable Resource Manager endpoint`, 'Check az cloud show: endpoints.resourceManager must be an https URL and endpoints.activeDirectoryResourceId set (az cloud set --name AzureCloud, or az cloud update for a custom cloud)', `resourceManager=${rm ?? '(none)'} activeDirectoryResourceId=${audience ?? '(none)'}`);
    }
    return { name: doc.name ?? '', resourceManager: url, audience };
}
/** Expiry in ms since the epoch; `expires_on` first, then `expiresOn` (local time). */
function expiryOf(doc, now) {
    const seconds = Number(doc.expires_on);
    if (Number.isFinite(seconds) && seconds > 0)
        return seconds * 1000;
    const local = doc.expiresOn ? Date.parse(doc.expiresOn.replace(' ', 'T')) : NaN;
    // Unknown: good for a few minutes, then asked again (az serves from its own cache).
    return Number.isFinite(local) ? local : now + exports.REFRESH_BEFORE_EXPIRY_MS + 60_000;
}
/** `findAzRunner` is asked once, when az is first needed (it may fail: az not installed). */
function cliCredentials(findAzRunner, now = Date.now) {
    let runner;
    const azRunner = () => (runner ??= findAzRunner());
    let cloud;
    let held;
    let pending;
    // A failure is not kept: the next workload asks again (a transient az failure stays one target's).
    const readCloud = () => (cloud ??= azRunner()
        .then(run => (0, az_cli_1.azJson)(run, ['cloud', 'show'], {
        doing: "read the Azure CLI's cloud settings",
        resourceId: 'the active cloud'
    }))
        .then(parseCloud)
        .catch((error) => {
        cloud = undefined;
        throw error;
    }));
    const fetchToken = async () => {
        const { audience } = await readCloud();
        const doc = await (0, az_cli_1.azJson)(await azRunner(), ['account', 'get-access-token', '--resource', audience], { doing: 'get an access token for Azure Resource Manager', resourceId: audience });
        if (typeof doc.accessToken !== 'string' || doc.accessToken === '') {
            throw new workload_1.DispatchError('az account get-access-token printed no accessToken', 'Run az account get-access-token by hand; update the Azure CLI if it is old');
        }
        held = { token: doc.accessToken, expiresAt: expiryOf(doc, now()) };
        return doc.accessToken;
    };
    return {
        cloud: readCloud,
        token() {
            if (held && held.expiresAt - now() > exports.REFRESH_BEFORE_EXPIRY_MS)
                return Promise.resolve(held.token);
            // One az call however many workloads ask at once.
            pending ??= fetchToken().finally(() => (pending = undefined));
            return pending;
        },
        invalidate() {
            held = undefined;
        }
    };
}
/** The credentials of the az found on PATH (a DispatchError saying how to get az when none). */
function runnerCliCredentials() {
    return cliCredentials(async () => (0, az_cli_1.execAzRunner)(await (0, az_cli_1.findAz)()));
}


/***/ }),

/***/ 9423:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_POLL_MS = exports.DEFAULT_CONFLICT_RETRY = exports.COMPUTE_API_VERSION = void 0;
exports.flatten = flatten;
exports.readVm = readVm;
exports.listScaleSetDocuments = listScaleSetDocuments;
exports.namedParameters = namedParameters;
exports.runCommandInput = runCommandInput;
exports.runCommandUrl = runCommandUrl;
exports.invokeRunCommand = invokeRunCommand;
const workload_1 = __webpack_require__(7228);
const azure_errors_1 = __webpack_require__(1502);
const probe_parameters_1 = __webpack_require__(802);
const arm_client_1 = __webpack_require__(5466);
const arm_errors_1 = __webpack_require__(3466);
exports.COMPUTE_API_VERSION = '2024-07-01';
/** The az-shaped document power-state.ts reads (az flattens `properties`). */
function flatten(resource) {
    return {
        ...(resource.properties ?? {}),
        id: resource.id,
        name: resource.name,
        instanceId: resource.instanceId
    };
}
async function readVm(arm, resourceId, signal) {
    const { body } = await arm.json({
        method: 'GET',
        url: `${resourceId}?$expand=instanceView&api-version=${exports.COMPUTE_API_VERSION}`,
        context: { doing: 'read the power state of the VM', resourceId },
        signal
    });
    return flatten(body);
}
async function listAll(arm, url, context, signal) {
    const documents = [];
    let next = url;
    for (let page = 0; next !== undefined && page < 100; page++) {
        const { body } = await arm.json({
            method: 'GET',
            url: next,
            context,
            signal
        });
        for (const resource of body.value ?? [])
            documents.push(flatten(resource));
        next = typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
    }
    return documents;
}
/** Every instance of the scale set, as az's `vmss list-instances --expand instanceView` gives them. */
async function listScaleSetDocuments(arm, scaleSet, resourceId, signal) {
    const context = {
        doing: 'list the instances of the scale set',
        resourceId,
        subscriptionId: scaleSet.subscriptionId
    };
    const { body } = await arm.json({
        method: 'GET',
        url: `${resourceId}?api-version=${exports.COMPUTE_API_VERSION}`,
        context,
        signal
    });
    if (/^flexible$/i.test(body.properties?.orchestrationMode ?? '')) {
        const filter = encodeURIComponent(`'virtualMachineScaleSet/id' eq '${resourceId}'`);
        const group = `/subscriptions/${scaleSet.subscriptionId}/resourceGroups/${scaleSet.resourceGroup}`;
        return listAll(arm, `${group}/providers/Microsoft.Compute/virtualMachines?$filter=${filter}&$expand=instanceView&api-version=${exports.COMPUTE_API_VERSION}`, context, signal);
    }
    return listAll(arm, `${resourceId}/virtualMachines?$expand=instanceView&api-version=${exports.COMPUTE_API_VERSION}`, context, signal);
}
/** azure-cli's naming of `--parameters` (see the file comment). */
function namedParameters(parameters) {
    let positional = 0;
    return parameters.map(p => {
        const at = p.indexOf('=');
        if (at >= 0)
            return { name: p.slice(0, at), value: p.slice(at + 1) };
        positional++;
        return { name: `arg${positional}`, value: p };
    });
}
/** The request body. Every value from the probe request is a parameter, as data. */
function runCommandInput(os, scriptText, request) {
    const parameters = os === 'windows' ? (0, probe_parameters_1.windowsProbeParameters)(request) : (0, probe_parameters_1.linuxProbeParameters)(request);
    return {
        commandId: os === 'windows' ? 'RunPowerShellScript' : 'RunShellScript',
        script: [scriptText],
        parameters: namedParameters(parameters)
    };
}
function runCommandUrl(target) {
    const where = target.kind === 'vm'
        ? target.resourceId
        : `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${target.scaleSetName}/virtualMachines/${target.instanceId}`;
    return `${where}/runCommand?api-version=${exports.COMPUTE_API_VERSION}`;
}
exports.DEFAULT_CONFLICT_RETRY = {
    deadlineMs: 120_000,
    firstDelayMs: 2_000,
    maxDelayMs: 15_000
};
/** Poll interval when an operation names no Retry-After. */
exports.DEFAULT_POLL_MS = 2_000;
/** The RunCommandResult JSON (`{"value":[...]}`) of a finished operation's status. */
function resultOfStatus(status) {
    const output = status.properties?.output;
    // Older answers held the statuses directly (Azure/azure-powershell#6302), newer ones `{value}`.
    return JSON.stringify(Array.isArray(output) ? { value: output } : (output ?? {}));
}
/**
 * Runs the probe through run-command; resolves with the RunCommandResult's JSON text (what
 * `az vm run-command invoke` would print, for run-command-output.ts). 409 while another run is in
 * progress is retried with backoff until `retry.deadlineMs`, then named with the attempts.
 */
async function invokeRunCommand(arm, target, input, signal, retry = exports.DEFAULT_CONFLICT_RETRY) {
    const context = { doing: 'run the probe with run-command', resourceId: target.resourceId };
    const now = retry.now ?? Date.now;
    const wait = retry.sleep ?? arm_client_1.abortableSleep;
    const started = now();
    let delay = retry.firstDelayMs;
    for (let attempt = 1;; attempt++) {
        const response = await arm.request({
            method: 'POST',
            url: runCommandUrl(target),
            body: input,
            context,
            signal,
            accept: [409]
        });
        if (response.status === 409) {
            // A 409 is a busy extension unless Azure names another conflict.
            const busy = (0, azure_errors_1.isRunCommandConflict)((0, azure_errors_1.azureErrorOf)(response.body) ?? { code: 'Conflict', message: '' });
            if (!busy || signal?.aborted || now() - started + delay > retry.deadlineMs) {
                const failure = (0, arm_errors_1.armCallError)(response, context);
                const waited = Math.round((now() - started) / 1000);
                failure.message = `${failure.message} (${attempt} attempts over ${waited} s)`;
                throw failure;
            }
            await wait(delay, signal);
            delay = Math.min(delay * 2, retry.maxDelayMs);
            continue;
        }
        if (response.status !== 202)
            return response.body;
        return pollOperation(arm, response.headers, context, signal);
    }
}
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
async function pollOperation(arm, accepted, context, signal) {
    const asyncOperation = headerText(accepted['azure-asyncoperation']);
    const location = headerText(accepted['location']);
    const url = asyncOperation ?? location;
    if (!url) {
        throw new workload_1.DispatchError('Azure accepted the run-command but named no operation to follow (no Azure-AsyncOperation or Location header)', 'Run again; if it repeats, run az vm run-command invoke by hand to see what Azure answers');
    }
    let after = (0, arm_client_1.retryAfterMs)(accepted['retry-after']) ?? exports.DEFAULT_POLL_MS;
    for (;;) {
        await (0, arm_client_1.abortableSleep)(after, signal);
        const response = await arm.request({ method: 'GET', url, context, signal });
        after = (0, arm_client_1.retryAfterMs)(response.headers['retry-after']) ?? exports.DEFAULT_POLL_MS;
        if (asyncOperation === undefined) {
            // Location: 202 while the operation runs, then the result itself.
            if (response.status === 202)
                continue;
            return response.body;
        }
        let status;
        try {
            status = JSON.parse(response.body);
        }
        catch {
            status = {};
        }
        const state = (status.status ?? '').toLowerCase();
        if (state === 'succeeded')
            return resultOfStatus(status);
        if (state === 'failed' || state === 'canceled') {
            throw (0, arm_errors_1.operationFailedError)(status.error
                ? { code: status.error.code ?? '', message: status.error.message ?? '' }
                : { code: state === 'canceled' ? 'Canceled' : 'Failed', message: 'no error given' }, context);
        }
    }
}


/***/ }),

/***/ 2071:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.findAz = findAz;
exports.execAzRunner = execAzRunner;
exports.azCliVersion = azCliVersion;
exports.azFailure = azFailure;
exports.azJson = azJson;
/**
 * Finds the Azure CLI on PATH and runs it. `@actions/io` and `@actions/exec` are loaded here only,
 * when a vm:/vmss: target needs them: the `local` target never pays their start-up cost.
 */
const workload_1 = __webpack_require__(7228);
const az_errors_1 = __webpack_require__(1154);
const mask_1 = __webpack_require__(8323);
// `import()`: the bundle loads each as its own chunk on first use (both are ES modules only).
function loadIo() {
    return __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 8701));
}
function loadExec() {
    return __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 1955));
}
/** The path of `az` on PATH, or a `DispatchError` that says how to get it. */
async function findAz() {
    const io = await loadIo();
    const path = await io.which('az', false);
    if (!path) {
        throw new workload_1.DispatchError('the Azure CLI (az) is not installed on the runner', 'Use a runner image with the Azure CLI (GitHub-hosted ubuntu/windows images have it) or install it, then run azure/login before this step', `PATH=${process.env['PATH'] ?? ''}`);
    }
    return path;
}
/** An `AzRunner` backed by `@actions/exec`, silent: az's output is ours to parse, not the log's. */
function execAzRunner(azPath) {
    return async (args, signal) => {
        const { getExecOutput } = await loadExec();
        const run = getExecOutput(azPath, args, {
            silent: true,
            ignoreReturnCode: true,
            env: process.env
        }).catch((error) => {
            throw new workload_1.DispatchError(`the Azure CLI (az) could not be started: ${error.message}`, 'Check that az on PATH runs (az version); reinstall the Azure CLI if it does not');
        });
        if (!signal)
            return run;
        // @actions/exec cannot kill its child: on abort we stop waiting; the orchestrator's deadline
        // reports the target and the child ends with the job.
        return new Promise((resolve, reject) => {
            const onAbort = () => reject(new workload_1.DispatchError(`az ${args.slice(0, 3).join(' ')} did not finish before the deadline`, 'Raise the timeout, or check the VM agent (run-command can take minutes on a busy VM)'));
            if (signal.aborted)
                return onAbort();
            signal.addEventListener('abort', onAbort, { once: true });
            run.then(result => {
                signal.removeEventListener('abort', onAbort);
                resolve(result);
            }, error => {
                signal.removeEventListener('abort', onAbort);
                reject(error);
            });
        });
    };
}
/** The version `az version` reports (`azure-cli`), or undefined when it cannot say. */
async function azCliVersion(az, signal) {
    try {
        const result = await az(['version', '-o', 'json'], signal);
        if (result.exitCode !== 0)
            return undefined;
        const version = JSON.parse(result.stdout)['azure-cli'];
        return typeof version === 'string' && /^[0-9][0-9A-Za-z.+-]{0,40}$/.test(version)
            ? version
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The DispatchError for a failed az call. A crash of the CLI itself costs one more call
 * (`az version`), so that the report names the broken version.
 */
async function azFailure(az, result, context, signal) {
    if ((0, az_errors_1.isAzCliCrash)(result.stderr)) {
        return (0, az_errors_1.azCliBrokenError)(result.stderr, context, await azCliVersion(az, signal));
    }
    return (0, az_errors_1.azCallError)(result.exitCode, result.stderr, context);
}
/** Runs az with `-o json` and parses its stdout; a failing call becomes a classified DispatchError. */
async function azJson(az, args, context, signal) {
    const result = await az([...args, '--only-show-errors', '-o', 'json'], signal);
    if (result.exitCode !== 0)
        throw await azFailure(az, result, context, signal);
    try {
        return JSON.parse(result.stdout);
    }
    catch {
        throw new workload_1.DispatchError(`az printed something that is not JSON while trying to ${context.doing}`, 'Run the same az command by hand; update the Azure CLI if it is old', (0, mask_1.maskedTail)(result.stdout, 400));
    }
}


/***/ }),

/***/ 1154:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isAzCliCrash = isAzCliCrash;
exports.azCliBrokenError = azCliBrokenError;
exports.parseAzError = parseAzError;
exports.azCallError = azCallError;
/**
 * What went wrong in an `az` call, from its exit code and stderr. az has failures of its own (not
 * logged in, a crash of the CLI itself); everything else is Azure's answer, which az prints as
 * `ERROR: (Code) Message` followed by `Code:`/`Message:` lines. That text is parsed once into
 * Azure's `{code, message}` (parseAzError) and classified by azure-errors.ts like the REST path's.
 */
const workload_1 = __webpack_require__(7228);
const azure_errors_1 = __webpack_require__(1502);
const mask_1 = __webpack_require__(8323);
/**
 * The Azure CLI itself crashed: a Python exception it did not handle, which it reports as "The
 * command failed with an unexpected error. Here is the traceback:" and a traceback (see
 * Azure/azure-cli#26165 and #23455). Nothing about the VM or the login can be read from it.
 */
function isAzCliCrash(stderr) {
    return (/The command failed with an unexpected error/i.test(stderr) ||
        /^Traceback \(most recent call last\):/m.test(stderr));
}
/** az has no login to use (`Please run 'az login' to setup account.` and kin). */
function isNotLoggedIn(stderr) {
    return /az login|az account set|No subscription found|not logged in/i.test(stderr);
}
/** The exception that ended the traceback, e.g. `AttributeError: 'NoneType' object has no ...`. */
function crashException(stderr) {
    const lines = stderr.split(/\r?\n/).map(l => l.trim());
    const found = [...lines]
        .reverse()
        .find(l => /^[A-Za-z_][\w.]*(Error|Exception|Interrupt)\b/.test(l));
    return (0, mask_1.maskSecrets)(found ?? '').slice(0, 300);
}
/**
 * The runner's Azure CLI is broken (its own installation, not Azure): says so, with its version
 * (`az version`, when even that runs) and the fix.
 */
function azCliBrokenError(stderr, context, version) {
    const exception = crashException(stderr);
    const which = version ? `azure-cli ${version}` : 'version unknown: az version failed too';
    return new workload_1.DispatchError(`the runner's Azure CLI is broken (${which}): it crashed with a Python traceback while trying to ${context.doing}${exception ? ` (${exception})` : ''}`, 'Repair the Azure CLI on the runner: az upgrade, or reinstall it (Debian/Ubuntu: the azure-cli apt package; pip: pip install --upgrade --force-reinstall azure-cli). If a new release broke it, pin the last good version and check https://github.com/Azure/azure-cli/issues', (0, mask_1.maskedTail)(stderr));
}
/**
 * Azure's answer as az printed it, in Azure's own shape: `Code:`/`Message:` lines (azure-cli's
 * `AzCLIError` output), else `ERROR: (Code) Message`, else the first `ERROR:` line as a message
 * without a code (az's own wording, e.g. "The Resource '...' was not found.").
 */
function parseAzError(stderr) {
    const lines = stderr.split(/\r?\n/);
    const field = (name) => lines
        .find(l => l.startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim();
    const errorLine = lines.find(l => /^ERROR:/.test(l))?.replace(/^ERROR:\s*/, '');
    const parenthesised = errorLine?.match(/^\(([A-Za-z][\w.]*)\)\s*(.*)$/);
    const code = field('Code') ?? parenthesised?.[1] ?? '';
    const message = field('Message') ?? parenthesised?.[2] ?? errorLine ?? '';
    if (code === '' && message.trim() === '')
        return undefined;
    return { code, message: message.trim() };
}
/** A code-less message az wrote itself for a missing resource (az vm show on a wrong name). */
function saysNotFound(error) {
    return error.code === '' && /was not found|could not be found/i.test(error.message);
}
function azCallError(exitCode, stderr, context) {
    const evidence = (0, mask_1.maskedTail)(stderr);
    if (isNotLoggedIn(stderr)) {
        return new workload_1.DispatchError(`az is not logged in, so it cannot ${context.doing}`, 'Run azure/login (OIDC: permissions id-token: write, with client-id, tenant-id and subscription-id) in a step before mi-smoke', evidence);
    }
    const error = parseAzError(stderr);
    if (error) {
        const known = (0, azure_errors_1.classifyAzureError)(saysNotFound(error) ? { ...error, code: 'NotFound' } : error, context, evidence);
        if (known)
            return known;
    }
    const said = error
        ? (0, mask_1.maskSecrets)(error.code ? `(${error.code}) ${error.message}` : error.message).slice(0, 400)
        : '';
    return new workload_1.DispatchError(`az failed to ${context.doing} (exit code ${exitCode})${said ? `: ${said}` : ''}`, 'Run the same az command by hand with --debug to see the full error', evidence);
}


/***/ }),

/***/ 1502:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.azureErrorOf = azureErrorOf;
exports.isRunCommandConflict = isRunCommandConflict;
exports.azureSaid = azureSaid;
exports.classifyAzureError = classifyAzureError;
/**
 * Azure's own failure answers, `{code, message}` as ARM puts them in the body of every failed
 * request (`{"error":{"code","message"}}`, learn.microsoft.com/azure/azure-resource-manager/
 * troubleshooting/common-deployment-errors; the compute examples of Azure/azure-rest-api-specs),
 * classified into the failures a person can act on. The code decides; the message only qualifies a
 * code where ARM uses one code for several causes (OperationNotAllowed for a stopped VM,
 * AuthorizationFailed for the run-command action, Conflict for a run already in progress).
 * The REST path hands ARM's error here as it came; az's stderr is parsed into the same shape once
 * (az-errors.ts), so both paths name a failure the same way and suggest the same fix.
 */
const workload_1 = __webpack_require__(7228);
const mask_1 = __webpack_require__(8323);
const SUBSCRIPTION_CODES = new Set(['SubscriptionNotFound', 'InvalidSubscriptionId']);
const THROTTLED_CODES = new Set([
    'TooManyRequests',
    'SubscriptionRequestsThrottled',
    'TenantRequestsThrottled',
    'ResourceRequestsThrottled',
    'OperationNotAllowedThrottled'
]);
/** ARM's `error` of a body (an answer, or an operation's `{"status":"Failed","error":{}}`). */
function azureErrorOf(body) {
    try {
        const parsed = JSON.parse(body);
        const error = parsed?.error;
        if (error && typeof error === 'object') {
            return {
                code: typeof error.code === 'string' ? error.code : '',
                message: typeof error.message === 'string' ? error.message : ''
            };
        }
    }
    catch {
        // not JSON: described by status alone
    }
    return undefined;
}
/** The run-command extension of this VM is busy with another run (409): worth retrying. */
function isRunCommandConflict(error) {
    return error.code === 'Conflict' || /execution is in progress/i.test(error.message);
}
/** `Code: message`, masked and cut: Azure's own words for a report. */
function azureSaid(error) {
    const said = error.code ? `${error.code}: ${error.message}` : error.message;
    return (0, mask_1.maskSecrets)(said.replace(/\s+/g, ' ').trim()).slice(0, 400);
}
/**
 * The failure modes Azure names the same way whoever asks. Undefined when the error names none of
 * them; each caller then says in its own words what failed.
 */
function classifyAzureError(error, context, evidence) {
    const { code, message } = error;
    const said = azureSaid(error);
    const subscription = context.subscriptionId ?? 'the subscription in the resource ID';
    if (SUBSCRIPTION_CODES.has(code)) {
        return new workload_1.DispatchError(`the runner's Azure login cannot see subscription ${subscription}`, `Log in (azure/login) with a principal that has access to subscription ${subscription}, or correct the subscription in the target's resource ID`, evidence);
    }
    if (code === 'AuthorizationFailed') {
        if (/runCommand/i.test(message)) {
            return new workload_1.DispatchError(`the runner's Azure login may not use run-command on ${context.resourceId}`, `Grant the runner's principal a role with Microsoft.Compute/virtualMachines/runCommand/action on the VM, e.g. az role assignment create --assignee <runner principal> --role "Virtual Machine Contributor" --scope ${context.resourceId}`, evidence);
        }
        return new workload_1.DispatchError(`the runner's Azure login has no access to ${context.resourceId}: ${said}`, `Check that azure/login uses subscription ${subscription} (the wrong subscription gives this error), and that the runner's principal has a role on the VM (Virtual Machine Contributor covers reading it and run-command)`, evidence);
    }
    // ResourceNotFound, ResourceGroupNotFound, ParentResourceNotFound, NotFound...
    if (code.endsWith('NotFound')) {
        return new workload_1.DispatchError(`${context.resourceId} was not found`, 'Check the resource ID (subscription, resource group, name), and that azure/login uses the subscription it lives in', evidence);
    }
    if (isRunCommandConflict(error)) {
        return new workload_1.DispatchError(`another run-command is still running on ${context.resourceId} (409 Conflict) and did not finish in time`, 'Wait for the other run-command to finish (az vm run-command list / the portal shows it), or run mi-smoke later; a VM runs one run-command at a time', evidence);
    }
    if (code === 'OperationNotAllowed' && /deallocat|stopped|not running/i.test(message)) {
        return new workload_1.DispatchError(`${context.resourceId} is not running: ${said}`, `Start it first: az vm start --ids ${context.resourceId}`, evidence);
    }
    // ARM: 429 under subscription or resource-provider throttling (after the retries Retry-After asked for).
    if (THROTTLED_CODES.has(code) || /^Throttl/i.test(code)) {
        return new workload_1.DispatchError(`Azure throttled the runner's requests while trying to ${context.doing}: ${said}`, `Lower concurrency, or split the targets over several runs: ARM allows each principal about 200 writes (run-commands) at once per subscription and region, then 10 a second`, evidence);
    }
    return undefined;
}


/***/ }),

/***/ 3807:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.armClientFor = armClientFor;
exports.vmWorkloads = vmWorkloads;
/**
 * `vm:` and `vmss:` targets: the probe runs on the VM through run-command, driven from this
 * process over ARM's REST API with the runner's Azure CLI login (arm/): a target costs a few
 * HTTPS requests on pooled connections, not an az process.
 * `vm:<id>` → one workload; `vmss:<id>` → one per instance (`vmss:<id>#<instanceId>` each);
 * `vmss:<id>#N` → that instance. Each workload's `probe()` can run again (the rbac-wait loop does).
 */
const node_fs_1 = __webpack_require__(3024);
const arm_client_1 = __webpack_require__(5466);
const cli_session_1 = __webpack_require__(1525);
const compute_1 = __webpack_require__(9423);
const power_state_1 = __webpack_require__(8294);
const probe_script_1 = __webpack_require__(1653);
const run_command_output_1 = __webpack_require__(794);
const vmss_1 = __webpack_require__(2160);
/** One ARM client (one CLI login, one connection pool) per run: keyed on the run's inputs. */
const clients = new WeakMap();
function armClientFor(inputs) {
    let client = clients.get(inputs);
    if (!client) {
        client = new arm_client_1.ArmClient((0, cli_session_1.runnerCliCredentials)());
        clients.set(inputs, client);
    }
    return client;
}
const scripts = new Map();
/** The probe script's text, read once per run (it travels in every run-command's body). */
function probeScript(os) {
    let text = scripts.get(os);
    if (text === undefined) {
        text = (0, node_fs_1.readFileSync)((0, probe_script_1.probeScriptPath)(os), 'utf8');
        scripts.set(os, text);
    }
    return text;
}
function chooseOs(choice, state) {
    return choice === 'auto' ? (state.osType ?? 'linux') : choice;
}
async function runProbe(arm, target, os, request, signal) {
    const result = await (0, compute_1.invokeRunCommand)(arm, target, (0, compute_1.runCommandInput)(os, probeScript(os), request), signal);
    return (0, run_command_output_1.readObservations)((0, run_command_output_1.parseRunCommandResult)(result));
}
function vmWorkload(arm, inputs, label, resourceId) {
    let os;
    return {
        label,
        async probe(request, signal) {
            if (os === undefined) {
                // Once per workload: the rbac-wait loop's re-runs need neither the check nor the read.
                const state = (0, power_state_1.vmStateOf)(await (0, compute_1.readVm)(arm, resourceId, signal));
                (0, power_state_1.assertCanRunCommand)(state, resourceId, `az vm start --ids ${resourceId}`);
                os = chooseOs(inputs.os, state);
            }
            return runProbe(arm, { kind: 'vm', resourceId }, os, request, signal);
        }
    };
}
async function vmWorkloads(target, inputs, signal, arm) {
    if (target.kind !== 'vm' && target.kind !== 'vmss') {
        throw new Error(`vmWorkloads cannot run a ${target.kind} target`);
    }
    const client = arm ?? armClientFor(inputs);
    if (target.kind === 'vm')
        return [vmWorkload(client, inputs, target.line, target.resourceId)];
    const instances = await (0, vmss_1.listScaleSetInstances)(client, target.resourceId, target.instanceId, signal);
    return instances.map(instance => {
        const os = chooseOs(inputs.os, instance.state);
        const startCommand = instance.runCommand.kind === 'vm'
            ? `az vm start --ids ${instance.runCommand.resourceId}`
            : `az vmss start --ids ${target.resourceId} --instance-ids ${instance.instanceId}`;
        return {
            label: `vmss:${target.resourceId}#${instance.instanceId}`,
            async probe(request, probeSignal) {
                (0, power_state_1.assertCanRunCommand)(instance.state, instance.runCommand.resourceId, startCommand);
                return runProbe(client, instance.runCommand, os, request, probeSignal);
            }
        };
    });
}


/***/ }),

/***/ 8323:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.maskSecrets = void 0;
exports.maskedTail = maskedTail;
/**
 * Masks what looks like a credential before run-command output or az errors are shown to a person:
 * a JWT (three base64url segments starting `eyJ`), anything after `Bearer `, and `access_token`
 * values. The probes never print a token; this is the second line of defence for text we did not
 * write (noise from the VM, az's own errors).
 */
const redact_1 = __webpack_require__(6800);
/** The one redactor (src/common/redact.ts): linear on whatever a VM printed. */
exports.maskSecrets = redact_1.redactSecrets;
/** The last `limit` characters of `text`, masked, for error evidence. */
function maskedTail(text, limit = 600) {
    const masked = (0, exports.maskSecrets)(text);
    return masked.length > limit ? `…${masked.slice(-limit)}` : masked;
}


/***/ }),

/***/ 8294:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.vmStateOf = vmStateOf;
exports.assertCanRunCommand = assertCanRunCommand;
/**
 * A VM's OS type and power state, read before run-command is spent (a run takes 30 s or more, and
 * a deallocated VM refuses it anyway). The VM read with its instance view gives both.
 */
const workload_1 = __webpack_require__(7228);
/** States in which run-command cannot run. */
const NOT_RUNNING = new Set(['deallocated', 'deallocating', 'stopped', 'stopping']);
function vmStateOf(vm) {
    const state = {};
    const os = vm.storageProfile?.osDisk?.osType?.toLowerCase();
    if (os === 'linux' || os === 'windows')
        state.osType = os;
    else if (vm.osProfile?.windowsConfiguration)
        state.osType = 'windows';
    else if (vm.osProfile?.linuxConfiguration)
        state.osType = 'linux';
    const power = vm.instanceView?.statuses?.find(s => /^PowerState\//i.test(s.code ?? ''));
    if (power?.code) {
        state.powerState = power.code.replace(/^PowerState\//i, '').toLowerCase();
        state.powerDisplay = power.displayStatus ?? `VM ${state.powerState}`;
    }
    else if (vm.powerState) {
        state.powerDisplay = vm.powerState;
        state.powerState = vm.powerState.replace(/^VM\s+/i, '').toLowerCase();
    }
    return state;
}
/** A DispatchError when the power state says run-command cannot run; nothing otherwise. */
function assertCanRunCommand(state, resourceId, startCommand) {
    if (state.powerState && NOT_RUNNING.has(state.powerState)) {
        throw new workload_1.DispatchError(`the VM is ${state.powerState} (power state: ${state.powerDisplay ?? state.powerState}); run-command needs it running`, `Start it (${startCommand}) and run again`, `${resourceId}: ${state.powerDisplay ?? state.powerState}`);
    }
}


/***/ }),

/***/ 802:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LINUX_PARAMETERS_VERSION = void 0;
exports.unpaddedBase64 = unpaddedBase64;
exports.linuxParameter = linuxParameter;
exports.decodeUnpaddedBase64 = decodeUnpaddedBase64;
exports.linuxProbeParameters = linuxProbeParameters;
exports.windowsProbeParameters = windowsProbeParameters;
/** Version of the Linux parameter list (the probe's `$1`). */
exports.LINUX_PARAMETERS_VERSION = '1';
/** Base64 of the UTF-8 bytes, standard alphabet, no padding. */
function unpaddedBase64(text) {
    return Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, '');
}
/**
 * One Linux probe parameter: `v` + unpadded base64. The letter keeps an empty value a non-empty
 * word, which no shell or command line can drop.
 */
function linuxParameter(value) {
    return `v${unpaddedBase64(value)}`;
}
function decodeUnpaddedBase64(text) {
    return Buffer.from(text, 'base64').toString('utf8');
}
function identityParts(request) {
    const identity = request.identity;
    return identity.kind === 'system' ? ['system', ''] : [identity.kind, identity.value];
}
/**
 * `vm-probes/linux/probe.sh` positional parameters: `1`, nonce, timeout (ms), IMDS base URL,
 * identity kind, identity value, then URL and audience of each check.
 */
function linuxProbeParameters(request) {
    const [kind, value] = identityParts(request);
    const values = [
        request.nonce,
        String(request.timeoutMs),
        request.imdsEndpoint,
        kind,
        value,
        ...request.checks.flatMap(check => [check.url, check.resource])
    ];
    return [exports.LINUX_PARAMETERS_VERSION, ...values.map(linuxParameter)];
}
/** `vm-probes/windows/probe.ps1` takes one named parameter: the request as base64 JSON. */
function windowsProbeParameters(request) {
    const [kind, value] = identityParts(request);
    const wire = {
        v: 1,
        nonce: request.nonce,
        timeoutMs: request.timeoutMs,
        imdsEndpoint: request.imdsEndpoint,
        identityKind: kind,
        identityValue: value,
        checks: request.checks.map(check => ({ url: check.url, resource: check.resource }))
    };
    return [`request=${unpaddedBase64(JSON.stringify(wire))}`];
}


/***/ }),

/***/ 1653:
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
exports.probeScriptCandidates = probeScriptCandidates;
exports.probeScriptPath = probeScriptPath;
/**
 * Where the probe scripts are at run time. ncc bundles code only, so the build copies `vm-probes/`
 * next to the bundle (`dist/vm-probes/...`, beside `dist/index.js`); from the sources (tests, tsx) the
 * repository's own `vm-probes/` is four levels up from this file. The Linux probe is written as
 * pieces (`vm-probes/linux/src/`) that scripts/linux-probe.cjs assembles into `probe.sh` in both
 * places (the build and the tests write it), so both hold the one script run-command needs.
 */
const node_fs_1 = __webpack_require__(3024);
const path = __importStar(__webpack_require__(6760));
const workload_1 = __webpack_require__(7228);
const PROBE_FILES = {
    linux: ['linux', 'probe.sh'],
    windows: ['windows', 'probe.ps1']
};
/** Candidate locations, most specific first: beside the bundle, then the repository's. */
function probeScriptCandidates(os, baseDir = __dirname) {
    const file = PROBE_FILES[os];
    return [
        path.resolve(baseDir, 'vm-probes', ...file),
        path.resolve(baseDir, '..', 'vm-probes', ...file),
        path.resolve(baseDir, '..', '..', '..', '..', 'vm-probes', ...file)
    ];
}
function probeScriptPath(os, baseDir = __dirname) {
    const candidates = probeScriptCandidates(os, baseDir);
    const found = candidates.find(candidate => (0, node_fs_1.existsSync)(candidate));
    if (!found) {
        throw new workload_1.DispatchError(`the ${os} probe script is missing from the action`, 'Use a released version of the action (its dist/vm-probes/ holds the probe scripts), or run npm run build', `looked in: ${candidates.join(', ')}`);
    }
    return found;
}


/***/ }),

/***/ 794:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseRunCommandResult = parseRunCommandResult;
exports.splitLinuxMessage = splitLinuxMessage;
exports.readObservations = readObservations;
/**
 * Reads a run-command's result, the RunCommandResult JSON ARM returns (and `az vm run-command
 * invoke` prints): Linux: one status whose message
 * holds `[stdout]` and `[stderr]`; Windows: one `ComponentStatus/StdOut/...` and one
 * `ComponentStatus/StdErr/...` entry), then the probe's `MI-SMOKE-OBS/1 {json}` line in stdout.
 * Anything unreadable is a `DispatchError` that shows the output's tail, masked.
 */
const observations_1 = __webpack_require__(1132);
const observations_validator_1 = __webpack_require__(5736);
const workload_1 = __webpack_require__(7228);
const mask_1 = __webpack_require__(8323);
/** The streams of a run-command result, whichever OS shape it has. */
function parseRunCommandResult(json) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        throw new workload_1.DispatchError('az vm run-command printed something that is not JSON', 'Run the same az command by hand to see what it prints; update the Azure CLI if it is old', (0, mask_1.maskedTail)(json));
    }
    const value = parsed?.value;
    if (!Array.isArray(value) || value.length === 0) {
        throw new workload_1.DispatchError('az vm run-command returned no status', 'Check that the VM agent is running and the VM can reach Azure on port 443 (run-command results travel back that way)', (0, mask_1.maskedTail)(json));
    }
    const statuses = value;
    const stdOut = statuses.find(s => /^ComponentStatus\/StdOut\//i.test(s.code ?? ''));
    const stdErr = statuses.find(s => /^ComponentStatus\/StdErr\//i.test(s.code ?? ''));
    if (stdOut || stdErr)
        return { stdout: stdOut?.message ?? '', stderr: stdErr?.message ?? '' };
    return splitLinuxMessage(statuses[0]?.message ?? '');
}
/** `Enable succeeded: \n[stdout]\n...\n\n[stderr]\n...` → the two streams. */
function splitLinuxMessage(message) {
    const out = message.indexOf('[stdout]\n');
    const err = message.lastIndexOf('\n[stderr]\n');
    if (out < 0)
        return { stdout: message, stderr: '' };
    const stdoutEnd = err > out ? err : message.length;
    return {
        stdout: message.slice(out + '[stdout]\n'.length, stdoutEnd),
        stderr: err > out ? message.slice(err + '\n[stderr]\n'.length) : ''
    };
}
/**
 * Whether some line holds `"apis":[` and ends as an observations line does (`]}`): the end of a
 * line whose start the 4 KB cut took. One pass over the occurrences, no array of lines.
 */
function hasCutObservationsEnd(stdout) {
    for (let at = stdout.indexOf('"apis":['); at !== -1;) {
        const end = stdout.indexOf('\n', at);
        const line = stdout.slice(at, end === -1 ? stdout.length : end);
        if (line.trimEnd().endsWith(']}'))
            return true;
        if (end === -1)
            return false;
        at = stdout.indexOf('"apis":[', end);
    }
    return false;
}
/**
 * The last line of `stdout` that starts with `prefix` (without its line end), found from the end
 * with lastIndexOf: linear however many lines or markers the output holds.
 */
function lastLineStartingWith(stdout, prefix) {
    for (let at = stdout.lastIndexOf(prefix); at !== -1;) {
        if (at === 0 || stdout.charCodeAt(at - 1) === 10) {
            const end = stdout.indexOf('\n', at);
            const line = stdout.slice(at, end === -1 ? stdout.length : end);
            return line.endsWith('\r') ? line.slice(0, -1) : line;
        }
        at = at === 0 ? -1 : stdout.lastIndexOf(prefix, at - 1);
    }
    return undefined;
}
/** The observations on the marker line of `stdout` (the last one, if noise repeats the marker). */
function readObservations(streams) {
    const prefix = `${observations_1.OBSERVATIONS_MARKER} `;
    const line = lastLineStartingWith(streams.stdout, prefix);
    const evidence = () => (0, mask_1.maskedTail)(`[stdout]\n${streams.stdout}\n[stderr]\n${streams.stderr}`.trimEnd());
    if (line === undefined) {
        // The line's start is gone but its end is there: the 4 KB cut took it, not a failed probe.
        const cutMarker = streams.stdout.includes(observations_1.OBSERVATIONS_MARKER) || hasCutObservationsEnd(streams.stdout);
        throw new workload_1.DispatchError(cutMarker
            ? `the probe's ${observations_1.OBSERVATIONS_MARKER} line was cut (run-command keeps only the last 4,096 bytes of output)`
            : `the probe printed no ${observations_1.OBSERVATIONS_MARKER} line`, 'Look at the output tail below: something on the VM printed too much after the probe, or the probe could not run (no /bin/sh, no PowerShell, a policy blocking scripts)', evidence());
    }
    // Parsed only: the orchestrator passes every answer through the one observations validator,
    // which also redacts every text in it.
    const text = line.slice(prefix.length);
    if ((0, observations_validator_1.nestsTooDeep)(text)) {
        throw new workload_1.DispatchError(`the probe's ${observations_1.OBSERVATIONS_MARKER} line nests deeper than ${observations_validator_1.MAX_JSON_DEPTH} levels (not an answer of the probe)`, 'Use the probe scripts shipped with this version of the action; a VM that answers this is not running them', evidence());
    }
    let answer;
    try {
        answer = JSON.parse(text);
    }
    catch {
        throw new workload_1.DispatchError(`the probe's ${observations_1.OBSERVATIONS_MARKER} line is not complete JSON (cut or mangled on the way back)`, 'Run the probe again; if it repeats, reduce the number of checks or what else the VM prints', evidence());
    }
    const said = answer;
    if (said !== null && typeof said === 'object' && said.nonce === '' && said.source === 'none') {
        // The probe ran but could not read its request: it says why (no parameters, or ones it cannot
        // decode) instead of the request's nonce (a request's nonce is never empty).
        const why = (0, mask_1.maskSecrets)(String(said.sourceDetail ?? 'no reason given')).slice(0, 300);
        throw new workload_1.DispatchError(`the probe on the VM could not read its request: ${why}`, /missing/.test(why)
            ? "The VM's run-command agent handed the script no parameters (neither arguments nor arg1, arg2, ... environment variables): update the VM agent (walinuxagent / the Windows guest agent), then run again"
            : 'Use the probe scripts shipped with this version of the action; if it repeats, update the VM agent', evidence());
    }
    return answer;
}


/***/ }),

/***/ 2160:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseScaleSetId = parseScaleSetId;
exports.scaleSetInstancesOf = scaleSetInstancesOf;
exports.listScaleSetInstances = listScaleSetInstances;
/**
 * Scale sets: `vmss:<id>` → one workload per instance, `vmss:<id>#<instanceId>` → that one.
 * One listing with instance views gives every instance's ID, OS and power state
 * (arm/compute.ts). Instances of a Flexible scale set are ordinary VMs (their IDs are
 * `.../virtualMachines/<name>`); they run run-command as VMs, by ID.
 */
const workload_1 = __webpack_require__(7228);
const compute_1 = __webpack_require__(9423);
const power_state_1 = __webpack_require__(8294);
const SCALE_SET_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachineScaleSets\/([^/]+)$/i;
function parseScaleSetId(resourceId) {
    const match = SCALE_SET_ID.exec(resourceId);
    if (!match) {
        throw new workload_1.DispatchError(`${resourceId} is not a scale set resource ID`, 'Use /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/virtualMachineScaleSets/<name>');
    }
    return { subscriptionId: match[1], resourceGroup: match[2], name: match[3] };
}
function scaleSetInstancesOf(scaleSet, documents) {
    return documents.map(doc => {
        const flexibleVm = doc.id !== undefined && !/\/virtualMachineScaleSets\//i.test(doc.id);
        const instanceId = doc.instanceId || doc.name || '';
        const runCommand = flexibleVm
            ? { kind: 'vm', resourceId: doc.id }
            : {
                kind: 'vmss-instance',
                subscriptionId: scaleSet.subscriptionId,
                resourceGroup: scaleSet.resourceGroup,
                scaleSetName: scaleSet.name,
                instanceId,
                resourceId: doc.id ??
                    `/subscriptions/${scaleSet.subscriptionId}/resourceGroups/${scaleSet.resourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/${scaleSet.name}/virtualMachines/${instanceId}`
            };
        return { instanceId, state: (0, power_state_1.vmStateOf)(doc), runCommand };
    });
}
async function listScaleSetInstances(arm, resourceId, instanceId, signal) {
    const scaleSet = parseScaleSetId(resourceId);
    const documents = await (0, compute_1.listScaleSetDocuments)(arm, scaleSet, resourceId, signal);
    const instances = scaleSetInstancesOf(scaleSet, Array.isArray(documents) ? documents : []);
    if (instanceId !== undefined) {
        const one = instances.filter(instance => instance.instanceId === instanceId);
        if (one.length === 0) {
            throw new workload_1.DispatchError(`scale set ${scaleSet.name} has no instance ${instanceId}`, `List its instances (az vmss list-instances -g ${scaleSet.resourceGroup} -n ${scaleSet.name} --query "[].instanceId") and use one of them after #`, `instances: ${instances.map(i => i.instanceId).join(', ') || '(none)'}`);
        }
        return one;
    }
    if (instances.length === 0) {
        throw new workload_1.DispatchError(`scale set ${scaleSet.name} has no instances to probe`, 'Scale it out to at least one instance, or remove the target');
    }
    return instances;
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
//# sourceMappingURL=807.index.js.map