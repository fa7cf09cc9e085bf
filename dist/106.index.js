"use strict";
exports.id = 106;
exports.ids = [106];
exports.modules = {

/***/ 2528:
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
const workload_1 = __webpack_require__(8697);
const az_errors_1 = __webpack_require__(7615);
const mask_1 = __webpack_require__(2168);
// Lazy `require` rather than `import()`: the bundle evaluates a module on first use either way, and
// a CommonJS `require` also works under jest, where `import()` needs --experimental-vm-modules.
function loadIo() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return __webpack_require__(4994);
}
function loadExec() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return __webpack_require__(5236);
}
/** The path of `az` on PATH, or a `DispatchError` that says how to get it. */
async function findAz() {
    const io = loadIo();
    const path = await io.which('az', false);
    if (!path) {
        throw new workload_1.DispatchError('the Azure CLI (az) is not installed on the runner', 'Use a runner image with the Azure CLI (GitHub-hosted ubuntu/windows images have it) or install it, then run azure/login before this step', `PATH=${process.env['PATH'] ?? ''}`);
    }
    return path;
}
/** An `AzRunner` backed by `@actions/exec`, silent: az's output is ours to parse, not the log's. */
function execAzRunner(azPath) {
    return async (args, signal) => {
        const { getExecOutput } = loadExec();
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

/***/ 7615:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isRunCommandConflict = isRunCommandConflict;
exports.isAzCliCrash = isAzCliCrash;
exports.azCliBrokenError = azCliBrokenError;
exports.azCallError = azCallError;
/**
 * What went wrong in an `az` call, from its exit code and stderr, as a `DispatchError` a person can
 * act on. The Azure CLI prints ARM errors as `ERROR: (Code) Message` followed by `Code:`/`Message:`
 * lines; login problems as `Please run 'az login' to setup account.`
 */
const workload_1 = __webpack_require__(8697);
const mask_1 = __webpack_require__(2168);
/** The run-command extension of this VM is busy with another run (HTTP 409): worth retrying. */
function isRunCommandConflict(stderr) {
    return (/\(Conflict\)/.test(stderr) ||
        /Code:\s*Conflict/.test(stderr) ||
        /execution is in progress/i.test(stderr));
}
/**
 * The Azure CLI itself crashed: a Python exception it did not handle, which it reports as "The
 * command failed with an unexpected error. Here is the traceback:" and a traceback (see
 * Azure/azure-cli#26165 and #23455). Nothing about the VM or the login can be read from it.
 */
function isAzCliCrash(stderr) {
    return (/The command failed with an unexpected error/i.test(stderr) ||
        /^Traceback \(most recent call last\):/m.test(stderr));
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
function firstErrorLine(stderr) {
    const line = stderr.split(/\r?\n/).find(l => /^ERROR:/.test(l)) ??
        stderr.split(/\r?\n/).find(l => l.trim() !== '') ??
        '';
    return (0, mask_1.maskSecrets)(line.replace(/^ERROR:\s*/, '').trim()).slice(0, 400);
}
function azCallError(exitCode, stderr, context) {
    const evidence = (0, mask_1.maskedTail)(stderr);
    const said = firstErrorLine(stderr);
    const subscription = context.subscriptionId ?? 'the subscription in the resource ID';
    if (/az login|az account set|No subscription found|not logged in/i.test(stderr)) {
        return new workload_1.DispatchError(`az is not logged in, so it cannot ${context.doing}`, 'Run azure/login (OIDC: permissions id-token: write, with client-id, tenant-id and subscription-id) in a step before mi-smoke', evidence);
    }
    if (/SubscriptionNotFound|InvalidSubscriptionId|subscription .* (could not be found|doesn't exist|does not exist)/i.test(stderr)) {
        return new workload_1.DispatchError(`the runner's Azure login cannot see subscription ${subscription}`, `Log in (azure/login) with a principal that has access to subscription ${subscription}, or correct the subscription in the target's resource ID`, evidence);
    }
    if (/AuthorizationFailed/.test(stderr)) {
        if (/runCommand/i.test(stderr)) {
            return new workload_1.DispatchError(`the runner's Azure login may not use run-command on ${context.resourceId}`, `Grant the runner's principal a role with Microsoft.Compute/virtualMachines/runCommand/action on the VM, e.g. az role assignment create --assignee <runner principal> --role "Virtual Machine Contributor" --scope ${context.resourceId}`, evidence);
        }
        return new workload_1.DispatchError(`the runner's Azure login has no access to ${context.resourceId}: ${said}`, `Check that azure/login uses subscription ${subscription} (the wrong subscription gives this error), and that the runner's principal has a role on the VM (Virtual Machine Contributor covers reading it and run-command)`, evidence);
    }
    if (/ResourceNotFound|ResourceGroupNotFound|NotFound\)|was not found|could not be found/i.test(stderr)) {
        return new workload_1.DispatchError(`${context.resourceId} was not found`, 'Check the resource ID (subscription, resource group, name), and that azure/login uses the subscription it lives in', evidence);
    }
    if (isRunCommandConflict(stderr)) {
        return new workload_1.DispatchError(`another run-command is still running on ${context.resourceId} (409 Conflict) and did not finish in time`, 'Wait for the other run-command to finish (az vm run-command list / the portal shows it), or run mi-smoke later; a VM runs one run-command at a time', evidence);
    }
    if (/OperationNotAllowed/i.test(stderr) && /deallocat|stopped|not running/i.test(stderr)) {
        return new workload_1.DispatchError(`${context.resourceId} is not running: ${said}`, `Start it first: az vm start --ids ${context.resourceId}`, evidence);
    }
    return new workload_1.DispatchError(`az failed to ${context.doing} (exit code ${exitCode})${said ? `: ${said}` : ''}`, 'Run the same az command by hand with --debug to see the full error', evidence);
}


/***/ }),

/***/ 2106:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.vmWorkloads = vmWorkloads;
const az_cli_1 = __webpack_require__(2528);
const instance_views_1 = __webpack_require__(4632);
const power_state_1 = __webpack_require__(9299);
const probe_script_1 = __webpack_require__(974);
const run_command_1 = __webpack_require__(7123);
const run_command_output_1 = __webpack_require__(7301);
const vmss_1 = __webpack_require__(7195);
function chooseOs(choice, state) {
    return choice === 'auto' ? (state.osType ?? 'linux') : choice;
}
async function runProbe(az, runCommand, os, request, signal) {
    const streams = await (0, run_command_1.invokeRunCommand)(az, runCommand, os, (0, probe_script_1.probeScriptPath)(os), request, signal);
    return (0, run_command_output_1.readObservations)(streams, request.nonce);
}
function vmWorkload(az, inputs, label, resourceId) {
    let os;
    return {
        label,
        async probe(request, signal) {
            if (os === undefined) {
                // Once per workload: the rbac-wait loop's re-runs need neither the check nor the az call.
                // The state comes from one az call for every vm: target of the run (instance-views.ts).
                const state = await (0, instance_views_1.vmStateInRun)(az, inputs, resourceId, signal);
                (0, power_state_1.assertCanRunCommand)(state, resourceId, `az vm start --ids ${resourceId}`);
                os = chooseOs(inputs.os, state);
            }
            return runProbe(az, { kind: 'vm', resourceId }, os, request, signal);
        }
    };
}
async function vmWorkloads(target, inputs, signal, az) {
    if (target.kind !== 'vm' && target.kind !== 'vmss') {
        throw new Error(`vmWorkloads cannot run a ${target.kind} target`);
    }
    const runner = az ?? (0, az_cli_1.execAzRunner)(await (0, az_cli_1.findAz)());
    if (target.kind === 'vm')
        return [vmWorkload(runner, inputs, target.line, target.resourceId)];
    const instances = await (0, vmss_1.listScaleSetInstances)(runner, target.resourceId, target.instanceId, signal);
    return instances.map(instance => {
        const os = chooseOs(inputs.os, instance.state);
        const startCommand = instance.runCommand.kind === 'vm'
            ? `az vm start --ids ${instance.runCommand.resourceId}`
            : `az vmss start --ids ${target.resourceId} --instance-ids ${instance.instanceId}`;
        return {
            label: `vmss:${target.resourceId}#${instance.instanceId}`,
            async probe(request, probeSignal) {
                (0, power_state_1.assertCanRunCommand)(instance.state, instance.runCommand.resourceId, startCommand);
                return runProbe(runner, instance.runCommand, os, request, probeSignal);
            }
        };
    });
}


/***/ }),

