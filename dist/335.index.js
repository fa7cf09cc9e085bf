"use strict";
exports.id = 335;
exports.ids = [335];
exports.modules = {

/***/ 4335:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.W = void 0;
exports.readShardReports = readShardReports;
/**
 * Finds each shard's report under the merge's directory, laid out as the reusable workflow leaves
 * it: each shard's artifact holds one directory `shard-<n>` with the one report file (`*.json`)
 * its action wrote, and the download step extracts every artifact into the merge's directory. (A
 * directory whose name ends in `-shard-<n>` counts too, so one artifact per sub-directory works.) Whatever is
 * missing, doubled, too large or invalid is recorded as the shard's problem, never thrown: the
 * merge turns it into failed targets.
 */
const node_fs_1 = __webpack_require__(3024);
const node_path_1 = __webpack_require__(6760);
const validate_report_1 = __webpack_require__(545);
/** Far above a shard's report (about 3 KB a target), far below what would exhaust the runner. */
exports.W = 64 * 1024 * 1024;
const SHARD_DIRECTORY = /(?:^|[-_.])shard-(\d{1,4})$/;
function readShardReports(dir, plan) {
    const found = new Map();
    let names;
    try {
        names = (0, node_fs_1.readdirSync)(dir, { withFileTypes: true })
            .filter(entry => entry.isDirectory())
            .map(entry => entry.name)
            .sort();
    }
    catch (error) {
        // Nothing downloaded (no shard uploaded a report): the download step leaves no directory.
        if (error.code === 'ENOENT')
            names = [];
        else {
            const problem = `the directory of downloaded reports cannot be read (${error.code ?? error.message})`;
            for (const shard of plan)
                found.set(shard.index, { ok: false, problem });
            return found;
        }
    }
    const byShard = new Map();
    for (const name of names) {
        const index = Number(SHARD_DIRECTORY.exec(name)?.[1] ?? NaN);
        if (Number.isInteger(index))
            byShard.set(index, [...(byShard.get(index) ?? []), name]);
    }
    for (const shard of plan) {
        const dirs = byShard.get(shard.index) ?? [];
        if (dirs.length === 0) {
            found.set(shard.index, { ok: false, problem: 'no report was downloaded for it' });
        }
        else if (dirs.length > 1) {
            found.set(shard.index, {
                ok: false,
                problem: `${dirs.length} artifacts claim it (${dirs.join(', ')})`
            });
        }
        else {
            found.set(shard.index, readOneSafely((0, node_path_1.join)(dir, dirs[0]), dirs[0]));
        }
    }
    return found;
}
function readOneSafely(dir, name) {
    try {
        return readOne(dir, name);
    }
    catch (error) {
        const reason = error.code ?? error.message;
        return { ok: false, problem: `its artifact ${name} cannot be read (${reason})` };
    }
}
function readOne(dir, name) {
    const files = (0, node_fs_1.readdirSync)(dir).filter(file => file.endsWith('.json'));
    if (files.length !== 1) {
        return {
            ok: false,
            problem: `its artifact ${name} holds ${files.length} report files instead of 1`
        };
    }
    const file = (0, node_path_1.join)(dir, files[0]);
    const shown = `${name}/${files[0]}`;
    const size = (0, node_fs_1.statSync)(file).size;
    if (size > exports.W) {
        return { ok: false, problem: `its report ${shown} is ${size} bytes, over ${exports.W}` };
    }
    try {
        return { ok: true, report: (0, validate_report_1.parseReport)((0, node_fs_1.readFileSync)(file, 'utf8')), file: shown };
    }
    catch (error) {
        if (!(error instanceof validate_report_1.InvalidReport))
            throw error;
        return { ok: false, problem: `its report ${shown} is not valid: ${error.message}` };
    }
}


/***/ }),

/***/ 545:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InvalidReport = void 0;
exports.parseReport = parseReport;
/**
 * The merge's reading of one shard's report file. The files come from this workflow's own jobs,
 * but through an artifact store and a download: they are read as untrusted JSON. A report is
 * accepted only when it is schema `mi-smoke/v1` and every field the summary, the outputs and the
 * gate read has its declared shape (verdicts and failure modes from their lists, durations finite
 * and not negative, texts of bounded length); otherwise the problem is named with its JSON path.
 *
 * Fields this version does not know are kept as they are (they are JSON, and a newer shard may add
 * report fields); nothing here reads them.
 */
