"use strict";
exports.id = 892;
exports.ids = [892];
exports.modules = {

/***/ 3927:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RECENT_MS = void 0;
exports.explainDenial = explainDenial;
const format_1 = __webpack_require__(6950);
const permissions_1 = __webpack_require__(984);
const setting_names_1 = __webpack_require__(7047);
exports.RECENT_MS = 30 * 60_000;
function explainDenial(facts, lookup, context) {
    const who = facts.principalId ?? '(unknown)';
    const where = facts.scope ?? '(unknown scope)';
    const action = facts.action;
    if (lookup.kind === 'no-permission') {
        return {
            note: `the runner's Azure login may not read role assignments at ${where} (Microsoft.Authorization/roleAssignments/read), so mi-smoke cannot tell a missing assignment from one still propagating`,
            remediation: `${context.remediation} (to have mi-smoke tell which, give the login azure/login uses a role with Microsoft.Authorization/roleAssignments/read on the scope, e.g. Reader)`
        };
    }
    if (lookup.kind === 'failed') {
        return {
            note: `the role assignments could not be read from Azure Resource Manager: ${lookup.detail}`,
            remediation: context.remediation
        };
    }
    const held = lookup.assignments;
    if (held.length === 0) {
        return {
            note: `Azure Resource Manager lists no role assignment of ${who} at or above ${where}`,
            remediation: `No role assignment exists yet: create it. ${context.remediation}`
        };
    }
    // Without the action (a cut error body) every assignment may be the one that grants it.
    const granting = action === undefined
        ? []
        : held.filter(a => a.permissions !== undefined && (0, permissions_1.grants)(a.permissions, action));
    const unknown = action === undefined ? held : held.filter(a => a.permissions === undefined);
    const newest = newestOf(granting.length > 0 ? granting : unknown);
    if (newest !== undefined && newest.createdMs !== undefined) {
        const age = context.nowMs - newest.createdMs;
        if (age >= 0 && age < exports.RECENT_MS) {
            const ago = (0, format_1.formatDuration)(Math.max(age, 1000));
            const wait = context.rbacWaitMs > 0
                ? `raise ${(0, setting_names_1.setting)('rbac-wait')} (it is ${(0, format_1.formatDuration)(context.rbacWaitMs)}; e.g. ${(0, setting_names_1.setting)('rbac-wait', '15m')})`
                : `set ${(0, setting_names_1.setting)('rbac-wait', '10m')} so the run polls until it is effective`;
            return {
                note: `${newest.role} was assigned at ${newest.scope} ${ago} ago${granting.length > 0 ? ` and grants ${action ?? 'the call'}` : ''}: not propagated yet`,
                remediation: `The assignment exists and has not propagated yet (role assignments take up to 10 minutes, sometimes 30): ${wait}, or run again in a few minutes`
            };
        }
    }
    if (granting.length > 0 && action !== undefined) {
        const first = granting[0];
        return {
            note: `${first.role} at ${first.scope} grants ${action}${first.createdMs !== undefined ? ` since ${new Date(first.createdMs).toISOString()}` : ''}, yet the call was refused`,
            remediation: `A role that grants ${action} is assigned to ${who}: check for a deny assignment or a condition on the assignment at ${where}, and that the workload's token is for this principal (oid ${who})`
        };
    }
    if (action !== undefined && unknown.length === 0) {
        const list = held
            .slice(0, 4)
            .map(a => `${a.role} at ${a.scope}`)
            .join(', ');
        return {
            note: `${who} holds ${list}${held.length > 4 ? ', ...' : ''}, none of which grants ${action}`,
            remediation: `The roles assigned do not grant ${action}: assign one that does, e.g. ${facts.role}. ${context.remediation}`
        };
    }
    return {
        note: `${who} holds ${held
            .slice(0, 4)
            .map(a => `${a.role} at ${a.scope}`)
            .join(', ')}${action === undefined ? ' (the refused action is not known, so whether they grant it is not either)' : ' (what they grant could not be read)'}`,
        remediation: context.remediation
    };
}
function newestOf(assignments) {
    return [...assignments].sort((a, b) => (b.createdMs ?? 0) - (a.createdMs ?? 0))[0];
}


/***/ }),