/***/ 4632:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.batchChunks = batchChunks;
exports.vmStateInRun = vmStateInRun;
const workload_1 = __webpack_require__(8697);
const power_state_1 = __webpack_require__(9299);
/**
 * IDs per call, counted in characters: on Windows runners az is `az.cmd`, started through cmd.exe,
 * whose command line stops at 8191 characters. The rest of the line fits in what is left.
 */
const MAX_IDS_CHARS = 6000;
const batches = new WeakMap();
/** The distinct `vm:` IDs of the run, in target order, cut into chunks that fit a command line. */
function batchChunks(inputs) {
    const seen = new Set();
    const chunks = [];
    let chunk = [];
    let chars = 0;
    for (const target of inputs.targets) {
        if (target.kind !== 'vm' || seen.has(target.resourceId.toLowerCase()))
            continue;
        seen.add(target.resourceId.toLowerCase());
        if (chunk.length > 0 && chars + target.resourceId.length + 1 > MAX_IDS_CHARS) {
            chunks.push(chunk);
            chunk = [];
            chars = 0;
        }
        chunk.push(target.resourceId);
        chars += target.resourceId.length + 1;
    }
    if (chunk.length > 0)
        chunks.push(chunk);
    // A chunk of one gains nothing over the target's own call, and on failure would cost a second.
    return chunks.filter(c => c.length > 1);
}
/** Instance views by lower-cased ID; empty when az failed or printed something else. */
async function lookUp(az, ids) {
    const views = new Map();
    try {
        // No signal: the call is shared, and one target's deadline must not cancel it for the others.
        const result = await az([
            'vm',
            'get-instance-view',
            '--ids',
            ...ids,
            '--only-show-errors',
            '-o',
            'json'
        ]);
        if (result.exitCode !== 0)
            return views;
        const parsed = JSON.parse(result.stdout);
        for (const doc of Array.isArray(parsed) ? parsed : [parsed]) {
            const id = doc?.id;
            if (typeof id === 'string')
                views.set(id.toLowerCase(), doc);
        }
    }
    catch {
        // Not JSON, or az could not start: every target's own call says what is wrong.
    }
    return views;
}
function batchOf(az, inputs) {
    let batch = batches.get(inputs);
    if (!batch) {
        batch = new Map();
        for (const ids of batchChunks(inputs)) {
            const views = lookUp(az, ids);
            for (const id of ids) {
                const key = id.toLowerCase();
                batch.set(key, views.then(found => found.get(key)));
            }
        }
        batches.set(inputs, batch);
    }
    return batch;
}
/** Rejects when `signal` aborts first: the target's deadline still ends its wait for the batch. */
function untilAborted(promise, signal) {
    if (!signal)
        return promise;
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(new workload_1.DispatchError('az vm get-instance-view did not finish before the deadline', 'Raise the timeout, or run az vm get-instance-view --ids <id> by hand to see why it hangs'));
        if (signal.aborted)
            return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, error => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/**
 * The state of one `vm:` target: its entry of the run's batched call when there is one, otherwise
 * its own `az vm get-instance-view` (whose failure is this target's DispatchError, as before).
 */
async function vmStateInRun(az, inputs, resourceId, signal) {
    const entry = batchOf(az, inputs).get(resourceId.toLowerCase());
    const doc = entry ? await untilAborted(entry, signal) : undefined;
    return doc ? (0, power_state_1.vmStateOf)(doc) : (0, power_state_1.readVmState)(az, resourceId, signal);
}


/***/ }),