const audience_value_1 = __webpack_require__(154);
const observations_1 = __webpack_require__(1132);
const report_1 = __webpack_require__(7193);
class InvalidReport extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidReport';
    }
}
exports.InvalidReport = InvalidReport;
const VERDICTS = ['pass', 'warn', 'fail'];
const STATUSES = ['pass', 'warn', 'fail', 'skip'];
const STEPS = ['dispatch', 'imds', 'token', 'api'];
const ENVIRONMENTS = [...observations_1.IDENTITY_SOURCES, 'unknown'];
/** Target lines and claims are short; details and remediations carry an API's message. */
const LINE_LIMIT = 4096;
const TEXT_LIMIT = 64 * 1024;
const CLAIM_TEXTS = ['aud', 'iss', 'tid', 'oid', 'appid', 'idtyp', 'xms_mirid', 'xms_az_rid'];
const CLAIM_TIMES = ['iat', 'nbf', 'exp'];
const STEP_TEXTS = ['remediation', 'audience', 'check'];
/** ISO 8601 as the action writes it (`toISOString`, or the probe's `Z` time). */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;
function fail(path, problem) {
    throw new InvalidReport(`${path} ${problem}`);
}
function object(value, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(path, 'is not a JSON object');
    return value;
}
function array(value, path) {
    if (!Array.isArray(value))
        fail(path, 'is not an array');
    return value;
}
function text(o, key, path, limit, required) {
    const value = o[key];
    if (value === undefined && !required)
        return;
    if (typeof value !== 'string')
        fail(`${path}.${key}`, 'is not a string');
    if (value.length > limit)
        fail(`${path}.${key}`, `is longer than ${limit} characters`);
}
/** A target line or a claim: one line, no control characters (it becomes an output or a title). */
function line(o, key, path, required) {
    text(o, key, path, LINE_LIMIT, required);
    const value = o[key];
    if (typeof value === 'string' && (0, audience_value_1.hasControlCharacter)(value))
        fail(`${path}.${key}`, 'holds a control character');
}
function oneOf(o, key, path, allowed, required) {
    const value = o[key];
    if (value === undefined && !required)
        return;
    if (typeof value !== 'string' || !allowed.includes(value))
        fail(`${path}.${key}`, `is not one of ${allowed.join(', ')}`);
}
function count(o, key, path, required) {
    const value = o[key];
    if (value === undefined && !required)
        return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        fail(`${path}.${key}`, 'is not a finite number of at least 0');
}
function claims(value, path) {
    const o = object(value, path);
    for (const key of CLAIM_TEXTS)
        line(o, key, path, false);
    for (const key of CLAIM_TIMES)
        count(o, key, path, false);
}
function step(value, path) {
    const o = object(value, path);
    oneOf(o, 'step', path, STEPS, true);
    oneOf(o, 'status', path, STATUSES, true);
    count(o, 'durationMs', path, true);
    text(o, 'detail', path, TEXT_LIMIT, true);
    oneOf(o, 'failureMode', path, report_1.FAILURE_MODES, false);
    for (const key of STEP_TEXTS)
        text(o, key, path, TEXT_LIMIT, false);
    if (o['claims'] !== undefined)
        claims(o['claims'], `${path}.claims`);
    line(o, 'expiresOn', path, false);
    if (typeof o['expiresOn'] === 'string' && !ISO_TIME.test(o['expiresOn']))
        fail(`${path}.expiresOn`, 'is not an ISO 8601 time');
    for (const key of ['httpStatus', 'attempts', 'rbacWaitMs'])
        count(o, key, path, false);
}
function sdk(value, path) {
    const o = object(value, path);
    line(o, 'credential', path, true);
    oneOf(o, 'status', path, STATUSES, true);
    text(o, 'detail', path, TEXT_LIMIT, true);
    line(o, 'clientIdSetting', path, false);
    text(o, 'remediation', path, TEXT_LIMIT, false);
    if (o['claims'] !== undefined)
        claims(o['claims'], `${path}.claims`);
}
function target(value, path) {
    const o = object(value, path);
    line(o, 'target', path, true);
    oneOf(o, 'environment', path, ENVIRONMENTS, true);
    oneOf(o, 'result', path, VERDICTS, true);
    oneOf(o, 'failedStep', path, STEPS, false);
    oneOf(o, 'failureMode', path, report_1.FAILURE_MODES, false);
    count(o, 'durationMs', path, true);
    array(o['steps'], `${path}.steps`).forEach((s, i) => step(s, `${path}.steps[${i}]`));
    line(o, 'probe', path, false);
    if (o['sdk'] !== undefined)
        array(o['sdk'], `${path}.sdk`).forEach((s, i) => sdk(s, `${path}.sdk[${i}]`));
}
/** Parses and validates one report file's text; throws InvalidReport naming the first problem. */
function parseReport(json) {
    let value;
    try {
        value = JSON.parse(json);
    }
    catch (error) {
        throw new InvalidReport(`is not JSON (${error.message})`);
    }
    const o = object(value, 'the report');
    if (o['schema'] !== report_1.REPORT_SCHEMA)
        fail('the report', `is not schema ${report_1.REPORT_SCHEMA}`);
    if (o['truncated'] === true)
        fail('the report', 'is a stub (truncated), not the report itself');
    oneOf(o, 'result', 'the report', VERDICTS, true);
    count(o, 'durationMs', 'the report', true);
    array(o['targets'], 'the report.targets').forEach((t, i) => target(t, `targets[${i}]`));
    return value;
}


/***/ })

};
;
//# sourceMappingURL=335.index.js.map