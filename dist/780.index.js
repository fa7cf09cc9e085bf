"use strict";
exports.id = 780;
exports.ids = [780];
exports.modules = {

/***/ 4780:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.mergeShardReports = mergeShardReports;
const fallback_report_1 = __webpack_require__(6042);
const build_report_1 = __webpack_require__(2548);
const verdict_order_1 = __webpack_require__(825);
function mergeShardReports(plan, found) {
    const targets = [];
    const unreported = [];
    const notes = [];
    let wallMs = 0;
    for (const shard of plan) {
        const name = `shard ${shard.index} of ${shard.of}`;
        const entry = found.get(shard.index) ?? { ok: false, problem: 'no report was downloaded' };
        const problem = entry.ok ? mismatch(entry.report, shard) : entry.problem;
        if (entry.ok && problem === undefined) {
            targets.push(...entry.report.targets);
            wallMs = Math.max(wallMs, entry.report.durationMs);
            notes.push(`${name}: ${entry.report.result}, ${entry.report.targets.length} target${entry.report.targets.length === 1 ? '' : 's'} in ${entry.report.durationMs} ms (${entry.file})`);
            continue;
        }
        const missing = shard.targets.map(target => unreportedTarget(target, name, problem ?? ''));
        targets.push(...missing);
        unreported.push(...missing);
        notes.push(`${name}: no usable report: ${problem}`);
    }
    return { report: (0, build_report_1.buildReport)(targets, wallMs), unreported, notes };
}
function unreportedTarget(target, shard, problem) {
    return (0, fallback_report_1.fallbackReport)(target.line, `Not probed: ${shard} left no usable report (${problem}).`, `Open the job of ${shard} in this run: it failed, timed out or was cancelled before mi-smoke ` +
        'wrote its report, or the report was not uploaded. Re-run the failed jobs: the merge runs again with them.');
}
/**
 * Why a valid report is not this shard's: every target must come from one of the shard's lines (a
 * whole scale set's instances are `vmss:<id>#<instance>`), every line must have a target, and its
 * verdict must be the worst of its targets'. Catches an artifact of another run or another caller.
 */
function mismatch(report, shard) {
    const covered = new Set();
    for (const reported of report.targets) {
        const line = shard.targets.find(target => comesFrom(reported.target, target));
        if (!line)
            return `its target ${JSON.stringify(reported.target)} is not one of the shard's lines`;
        covered.add(line);
    }
    const left = shard.targets.find(target => !covered.has(target));
    if (left)
        return `it has no result for ${JSON.stringify(left.line)}`;
    if (report.result !== (0, verdict_order_1.worstVerdict)(report.targets.map(t => t.result)))
        return `its result ${report.result} is not the worst of its targets'`;
    return undefined;
}
function comesFrom(reported, target) {
    if (reported === target.line)
        return true;
    return (target.kind === 'vmss' &&
        target.instanceId === undefined &&
        reported.startsWith(`vmss:${target.resourceId}#`) &&
        /^\d+$/.test(reported.slice(`vmss:${target.resourceId}#`.length)));
}


/***/ })

};
;
//# sourceMappingURL=780.index.js.map