/***/ 2168:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Masks what looks like a credential before run-command output or az errors are shown to a person:
 * a JWT (three base64url segments starting `eyJ`), anything after `Bearer `, and `access_token`
 * values. The probes never print a token; this is the second line of defence for text we did not
 * write (noise from the VM, az's own errors).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.maskSecrets = maskSecrets;
exports.maskedTail = maskedTail;
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const BEARER = /(Bearer\s+)[^\s"',;]+/gi;
const ACCESS_TOKEN = /("?access_token"?\s*[:=]\s*"?)[^\s"',;}]+/gi;
function maskSecrets(text) {
    return text
        .replace(JWT, '[masked JWT]')
        .replace(BEARER, '$1[masked]')
        .replace(ACCESS_TOKEN, '$1[masked]');
}
/** The last `limit` characters of `text`, masked, for error evidence. */
function maskedTail(text, limit = 600) {
    const masked = maskSecrets(text);
    return masked.length > limit ? `…${masked.slice(-limit)}` : masked;
}


/***/ }),

/***/ 9299:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.vmStateOf = vmStateOf;
exports.assertCanRunCommand = assertCanRunCommand;
exports.readVmState = readVmState;
/**
 * A VM's OS type and power state, read before run-command is spent (a run takes 30 s or more, and
 * a deallocated VM refuses it anyway). `az vm get-instance-view` gives both in one call.
 */
const workload_1 = __webpack_require__(8697);
const az_cli_1 = __webpack_require__(2528);
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
async function readVmState(az, resourceId, signal) {
    const vm = await (0, az_cli_1.azJson)(az, ['vm', 'get-instance-view', '--ids', resourceId], { doing: 'read the power state of the VM', resourceId }, signal);
    return vmStateOf(vm);
}


/***/ }),