/***/ 5892:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.explainRbacDenials = explainRbacDenials;
const explain_denial_1 = __webpack_require__(3927);
const role_assignments_1 = __webpack_require__(8797);
async function explainRbacDenials(report, options) {
    const denied = report.steps.filter(step => step.step === 'api' &&
        step.failureMode === 'rbac-denied' &&
        step.rbac !== undefined &&
        step.rbac.model !== 'access-policy' &&
        step.rbac.service !== 'graph' &&
        (0, role_assignments_1.canLookUp)(step.rbac.principalId, step.rbac.scope));
    if (denied.length === 0)
        return report;
    const now = options.nowMs ?? Date.now;
    const steps = [];
    for (const step of report.steps) {
        if (!denied.includes(step) || step.rbac === undefined) {
            steps.push(step);
            continue;
        }
        try {
            const facts = step.rbac;
            const lookup = await (0, role_assignments_1.readAssignments)(options.arm, facts.principalId, facts.scope, options.signal);
            const explained = (0, explain_denial_1.explainDenial)(facts, lookup, {
                nowMs: now(),
                rbacWaitMs: options.rbacWaitMs,
                remediation: step.remediation ?? ''
            });
            steps.push({
                ...step,
                detail: `${step.detail}; ${explained.note}`,
                remediation: explained.remediation
            });
        }
        catch {
            steps.push(step);
        }
    }
    return { ...report, steps };
}


/***/ }),

/***/ 984:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.grants = grants;
function matches(pattern, action) {
    const parts = pattern.toLowerCase().split('*');
    const target = action.toLowerCase();
    if (parts.length === 1)
        return parts[0] === target;
    let at = 0;
    for (const [index, part] of parts.entries()) {
        if (index === 0) {
            if (!target.startsWith(part))
                return false;
            at = part.length;
            continue;
        }
        if (index === parts.length - 1)
            return target.length - at >= part.length && target.endsWith(part);
        const found = target.indexOf(part, at);
        if (found < 0)
            return false;
        at = found + part.length;
    }
    return true;
}
/**
 * Key Vault, Storage and the other data planes check data actions (their names end in
 * `/action` under a data path, e.g. `.../secrets/getSecret/action`, `.../blobs/read`); ARM checks
 * control-plane actions. Both lists are looked at: a control-plane role never lists a data action
 * and the other way round.
 */
function grants(permissions, action) {
    return permissions.some(p => ((p.actions ?? []).some(a => matches(a, action)) &&
        !(p.notActions ?? []).some(a => matches(a, action))) ||
        ((p.dataActions ?? []).some(a => matches(a, action)) &&
            !(p.notDataActions ?? []).some(a => matches(a, action))));
}


/***/ }),

/***/ 8797:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AUTHORIZATION_API_VERSION = void 0;
exports.canLookUp = canLookUp;
exports.readAssignments = readAssignments;
/**
 * Reads, over Azure Resource Manager's REST API with the run's own ARM client (the runner's CLI
 * login, the connection pool the VM targets use), the role assignments of a principal at and above
 * a scope and the permissions of each role they hold:
 *   GET {scope}/providers/Microsoft.Authorization/roleAssignments?$filter=principalId eq '{oid}'
 *       (at, above and below the scope; those below do not apply and are dropped)
 *   GET {roleDefinitionId}                  (roleName and permissions)
 * learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope and
 * role-definitions/get. What ARM answers is data from Azure: only the fields used are kept, each
 * checked for its shape.
 */
