"use strict";
exports.id = 961;
exports.ids = [961];
exports.modules = {

/***/ 5961:
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
exports.planShards = planShards;
/**
 * Plan mode (input `plan-shards`): the reusable workflow's first job. The inputs are validated as
 * for a probe (a bad input fails here, before any shard is started), the target lines are split
 * (split-targets.ts), and output `shards` holds the matrix: a JSON array of
 * `{ "shard": n, "of": count, "targets": "<that shard's lines>" }`. Nothing is probed.
 */
const runner = __importStar(__webpack_require__(5242));
const format_1 = __webpack_require__(6950);
const split_targets_1 = __webpack_require__(6145);
function planShards(inputs, shards, sink = runner) {
    const plan = (0, split_targets_1.splitTargets)(inputs.targets, shards);
    const entries = plan.map(shard => ({
        shard: shard.index,
        of: shard.of,
        targets: (0, split_targets_1.shardTargetsInput)(shard)
    }));
    sink.info(`mi-smoke: ${inputs.targets.length} target line${inputs.targets.length === 1 ? '' : 's'} in ${plan.length} shard${plan.length === 1 ? '' : 's'}` +
        (plan.length < shards ? ` (${shards} asked for; a shard has at least one line)` : ''));
    for (const shard of plan)
        sink.info((0, format_1.oneLine)(`  ${describeShard(shard)}`));
    sink.setOutput('shards', JSON.stringify(entries));
    return entries;
}
function describeShard(shard) {
    const lines = shard.targets.map(target => target.line);
    const span = lines.length === 1 ? lines[0] : `${lines[0]} … ${lines[lines.length - 1]}`;
    return `shard ${shard.index} of ${shard.of}: ${lines.length} line${lines.length === 1 ? '' : 's'} (${span})`;
}


/***/ })

};
;
//# sourceMappingURL=961.index.js.map