/***/ 9809:
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

/***/ 974:
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
 * repository's own `vm-probes/` is three levels up from this file. The Linux probe is written as
 * pieces (`vm-probes/linux/src/`) that scripts/linux-probe.cjs assembles into `probe.sh` in both
 * places (the build and the tests write it), so both hold the one script run-command needs.
 */
const node_fs_1 = __webpack_require__(3024);
const path = __importStar(__webpack_require__(6760));
const workload_1 = __webpack_require__(8697);
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
        path.resolve(baseDir, '..', '..', '..', 'vm-probes', ...file)
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

/***/ 7301:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseRunCommandResult = parseRunCommandResult;
exports.splitLinuxMessage = splitLinuxMessage;
exports.readObservations = readObservations;
/**
 * Reads what `az vm run-command invoke` printed: the JSON result (Linux: one status whose message
 * holds `[stdout]` and `[stderr]`; Windows: one `ComponentStatus/StdOut/...` and one
 * `ComponentStatus/StdErr/...` entry), then the probe's `MI-SMOKE-OBS/1 {json}` line in stdout.
 * Anything unreadable is a `DispatchError` that shows the output's tail, masked.
 */
const observations_1 = __webpack_require__(7292);
const workload_1 = __webpack_require__(8697);
const mask_1 = __webpack_require__(2168);
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
/** The observations on the marker line of `stdout` (the last one, if noise repeats the marker). */
function readObservations(streams, nonce) {
    const lines = streams.stdout.split(/\r?\n/);
    const prefix = `${observations_1.OBSERVATIONS_MARKER} `;
    const line = [...lines].reverse().find(l => l.startsWith(prefix));
    const evidence = () => (0, mask_1.maskedTail)(`[stdout]\n${streams.stdout}\n[stderr]\n${streams.stderr}`.trimEnd());
    if (line === undefined) {
        // The line's start is gone but its end is there: the 4 KB cut took it, not a failed probe.
        const cutMarker = lines.some(l => l.includes(observations_1.OBSERVATIONS_MARKER)) ||
            /"apis":\[.*\]\}\s*$/m.test(streams.stdout);
        throw new workload_1.DispatchError(cutMarker
            ? `the probe's ${observations_1.OBSERVATIONS_MARKER} line was cut (run-command keeps only the last 4,096 bytes of output)`
            : `the probe printed no ${observations_1.OBSERVATIONS_MARKER} line`, 'Look at the output tail below: something on the VM printed too much after the probe, or the probe could not run (no /bin/sh, no PowerShell, a policy blocking scripts)', evidence());
    }
    // A probe never prints a token; masking before parsing keeps one out of the report if it did.
    const json = (0, mask_1.maskSecrets)(line.slice(prefix.length));
    let observations;
    try {
        observations = JSON.parse(json);
    }
    catch {
        throw new workload_1.DispatchError(`the probe's ${observations_1.OBSERVATIONS_MARKER} line is not complete JSON (cut or mangled on the way back)`, 'Run the probe again; if it repeats, reduce the number of checks or what else the VM prints', evidence());
    }
    if (typeof observations !== 'object' ||
        observations === null ||
        observations.v !== observations_1.OBSERVATIONS_VERSION ||
        !Array.isArray(observations.tokens) ||
        !Array.isArray(observations.apis)) {
        throw new workload_1.DispatchError(`the probe's answer is not ${observations_1.OBSERVATIONS_MARKER} observations`, 'Use the probe scripts shipped with this version of the action', evidence());
    }
    if (observations.nonce === '' && observations.source === 'none' && nonce !== '') {
        // The probe ran but could not read its request: it says why (no parameters, or ones it cannot
        // decode) instead of the request's nonce.
        const why = (0, mask_1.maskSecrets)(String(observations.sourceDetail ?? 'no reason given')).slice(0, 300);
        throw new workload_1.DispatchError(`the probe on the VM could not read its request: ${why}`, /missing/.test(why)
            ? "The VM's run-command agent handed the script no parameters (neither arguments nor arg1, arg2, ... environment variables): update the VM agent (walinuxagent / the Windows guest agent), then run again"
            : 'Use the probe scripts shipped with this version of the action; if it repeats, update the VM agent', evidence());
    }
    if (observations.nonce !== nonce) {
        const why = observations.sourceDetail ? ` (${(0, mask_1.maskSecrets)(observations.sourceDetail)})` : '';
        throw new workload_1.DispatchError(`the probe's answer does not belong to this run: nonce mismatch${why}`, 'Another run-command may have run at the same time; run again, and use the probe scripts shipped with this version of the action', evidence());
    }
    return observations;
}