const guid_1 = __webpack_require__(6856);
/** api-version of Microsoft.Authorization's role assignments and definitions. */
exports.AUTHORIZATION_API_VERSION = '2022-04-01';
/** An ARM scope as the lookup reads it: a subscription and optionally a path of plain segments below it. */
const SCOPE = /^\/subscriptions\/[0-9a-f-]{36}(\/[\w.()-]+)*$/i;
/** At most this many roles get their definition read: a smoke test, not an audit. */
const MAX_DEFINITIONS = 5;
function canLookUp(principalId, scope) {
    return (principalId !== undefined && guid_1.GUID.test(principalId) && scope !== undefined && SCOPE.test(scope));
}
async function readAssignments(arm, principalId, scope, signal) {
    const filter = encodeURIComponent(`principalId eq '${principalId}'`);
    const listed = await arm(`${scope}/providers/Microsoft.Authorization/roleAssignments?$filter=${filter}&api-version=${exports.AUTHORIZATION_API_VERSION}`, signal);
    if (listed.status !== 200)
        return failure(listed);
    const rows = valueOf(listed.body);
    if (rows === undefined)
        return {
            kind: 'failed',
            detail: 'Azure Resource Manager answered something that is not a role assignment list'
        };
    const assignments = [];
    for (const row of rows) {
        const properties = (row['properties'] ?? {});
        const definitionId = text(properties['roleDefinitionId']);
        const at = text(properties['scope']);
        if (definitionId === undefined || at === undefined || !atOrAbove(at, scope))
            continue;
        const created = Date.parse(text(properties['createdOn']) ?? '');
        assignments.push({
            role: guidTail(definitionId) ?? definitionId,
            scope: at,
            definitionId,
            ...(Number.isNaN(created) ? {} : { createdMs: created })
        });
    }
    const definitionIds = [...new Set(assignments.map(a => a.definitionId))].slice(0, MAX_DEFINITIONS);
    const definitions = new Map();
    for (const id of definitionIds) {
        const definition = await readDefinition(arm, id, signal);
        if (definition !== undefined)
            definitions.set(id, definition);
    }
    return {
        kind: 'read',
        assignments: assignments.map(({ definitionId, ...assignment }) => {
            const definition = definitions.get(definitionId);
            return definition === undefined
                ? assignment
                : { ...assignment, role: definition.roleName, permissions: definition.permissions };
        })
    };
}
async function readDefinition(arm, definitionId, signal) {
    if (!/^\/[\w./()-]+$/.test(definitionId))
        return undefined;
    const out = await arm(`${definitionId}?api-version=${exports.AUTHORIZATION_API_VERSION}`, signal);
    if (out.status !== 200)
        return undefined;
    let properties;
    try {
        properties = (JSON.parse(out.body)['properties'] ?? {});
    }
    catch {
        return undefined;
    }
    const roleName = text(properties['roleName']);
    const permissions = properties['permissions'];
    if (roleName === undefined || !Array.isArray(permissions))
        return undefined;
    return {
        roleName,
        permissions: permissions.map(p => {
            const block = (p ?? {});
            return {
                actions: strings(block['actions']),
                notActions: strings(block['notActions']),
                dataActions: strings(block['dataActions']),
                notDataActions: strings(block['notDataActions'])
            };
        })
    };
}
function failure(out) {
    const said = out.body.replace(/\s+/g, ' ').trim().slice(0, 300);
    if (/AuthorizationFailed/i.test(said) && /roleAssignments\/read/i.test(said)) {
        return { kind: 'no-permission', detail: said };
    }
    return { kind: 'failed', detail: said || `Azure Resource Manager answered HTTP ${out.status}` };
}
/** `a` is `b` or an ancestor scope of it: an assignment there applies at `b`. */
function atOrAbove(a, b) {
    const x = a.toLowerCase().replace(/\/+$/, '');
    const y = b.toLowerCase().replace(/\/+$/, '');
    return x === '' || y === x || y.startsWith(`${x}/`);
}
function valueOf(body) {
    try {
        const value = JSON.parse(body)?.['value'];
        return Array.isArray(value)
            ? value.filter((v) => v !== null && typeof v === 'object')
            : undefined;
    }
    catch {
        return undefined;
    }
}
function text(value) {
    return typeof value === 'string' && value !== '' && value.length <= 1000 ? value : undefined;
}
function strings(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
function guidTail(id) {
    const tail = id?.split('/').pop();
    return tail !== undefined && guid_1.GUID.test(tail) ? tail : undefined;
}


/***/ })

};
;
//# sourceMappingURL=892.index.js.map