/***/ }),

/***/ 7123:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_CONFLICT_RETRY = void 0;
exports.runCommandArgs = runCommandArgs;
exports.invokeRunCommand = invokeRunCommand;
const az_cli_1 = __webpack_require__(2528);
const az_errors_1 = __webpack_require__(7615);
const probe_parameters_1 = __webpack_require__(9809);
const run_command_output_1 = __webpack_require__(7301);
/** The az arguments (without `az`). Every value from the request is in the parameters, as data. */
function runCommandArgs(target, os, scriptPath, request) {
    const where = target.kind === 'vm'
        ? ['vm', 'run-command', 'invoke', '--ids', target.resourceId]
        : [
            'vmss',
            'run-command',
            'invoke',
            '--subscription',
            target.subscriptionId,
            '-g',
            target.resourceGroup,
            '-n',
            target.scaleSetName,
            '--instance-id',
            target.instanceId
        ];
    const parameters = os === 'windows' ? (0, probe_parameters_1.windowsProbeParameters)(request) : (0, probe_parameters_1.linuxProbeParameters)(request);
    return [
        ...where,
        '--command-id',
        os === 'windows' ? 'RunPowerShellScript' : 'RunShellScript',
        '--scripts',
        `@${scriptPath}`,
        '--parameters',
        ...parameters,
        '--only-show-errors',
        '-o',
        'json'
    ];
}
exports.DEFAULT_CONFLICT_RETRY = {
    deadlineMs: 120_000,
    firstDelayMs: 2_000,
    maxDelayMs: 15_000
};
function sleep(ms, signal) {
    return new Promise(resolve => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** Runs the probe through run-command and returns its streams. Rejects with a DispatchError. */
async function invokeRunCommand(az, target, os, scriptPath, request, signal, retry = exports.DEFAULT_CONFLICT_RETRY) {
    const args = runCommandArgs(target, os, scriptPath, request);
    const now = retry.now ?? Date.now;
    const wait = retry.sleep ?? sleep;
    const started = now();
    let delay = retry.firstDelayMs;
    for (let attempt = 1;; attempt++) {
        const result = await az(args, signal);
        if (result.exitCode === 0)
            return (0, run_command_output_1.parseRunCommandResult)(result.stdout);
        const context = { doing: 'run the probe with run-command', resourceId: target.resourceId };
        const busy = (0, az_errors_1.isRunCommandConflict)(result.stderr);
        if (!busy || signal?.aborted || now() - started + delay > retry.deadlineMs) {
            const error = await (0, az_cli_1.azFailure)(az, result, context, signal);
            if (busy) {
                const waited = Math.round((now() - started) / 1000);
                error.message = `${error.message} (${attempt} attempts over ${waited} s)`;
            }
            throw error;
        }
        await wait(delay, signal);
        delay = Math.min(delay * 2, retry.maxDelayMs);
    }
}


/***/ }),

/***/ 7195:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseScaleSetId = parseScaleSetId;
exports.scaleSetInstancesOf = scaleSetInstancesOf;
exports.listScaleSetInstances = listScaleSetInstances;
/**
 * Scale sets: `vmss:<id>` → one workload per instance, `vmss:<id>#<instanceId>` → that one.
 * `az vmss list-instances --expand instanceView` gives every instance's ID, OS and power state in
 * one call. Instances of a Flexible scale set are ordinary VMs (their IDs are
 * `.../virtualMachines/<name>`); they run `az vm run-command` by ID.
 */
const workload_1 = __webpack_require__(8697);
const az_cli_1 = __webpack_require__(2528);
const power_state_1 = __webpack_require__(9299);
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
async function listScaleSetInstances(az, resourceId, instanceId, signal) {
    const scaleSet = parseScaleSetId(resourceId);
    const documents = await (0, az_cli_1.azJson)(az, [
        'vmss',
        'list-instances',
        '--subscription',
        scaleSet.subscriptionId,
        '-g',
        scaleSet.resourceGroup,
        '-n',
        scaleSet.name,
        '--expand',
        'instanceView'
    ], {
        doing: 'list the instances of the scale set',
        resourceId,
        subscriptionId: scaleSet.subscriptionId
    }, signal);
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


/***/ })

};
;
//# sourceMappingURL=106.index.js.map