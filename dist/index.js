require('./sourcemap-register.js');/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 4914:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.issue = exports.issueCommand = void 0;
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(302);
/**
 * Commands
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * Examples:
 *   ::warning::This is the message
 *   ::set-env name=MY_VAR::some value
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
exports.issueCommand = issueCommand;
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
exports.issue = issue;
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0, utils_1.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 7484:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.platform = exports.toPlatformPath = exports.toWin32Path = exports.toPosixPath = exports.markdownSummary = exports.summary = exports.getIDToken = exports.getState = exports.saveState = exports.group = exports.endGroup = exports.startGroup = exports.info = exports.notice = exports.warning = exports.error = exports.debug = exports.isDebug = exports.setFailed = exports.setCommandEcho = exports.setOutput = exports.getBooleanInput = exports.getMultilineInput = exports.getInput = exports.addPath = exports.setSecret = exports.exportVariable = exports.ExitCode = void 0;
const command_1 = __nccwpck_require__(4914);
const file_command_1 = __nccwpck_require__(4753);
const utils_1 = __nccwpck_require__(302);
const os = __importStar(__nccwpck_require__(857));
const path = __importStar(__nccwpck_require__(6928));
const oidc_utils_1 = __nccwpck_require__(5306);
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (exports.ExitCode = ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = (0, utils_1.toCommandValue)(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return (0, file_command_1.issueFileCommand)('ENV', (0, file_command_1.prepareKeyValueMessage)(name, val));
    }
    (0, command_1.issueCommand)('set-env', { name }, convertedVal);
}
exports.exportVariable = exportVariable;
/**
 * Registers a secret which will get masked from logs
 * @param secret value of the secret
 */
function setSecret(secret) {
    (0, command_1.issueCommand)('add-mask', {}, secret);
}
exports.setSecret = setSecret;
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        (0, file_command_1.issueFileCommand)('PATH', inputPath);
    }
    else {
        (0, command_1.issueCommand)('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
exports.addPath = addPath;
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
exports.getInput = getInput;
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
exports.getMultilineInput = getMultilineInput;
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
exports.getBooleanInput = getBooleanInput;
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return (0, file_command_1.issueFileCommand)('OUTPUT', (0, file_command_1.prepareKeyValueMessage)(name, value));
    }
    process.stdout.write(os.EOL);
    (0, command_1.issueCommand)('set-output', { name }, (0, utils_1.toCommandValue)(value));
}
exports.setOutput = setOutput;
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    (0, command_1.issue)('echo', enabled ? 'on' : 'off');
}
exports.setCommandEcho = setCommandEcho;
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
exports.setFailed = setFailed;
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
exports.isDebug = isDebug;
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    (0, command_1.issueCommand)('debug', {}, message);
}
exports.debug = debug;
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    (0, command_1.issueCommand)('error', (0, utils_1.toCommandProperties)(properties), message instanceof Error ? message.toString() : message);
}
exports.error = error;
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    (0, command_1.issueCommand)('warning', (0, utils_1.toCommandProperties)(properties), message instanceof Error ? message.toString() : message);
}
exports.warning = warning;
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    (0, command_1.issueCommand)('notice', (0, utils_1.toCommandProperties)(properties), message instanceof Error ? message.toString() : message);
}
exports.notice = notice;
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
exports.info = info;
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    (0, command_1.issue)('group', name);
}
exports.startGroup = startGroup;
/**
 * End an output group.
 */
function endGroup() {
    (0, command_1.issue)('endgroup');
}
exports.endGroup = endGroup;
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
exports.group = group;
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return (0, file_command_1.issueFileCommand)('STATE', (0, file_command_1.prepareKeyValueMessage)(name, value));
    }
    (0, command_1.issueCommand)('save-state', { name }, (0, utils_1.toCommandValue)(value));
}
exports.saveState = saveState;
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
exports.getState = getState;
function getIDToken(aud) {
    return __awaiter(this, void 0, void 0, function* () {
        return yield oidc_utils_1.OidcClient.getIDToken(aud);
    });
}
exports.getIDToken = getIDToken;
/**
 * Summary exports
 */
var summary_1 = __nccwpck_require__(1847);
Object.defineProperty(exports, "summary", ({ enumerable: true, get: function () { return summary_1.summary; } }));
/**
 * @deprecated use core.summary
 */
var summary_2 = __nccwpck_require__(1847);
Object.defineProperty(exports, "markdownSummary", ({ enumerable: true, get: function () { return summary_2.markdownSummary; } }));
/**
 * Path exports
 */
var path_utils_1 = __nccwpck_require__(1976);
Object.defineProperty(exports, "toPosixPath", ({ enumerable: true, get: function () { return path_utils_1.toPosixPath; } }));
Object.defineProperty(exports, "toWin32Path", ({ enumerable: true, get: function () { return path_utils_1.toWin32Path; } }));
Object.defineProperty(exports, "toPlatformPath", ({ enumerable: true, get: function () { return path_utils_1.toPlatformPath; } }));
/**
 * Platform utilities exports
 */
exports.platform = __importStar(__nccwpck_require__(8968));
//# sourceMappingURL=core.js.map

/***/ }),

/***/ 4753:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

// For internal use, subject to change.
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
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.prepareKeyValueMessage = exports.issueFileCommand = void 0;
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
const crypto = __importStar(__nccwpck_require__(6982));
const fs = __importStar(__nccwpck_require__(9896));
const os = __importStar(__nccwpck_require__(857));
const utils_1 = __nccwpck_require__(302);
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${(0, utils_1.toCommandValue)(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
exports.issueFileCommand = issueFileCommand;
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = (0, utils_1.toCommandValue)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
exports.prepareKeyValueMessage = prepareKeyValueMessage;
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 5306:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OidcClient = void 0;
const http_client_1 = __nccwpck_require__(4844);
const auth_1 = __nccwpck_require__(4552);
const core_1 = __nccwpck_require__(7484);
class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new http_client_1.HttpClient('actions/oidc-client', [new auth_1.BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        var _a;
        return __awaiter(this, void 0, void 0, function* () {
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                (0, core_1.debug)(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                (0, core_1.setSecret)(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
exports.OidcClient = OidcClient;
//# sourceMappingURL=oidc-utils.js.map

/***/ }),

/***/ 1976:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.toPlatformPath = exports.toWin32Path = exports.toPosixPath = void 0;
const path = __importStar(__nccwpck_require__(6928));
/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
exports.toPosixPath = toPosixPath;
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
exports.toWin32Path = toWin32Path;
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
exports.toPlatformPath = toPlatformPath;
//# sourceMappingURL=path-utils.js.map

/***/ }),

/***/ 8968:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getDetails = exports.isLinux = exports.isMacOS = exports.isWindows = exports.arch = exports.platform = void 0;
const os_1 = __importDefault(__nccwpck_require__(857));
const exec = __importStar(__nccwpck_require__(5236));
const getWindowsInfo = () => __awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => __awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => __awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
exports.platform = os_1.default.platform();
exports.arch = os_1.default.arch();
exports.isWindows = exports.platform === 'win32';
exports.isMacOS = exports.platform === 'darwin';
exports.isLinux = exports.platform === 'linux';
function getDetails() {
    return __awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (exports.isWindows
            ? getWindowsInfo()
            : exports.isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform: exports.platform,
            arch: exports.arch,
            isWindows: exports.isWindows,
            isMacOS: exports.isMacOS,
            isLinux: exports.isLinux });
    });
}
exports.getDetails = getDetails;
//# sourceMappingURL=platform.js.map

/***/ }),

/***/ 1847:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.summary = exports.markdownSummary = exports.SUMMARY_DOCS_URL = exports.SUMMARY_ENV_VAR = void 0;
const os_1 = __nccwpck_require__(857);
const fs_1 = __nccwpck_require__(9896);
const { access, appendFile, writeFile } = fs_1.promises;
exports.SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
exports.SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[exports.SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${exports.SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs_1.constants.R_OK | fs_1.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os_1.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
exports.markdownSummary = _summary;
exports.summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 302:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.toCommandProperties = exports.toCommandValue = void 0;
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
exports.toCommandValue = toCommandValue;
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
exports.toCommandProperties = toCommandProperties;
//# sourceMappingURL=utils.js.map

/***/ }),

/***/ 5236:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getExecOutput = exports.exec = void 0;
const string_decoder_1 = __nccwpck_require__(3193);
const tr = __importStar(__nccwpck_require__(6665));
/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return __awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
exports.exec = exec;
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    var _a, _b;
    return __awaiter(this, void 0, void 0, function* () {
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new string_decoder_1.StringDecoder('utf8');
        const stderrDecoder = new string_decoder_1.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
exports.getExecOutput = getExecOutput;
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 6665:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.argStringToArray = exports.ToolRunner = void 0;
const os = __importStar(__nccwpck_require__(857));
const events = __importStar(__nccwpck_require__(4434));
const child = __importStar(__nccwpck_require__(5317));
const path = __importStar(__nccwpck_require__(6928));
const io = __importStar(__nccwpck_require__(4994));
const ioUtil = __importStar(__nccwpck_require__(5207));
const timers_1 = __nccwpck_require__(3557);
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os.EOL.length);
                n = s.indexOf(os.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse
            .split('')
            .reverse()
            .join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse
            .split('')
            .reverse()
            .join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!ioUtil.isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io.which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield ioUtil.exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
exports.ToolRunner = ToolRunner;
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
exports.argStringToArray = argStringToArray;
class ExecState extends events.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = timers_1.setTimeout(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay /
                1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map

/***/ }),

/***/ 4552:
/***/ (function(__unused_webpack_module, exports) {

"use strict";

var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PersonalAccessTokenCredentialHandler = exports.BearerCredentialHandler = exports.BasicCredentialHandler = void 0;
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
exports.BasicCredentialHandler = BasicCredentialHandler;
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
exports.BearerCredentialHandler = BearerCredentialHandler;
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
exports.PersonalAccessTokenCredentialHandler = PersonalAccessTokenCredentialHandler;
//# sourceMappingURL=auth.js.map

/***/ }),

/***/ 4844:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

/* eslint-disable @typescript-eslint/no-explicit-any */
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HttpClient = exports.isHttps = exports.HttpClientResponse = exports.HttpClientError = exports.getProxyUrl = exports.MediaTypes = exports.Headers = exports.HttpCodes = void 0;
const http = __importStar(__nccwpck_require__(8611));
const https = __importStar(__nccwpck_require__(5692));
const pm = __importStar(__nccwpck_require__(4988));
const tunnel = __importStar(__nccwpck_require__(770));
var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes = exports.HttpCodes || (exports.HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers = exports.Headers || (exports.Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes = exports.MediaTypes || (exports.MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
exports.getProxyUrl = getProxyUrl;
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
exports.HttpClientError = HttpClientError;
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
exports.HttpClientResponse = HttpClientResponse;
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
exports.isHttps = isHttps;
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = userAgent;
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl, additionalHeaders = {}) {
        return __awaiter(this, void 0, void 0, function* () {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl, obj, additionalHeaders = {}) {
        return __awaiter(this, void 0, void 0, function* () {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.ContentType, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl, obj, additionalHeaders = {}) {
        return __awaiter(this, void 0, void 0, function* () {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.ContentType, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl, obj, additionalHeaders = {}) {
        return __awaiter(this, void 0, void 0, function* () {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.ContentType, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? https : http;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            clientHeader = lowercaseKeys(this.requestOptions.headers)[header];
        }
        return additionalHeaders[header] || clientHeader || _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (this._keepAlive && !useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if reusing agent across request and tunneling agent isn't assigned create a new agent
        if (this._keepAlive && !agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
            this._agent = agent;
        }
        // if not using private agent and tunnel agent isn't setup then use global agent
        if (!agent) {
            agent = usingSsl ? https.globalAgent : http.globalAgent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
exports.HttpClient = HttpClient;
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 4988:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkBypass = exports.getProxyUrl = void 0;
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new URL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new URL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
exports.getProxyUrl = getProxyUrl;
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
exports.checkBypass = checkBypass;
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
//# sourceMappingURL=proxy.js.map

/***/ }),

/***/ 5207:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var _a;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getCmdPath = exports.tryGetExecutablePath = exports.isRooted = exports.isDirectory = exports.exists = exports.READONLY = exports.UV_FS_O_EXLOCK = exports.IS_WINDOWS = exports.unlink = exports.symlink = exports.stat = exports.rmdir = exports.rm = exports.rename = exports.readlink = exports.readdir = exports.open = exports.mkdir = exports.lstat = exports.copyFile = exports.chmod = void 0;
const fs = __importStar(__nccwpck_require__(9896));
const path = __importStar(__nccwpck_require__(6928));
_a = fs.promises
// export const {open} = 'fs'
, exports.chmod = _a.chmod, exports.copyFile = _a.copyFile, exports.lstat = _a.lstat, exports.mkdir = _a.mkdir, exports.open = _a.open, exports.readdir = _a.readdir, exports.readlink = _a.readlink, exports.rename = _a.rename, exports.rm = _a.rm, exports.rmdir = _a.rmdir, exports.stat = _a.stat, exports.symlink = _a.symlink, exports.unlink = _a.unlink;
// export const {open} = 'fs'
exports.IS_WINDOWS = process.platform === 'win32';
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
exports.UV_FS_O_EXLOCK = 0x10000000;
exports.READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield exports.stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
exports.exists = exists;
function isDirectory(fsPath, useStat = false) {
    return __awaiter(this, void 0, void 0, function* () {
        const stats = useStat ? yield exports.stat(fsPath) : yield exports.lstat(fsPath);
        return stats.isDirectory();
    });
}
exports.isDirectory = isDirectory;
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (exports.IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
exports.isRooted = isRooted;
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield exports.stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (exports.IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield exports.stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (exports.IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path.dirname(filePath);
                        const upperName = path.basename(filePath).toUpperCase();
                        for (const actualName of yield exports.readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
exports.tryGetExecutablePath = tryGetExecutablePath;
function normalizeSeparators(p) {
    p = p || '';
    if (exports.IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 && stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 && stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
exports.getCmdPath = getCmdPath;
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 4994:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    Object.defineProperty(o, k2, { enumerable: true, get: function() { return m[k]; } });
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.findInPath = exports.which = exports.mkdirP = exports.rmRF = exports.mv = exports.cp = void 0;
const assert_1 = __nccwpck_require__(2613);
const path = __importStar(__nccwpck_require__(6928));
const ioUtil = __importStar(__nccwpck_require__(5207));
/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source, dest, options = {}) {
    return __awaiter(this, void 0, void 0, function* () {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
exports.cp = cp;
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source, dest, options = {}) {
    return __awaiter(this, void 0, void 0, function* () {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
exports.mv = mv;
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
exports.rmRF = rmRF;
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        assert_1.ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
exports.mkdirP = mkdirP;
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (ioUtil.IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
exports.which = which;
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (ioUtil.IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (ioUtil.isRooted(tool)) {
            const filePath = yield ioUtil.tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield ioUtil.tryGetExecutablePath(path.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
exports.findInPath = findInPath;
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ }),

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 4244:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * Which audience (the `resource` a managed identity token is requested for) each Azure service
 * expects, by the host a check calls, in each Azure cloud.
 *
 * It serves two purposes: a check without `resource=` gets its audience from here, and a check with
 * an explicit `resource=` that the host would refuse is reported as `wrong-audience` before any call
 * is made (the API's own 401 confirms it later).
 *
 * `accepted` lists every audience the service is known to take, spelled out: ARM takes four forms
 * (its own host and the classic `management.core.*` one, each with or without a trailing slash),
 * Key Vault takes exactly `https://vault.azure.net` (with a trailing slash it answers 401 AKV10022),
 * Cosmos DB wants no trailing slash. Where a service is tolerant both spellings are listed. Where
 * a service also takes the URL of the account itself (Storage, Service Bus, Data Explorer...),
 * that URL is listed too. When in doubt an entry is lenient: a false pre-flight warning costs users
 * more than a missed one, which the API's 401 still reports.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.serviceForHost = serviceForHost;
exports.audienceAccepted = audienceAccepted;
exports.cloudOfEnvironment = cloudOfEnvironment;
exports.cloudInfo = cloudInfo;
exports.serviceForUrl = serviceForUrl;
/** Stands for `https://<the host itself>` in the rows below (account-, vault- or cluster-specific URLs). */
const HOST_URL = '<host-url>';
function arm(cloud, host, classicHost) {
    return {
        service: 'Azure Resource Manager',
        cloud,
        hosts: [host],
        audience: `https://${host}/`,
        exact: [],
        eitherSlash: [`https://${host}`, `https://${classicHost}`]
    };
}
function keyVault(cloud, suffix) {
    return {
        service: 'Key Vault',
        cloud,
        suffixes: [suffix],
        audience: `https://${suffix}`,
        exact: [`https://${suffix}`]
    };
}
function managedHsm(cloud, suffix) {
    return {
        service: 'Key Vault Managed HSM',
        cloud,
        suffixes: [suffix],
        audience: `https://${suffix}`,
        exact: [`https://${suffix}`]
    };
}
function storage(cloud, core) {
    return {
        service: 'Azure Storage',
        cloud,
        suffixes: ['blob', 'queue', 'table', 'file', 'dfs'].map(kind => `${kind}.${core}`),
        audience: 'https://storage.azure.com/',
        exact: [],
        eitherSlash: ['https://storage.azure.com', HOST_URL]
    };
}
function sql(cloud, suffix) {
    return {
        service: 'Azure SQL Database',
        cloud,
        suffixes: [suffix],
        audience: `https://${suffix}/`,
        exact: [],
        eitherSlash: [`https://${suffix}`]
    };
}
function serviceBus(cloud, suffix) {
    // Service Bus and Event Hubs share namespace hosts; a namespace takes either service's audience
    // and its own URL.
    return {
        service: 'Service Bus / Event Hubs',
        cloud,
        suffixes: [suffix],
        audience: 'https://servicebus.azure.net',
        exact: [],
        eitherSlash: ['https://servicebus.azure.net', 'https://eventhubs.azure.net', HOST_URL]
    };
}
function cosmos(cloud, suffix, generic) {
    // The SDKs ask for `<account endpoint>/.default`; Cosmos DB RBAC wants no trailing slash.
    return {
        service: 'Azure Cosmos DB',
        cloud,
        suffixes: [suffix],
        audience: HOST_URL,
        exact: generic === undefined ? [HOST_URL] : [HOST_URL, generic]
    };
}
function appConfiguration(cloud, suffix, audience) {
    // The SDKs' KnownAppConfigAudience; older stores also take their own endpoint.
    return {
        service: 'Azure App Configuration',
        cloud,
        suffixes: [suffix],
        audience,
        exact: [],
        eitherSlash: [audience, HOST_URL]
    };
}
function cognitive(cloud, suffixes, audience) {
    return {
        service: 'Azure AI services / Azure OpenAI',
        cloud,
        suffixes,
        audience,
        exact: [],
        eitherSlash: [audience]
    };
}
function graph(cloud, host) {
    return {
        service: 'Microsoft Graph',
        cloud,
        hosts: [host],
        audience: `https://${host}`,
        exact: [],
        eitherSlash: [`https://${host}`]
    };
}
function logAnalytics(cloud, hosts, audience) {
    return {
        service: 'Log Analytics',
        cloud,
        hosts,
        audience,
        exact: [],
        eitherSlash: [audience]
    };
}
function dataExplorer(cloud, suffix) {
    // A cluster takes its own URL, and the generic `https://kusto.<suffix>` audience.
    return {
        service: 'Azure Data Explorer',
        cloud,
        suffixes: [suffix],
        audience: HOST_URL,
        exact: [],
        eitherSlash: [HOST_URL, `https://kusto.${suffix}`]
    };
}
function containerRegistry(cloud, suffix, audience, armHost) {
    // The Entra token a registry exchanges (`/oauth2/exchange`) is for the registry audience or,
    // for registries that allow it (`azureADAuthenticationAsArmPolicy`), for ARM.
    return {
        service: 'Azure Container Registry',
        cloud,
        suffixes: [suffix],
        audience,
        exact: [],
        eitherSlash: [audience, `https://${armHost}`]
    };
}
const ROWS = [
    arm('public', 'management.azure.com', 'management.core.windows.net'),
    arm('usgov', 'management.usgovcloudapi.net', 'management.core.usgovcloudapi.net'),
    arm('china', 'management.chinacloudapi.cn', 'management.core.chinacloudapi.cn'),
    keyVault('public', 'vault.azure.net'),
    keyVault('usgov', 'vault.usgovcloudapi.net'),
    keyVault('china', 'vault.azure.cn'),
    managedHsm('public', 'managedhsm.azure.net'),
    managedHsm('usgov', 'managedhsm.usgovcloudapi.net'),
    managedHsm('china', 'managedhsm.azure.cn'),
    storage('public', 'core.windows.net'),
    storage('usgov', 'core.usgovcloudapi.net'),
    storage('china', 'core.chinacloudapi.cn'),
    graph('public', 'graph.microsoft.com'),
    graph('usgov', 'graph.microsoft.us'),
    graph('usgov', 'dod-graph.microsoft.us'),
    graph('china', 'microsoftgraph.chinacloudapi.cn'),
    sql('public', 'database.windows.net'),
    sql('usgov', 'database.usgovcloudapi.net'),
    sql('china', 'database.chinacloudapi.cn'),
    {
        ...sql('public', 'database.windows.net'),
        service: 'Azure Synapse SQL',
        suffixes: ['sql.azuresynapse.net']
    },
    serviceBus('public', 'servicebus.windows.net'),
    serviceBus('usgov', 'servicebus.usgovcloudapi.net'),
    serviceBus('china', 'servicebus.chinacloudapi.cn'),
    cosmos('public', 'documents.azure.com', 'https://cosmos.azure.com'),
    cosmos('usgov', 'documents.azure.us'),
    cosmos('china', 'documents.azure.cn'),
    appConfiguration('public', 'azconfig.io', 'https://appconfig.azure.com'),
    appConfiguration('usgov', 'azconfig.azure.us', 'https://appconfig.azure.us'),
    appConfiguration('china', 'azconfig.azure.cn', 'https://appconfig.azure.cn'),
    containerRegistry('public', 'azurecr.io', 'https://containerregistry.azure.net', 'management.azure.com'),
    containerRegistry('usgov', 'azurecr.us', 'https://management.usgovcloudapi.net', 'management.usgovcloudapi.net'),
    containerRegistry('china', 'azurecr.cn', 'https://management.chinacloudapi.cn', 'management.chinacloudapi.cn'),
    cognitive('public', ['openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'], 'https://cognitiveservices.azure.com'),
    cognitive('usgov', ['openai.azure.us', 'cognitiveservices.azure.us'], 'https://cognitiveservices.azure.us'),
    cognitive('china', ['openai.azure.cn', 'cognitiveservices.azure.cn'], 'https://cognitiveservices.azure.cn'),
    logAnalytics('public', ['api.loganalytics.io', 'api.loganalytics.azure.com'], 'https://api.loganalytics.io'),
    logAnalytics('usgov', ['api.loganalytics.us'], 'https://api.loganalytics.us'),
    logAnalytics('china', ['api.loganalytics.azure.cn'], 'https://api.loganalytics.azure.cn'),
    dataExplorer('public', 'kusto.windows.net'),
    dataExplorer('usgov', 'kusto.usgovcloudapi.net'),
    dataExplorer('china', 'kusto.chinacloudapi.cn')
];
/** `Example.COM.` → `example.com`; `[::1]` stays as it is (never in the table anyway). */
function normaliseHost(host) {
    const lower = host.trim().toLowerCase();
    return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
function rowMatches(row, host) {
    if (row.hosts?.includes(host))
        return true;
    // A suffix needs at least one label in front of it: `vault.azure.net` itself is no vault.
    return row.suffixes?.some(suffix => host.endsWith(`.${suffix}`)) ?? false;
}
function withoutTrailingSlash(url) {
    return url.endsWith('/') ? url.slice(0, -1) : url;
}
/**
 * The table's entry for the host a check calls, e.g. `myvault.vault.azure.net` → Key Vault in the
 * public cloud, audience `https://vault.azure.net`. Undefined for hosts not in the table.
 */
function serviceForHost(host) {
    const normalised = normaliseHost(host);
    const row = ROWS.find(candidate => rowMatches(candidate, normalised));
    if (row === undefined)
        return undefined;
    const hostUrl = `https://${normalised}`;
    const expand = (audience) => (audience === HOST_URL ? hostUrl : audience);
    const accepted = [];
    const add = (audience) => {
        if (!accepted.includes(audience))
            accepted.push(audience);
    };
    for (const audience of row.exact)
        add(expand(audience));
    for (const audience of row.eitherSlash ?? []) {
        const bare = withoutTrailingSlash(expand(audience));
        add(`${bare}/`);
        add(bare);
    }
    const audience = expand(row.audience);
    add(audience);
    return { service: row.service, cloud: row.cloud, audience, accepted };
}
/**
 * Lower-cases the scheme and host of an audience URL (token audiences compare them without case),
 * leaving the path as written. Non-URL audiences (`api://...`) are only lower-cased up to the path.
 */
function normaliseAudience(resource) {
    const trimmed = resource.trim();
    const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is.exec(trimmed);
    if (match === null)
        return trimmed;
    return match[1].toLowerCase() + match[2];
}
/**
 * Whether a token for `resource` would be accepted by the service of `entry`: the same test the
 * service applies to the token's `aud` (a v1 managed identity token carries the resource exactly as
 * requested, trailing slash included).
 */
function audienceAccepted(resource, entry) {
    const wanted = normaliseAudience(resource);
    return entry.accepted.some(audience => normaliseAudience(audience) === wanted);
}
const CLOUDS = {
    public: {
        cloud: 'public',
        armHost: 'management.azure.com',
        armAudience: 'https://management.azure.com/'
    },
    usgov: {
        cloud: 'usgov',
        armHost: 'management.usgovcloudapi.net',
        armAudience: 'https://management.usgovcloudapi.net/'
    },
    china: {
        cloud: 'china',
        armHost: 'management.chinacloudapi.cn',
        armAudience: 'https://management.chinacloudapi.cn/'
    }
};
/** IMDS `compute.azEnvironment` values, plus the names `az cloud list` uses for the same clouds. */
const ENVIRONMENT_NAMES = new Map([
    ['azurepubliccloud', 'public'],
    ['azurecloud', 'public'],
    ['azureusgovernmentcloud', 'usgov'],
    ['azureusgovernment', 'usgov'],
    ['azurechinacloud', 'china']
]);
/**
 * The cloud a workload runs in, from IMDS `compute.azEnvironment` (`AzurePublicCloud`,
 * `AzureUSGovernmentCloud`, `AzureChinaCloud`; case-insensitive). Undefined for clouds this table
 * does not know (Azure Stack, the retired German cloud) or an empty value.
 */
function cloudOfEnvironment(azEnvironment) {
    const cloud = ENVIRONMENT_NAMES.get(azEnvironment.trim().toLowerCase());
    return cloud === undefined ? undefined : CLOUDS[cloud];
}
/** The cloud an entry of the table belongs to, with its ARM host. */
function cloudInfo(cloud) {
    return CLOUDS[cloud];
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


/***/ }),

/***/ 6918:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

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

/***/ 1365:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * Azure resource IDs, read the way ARM reads them: segment by segment, keywords without case.
 * Used to tell a user which kind of resource they pasted when it is not the kind an input wants
 * (a VM's ID where a user-assigned identity belongs, a scale set's ID after `vm:`...).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.GUID = void 0;
exports.parseResourceId = parseResourceId;
exports.resourceType = resourceType;
exports.isResourceType = isResourceType;
exports.GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Resource group names: letters, digits, `_ - . ( )`, up to 90, not ending in a period. */
const RESOURCE_GROUP = /^[-\w.()\p{L}\p{N}]{1,90}$/u;
/** Names of resources in the types this project handles: letters, digits, `_ - .`, up to 128. */
const RESOURCE_NAME = /^[-\w.]{1,128}$/;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const TYPE = /^[A-Za-z][A-Za-z0-9]*$/;
/**
 * Parses `/subscriptions/<guid>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<type>/<name>...]`.
 * Keywords are matched without case, as ARM does.
 */
function parseResourceId(text) {
    if (!text.startsWith('/')) {
        return { ok: false, problem: 'a resource ID starts with /subscriptions/' };
    }
    if (text.endsWith('/')) {
        return { ok: false, problem: 'a resource ID does not end with a slash' };
    }
    const segments = text.split('/').slice(1);
    if (segments.some(segment => segment === '')) {
        return { ok: false, problem: 'a resource ID has no empty segments (//)' };
    }
    const [subscriptions, subscriptionId, resourceGroups, resourceGroup, providers, namespace] = segments;
    if (subscriptions?.toLowerCase() !== 'subscriptions' || subscriptionId === undefined) {
        return { ok: false, problem: 'a resource ID starts with /subscriptions/<subscription ID>' };
    }
    if (!exports.GUID.test(subscriptionId)) {
        return { ok: false, problem: `the subscription ID is not a GUID` };
    }
    if (resourceGroups?.toLowerCase() !== 'resourcegroups' || resourceGroup === undefined) {
        return {
            ok: false,
            problem: 'the subscription is followed by /resourceGroups/<resource group name>'
        };
    }
    if (!RESOURCE_GROUP.test(resourceGroup) || resourceGroup.endsWith('.')) {
        return { ok: false, problem: 'the resource group name is not valid' };
    }
    if (providers?.toLowerCase() !== 'providers' || namespace === undefined) {
        return { ok: false, problem: 'the resource group is followed by /providers/<namespace>/...' };
    }
    if (!NAMESPACE.test(namespace)) {
        return { ok: false, problem: `the provider namespace is not valid` };
    }
    const rest = segments.slice(6);
    if (rest.length === 0 || rest.length % 2 !== 0) {
        return { ok: false, problem: 'a resource ID ends with /<resource type>/<resource name>' };
    }
    const resources = [];
    for (let i = 0; i < rest.length; i += 2) {
        const type = rest[i];
        const name = rest[i + 1];
        if (!TYPE.test(type))
            return { ok: false, problem: `the resource type is not valid` };
        if (!RESOURCE_NAME.test(name))
            return { ok: false, problem: `the resource name is not valid` };
        resources.push({ type, name });
    }
    return { ok: true, id: { subscriptionId, resourceGroup, namespace, resources } };
}
/** `Microsoft.Compute/virtualMachineScaleSets/virtualMachines`: the full type, for messages and matching. */
function resourceType(id) {
    return [id.namespace, ...id.resources.map(r => r.type)].join('/');
}
/** Case-insensitive comparison of a resource ID's full type with e.g. `Microsoft.Compute/virtualMachines`. */
function isResourceType(id, type) {
    return resourceType(id).toLowerCase() === type.toLowerCase();
}


/***/ }),

/***/ 6573:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.isExpectedStatus = isExpectedStatus;
exports.classifyApiAnswer = classifyApiAnswer;
const audiences_1 = __nccwpck_require__(6462);
const error_body_1 = __nccwpck_require__(7000);
const fix = __importStar(__nccwpck_require__(32));
const services_1 = __nccwpck_require__(2145);
const text_1 = __nccwpck_require__(6158);
/** Statuses a proxy or gateway typically answers with on its own account. */
const PROXY_STATUSES = new Set([403, 407, 502, 503, 504]);
function isExpectedStatus(status, expect) {
    return expect.length === 0 ? status >= 200 && status < 300 : expect.includes(status);
}
function classifyApiAnswer(status, rawBody, context) {
    const { check } = context;
    if (isExpectedStatus(status, check.expect)) {
        return { status: 'pass', detail: `answered ${status}` };
    }
    const body = (0, error_body_1.parseErrorBody)(rawBody);
    const said = describeError(body, rawBody);
    const fail = (failureMode, detail, remediation) => ({
        status: 'fail',
        failureMode,
        detail,
        remediation
    });
    // Something between the workload and the API answered: the API never saw the request.
    if (status === 407 || (PROXY_STATUSES.has(status) && !answeredByAzure(body, rawBody))) {
        return fail('egress-blocked', `a proxy answered ${status}, not the API${said}`, fix.proxyAnswered((0, text_1.hostPort)(context.url)));
    }
    const code = body.code;
    const message = body.message ?? '';
    if (status === 401) {
        if (code === 'InvalidAuthenticationTokenAudience' || /AKV10022/.test(message)) {
            const accepted = check.expectedAudience ?? acceptedAudienceIn(message);
            const name = code === 'InvalidAuthenticationTokenAudience' ? code : 'AKV10022';
            const tokenAud = context.tokenAudience;
            const rightRequest = accepted !== undefined && (0, audiences_1.audienceAccepted)(check.resource, accepted);
            const remediation = !rightRequest
                ? fix.apiRejectedAudience(check.resource, accepted)
                : tokenAud !== undefined && !(0, audiences_1.audienceAccepted)(tokenAud, accepted)
                    ? // The check asked for the right audience: the token that came back is the odd one out.
                        fix.tokenForOtherAudience(check.resource, tokenAud)
                    : fix.apiAudienceDisagrees(check.resource, (0, text_1.hostPort)(context.url));
            return fail('wrong-audience', `the API refused the token's audience (${name}; requested ${check.resource}${tokenAud !== undefined ? `, token aud ${tokenAud}` : ''})${said}`, remediation);
        }
        if (isAzureError(body)) {
            // Any other refusal of the bearer token by the service itself: expired, not yet valid,
            // malformed, wrong tenant (ARM ExpiredAuthenticationToken / InvalidAuthenticationToken,
            // Key Vault AKV10032 / AKV10000...).
            return fail('token-invalid', `the API refused the token (${code ?? '401'})${said}`, fix.apiRejectedToken(code, context.tenantId));
        }
    }
    if (status === 403) {
        const denied = classifyForbidden(body, context);
        if (denied !== undefined)
            return denied;
    }
    return fail('api-error', `unexpected answer ${status}${said}`, fix.apiError(status, code, check.expect));
}
function classifyForbidden(body, context) {
    const message = body.message ?? '';
    const code = body.code ?? '';
    const inner = body.innerCode;
    const said = describeError(body, undefined);
    const principalId = context.principalId ?? principalIn(message) ?? context.expectedPrincipalId;
    if (inner === 'ForbiddenByFirewall' || /client address is not authorized/i.test(message)) {
        return {
            status: 'fail',
            failureMode: 'egress-blocked',
            detail: `the vault's firewall refused the workload's address (403 ForbiddenByFirewall)${said}`,
            remediation: fix.keyVaultFirewall((0, services_1.vaultNameOf)(context.url) ?? vaultIn(message))
        };
    }
    const keyVault = context.service === 'keyvault' || /Caller: appid=|AKV\d+/.test(message);
    if (keyVault &&
        (code === 'Forbidden' || inner === 'ForbiddenByRbac' || inner === 'AccessDenied')) {
        const model = inner === 'ForbiddenByRbac' ? 'rbac' : inner === 'AccessDenied' ? 'access-policy' : 'unknown';
        const action = quotedAfter(message, 'Action:') ?? (0, services_1.keyVaultActionOf)(context.url);
        const resource = quotedAfter(message, 'Resource:');
        const vaultScope = resource === undefined ? undefined : vaultScopeOf(resource);
        const vaultName = (0, services_1.vaultNameOf)(context.url) ?? vaultIn(message);
        const why = model === 'access-policy'
            ? "the vault's access policies do not grant it (innererror AccessDenied: access policy model)"
            : model === 'rbac'
                ? 'no role assignment grants it (innererror ForbiddenByRbac: Azure RBAC model)'
                : 'the vault refused it (403 Forbidden)';
        return {
            status: 'fail',
            failureMode: 'rbac-denied',
            detail: `principal ${principalId ?? '(unknown)'} may not ${action ?? 'perform the action'} on ${vaultScope ?? vaultName ?? 'the vault'}: ${why}`,
            remediation: fix.rbacDenied({ service: 'keyvault', model, principalId, scope: vaultScope, action, vaultName }, context.rbacWaitMs)
        };
    }
    if (code === 'AuthorizationFailed' || code === 'LinkedAuthorizationFailed') {
        const scope = /over scope '([^']+)'/.exec(message)?.[1] ?? (0, services_1.armScopeOf)(context.url);
        const action = /perform action '([^']+)'/.exec(message)?.[1];
        return {
            status: 'fail',
            failureMode: 'rbac-denied',
            detail: `principal ${principalId ?? '(unknown)'} has no role allowing ${action ?? 'the call'} over scope ${scope ?? '(unknown)'} (403 ${code})`,
            remediation: fix.rbacDenied({ service: 'arm', principalId, scope, action }, context.rbacWaitMs)
        };
    }
    if (code === 'AuthorizationPermissionMismatch') {
        return {
            status: 'fail',
            failureMode: 'rbac-denied',
            detail: `principal ${principalId ?? '(unknown)'} has no data role on the storage account (403 ${code})`,
            remediation: fix.rbacDenied({ service: 'storage', principalId, storage: (0, services_1.storageAccountOf)(context.url) }, context.rbacWaitMs)
        };
    }
    if (code === 'Authorization_RequestDenied' ||
        (context.service === 'graph' && /forbidden|denied/i.test(code))) {
        return {
            status: 'fail',
            failureMode: 'rbac-denied',
            detail: `Microsoft Graph denied principal ${principalId ?? '(unknown)'} (403 ${code})${said}`,
            remediation: fix.rbacDenied({ service: 'graph', principalId }, context.rbacWaitMs)
        };
    }
    if (context.service === 'arm' && /authoriz/i.test(`${code} ${message}`)) {
        const scope = (0, services_1.armScopeOf)(context.url);
        return {
            status: 'fail',
            failureMode: 'rbac-denied',
            detail: `principal ${principalId ?? '(unknown)'} is not authorized over ${scope ?? 'the scope'} (403 ${code})${said}`,
            remediation: fix.rbacDenied({ service: 'arm', principalId, scope }, context.rbacWaitMs)
        };
    }
    return undefined;
}
/**
 * An Azure service's own error: its JSON or XML shape. Other JSON counts too unless it names a
 * proxy product (some proxies answer in JSON); pages and bare text never do.
 */
function answeredByAzure(body, raw) {
    if (body.kind === 'azure' || body.kind === 'storage')
        return true;
    if (body.kind === 'oauth' || body.kind === 'json' || body.kind === 'app-service')
        return !(0, error_body_1.mentionsProxy)(raw);
    return false;
}
/**
 * ARM: one of "allowed audiences 'A','B',..." (the management.azure.com/ form when listed);
 * Key Vault: "Expected A, found: B".
 */
function acceptedAudienceIn(message) {
    const list = /allowed audiences\s+((?:'[^']*',?)+)/i.exec(message)?.[1];
    if (list !== undefined) {
        const audiences = [...list.matchAll(/'([^']+)'/g)].map(m => m[1]);
        return audiences.find(a => /management\.azure\.com\/$/.test(a)) ?? audiences[0];
    }
    return /Expected\s+(\S+?),?\s+found/i.exec(message)?.[1];
}
function isAzureError(body) {
    return (body.kind === 'azure' || body.kind === 'storage') && body.code !== undefined;
}
function principalIn(message) {
    return /object id '([^']+)'/i.exec(message)?.[1] ?? /\boid=([0-9a-f-]{36})/i.exec(message)?.[1];
}
function quotedAfter(message, label) {
    const i = message.indexOf(label);
    if (i < 0)
        return undefined;
    return /^\s*'([^']*)'/.exec(message.slice(i + label.length))?.[1];
}
/** A Key Vault resource path cut after `/vaults/NAME`: the scope a role is normally granted on. */
function vaultScopeOf(resource) {
    const m = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.keyvault\/vaults\/[^/]+)/i.exec(resource);
    return m?.[1];
}
/** The vault's name from a Key Vault message, only where it is whole (bodies arrive cut). */
function vaultIn(message) {
    return (/\bVault: ([a-z0-9-]+);/i.exec(message)?.[1] ??
        /key vault '([a-z0-9-]+)[;']/i.exec(message)?.[1] ??
        /\/providers\/microsoft\.keyvault\/vaults\/([a-z0-9-]+)(?=[/'\s;])/i.exec(message)?.[1]);
}
function describeError(body, raw) {
    if (body.kind === 'empty')
        return ' (empty body)';
    if (body.code !== undefined || body.message !== undefined) {
        const inner = body.innerCode !== undefined ? ` [${body.innerCode}]` : '';
        return `: ${(0, text_1.quote)(`${body.code ?? ''}${inner}${body.code && body.message ? ' ' : ''}${(0, text_1.oneLine)(body.message ?? '', 160)}`, 220)}`;
    }
    return raw === undefined ? '' : `: ${(0, text_1.quote)(raw, 120)}`;
}


/***/ }),

/***/ 6684:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.apiStep = apiStep;
exports.expandPlaceholders = expandPlaceholders;
const api_errors_1 = __nccwpck_require__(6573);
const fix = __importStar(__nccwpck_require__(32));
const services_1 = __nccwpck_require__(2145);
const text_1 = __nccwpck_require__(6158);
const transport_1 = __nccwpck_require__(2636);
function apiStep(check, observation, context) {
    const url = observation?.url ?? expandPlaceholders(check.url, context.observations);
    const base = {
        step: 'api',
        status: 'pass',
        durationMs: observation?.ms ?? 0,
        check: url,
        detail: '',
        ...(observation !== undefined && observation.attempts > 0
            ? { attempts: observation.attempts }
            : {}),
        ...(observation?.status !== undefined ? { httpStatus: observation.status } : {})
    };
    const preflight = preflightAudience(check);
    const verdict = judgeCall(check, url, observation, context);
    if (verdict === 'skip') {
        const why = context.token?.status === 'fail'
            ? `not called: the token step for ${check.resource} failed`
            : context.upstreamFailed
                ? 'not called: the identity endpoint is unreachable (imds step failed)'
                : 'not called';
        if (preflight === undefined)
            return { ...base, status: 'skip', detail: why };
        return {
            ...base,
            status: 'warn',
            failureMode: 'wrong-audience',
            detail: `${preflight.detail}; ${why}`,
            remediation: preflight.remediation
        };
    }
    return combine(base, verdict, preflight);
}
/** `resource=` that the host's table entry says will be refused: known before any call. */
function preflightAudience(check) {
    const expected = check.expectedAudience;
    if (expected === undefined || !check.audienceMismatch)
        return undefined;
    return {
        detail: `resource=${check.resource} does not fit ${(0, text_1.hostPort)(check.url).replace(/:\d+$/, '')}, which expects ${expected} (judged before any call)`,
        remediation: fix.preflightAudience(check.resource, expected)
    };
}
function judgeCall(check, url, observation, context) {
    const tokenFailed = context.token?.status === 'fail' || context.token?.status === 'skip';
    const called = observation !== undefined &&
        observation.notCalled === undefined &&
        (observation.status !== undefined || observation.error !== undefined);
    if (!called) {
        if (tokenFailed || context.upstreamFailed || context.token === undefined)
            return 'skip';
        if (observation?.notCalled !== undefined) {
            const reason = (0, text_1.oneLine)(observation.notCalled, 200);
            const mode = /placeholder|\{subscriptionId\}|\{resourceGroup\}|https|loopback|unsafe/i.test(reason)
                ? 'bad-input'
                : 'api-error';
            return {
                status: 'fail',
                failureMode: mode,
                detail: `not called: ${reason}`,
                remediation: fix.notCalled(reason)
            };
        }
        return {
            status: 'fail',
            failureMode: 'dispatch-failed',
            detail: 'the probe reported no call for this check',
            remediation: fix.incompleteObservations()
        };
    }
    const obs = observation;
    if (obs.status === undefined) {
        return {
            status: 'fail',
            failureMode: 'egress-blocked',
            detail: `${(0, text_1.hostPort)(url)} could not be reached: ${(0, transport_1.describeTransport)(obs)}`,
            remediation: fix.egressBlocked((0, text_1.hostPort)(url), obs.error)
        };
    }
    const claims = context.token?.claims;
    const verdict = (0, api_errors_1.classifyApiAnswer)(obs.status, obs.body, {
        check,
        url,
        service: (0, services_1.serviceOf)(url, check.resource),
        principalId: claims?.oid,
        tenantId: claims?.tid,
        tokenAudience: claims?.aud,
        expectedPrincipalId: context.plan.expectedPrincipalId,
        rbacWaitMs: context.plan.rbacWaitMs
    });
    const timing = ` in ${(0, text_1.formatDuration)(obs.ms)}${obs.attempts > 1 ? ` (${obs.attempts} attempts)` : ''}`;
    if (verdict.status === 'pass')
        return { ...verdict, detail: `GET ${shortUrl(url)} ${verdict.detail}${timing}` };
    return { ...verdict, detail: `GET ${shortUrl(url)}: ${verdict.detail}` };
}
function combine(base, verdict, preflight) {
    if (preflight === undefined) {
        return {
            ...base,
            status: verdict.status,
            failureMode: verdict.failureMode,
            detail: verdict.detail,
            remediation: verdict.remediation
        };
    }
    if (verdict.status === 'pass') {
        // The API took the token anyway (a lenient emulator, or a table entry out of date): still a warning.
        return {
            ...base,
            status: 'warn',
            failureMode: 'wrong-audience',
            detail: `${preflight.detail}; the call passed anyway: ${verdict.detail}`,
            remediation: preflight.remediation
        };
    }
    if (verdict.failureMode === 'wrong-audience') {
        return {
            ...base,
            status: 'fail',
            failureMode: 'wrong-audience',
            detail: `${preflight.detail}; confirmed by the API: ${verdict.detail}`,
            remediation: preflight.remediation
        };
    }
    return {
        ...base,
        status: 'fail',
        failureMode: verdict.failureMode,
        detail: `${verdict.detail}; also: ${preflight.detail}`,
        remediation: verdict.remediation
    };
}
/** `{subscriptionId}` and `{resourceGroup}` from the workload's metadata, for checks the probe did not call. */
function expandPlaceholders(url, observations) {
    const meta = observations.meta;
    return url
        .replace(/\{subscriptionId\}/g, meta?.subscriptionId ?? '{subscriptionId}')
        .replace(/\{resourceGroup\}/g, meta?.resourceGroupName ?? '{resourceGroup}');
}
/** Host and path: the query (api-version...) adds nothing to a detail line. */
function shortUrl(url) {
    try {
        const u = new URL(url);
        return `${u.host}${u.pathname}`;
    }
    catch {
        return (0, text_1.oneLine)(url, 160);
    }
}


/***/ }),

/***/ 4812:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.distinctAudiences = distinctAudiences;
function distinctAudiences(checks) {
    const seen = [];
    for (const check of checks)
        if (!seen.includes(check.resource))
            seen.push(check.resource);
    return seen;
}


/***/ }),

/***/ 6462:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * When is a token's `aud` (or a requested `resource=`) right for a service?
 *
 * Azure compares audiences as strings, but each service accepts a small set of them: ARM takes its
 * host with or without the trailing slash and its legacy `management.core.*` name (PROTOCOLS.md,
 * the list in its 401 body); v2 tokens carry the resource's application ID (a GUID) instead of a URL.
 * This module knows just that; which host expects which audience is the input side's table
 * (`Check.expectedAudience`).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.normaliseAudience = normaliseAudience;
exports.audienceAccepted = audienceAccepted;
exports.audienceMatchesRequest = audienceMatchesRequest;
exports.isArmAudience = isArmAudience;
/** Application IDs of first-party resources, as they appear in `aud` of v2 tokens. */
const APP_ID_AUDIENCES = {
    '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'https://management.azure.com',
    'cfa8b339-82a2-471a-a3c9-0fc0be7a4093': 'https://vault.azure.net',
    'e406a681-f3d4-42a8-90b6-c2b029497af1': 'https://storage.azure.com',
    '00000003-0000-0000-c000-000000000000': 'https://graph.microsoft.com',
    '022907d3-0f1b-48f7-badc-1ba6abab6d66': 'https://database.windows.net',
    '80369ed6-5f11-4dd9-bef3-692475845e77': 'https://servicebus.azure.net'
};
/** Audiences one service treats as the same (after normalisation). */
const EQUIVALENT = [
    ['https://management.azure.com', 'https://management.core.windows.net'],
    ['https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'],
    ['https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn'],
    ['https://servicebus.azure.net', 'https://eventhubs.azure.net']
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Lower-cased, without `/.default` (a v2 scope written as a resource) and without trailing slashes:
 * the form two audiences are compared in.
 */
function normaliseAudience(audience) {
    let a = audience.trim().toLowerCase();
    if (a.endsWith('/.default'))
        a = a.slice(0, -'/.default'.length);
    while (a.endsWith('/'))
        a = a.slice(0, -1);
    return APP_ID_AUDIENCES[a] ?? a;
}
/** True when a token for `audience` is accepted where `expected` is required. */
function audienceAccepted(audience, expected) {
    const a = normaliseAudience(audience);
    const e = normaliseAudience(expected);
    if (a === e)
        return true;
    return EQUIVALENT.some(group => group.includes(a) && group.includes(e));
}
/**
 * Judges a token's `aud` claim against the resource it was requested for. `unknown` when `aud` is
 * an application ID this module does not know: it may well be the resource's, so no verdict.
 */
function audienceMatchesRequest(aud, requested) {
    if (audienceAccepted(aud, requested))
        return 'match';
    const normalised = normaliseAudience(aud);
    if (GUID.test(normalised))
        return 'unknown';
    return 'mismatch';
}
/** The audience an ARM host's 401 says it accepts, e.g. for the remediation of `InvalidAuthenticationTokenAudience`. */
function isArmAudience(audience) {
    const a = normaliseAudience(audience);
    return EQUIVALENT.slice(0, 3).some(group => group.includes(a));
}


/***/ }),

/***/ 6932:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.decodeClaims = decodeClaims;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
function decodeClaims(segment) {
    if (segment === undefined || segment === '') {
        return { ok: false, problem: 'the probe reported no claims for the token' };
    }
    // A whole token (or anything with dots) where the payload belongs: refuse it without echoing it.
    if (!BASE64URL.test(segment)) {
        return { ok: false, problem: 'the token payload is not base64url' };
    }
    let payload;
    try {
        payload = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    }
    catch {
        return { ok: false, problem: 'the token payload is not JSON' };
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
        return { ok: false, problem: 'the token payload is not a JSON object' };
    }
    return { ok: true, claims: pickClaims(payload) };
}
function pickClaims(raw) {
    const claims = {};
    for (const name of [
        'aud',
        'iss',
        'tid',
        'oid',
        'appid',
        'idtyp',
        'xms_mirid',
        'xms_az_rid'
    ]) {
        const value = raw[name];
        // `aud` may be an array in some tokens; the first entry is the resource.
        if (typeof value === 'string')
            claims[name] = value;
        else if (name === 'aud' && Array.isArray(value) && typeof value[0] === 'string')
            claims.aud = value[0];
    }
    // v2 tokens name the client `azp` instead of `appid`; the report has one field for it.
    if (claims.appid === undefined && typeof raw['azp'] === 'string')
        claims.appid = raw['azp'];
    for (const name of ['iat', 'nbf', 'exp']) {
        const value = raw[name];
        if (typeof value === 'number' && Number.isFinite(value))
            claims[name] = value;
        else if (typeof value === 'string' && /^\d+$/.test(value))
            claims[name] = Number(value);
    }
    return claims;
}


/***/ }),

/***/ 9753:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.isRbacDenied = exports.diagnoseDispatchFailure = void 0;
exports.diagnose = diagnose;
/**
 * Observations → a target's report. One place judges for every dispatch mode (local probe, VM
 * probes, smoke endpoint handler): the imds step, one token step per audience, one api step per
 * check; steps that depend on a failed one are skipped; the verdict is the worst status.
 */
const workload_1 = __nccwpck_require__(8697);
const observations_1 = __nccwpck_require__(7292);
const api_step_1 = __nccwpck_require__(6684);
const audience_list_1 = __nccwpck_require__(4812);
const audiences_1 = __nccwpck_require__(6462);
const dispatch_step_1 = __nccwpck_require__(3774);
const imds_step_1 = __nccwpck_require__(5545);
const fix = __importStar(__nccwpck_require__(32));
const sdk_identity_1 = __nccwpck_require__(5100);
const token_step_1 = __nccwpck_require__(6339);
const verdict_1 = __nccwpck_require__(384);
var dispatch_step_2 = __nccwpck_require__(3774);
Object.defineProperty(exports, "diagnoseDispatchFailure", ({ enumerable: true, get: function () { return dispatch_step_2.diagnoseDispatchFailure; } }));
var rbac_wait_1 = __nccwpck_require__(8595);
Object.defineProperty(exports, "isRbacDenied", ({ enumerable: true, get: function () { return rbac_wait_1.isRbacDenied; } }));
function diagnose(observations, plan) {
    const unreadable = checkEnvelope(observations, plan);
    if (unreadable !== undefined)
        return (0, dispatch_step_1.diagnoseDispatchFailure)(unreadable, plan);
    const imds = (0, imds_step_1.imdsStep)(observations, plan);
    const upstreamFailed = imds.status === 'fail';
    const tokens = tokenSteps(observations, plan, upstreamFailed);
    const tokenFor = (resource) => tokens.find(t => t.audience === resource) ??
        tokens.find(t => t.audience !== undefined && (0, audiences_1.normaliseAudience)(t.audience) === (0, audiences_1.normaliseAudience)(resource));
    const apis = plan.checks.map((check, index) => (0, api_step_1.apiStep)(check, observations.apis.find(a => a.check === index), { observations, plan, token: tokenFor(check.resource), upstreamFailed }));
    const sdk = (0, sdk_identity_1.judgeSdkIdentity)(observations, plan);
    return withSdkVerdict({
        target: plan.target,
        environment: observations.source === 'none' ? 'unknown' : observations.source,
        result: 'pass',
        durationMs: 0,
        steps: [imds, ...tokens, ...apis],
        probe: observations.probe,
        ...(sdk.length > 0 ? { sdk } : {})
    });
}
/**
 * The runbook's "the app picks the wrong client ID": the platform hands out the right token, but
 * the app's own SDK resolved to another identity. The steps pass; the target is degraded, so
 * `fail-on: warning` can gate on it.
 */
function withSdkVerdict(report) {
    const judged = (0, verdict_1.withVerdict)(report);
    const otherIdentity = judged.sdk?.some(entry => entry.status === 'warn' && entry.claims);
    if (judged.result !== 'pass' || !otherIdentity)
        return judged;
    return { ...judged, result: 'warn', failedStep: 'token', failureMode: 'wrong-identity' };
}
/** Observations of another schema or another run cannot be judged: the dispatch failed. */
function checkEnvelope(observations, plan) {
    if (observations.v !== observations_1.OBSERVATIONS_VERSION) {
        return new workload_1.DispatchError(`the probe answered in observations schema ${String(observations.v)}, not ${observations_1.OBSERVATIONS_VERSION}`, 'The probe on the target is from another version of mi-smoke: redeploy the smoke endpoint (or its package) with the version this workflow uses');
    }
    if (plan.nonce !== undefined && observations.nonce !== plan.nonce) {
        return new workload_1.DispatchError('the observations answer another request (nonce mismatch): a cached or replayed response', 'Make sure nothing caches the smoke endpoint (CDN, reverse proxy) and that the probe output comes from this run');
    }
    return undefined;
}
/**
 * One token step per token exchange observed, then one for each audience a check needs that the
 * probe did not ask for (skipped after a failed imds step, otherwise a sign the probe stopped early).
 */
function tokenSteps(observations, plan, upstreamFailed) {
    const observed = observations.tokens.map(t => (0, token_step_1.tokenStep)(t, { observations, plan, upstreamFailed }));
    const asked = (resource) => observations.tokens.find(t => t.resource === resource) ??
        observations.tokens.find(t => (0, audiences_1.normaliseAudience)(t.resource) === (0, audiences_1.normaliseAudience)(resource));
    const missing = (0, audience_list_1.distinctAudiences)(plan.checks)
        .filter(resource => asked(resource) === undefined)
        .map((audience) => upstreamFailed
        ? {
            step: 'token',
            status: 'skip',
            durationMs: 0,
            audience,
            detail: 'not requested: the imds step failed'
        }
        : {
            step: 'token',
            status: 'fail',
            durationMs: 0,
            audience,
            failureMode: 'dispatch-failed',
            detail: `the probe reported no token request for ${audience}`,
            remediation: fix.incompleteObservations()
        });
    return [...observed, ...missing];
}


/***/ }),

/***/ 3774:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.diagnoseDispatchFailure = diagnoseDispatchFailure;
const workload_1 = __nccwpck_require__(8697);
const audience_list_1 = __nccwpck_require__(4812);
const fix = __importStar(__nccwpck_require__(32));
const text_1 = __nccwpck_require__(6158);
const verdict_1 = __nccwpck_require__(384);
const NOT_RUN = 'not run: the probe could not be dispatched';
function diagnoseDispatchFailure(error, plan) {
    const evidence = error instanceof workload_1.DispatchError && error.evidence
        ? ` (evidence: ${(0, text_1.oneLine)(error.evidence, 300)})`
        : '';
    const remediation = error instanceof workload_1.DispatchError && error.remediation
        ? (0, text_1.oneLine)(error.remediation, 400)
        : fix.dispatchDefault();
    const steps = [
        {
            step: 'dispatch',
            status: 'fail',
            durationMs: 0,
            failureMode: 'dispatch-failed',
            detail: `${(0, text_1.oneLine)(error.message || String(error), 400)}${evidence}`,
            remediation
        },
        { step: 'imds', status: 'skip', durationMs: 0, detail: NOT_RUN },
        ...(0, audience_list_1.distinctAudiences)(plan.checks).map((audience) => ({
            step: 'token',
            status: 'skip',
            durationMs: 0,
            audience,
            detail: NOT_RUN
        })),
        ...plan.checks.map((check) => ({
            step: 'api',
            status: 'skip',
            durationMs: 0,
            check: check.url,
            detail: NOT_RUN
        }))
    ];
    return (0, verdict_1.withVerdict)({
        target: plan.target,
        environment: 'unknown',
        result: 'fail',
        durationMs: 0,
        steps
    });
}


/***/ }),

/***/ 7000:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * Reads the body of an error answer: which kind of thing answered (an Azure service, an OAuth
 * endpoint, App Service's identity endpoint, Storage, or something else such as a proxy's page)
 * and the error code and message it gave.
 *
 * Bodies arrive cut to a few hundred characters (BODY_LIMIT), so a long Key Vault message is often
 * not valid JSON any more; the fields are then picked out of the text instead.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isAzureBody = isAzureBody;
exports.mentionsProxy = mentionsProxy;
exports.parseErrorBody = parseErrorBody;
/** Kinds that prove an Azure service (not a proxy in between) produced the answer. */
function isAzureBody(body) {
    return (body.kind === 'azure' ||
        body.kind === 'oauth' ||
        body.kind === 'app-service' ||
        body.kind === 'storage');
}
const PROXY_WORDS = /\b(proxy|squid|zscaler|bluecoat|blue coat|fortinet|fortigate|forcepoint|websense|palo alto|checkpoint|mcafee web gateway|netskope|access denied by policy|blocked by|web filter|url filtering|firewall)\b/i;
/** True when the text of an answer names a proxy, filter or firewall product. */
function mentionsProxy(text) {
    return text !== undefined && PROXY_WORDS.test(text);
}
function parseErrorBody(raw) {
    const text = (raw ?? '').trim();
    if (text === '')
        return { kind: 'empty' };
    if (text.startsWith('{'))
        return parseJson(text);
    if (text.startsWith('<'))
        return parseMarkup(text);
    return { kind: 'text', message: text };
}
function parseJson(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return parseCutJson(text);
    }
    if (!isRecord(parsed))
        return { kind: 'json' };
    const error = parsed['error'];
    if (isRecord(error)) {
        const inner = error['innererror'];
        return {
            kind: 'azure',
            code: str(error['code']),
            message: str(error['message']),
            innerCode: isRecord(inner) ? str(inner['code']) : undefined
        };
    }
    if (typeof error === 'string') {
        return { kind: 'oauth', code: error, message: str(parsed['error_description']) ?? error };
    }
    if (typeof parsed['statusCode'] === 'number' || typeof parsed['statusCode'] === 'string') {
        return { kind: 'app-service', message: str(parsed['message']) };
    }
    const code = str(parsed['code']) ?? str(parsed['Code']);
    const message = str(parsed['message']) ?? str(parsed['Message']);
    return { kind: 'json', code, message };
}
/** A JSON body cut in the middle: pick the fields out of the text. */
function parseCutJson(text) {
    const code = /"code"\s*:\s*"([^"]*)"/.exec(text)?.[1];
    const message = unescapeJson(/"message"\s*:\s*"((?:[^"\\]|\\.)*)/.exec(text)?.[1]);
    const innerCode = /"innererror"\s*:\s*\{\s*"code"\s*:\s*"([^"]*)"/.exec(text)?.[1];
    if (/^\{\s*"error"\s*:\s*\{/.test(text))
        return { kind: 'azure', code, message, innerCode };
    const oauth = /^\{\s*"error"\s*:\s*"([^"]*)"/.exec(text);
    if (oauth) {
        const description = unescapeJson(/"error_description"\s*:\s*"((?:[^"\\]|\\.)*)/.exec(text)?.[1]);
        return { kind: 'oauth', code: oauth[1], message: description ?? oauth[1] };
    }
    if (/"statusCode"\s*:/.test(text))
        return { kind: 'app-service', message };
    return { kind: 'json', code, message };
}
function parseMarkup(text) {
    const code = /<Code>([^<]*)<\/Code>/i.exec(text)?.[1];
    if (code !== undefined && /<Error>/i.test(text)) {
        const message = /<Message>([^<]*)/i.exec(text)?.[1];
        return { kind: 'storage', code, message: message?.trim() };
    }
    const title = /<title[^>]*>([^<]*)/i.exec(text)?.[1]?.trim();
    const h1 = /<h1[^>]*>([^<]*)/i.exec(text)?.[1]?.trim();
    return { kind: 'html', message: title || h1 || undefined };
}
function unescapeJson(s) {
    if (s === undefined)
        return undefined;
    try {
        return JSON.parse(`"${s.replace(/\\$/, '')}"`);
    }
    catch {
        return s.replace(/\\r\\n|\\n|\\r/g, ' ');
    }
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v) {
    return typeof v === 'string' ? v : undefined;
}


/***/ }),

/***/ 354:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.EXPIRY_ABSURD_MS = exports.EXPIRY_LONG_MS = exports.EXPIRY_SOON_MS = void 0;
exports.parseExpiresOn = parseExpiresOn;
exports.judgeExpiry = judgeExpiry;
const text_1 = __nccwpck_require__(6158);
/** Less than this left: the token is about to expire; a workload caching it would fail soon. */
exports.EXPIRY_SOON_MS = 5 * 60_000;
/** Managed identity tokens live about 24 hours at most; more is suspicious... */
exports.EXPIRY_LONG_MS = 24 * 3_600_000;
/** ...and far more is a clock or parsing error on the identity endpoint's side. */
exports.EXPIRY_ABSURD_MS = 30 * 86_400_000;
const MAX_DATE_MS = 8.64e15;
const LEGACY_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/i;
function parseExpiresOn(value) {
    if (value === undefined || value === '')
        return { ok: false, problem: 'expires_on is missing' };
    if (typeof value === 'number')
        return fromEpochSeconds(value, String(value));
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return fromEpochSeconds(Number(text), text);
    const legacy = LEGACY_DATE.exec(text);
    if (legacy)
        return fromLegacyDate(legacy, text);
    // Some endpoints write ISO 8601; accept it when it names a zone.
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
        const ms = Date.parse(text);
        if (!Number.isNaN(ms))
            return { ok: true, ms };
    }
    return { ok: false, problem: `expires_on "${text.slice(0, 40)}" is not a time` };
}
function fromEpochSeconds(seconds, shown) {
    // Beyond what a Date can hold is no time at all (and would break toISOString later).
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds * 1000 > MAX_DATE_MS) {
        return { ok: false, problem: `expires_on ${shown} is not a time` };
    }
    return { ok: true, ms: seconds * 1000 };
}
function fromLegacyDate(m, shown) {
    const [, month, day, year, hourText, minute, second, meridiem, zone] = m;
    let hour = Number(hourText);
    if (meridiem !== undefined) {
        if (hour < 1 || hour > 12)
            return { ok: false, problem: `expires_on "${shown}" is not a time` };
        const pm = meridiem.toUpperCase() === 'PM';
        hour = (hour % 12) + (pm ? 12 : 0);
    }
    const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), hour, Number(minute), Number(second ?? 0));
    const d = new Date(utc);
    // Date.UTC rolls 13/40/2026 over into a valid date; a real expiry never needs that.
    if (d.getUTCMonth() !== Number(month) - 1 ||
        d.getUTCDate() !== Number(day) ||
        hour > 23 ||
        Number(minute) > 59) {
        return { ok: false, problem: `expires_on "${shown}" is not a time` };
    }
    return { ok: true, ms: utc - zoneOffsetMs(zone) };
}
/** `+01:00` → 1 h; no zone is UTC (the Linux legacy form always writes one, but be lenient). */
function zoneOffsetMs(zone) {
    if (zone === undefined || zone.toUpperCase() === 'Z')
        return 0;
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
    if (!m)
        return 0;
    const sign = m[1] === '-' ? -1 : 1;
    return sign * (Number(m[2]) * 3_600_000 + Number(m[3] ?? 0) * 60_000);
}
/** Judges an expiry against now: past or absurd fail, very short or too long warn. */
function judgeExpiry(expiresMs, nowMs) {
    const left = expiresMs - nowMs;
    const at = new Date(expiresMs).toISOString();
    if (left <= 0) {
        return {
            status: 'fail',
            text: `the token expired ${(0, text_1.formatDuration)(-left)} ago (expires_on ${at})`
        };
    }
    if (left > exports.EXPIRY_ABSURD_MS) {
        return {
            status: 'fail',
            text: `expires_on ${at} is ${(0, text_1.formatDuration)(left)} ahead, which no managed identity token is (clock or format error on the identity endpoint)`
        };
    }
    if (left > exports.EXPIRY_LONG_MS) {
        return {
            status: 'warn',
            text: `expires_on ${at} is ${(0, text_1.formatDuration)(left)} ahead, more than the 24 h a managed identity token lives (check the workload's clock)`
        };
    }
    if (left < exports.EXPIRY_SOON_MS) {
        return {
            status: 'warn',
            text: `the token expires in ${(0, text_1.formatDuration)(left)} (under 5 min left: the identity endpoint handed out a cached token about to expire)`
        };
    }
    return { status: 'pass', text: `expires in ${Math.round(left / 60_000)} min` };
}


/***/ }),

/***/ 6487:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.matchIdentity = matchIdentity;
function sameId(a, b) {
    return normaliseId(a) === normaliseId(b);
}
function normaliseId(id) {
    return id.trim().toLowerCase().replace(/\/+$/, '');
}
/** Every way the claims disagree with what was asked; empty when they agree. */
function matchIdentity(selection, expectedPrincipalId, claims) {
    const problems = [];
    const compare = (claim, expected, what) => {
        const actual = claims[claim];
        if (actual === undefined) {
            problems.push({
                status: 'warn',
                claim,
                expected,
                text: `the token carries no ${claim} claim to confirm ${what} ${expected}`
            });
        }
        else if (!sameId(actual, expected)) {
            problems.push({
                status: 'fail',
                claim,
                expected,
                actual,
                text: `${what} ${expected} was expected but the token's ${claim} is ${actual}`
            });
        }
    };
    switch (selection.kind) {
        case 'client-id':
            compare('appid', selection.value, 'client ID');
            break;
        case 'object-id':
            compare('oid', selection.value, 'object ID');
            break;
        case 'resource-id':
            compare('xms_mirid', selection.value, 'identity');
            break;
        case 'system': {
            // IMDS hands out the only user-assigned identity when a VM has no system-assigned one: the
            // call "works" with an identity nobody meant. xms_mirid tells which kind issued the token.
            const mirid = claims.xms_mirid;
            if (mirid !== undefined &&
                /\/providers\/microsoft\.managedidentity\/userassignedidentities\//i.test(mirid)) {
                problems.push({
                    status: 'warn',
                    claim: 'xms_mirid',
                    actual: mirid,
                    text: `the system-assigned identity was asked for but the token belongs to user-assigned identity ${mirid}`
                });
            }
            break;
        }
    }
    if (expectedPrincipalId !== undefined && expectedPrincipalId !== '') {
        // Skip when the selection already compared oid against the same value.
        const already = selection.kind === 'object-id' && sameId(selection.value, expectedPrincipalId);
        if (!already)
            compare('oid', expectedPrincipalId, 'expected principal ID');
    }
    return problems;
}


/***/ }),

/***/ 5545:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.SOURCE_ENV_VARS = void 0;
exports.imdsStep = imdsStep;
const error_body_1 = __nccwpck_require__(7000);
const fix = __importStar(__nccwpck_require__(32));
const text_1 = __nccwpck_require__(6158);
const transport_1 = __nccwpck_require__(2636);
/** What the probes look at to find an identity source, in the SDKs' order (PROTOCOLS.md). */
exports.SOURCE_ENV_VARS = [
    'AZURE_FEDERATED_TOKEN_FILE',
    'IDENTITY_ENDPOINT',
    'IDENTITY_HEADER',
    'IDENTITY_SERVER_THUMBPRINT',
    'IMDS_ENDPOINT',
    'MSI_ENDPOINT',
    'MSI_SECRET'
];
function imdsStep(observations, _plan) {
    const instance = observations.instance;
    if (observations.source === 'none')
        return noSource(instance);
    if (observations.source === 'imds' && instance !== undefined)
        return fromInstance(instance, observations);
    return fromFirstTokenExchange(observations);
}
function noSource(instance) {
    const imds = instance === undefined
        ? 'IMDS was not asked'
        : instance.status !== undefined
            ? `IMDS at ${(0, transport_1.originOf)(instance.url)} answered HTTP ${instance.status} but is not usable`
            : `IMDS at ${(0, transport_1.originOf)(instance.url)} answered nothing: ${(0, transport_1.describeTransport)(instance)}`;
    return {
        step: 'imds',
        status: 'fail',
        durationMs: instance?.ms ?? 0,
        attempts: instance?.attempts,
        failureMode: 'platform-unreachable',
        detail: `no managed identity endpoint in this environment: none of ${exports.SOURCE_ENV_VARS.join(', ')} is set and ${imds}`,
        remediation: fix.noIdentityEndpoint()
    };
}
function fromInstance(instance, observations) {
    const base = { step: 'imds', durationMs: instance.ms, attempts: instance.attempts };
    const where = (0, transport_1.originOf)(instance.url);
    const fail = (detail, remediation, mode = 'platform-unreachable') => ({
        ...base,
        status: 'fail',
        failureMode: mode,
        detail,
        remediation
    });
    if (instance.status === undefined) {
        return fail(`IMDS at ${where} did not answer: ${(0, transport_1.describeTransport)(instance)}`, fix.imdsUnreachable(where));
    }
    const status = instance.status;
    if (status >= 200 && status < 300) {
        return {
            ...base,
            status: 'pass',
            detail: `IMDS answered in ${(0, text_1.formatDuration)(instance.ms)}${describeMeta(observations)}`
        };
    }
    const body = (0, error_body_1.parseErrorBody)(instance.body);
    if (status === 429) {
        return fail(`IMDS kept answering 429 Too Many Requests (${instance.attempts} attempts in ${(0, text_1.formatDuration)(instance.ms)})`, fix.throttled(instance.retryAfter), 'throttled');
    }
    if (status === 410 || status >= 500) {
        if (!(0, error_body_1.isAzureBody)(body) && (body.kind === 'html' || (0, error_body_1.mentionsProxy)(instance.body))) {
            return fail(`a proxy answered ${status}, not IMDS${bodyHint(instance.body)}`, fix.proxyInFrontOfImds());
        }
        return fail(`IMDS is ${status === 410 ? 'updating' : 'unavailable'} (HTTP ${status} after ${instance.attempts} attempts)${bodyHint(instance.body)}`, fix.imdsUnavailable(status));
    }
    if (status === 400 && (0, error_body_1.isAzureBody)(body)) {
        return fail(`IMDS refused the instance request (400 ${(0, text_1.oneLine)(body.message ?? body.code ?? '', 120)}); a proxy that adds X-Forwarded-For causes this`, fix.proxyInFrontOfImds());
    }
    if (!(0, error_body_1.isAzureBody)(body) || status === 407) {
        return fail(`something other than IMDS answered HTTP ${status} at ${where} (a proxy?)${bodyHint(instance.body)}`, fix.proxyInFrontOfImds());
    }
    return fail(`IMDS answered HTTP ${status}${bodyHint(instance.body)}`, fix.imdsUnreachable(where));
}
function fromFirstTokenExchange(observations) {
    const first = observations.tokens[0];
    const source = observations.source;
    const how = observations.sourceDetail ? ` (${(0, text_1.oneLine)(observations.sourceDetail, 120)})` : '';
    if (first === undefined) {
        return {
            step: 'imds',
            status: 'fail',
            durationMs: 0,
            failureMode: 'dispatch-failed',
            detail: `the probe found the ${source} identity endpoint${how} but reported no request to it`,
            remediation: fix.incompleteObservations()
        };
    }
    const endpoint = (0, transport_1.endpointOf)(first.url);
    if (first.status === undefined) {
        return {
            step: 'imds',
            status: 'fail',
            durationMs: first.ms,
            attempts: first.attempts,
            failureMode: 'platform-unreachable',
            detail: `the ${source} identity endpoint ${endpoint}${how} did not answer: ${(0, transport_1.describeTransport)(first)}`,
            remediation: fix.identityEndpointUnreachable(source, endpoint)
        };
    }
    return {
        step: 'imds',
        status: 'pass',
        // The exchange's time belongs to the token step it also serves.
        durationMs: 0,
        detail: `${source} identity endpoint ${endpoint} answered (HTTP ${first.status})${how}${describeMeta(observations)}`
    };
}
function describeMeta(observations) {
    const meta = observations.meta;
    if (meta === undefined)
        return '';
    const parts = [
        meta.subscriptionId && `subscription ${meta.subscriptionId}`,
        meta.resourceId && `resource ${meta.resourceId}`,
        meta.azEnvironment && `cloud ${meta.azEnvironment}`,
        meta.location && `location ${meta.location}`
    ].filter(Boolean);
    return parts.length === 0 ? '' : `: ${parts.join(', ')}`;
}
function bodyHint(body) {
    return body === undefined || body.trim() === '' ? '' : `: ${(0, text_1.quote)(body, 120)}`;
}


/***/ }),

/***/ 8595:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isRbacDenied = isRbacDenied;
function isDenied(step) {
    return (step !== undefined &&
        step.step === 'api' &&
        step.status === 'fail' &&
        step.failureMode === 'rbac-denied');
}
/** True when some API call was refused for lack of a role: waiting for propagation may help. */
function isRbacDenied(report) {
    return report.steps.some(isDenied);
}


/***/ }),

/***/ 32:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.noIdentityEndpoint = noIdentityEndpoint;
exports.imdsUnreachable = imdsUnreachable;
exports.imdsUnavailable = imdsUnavailable;
exports.proxyInFrontOfImds = proxyInFrontOfImds;
exports.identityEndpointUnreachable = identityEndpointUnreachable;
exports.identityEndpointRefused = identityEndpointRefused;
exports.throttled = throttled;
exports.noIdentity = noIdentity;
exports.multipleIdentities = multipleIdentities;
exports.identityNotAssigned = identityNotAssigned;
exports.wrongIdentityInToken = wrongIdentityInToken;
exports.tokenUnusable = tokenUnusable;
exports.tokenExpiry = tokenExpiry;
exports.unknownResource = unknownResource;
exports.tokenForOtherAudience = tokenForOtherAudience;
exports.preflightAudience = preflightAudience;
exports.apiRejectedAudience = apiRejectedAudience;
exports.apiAudienceDisagrees = apiAudienceDisagrees;
exports.apiRejectedToken = apiRejectedToken;
exports.egressBlocked = egressBlocked;
exports.proxyAnswered = proxyAnswered;
exports.keyVaultFirewall = keyVaultFirewall;
exports.apiError = apiError;
exports.notCalled = notCalled;
exports.incompleteObservations = incompleteObservations;
exports.roleFor = roleFor;
exports.rbacDenied = rbacDenied;
exports.dispatchDefault = dispatchDefault;
const text_1 = __nccwpck_require__(6158);
const IMDS_HOST = '169.254.169.254';
/** How to put an identity on this kind of workload. */
function assignIdentityCommand(environment, meta, userAssigned) {
    const identities = userAssigned === undefined ? '' : ` --identities ${userAssigned}`;
    const id = meta?.resourceId;
    if (environment === 'app-service') {
        return id
            ? `az webapp identity assign --ids ${id}${identities}`
            : `az webapp identity assign --name <app> --resource-group <group>${identities}`;
    }
    if (id !== undefined && /\/virtualMachineScaleSets\//i.test(id)) {
        return `az vmss identity assign --ids ${id}${identities}`;
    }
    return `az vm identity assign --ids ${id ?? '<VM resource ID>'}${identities}`;
}
function noIdentityEndpoint() {
    return 'Run this target where a managed identity exists: on an Azure VM with outbound access to 169.254.169.254 (enable an identity: az vm identity assign --ids <VM resource ID>), or in App Service / Functions / Container Apps with an identity enabled (az webapp identity assign), which sets IDENTITY_ENDPOINT and IDENTITY_HEADER';
}
function imdsUnreachable(endpoint) {
    return `Let the workload reach ${endpoint} directly: allow outbound to ${IMDS_HOST}:80 in the NSG, host firewall and route table, call it without a proxy (NO_PROXY=${IMDS_HOST}), and make sure the job really runs on an Azure VM (IMDS exists nowhere else)`;
}
function imdsUnavailable(status) {
    return status === 410
        ? 'IMDS answers 410 while it updates (back within 70 s): run again in a minute; if it persists, restart the VM agent or redeploy the VM'
        : `IMDS itself is failing (HTTP ${status}): run again in a few minutes; if it persists, restart the VM agent (waagent / WindowsAzureGuestAgent) or redeploy the VM`;
}
function proxyInFrontOfImds() {
    return `A proxy answered instead of IMDS: add ${IMDS_HOST} to NO_PROXY / no_proxy (and to the system proxy's bypass list); IMDS refuses proxied requests (X-Forwarded-For) and must be called directly`;
}
function identityEndpointUnreachable(environment, endpoint) {
    if (environment === 'imds')
        return imdsUnreachable(endpoint);
    return `The ${environment} identity endpoint (${endpoint}) did not answer: restart the app so the platform re-creates it, and make sure no proxy handles it (add its host to NO_PROXY)`;
}
function identityEndpointRefused(environment) {
    return environment === 'app-service'
        ? 'The identity endpoint refused the request: IDENTITY_HEADER must be read at each request (Container Apps rotates it); restart the app if the value is stale'
        : `The ${environment} identity endpoint refused the request: check that the probe runs as the workload's own process and user (Arc: member of the himds group)`;
}
function throttled(retryAfter) {
    const after = retryAfter === undefined ? '' : ` (Retry-After: ${retryAfter})`;
    return `The identity endpoint is rate-limiting this workload${after}: IMDS allows 20 identity requests per second and 5 at once per VM; cache tokens in the apps on this VM, lower the action's concurrency for this VM's scale set, and run again later`;
}
function noIdentity(environment, meta) {
    return `Enable a system-assigned identity (${assignIdentityCommand(environment, meta)}), or assign a user-assigned identity and select it with the input identity: <its client ID>`;
}
function multipleIdentities(environment, meta) {
    const show = environment === 'app-service'
        ? 'az webapp identity show'
        : `az vm identity show --ids ${meta?.resourceId ?? '<VM resource ID>'}`;
    return `The workload has several user-assigned identities and no usable default: set the input identity: to the client ID of the one to use (list them with ${show})`;
}
function identityNotAssigned(selection, environment, meta) {
    switch (selection.kind) {
        case 'client-id':
            return `No identity with client ID ${selection.value} is assigned to this workload: check the client ID (az identity show --ids <identity resource ID> --query clientId -o tsv) and assign the identity (${assignIdentityCommand(environment, meta, '<identity resource ID>')}); an object ID or a resource ID pasted where the client ID belongs is a common mistake`;
        case 'object-id':
            return `No identity with object ID ${selection.value} is assigned to this workload: check the principal ID (az identity show --ids <identity resource ID> --query principalId -o tsv) and assign the identity (${assignIdentityCommand(environment, meta, '<identity resource ID>')})`;
        case 'resource-id':
            return `Identity ${selection.value} is not assigned to this workload: assign it (${assignIdentityCommand(environment, meta, selection.value)}) and check the resource ID's spelling`;
        case 'system':
            return noIdentity(environment, meta);
    }
}
function wrongIdentityInToken(selection, expectedPrincipalId, claims) {
    const got = [
        claims.oid && `oid ${claims.oid}`,
        claims.appid && `appid ${claims.appid}`,
        claims.xms_mirid && `xms_mirid ${claims.xms_mirid}`
    ]
        .filter(Boolean)
        .join(', ');
    const fix = selection.kind === 'system'
        ? 'select the intended identity explicitly with identity: <client ID>'
        : 'check the identity input and which identities are assigned to the workload';
    const expected = expectedPrincipalId !== undefined
        ? `, or correct expected-principal-id if ${claims.oid ?? 'the token'} is the identity you meant`
        : '';
    return `The token came from another identity (${got || 'no identifying claims'}): ${fix}${expected}`;
}
function tokenUnusable(what) {
    return `The identity endpoint answered without a usable token (${what}): run again; if it persists, restart the workload's identity agent (VM agent, or restart the app) and check the workload's clock`;
}
function tokenExpiry() {
    return "Check the workload's clock (timedatectl / w32tm /query /status) against the runner's; if the clock is right, restart the VM agent or the app so the identity endpoint drops its cached token";
}
function unknownResource(resource) {
    return `Entra ID knows no resource named ${resource} in this tenant: use the service's audience in resource= (ARM https://management.azure.com/, Key Vault https://vault.azure.net, Storage https://storage.azure.com/) or drop resource= to take it from the host`;
}
function tokenForOtherAudience(requested, aud) {
    return `The identity endpoint issued a token for ${aud} although ${requested} was requested: check that nothing between the workload and its identity endpoint rewrites the request, and that resource= is the audience the API expects`;
}
function preflightAudience(resource, expected) {
    return `Set resource=${expected} on this check, or drop resource= so the audience comes from the host (a ${resource} token is refused there)`;
}
function apiRejectedAudience(resource, accepted) {
    const want = accepted ?? "the API's own audience";
    return `Request the token for ${want} (resource= on the check) instead of ${resource}; ARM accepts https://management.azure.com/ with or without the trailing slash, Key Vault https://vault.azure.net`;
}
function apiAudienceDisagrees(resource, hostPort) {
    return `${hostPort} refused a token for ${resource}, the audience its host should accept: check that the check's URL points at the service resource= names (a private endpoint or custom domain of another service?) and set resource= to the audience the API's 401 asks for`;
}
function apiRejectedToken(code, tenant) {
    return `The API refused the token${code ? ` (${code})` : ''}: check the workload's clock, and that the API's tenant is the token's${tenant ? ` (tid ${tenant})` : ''}; then run again`;
}
function egressBlocked(hostPort, cause) {
    const host = hostPort.replace(/:\d+$/, '');
    switch (cause) {
        case 'dns':
            return `${host} does not resolve on the workload: check its DNS servers; with a private endpoint, link the private DNS zone (e.g. privatelink.vaultcore.azure.net) to the workload's VNet`;
        case 'tls':
            return `TLS to ${hostPort} failed: a TLS-inspecting proxy or firewall is in the way (exempt ${host} or trust its CA), or the workload's clock is wrong`;
        case 'proxy':
            return `The proxy refused to connect to ${hostPort}: allow ${host} on the proxy, or exempt it in NO_PROXY if the workload reaches it directly`;
        default:
            return `Allow outbound HTTPS from the workload to ${hostPort} (NSG, Azure Firewall, route table / UDR, proxy allow-list, HTTPS_PROXY/NO_PROXY)${/^[\d.]+$|:/.test(host) ? '' : `; with a private endpoint, make ${host} resolve to its private IP`}`;
    }
}
function proxyAnswered(hostPort) {
    return `A proxy or firewall answered, not the API: allow ${hostPort} through it (proxy allow-list, Azure Firewall application rule), or exempt the host in NO_PROXY if the workload should reach it directly`;
}
function keyVaultFirewall(vault) {
    const name = vault ?? '<vault>';
    return `The vault's firewall refused the workload's address: add its subnet or IP (az keyvault network-rule add --name ${name} --subnet <subnet ID> / --ip-address <IP>) or reach the vault through a private endpoint`;
}
function apiError(status, code, expect) {
    const expected = expect.length === 0 ? 'any 2xx' : expect.join(',');
    return `The API answered ${status}${code ? ` ${code}` : ''} where ${expected} was expected: check the check's URL (placeholders, api-version, resource names); if ${status} is the right answer here, add expect=${status} to the check`;
}
function notCalled(reason) {
    if (/placeholder|\{subscriptionId\}|\{resourceGroup\}/i.test(reason)) {
        return 'Write the subscription and resource group into the check URL: this workload has no instance metadata to expand {subscriptionId} / {resourceGroup} from';
    }
    if (/https|loopback|plain http|unsafe/i.test(reason)) {
        return 'Use an https:// URL for the check: a token is only sent over https, or over http to a loopback address';
    }
    return 'Check the check line; the probe did not call it';
}
function incompleteObservations() {
    return 'The probe stopped early: look at the probe output for the target (timeouts, the 4 KB run-command output limit) and run again';
}
function waitAdvice(rbacWaitMs) {
    return rbacWaitMs !== undefined && rbacWaitMs > 0
        ? `role assignments can take minutes to propagate (rbac-wait is ${(0, text_1.formatDuration)(rbacWaitMs)}; raise it if the role was just granted)`
        : 'role assignments can take minutes to propagate; set rbac-wait (e.g. 5m) to poll until the role is effective';
}
/** The role that grants what the check does, as narrow as fits. */
function roleFor(denial) {
    const action = denial.action?.toLowerCase() ?? '';
    switch (denial.service) {
        case 'keyvault':
            // Listing and metadata are covered by the read role; only secret values need more.
            if (action.endsWith('/read') || action.includes('readmetadata'))
                return 'Key Vault Reader';
            if (action.includes('/secrets/'))
                return 'Key Vault Secrets User';
            if (action.includes('/keys/'))
                return 'Key Vault Crypto User';
            if (action.includes('/certificates/'))
                return 'Key Vault Certificate User';
            return 'Key Vault Secrets User';
        case 'storage':
            if (denial.storage?.kind === 'queue')
                return 'Storage Queue Data Reader';
            if (denial.storage?.kind === 'table')
                return 'Storage Table Data Reader';
            if (denial.storage?.kind === 'file')
                return 'Storage File Data Privileged Reader';
            return 'Storage Blob Data Reader';
        default:
            return 'Reader';
    }
}
function keyVaultPolicyPermissions(action) {
    const a = action?.toLowerCase() ?? '';
    if (a.includes('/keys/'))
        return '--key-permissions get list';
    if (a.includes('/certificates/'))
        return '--certificate-permissions get list';
    return '--secret-permissions get list';
}
function scopeFor(denial) {
    if (denial.scope !== undefined)
        return denial.scope;
    if (denial.service === 'keyvault' && denial.vaultName !== undefined) {
        return `$(az keyvault show --name ${denial.vaultName} --query id -o tsv)`;
    }
    if (denial.service === 'storage' && denial.storage !== undefined) {
        return `$(az storage account show --name ${denial.storage.account} --query id -o tsv)`;
    }
    return denial.service === 'keyvault' ? '<vault resource ID>' : '<scope>';
}
function rbacDenied(denial, rbacWaitMs) {
    const oid = denial.principalId ?? '<principal object ID>';
    if (denial.service === 'graph') {
        return `Microsoft Graph permissions are app roles, not Azure roles: grant principal ${oid} the application permission the call needs (appRoleAssignments on the Microsoft Graph service principal) and admin-consent it; ${waitAdvice(rbacWaitMs)}`;
    }
    if (denial.service === 'keyvault' && denial.model === 'access-policy') {
        const vault = denial.vaultName ?? '<vault>';
        return `The vault uses the access policy permission model (innererror AccessDenied), so Azure role assignments do not apply to it: az keyvault set-policy --name ${vault} --object-id ${oid} ${keyVaultPolicyPermissions(denial.action)}, or switch it to Azure RBAC (az keyvault update --name ${vault} --enable-rbac-authorization true) and assign a role; access policies apply within a minute or two`;
    }
    const scope = scopeFor(denial);
    const command = `az role assignment create --assignee-object-id ${oid} --assignee-principal-type ServicePrincipal --role "${roleFor(denial)}" --scope "${scope}"`;
    const unknownModel = denial.service === 'keyvault' && denial.model === 'unknown'
        ? ` (if the vault uses access policies instead of Azure RBAC: az keyvault set-policy --name ${denial.vaultName ?? '<vault>'} --object-id ${oid} ${keyVaultPolicyPermissions(denial.action)})`
        : '';
    return `Grant principal ${oid} a role on ${scope}: ${command}${unknownModel}; ${waitAdvice(rbacWaitMs)}`;
}
function dispatchDefault() {
    return 'Check that the target exists and is running and that the runner may reach it, then run again';
}


/***/ }),

/***/ 5100:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sdkIdentity = sdkIdentity;
exports.judgeSdkIdentity = judgeSdkIdentity;
const probe_request_1 = __nccwpck_require__(861);
const claims_1 = __nccwpck_require__(6932);
const identity_match_1 = __nccwpck_require__(6487);
const text_1 = __nccwpck_require__(6158);
const USER_ASSIGNED = /\/providers\/microsoft\.managedidentity\/userassignedidentities\//i;
function sameId(a, b) {
    return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
/** `client ID X, object ID Y, user-assigned /subscriptions/...` as far as the claims tell. */
function who(claims) {
    const parts = [`client ID ${claims.appid ?? '?'}`, `object ID ${claims.oid ?? '?'}`];
    if (claims.xms_mirid) {
        parts.push(USER_ASSIGNED.test(claims.xms_mirid) ? `user-assigned ${claims.xms_mirid}` : 'system-assigned');
    }
    return parts.join(', ');
}
/** The setting that makes the app's SDK pick the identity the run selected. */
function remediation(plan, sdk, probe) {
    const probeIsUserAssigned = probe?.xms_mirid !== undefined && USER_ASSIGNED.test(probe.xms_mirid);
    if (plan.identity.kind === 'system' && !probeIsUserAssigned) {
        return sdk.clientIdSetting
            ? `Remove the app setting AZURE_CLIENT_ID (${sdk.clientIdSetting}), or construct the credential without a client ID, so that the app uses its system-assigned identity.`
            : 'Construct the credential without a client ID (or managedIdentityClientId) so that the app uses its system-assigned identity.';
    }
    const clientId = plan.identity.kind === 'client-id' ? plan.identity.value : probe?.appid;
    if (clientId) {
        return `Set the app setting AZURE_CLIENT_ID=${clientId} (DefaultAzureCredential and ManagedIdentityCredential read it), or pass managedIdentityClientId / clientId '${clientId}' to the credential in code.`;
    }
    return 'Set the app setting AZURE_CLIENT_ID to the client ID of the identity the app should use (or pass managedIdentityClientId / clientId to the credential in code).';
}
/** One credential the handler asked, judged against the selection and the raw probe's token. */
function sdkIdentity(sdk, plan, probeClaims) {
    const base = {
        credential: sdk.credential,
        ...(sdk.clientIdSetting !== undefined ? { clientIdSetting: sdk.clientIdSetting } : {})
    };
    const setting = sdk.clientIdSetting
        ? `AZURE_CLIENT_ID=${sdk.clientIdSetting}`
        : 'AZURE_CLIENT_ID unset';
    if (sdk.error !== undefined || sdk.claims === undefined) {
        return {
            ...base,
            status: 'warn',
            detail: `${sdk.credential} (${setting}) got no token in the app: ${(0, text_1.oneLine)(sdk.error ?? 'no error given', 300)}. The app's own calls would fail the same way. ${remediation(plan, sdk, probeClaims)}`
        };
    }
    const decoded = (0, claims_1.decodeClaims)(sdk.claims);
    if (!decoded.ok) {
        return {
            ...base,
            status: 'warn',
            detail: `${sdk.credential} (${setting}) got a token whose claims cannot be read: ${decoded.problem}`
        };
    }
    const claims = decoded.claims;
    const differences = [];
    for (const mismatch of (0, identity_match_1.matchIdentity)(plan.identity, plan.expectedPrincipalId, claims)) {
        // Only a claim that names another identity is a difference; a missing claim proves nothing.
        if (mismatch.actual !== undefined) {
            differences.push(`${(0, probe_request_1.describeIdentity)(plan.identity)} was selected (${mismatch.text})`);
        }
    }
    const probeDiffers = probeClaims !== undefined &&
        ((probeClaims.oid !== undefined &&
            claims.oid !== undefined &&
            !sameId(probeClaims.oid, claims.oid)) ||
            (probeClaims.appid !== undefined &&
                claims.appid !== undefined &&
                !sameId(probeClaims.appid, claims.appid)));
    if (probeDiffers)
        differences.push(`the raw probe's token belongs to ${who(probeClaims)}`);
    if (differences.length > 0) {
        return {
            ...base,
            claims,
            status: 'warn',
            detail: `${sdk.credential} (${setting}) resolves to ${who(claims)}, another identity: ${differences.join('; ')}. ${remediation(plan, sdk, probeClaims)}`
        };
    }
    return {
        ...base,
        claims,
        status: 'pass',
        detail: `${sdk.credential} (${setting}) resolves to ${who(claims)}, the identity the run tested`
    };
}
/** Every credential the handler asked, against the raw probe's first readable token. */
function judgeSdkIdentity(observations, plan) {
    let probeClaims;
    for (const token of observations.tokens) {
        const decoded = (0, claims_1.decodeClaims)(token.claims);
        if (decoded.ok) {
            probeClaims = decoded.claims;
            break;
        }
    }
    return (observations.sdk ?? []).map(sdk => sdkIdentity(sdk, plan, probeClaims));
}


/***/ }),

/***/ 2145:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.serviceOf = serviceOf;
exports.vaultNameOf = vaultNameOf;
exports.storageAccountOf = storageAccountOf;
exports.armScopeOf = armScopeOf;
exports.keyVaultActionOf = keyVaultActionOf;
/**
 * Which Azure service a check talks to, told by its audience first (tests and the emulator call
 * loopback hosts with a real audience) and by its host second. Remediations differ per service:
 * ARM and Key Vault roles, Storage data roles, Graph app roles.
 */
const audiences_1 = __nccwpck_require__(6462);
const text_1 = __nccwpck_require__(6158);
function serviceOf(url, audience) {
    const aud = audience === undefined ? '' : (0, audiences_1.normaliseAudience)(audience);
    if (/^https:\/\/management\.(core\.)?(azure\.com|windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$/.test(aud)) {
        return 'arm';
    }
    if (/^https:\/\/vault\.(azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)$/.test(aud)) {
        return 'keyvault';
    }
    if (/^https:\/\/([a-z0-9-]+\.)?storage\.azure\.com$/.test(aud))
        return 'storage';
    if (/^https:\/\/graph\.microsoft\.(com|us)$|^https:\/\/microsoftgraph\.chinacloudapi\.cn$/.test(aud)) {
        return 'graph';
    }
    const host = (0, text_1.hostOf)(url).toLowerCase();
    if (/^management\./.test(host))
        return 'arm';
    if (/\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)$/.test(host))
        return 'keyvault';
    if (/\.(blob|queue|table|file|dfs)\.core\./.test(host))
        return 'storage';
    if (/^graph\.microsoft\./.test(host))
        return 'graph';
    return 'other';
}
/** `myvault` of `https://myvault.vault.azure.net/...`, when the host says it. */
function vaultNameOf(url) {
    return /^([a-z0-9-]+)\.vault\./i.exec((0, text_1.hostOf)(url))?.[1];
}
/** `account` and `blob` of `https://account.blob.core.windows.net/...`. */
function storageAccountOf(url) {
    const m = /^([a-z0-9]+)\.(blob|queue|table|file|dfs)\.core\./i.exec((0, text_1.hostOf)(url));
    return m ? { account: m[1], kind: m[2] } : undefined;
}
/**
 * The ARM scope a URL addresses: `/subscriptions/S`, `/subscriptions/S/resourceGroups/G`, or a
 * resource ID. A trailing collection (`/resourcegroups`) is cut: the role belongs on its parent.
 */
function armScopeOf(url) {
    let path;
    try {
        path = new URL(url).pathname;
    }
    catch {
        return undefined;
    }
    const parts = path
        .split('/')
        .filter(p => p !== '')
        .map(decodeURIComponent);
    if (parts[0]?.toLowerCase() !== 'subscriptions' || parts[1] === undefined)
        return undefined;
    const scope = ['subscriptions', parts[1]];
    let i = 2;
    if (parts[i]?.toLowerCase() === 'resourcegroups' && parts[i + 1] !== undefined) {
        scope.push('resourceGroups', parts[i + 1]);
        i += 2;
    }
    if (parts[i]?.toLowerCase() === 'providers' && parts[i + 1] !== undefined) {
        const rest = parts.slice(i + 2);
        // providers/NS then type/name pairs; a type without a name is a collection: stop before it.
        const pairs = Math.floor(rest.length / 2);
        if (pairs > 0)
            scope.push('providers', parts[i + 1], ...rest.slice(0, pairs * 2));
    }
    return `/${scope.join('/')}`;
}
/**
 * The Key Vault data action a GET on this URL needs, for when the 403's message was cut before its
 * `Action:` line: a collection is listed (metadata), a named secret is read.
 */
function keyVaultActionOf(url) {
    let path;
    try {
        path = new URL(url).pathname;
    }
    catch {
        return undefined;
    }
    const [kind, name] = path.split('/').filter(p => p !== '');
    if (kind === 'secrets') {
        return name === undefined
            ? 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
            : 'Microsoft.KeyVault/vaults/secrets/getSecret/action';
    }
    if (kind === 'keys' || kind === 'certificates')
        return `Microsoft.KeyVault/vaults/${kind}/read`;
    return undefined;
}


/***/ }),

/***/ 6158:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * Shaping text that came from the workload (bodies, error messages) into the one-line details and
 * remediations of the report. Everything that quotes a body goes through `quote`, which also blanks
 * anything shaped like a JWT: probes never send a token, but a proxy page or an API message could
 * echo a header, and the report must not carry one whatever the probe did.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.redactTokens = redactTokens;
exports.oneLine = oneLine;
exports.quote = quote;
exports.formatDuration = formatDuration;
exports.hostPort = hostPort;
exports.hostOf = hostOf;
exports.plural = plural;
/** Three base64url segments starting like a JOSE header, or a bare `eyJ...` blob of some length. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}/g;
const BEARER = /(bearer\s+)[^\s"',;]+/gi;
/** Removes anything token-shaped. */
function redactTokens(text) {
    return text.replace(JWT_LIKE, '[redacted]').replace(BEARER, '$1[redacted]');
}
/** One line, whitespace collapsed, token-shaped strings removed, cut to `max` characters. */
function oneLine(text, max = 300) {
    const flat = redactTokens(text).replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** A piece of a body fit to quote inside a detail, in quotes. */
function quote(text, max = 160) {
    return `"${oneLine(text, max)}"`;
}
/** `850 ms`, `4.2 s`, `3 min`: durations as a person reads them. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 120_000) {
        const s = ms / 1000;
        return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
    }
    if (ms < 2 * 3_600_000)
        return `${Math.round(ms / 60_000)} min`;
    if (ms < 2 * 86_400_000)
        return `${(ms / 3_600_000).toFixed(1).replace(/\.0$/, '')} h`;
    return `${Math.round(ms / 86_400_000)} days`;
}
/** `host:port` of a URL, the port made explicit, for firewall rules. */
function hostPort(url) {
    try {
        const u = new URL(url);
        const port = u.port || (u.protocol === 'http:' ? '80' : '443');
        return `${u.hostname}:${port}`;
    }
    catch {
        return url;
    }
}
/** Host of a URL, or the URL itself when it does not parse. */
function hostOf(url) {
    try {
        return new URL(url).hostname;
    }
    catch {
        return url;
    }
}
/** `3 requests` / `1 request`. */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 6339:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.tokenStep = tokenStep;
const probe_request_1 = __nccwpck_require__(861);
const audiences_1 = __nccwpck_require__(6462);
const claims_1 = __nccwpck_require__(6932);
const error_body_1 = __nccwpck_require__(7000);
const expiry_1 = __nccwpck_require__(354);
const identity_match_1 = __nccwpck_require__(6487);
const fix = __importStar(__nccwpck_require__(32));
const text_1 = __nccwpck_require__(6158);
const transport_1 = __nccwpck_require__(2636);
function tokenStep(token, context) {
    const base = {
        step: 'token',
        status: 'pass',
        durationMs: token.ms,
        attempts: token.attempts,
        audience: token.resource,
        detail: ''
    };
    const { observations } = context;
    const source = observations.source;
    const endpoint = (0, transport_1.endpointOf)(token.url);
    const done = (status, mode, detail, remediation) => ({
        ...base,
        status,
        failureMode: mode,
        detail,
        remediation
    });
    if (token.status === undefined) {
        if (context.upstreamFailed) {
            return {
                ...base,
                status: 'skip',
                detail: `not evaluated: the identity endpoint is unreachable (imds step failed)`
            };
        }
        return done('fail', 'platform-unreachable', `the token request for ${token.resource} to ${endpoint} got no answer: ${(0, transport_1.describeTransport)(token)}`, fix.identityEndpointUnreachable(source, endpoint));
    }
    const status = token.status;
    if (status >= 200 && status < 300)
        return judgeToken(token, context, base);
    const body = (0, error_body_1.parseErrorBody)(token.body);
    const said = describeBody(body, token.body);
    if (status === 429) {
        return done('fail', 'throttled', `the identity endpoint kept answering 429 Too Many Requests (${token.attempts} attempts in ${(0, text_1.formatDuration)(token.ms)})`, fix.throttled(token.retryAfter));
    }
    if (!(0, error_body_1.isAzureBody)(body) && (body.kind === 'html' || status === 407 || (0, error_body_1.mentionsProxy)(token.body))) {
        return done('fail', 'platform-unreachable', `a proxy answered ${status}, not the identity endpoint${said}`, source === 'imds'
            ? fix.proxyInFrontOfImds()
            : fix.identityEndpointUnreachable(source, endpoint));
    }
    if (status === 400)
        return fromBadRequest(token, body, said, context, done);
    if (status === 401 || status === 403) {
        return done('fail', 'platform-unreachable', `the identity endpoint refused the token request (HTTP ${status})${said}`, fix.identityEndpointRefused(source));
    }
    if (status === 404 || status === 410 || status >= 500) {
        return done('fail', 'platform-unreachable', `the identity endpoint is ${status === 410 ? 'updating' : 'unavailable'} (HTTP ${status} after ${token.attempts} attempts)${said}`, source === 'imds'
            ? fix.imdsUnavailable(status)
            : fix.identityEndpointUnreachable(source, endpoint));
    }
    return done('fail', 'token-invalid', `the identity endpoint answered HTTP ${status} instead of a token${said}`, fix.tokenUnusable(`HTTP ${status}`));
}
function fromBadRequest(token, body, said, context, done) {
    const { plan, observations } = context;
    const text = `${body.code ?? ''} ${body.message ?? ''}`;
    const selection = plan.identity;
    if (/multiple user assigned identities/i.test(text)) {
        return done('fail', 'wrong-identity', `the workload has several user-assigned identities and none was selected${said}`, fix.multipleIdentities(observations.source, observations.meta));
    }
    if (/identity not found|unable to load the proper managed identity|no managed identity/i.test(text)) {
        if (selection.kind === 'system') {
            return done('fail', 'no-identity', `the workload has no system-assigned managed identity${said}`, fix.noIdentity(observations.source, observations.meta));
        }
        return done('fail', 'wrong-identity', `the ${(0, probe_request_1.describeIdentity)(selection)} is not assigned to this workload${said}`, fix.identityNotAssigned(selection, observations.source, observations.meta));
    }
    if (body.code === 'invalid_resource' || /AADSTS500011/i.test(text)) {
        return done('fail', 'wrong-audience', `Entra ID does not know the resource ${token.resource} (resource principal not found)${said}`, fix.unknownResource(token.resource));
    }
    if (/metadata header/i.test(text)) {
        return done('fail', 'platform-unreachable', `the identity endpoint did not receive the Metadata header (a proxy in between strips it?)${said}`, fix.proxyInFrontOfImds());
    }
    if (!(0, error_body_1.isAzureBody)(body)) {
        return done('fail', 'platform-unreachable', `something other than the identity endpoint answered 400${said}`, fix.proxyInFrontOfImds());
    }
    return done('fail', 'token-invalid', `the identity endpoint refused the token request (400)${said}`, fix.tokenUnusable('HTTP 400'));
}
function judgeToken(token, context, base) {
    const { plan, observations } = context;
    const fail = (text, mode = 'token-invalid', remediation) => ({
        ...base,
        status: 'fail',
        failureMode: mode,
        detail: text,
        remediation: remediation ?? fix.tokenUnusable(text)
    });
    if (token.fields === undefined && token.shape === undefined) {
        return fail(`the identity endpoint answered ${token.status} but not with a JSON token response${token.body ? `: ${(0, text_1.quote)(token.body, 120)}` : ''}`);
    }
    if (token.shape === 'absent' || (token.shape === undefined && token.claims === undefined)) {
        return fail('the response has no access_token');
    }
    if (token.shape === 'opaque')
        return fail('the access_token is not a JWT (not three base64url segments)');
    const decoded = (0, claims_1.decodeClaims)(token.claims);
    if (!decoded.ok)
        return fail(`the access_token's payload cannot be read: ${decoded.problem}`);
    const claims = decoded.claims;
    const expiry = expiryOf(token, claims, observations.source, plan.nowMs);
    const withClaims = {
        ...base,
        claims,
        ...(expiry.ok ? { expiresOn: new Date(expiry.ms).toISOString() } : {})
    };
    const findings = [];
    if (!expiry.ok) {
        findings.push({
            status: 'fail',
            mode: 'token-invalid',
            text: expiry.problem,
            remediation: fix.tokenUnusable(expiry.problem)
        });
    }
    const judged = expiry.ok ? (0, expiry_1.judgeExpiry)(expiry.ms, plan.nowMs) : undefined;
    if (judged !== undefined && judged.status !== 'pass') {
        findings.push({
            status: judged.status,
            mode: 'token-invalid',
            text: judged.text,
            remediation: fix.tokenExpiry()
        });
    }
    if (claims.aud === undefined) {
        findings.push({
            status: 'fail',
            mode: 'token-invalid',
            text: 'the token has no aud claim',
            remediation: fix.tokenUnusable('no aud claim')
        });
    }
    else if ((0, audiences_1.audienceMatchesRequest)(claims.aud, token.resource) === 'mismatch') {
        findings.push({
            status: 'fail',
            mode: 'wrong-audience',
            text: `the token's aud is ${claims.aud} but ${token.resource} was requested`,
            remediation: fix.tokenForOtherAudience(token.resource, claims.aud)
        });
    }
    for (const mismatch of (0, identity_match_1.matchIdentity)(plan.identity, plan.expectedPrincipalId, claims)) {
        findings.push({
            status: mismatch.status,
            mode: 'wrong-identity',
            text: mismatch.text,
            remediation: fix.wrongIdentityInToken(plan.identity, plan.expectedPrincipalId, claims)
        });
    }
    const who = describeClaims(claims, token.resource, judged?.status === 'pass' ? judged.text : undefined);
    const primary = findings.find(f => f.status === 'fail') ?? findings[0];
    if (primary === undefined)
        return { ...withClaims, status: 'pass', detail: who };
    const others = findings.filter(f => f !== primary).map(f => f.text);
    const also = others.length > 0 ? `; also: ${others.join('; ')}` : '';
    return {
        ...withClaims,
        status: primary.status,
        failureMode: primary.mode,
        detail: (0, text_1.oneLine)(`${primary.text}${also} (${who})`, 600),
        remediation: primary.remediation
    };
}
/**
 * expires_on, or for workload identity (Entra's v2 endpoint sends only expires_in) the token's
 * own exp claim. Other sources must send expires_on: its absence is the failure.
 */
function expiryOf(token, claims, source, nowMs) {
    const expiresOn = token.fields?.['expires_on'];
    if (expiresOn === undefined && source === 'workload-identity') {
        if (claims.exp !== undefined)
            return (0, expiry_1.parseExpiresOn)(claims.exp);
        const expiresIn = Number(token.fields?.['expires_in']);
        if (Number.isFinite(expiresIn) && expiresIn > 0)
            return { ok: true, ms: nowMs + expiresIn * 1000 };
    }
    return (0, expiry_1.parseExpiresOn)(expiresOn);
}
function describeClaims(claims, resource, left) {
    const parts = [
        `token for ${resource} issued to principal ${claims.oid ?? '(no oid)'}`,
        claims.appid !== undefined ? `appid ${claims.appid}` : undefined,
        claims.aud !== undefined ? `aud ${claims.aud}` : undefined,
        claims.tid !== undefined ? `tenant ${claims.tid}` : undefined,
        left
    ].filter(Boolean);
    return parts.join(', ');
}
function describeBody(body, raw) {
    if (body.kind === 'empty')
        return '';
    if (body.message !== undefined || body.code !== undefined) {
        const code = body.code !== undefined && body.code !== body.message ? `${body.code}: ` : '';
        return `: ${(0, text_1.quote)(`${code}${body.message ?? ''}`, 200)}`;
    }
    return raw === undefined ? '' : `: ${(0, text_1.quote)(raw, 120)}`;
}


/***/ }),

/***/ 2636:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.describeTransport = describeTransport;
exports.endpointOf = endpointOf;
exports.originOf = originOf;
const text_1 = __nccwpck_require__(6158);
function describeTransport(exchange) {
    const own = exchange.errorText ? ` (${(0, text_1.oneLine)(exchange.errorText, 120)})` : '';
    const tries = exchange.attempts > 1 ? ` after ${(0, text_1.plural)(exchange.attempts, 'attempt')}` : '';
    switch (exchange.error) {
        case 'timeout':
            return `no answer within ${(0, text_1.formatDuration)(exchange.ms)}${tries}${own}`;
        case 'refused':
            return `connection refused${tries}${own}`;
        case 'dns':
            return `the name does not resolve${own}`;
        case 'tls':
            return `the TLS handshake failed${own}`;
        case 'reset':
            return `the connection was reset${tries}${own}`;
        case 'unreachable':
            return `the network is unreachable${own}`;
        case 'proxy':
            return `the proxy failed or refused the connection${own}`;
        default:
            return `no answer${tries}${own || ' (unknown transport error)'}`;
    }
}
/** Base of a URL (scheme, host, port, path; no query), for details. */
function endpointOf(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
    }
    catch {
        return (0, text_1.oneLine)(url, 120);
    }
}
/** Scheme, host and port only. */
function originOf(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}`;
    }
    catch {
        return (0, text_1.oneLine)(url, 120);
    }
}


/***/ }),

/***/ 384:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.verdictOf = verdictOf;
exports.withVerdict = withVerdict;
function verdictOf(steps) {
    const first = steps.find(s => s.status === 'fail') ?? steps.find(s => s.status === 'warn');
    const result = first === undefined ? 'pass' : first.status === 'fail' ? 'fail' : 'warn';
    if (first === undefined)
        return { result };
    return {
        result,
        failedStep: first.step,
        ...(first.failureMode !== undefined ? { failureMode: first.failureMode } : {})
    };
}
/** The report with result, failedStep and failureMode set from its steps (no stale values kept). */
function withVerdict(report) {
    const { failedStep: _f, failureMode: _m, ...rest } = report;
    return { ...rest, ...verdictOf(report.steps) };
}


/***/ }),

/***/ 6845:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.localWorkload = localWorkload;
/**
 * The `local` target: the probe runs in this process, in the runner's own environment (a
 * self-hosted runner on an Azure VM, or a job running inside Azure). The token it receives is
 * registered as a secret before anything else happens to it.
 */
const core = __importStar(__nccwpck_require__(7484));
const run_probe_1 = __nccwpck_require__(9548);
function localWorkload(label = 'local') {
    return {
        label,
        probe: (request, signal) => (0, run_probe_1.runProbe)(request, {
            env: process.env,
            signal,
            probe: 'local',
            registerSecret: core.setSecret
        })
    };
}


/***/ }),

/***/ 8697:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DispatchError = void 0;
/** The probe could not be run on the target (failure mode `dispatch-failed`). */
class DispatchError extends Error {
    remediation;
    evidence;
    constructor(message, 
    /** What a person should do, e.g. `Run azure/login before this step`. */
    remediation, 
    /** Raw evidence (masked), e.g. the tail of run-command output. */
    evidence) {
        super(message);
        this.remediation = remediation;
        this.evidence = evidence;
        this.name = 'DispatchError';
    }
}
exports.DispatchError = DispatchError;


/***/ }),

/***/ 1956:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.decideGate = decideGate;
exports.applyGate = applyGate;
/**
 * `fail-on` decides the job's fate: `error` fails it on a `fail` verdict, `warning` on `warn` or
 * `fail`, `never` never (the report is still complete). A failing gate exits 1 through
 * `core.setFailed` with one line naming the target, the step and the failure mode.
 */
const core = __importStar(__nccwpck_require__(7484));
const first_failure_1 = __nccwpck_require__(8679);
function decideGate(report, failOn) {
    const fails = (failOn === 'error' && report.result === 'fail') ||
        (failOn === 'warning' && (report.result === 'fail' || report.result === 'warn'));
    return { fails, reason: describe(report, failOn, fails) };
}
function applyGate(report, failOn, sink = core) {
    const decision = decideGate(report, failOn);
    if (decision.fails)
        sink.setFailed(decision.reason);
    else
        sink.info(decision.reason);
    return decision;
}
function describe(report, failOn, fails) {
    if (report.result === 'pass')
        return `mi-smoke: pass (${report.targets.length} of ${report.targets.length} targets)`;
    const first = (0, first_failure_1.firstFailure)(report);
    const where = first
        ? [first.target.target, first.step, first.failureMode].filter(Boolean).join(' · ')
        : 'no target was probed';
    const others = (0, first_failure_1.countWithVerdict)(report) - 1;
    const more = others > 0 ? ` (and ${others} more target${others === 1 ? '' : 's'})` : '';
    const verdict = `mi-smoke: ${report.result} — ${where}${more}`;
    return fails ? verdict : `${verdict}; the job goes on because fail-on is '${failOn}'`;
}


/***/ }),

/***/ 6441:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InputError = void 0;
/** An invalid input: names the input, the value's problem and a valid example (CONTRACT.md). */
class InputError extends Error {
    input;
    problem;
    example;
    constructor(input, problem, example) {
        super(`Input '${input}': ${problem}. Example of a valid value: ${example}`);
        this.input = input;
        this.problem = problem;
        this.example = example;
        this.name = 'InputError';
    }
}
exports.InputError = InputError;


/***/ }),

/***/ 8271:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.hasControlCharacter = hasControlCharacter;
exports.audienceProblem = audienceProblem;
/**
 * An audience a user writes (`resource=` of a check, input `endpoint-audience`): the resource a
 * token is requested for. An absolute `https://` URL (`https://vault.azure.net`) or an application
 * ID URI `api://...`. The usual mistakes (a scope with `/.default`, an application's GUID, plain
 * http) are named so the fix is obvious.
 */
const resource_id_1 = __nccwpck_require__(1365);
const quote_value_1 = __nccwpck_require__(4745);
const url_rules_1 = __nccwpck_require__(3346);
const MAX_AUDIENCE = 512;
/** C0 controls and DEL (checked by code point: a regex of control characters reads badly). */
function hasControlCharacter(text, allowTab = false) {
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if ((code < 0x20 && !(allowTab && code === 0x09)) || code === 0x7f)
            return true;
    }
    return false;
}
/** What is wrong with `text` as an audience, or undefined when it is fine. */
function audienceProblem(text) {
    const shown = (0, quote_value_1.quoteValue)((0, url_rules_1.redactUserinfo)(text));
    if (text === '')
        return 'is empty; give the API audience';
    if (text.length > MAX_AUDIENCE)
        return `is longer than ${MAX_AUDIENCE} characters`;
    if (/\s/.test(text) || hasControlCharacter(text))
        return `${shown} contains spaces or control characters`;
    if (/\/\.default$/i.test(text)) {
        return `${shown} is a scope, not an audience; drop /.default (write ${(0, quote_value_1.quoteValue)(text.slice(0, -'/.default'.length))})`;
    }
    if (resource_id_1.GUID.test(text)) {
        return `${shown} is an application ID; give the API's application ID URI instead (https://... or api://...)`;
    }
    const lower = text.toLowerCase();
    if (lower.startsWith('api://')) {
        return text.length > 'api://'.length ? undefined : `${shown} has nothing after api://`;
    }
    if (lower.startsWith('http://'))
        return `${shown} uses http://; audiences are https:// URLs or api://`;
    if (!lower.startsWith('https://'))
        return `${shown} is not an https:// URL or an api:// URI`;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return `${shown} is not a valid URL`;
    }
    if (url.hostname === '')
        return `${shown} has no host`;
    if (url.username !== '' || url.password !== '')
        return `${shown} has credentials in it`;
    if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
        return `${shown} has a query or fragment; an audience is a plain URL such as https://vault.azure.net`;
    }
    return undefined;
}


/***/ }),

/***/ 7272:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_CHECKS = exports.PLACEHOLDERS = exports.DEFAULT_CHECK_LINE = void 0;
exports.parseChecks = parseChecks;
/**
 * Input `checks`: one API call a line, `URL [resource=AUDIENCE] [expect=STATUS[,STATUS...]]`.
 *
 * `{subscriptionId}` and `{resourceGroup}` may appear in the path or query (they expand on the
 * workload from its instance metadata), never in the host: the host decides where the token goes,
 * so it must be fixed before anything runs. Without `resource=`, the audience comes from the table
 * of Azure services (src/azure/audiences.ts); a host outside the table needs an explicit one.
 */
const audiences_1 = __nccwpck_require__(4244);
const action_inputs_1 = __nccwpck_require__(6441);
const audience_value_1 = __nccwpck_require__(8271);
const input_lines_1 = __nccwpck_require__(7183);
const quote_value_1 = __nccwpck_require__(4745);
const url_rules_1 = __nccwpck_require__(3346);
const INPUT = 'checks';
/** The contract's default: list the resource groups of the workload's subscription through ARM. */
exports.DEFAULT_CHECK_LINE = 'https://management.azure.com/subscriptions/{subscriptionId}/resourcegroups?api-version=2021-04-01';
const KEY_VAULT_EXAMPLE = 'https://my-vault.vault.azure.net/secrets?api-version=7.4';
const CUSTOM_EXAMPLE = 'https://api.example.com/health resource=api://my-api expect=200';
exports.PLACEHOLDERS = ['{subscriptionId}', '{resourceGroup}'];
/**
 * Each check costs a token request and an API call on the workload, and a VM's run-command output
 * is cut at 4 kB: a handful of checks is a smoke test, more is a monitoring system.
 */
exports.MAX_CHECKS = 10;
const STATUS = /^\d{3}$/;
const HTTP_METHODS = new Set(['get', 'head', 'post', 'put', 'patch', 'delete', 'options']);
function fail(line, problem, example = exports.DEFAULT_CHECK_LINE) {
    throw new action_inputs_1.InputError(INPUT, `line ${line}: ${problem}`, example);
}
/** The authority (host and port) of an absolute URL as written, before any parsing. */
function writtenAuthority(text) {
    const afterScheme = text.slice(text.indexOf('://') + 3);
    const end = afterScheme.search(/[/?#]/);
    return end === -1 ? afterScheme : afterScheme.slice(0, end);
}
/** Checks the placeholders of a URL as written; throws on the first problem. */
function checkPlaceholders(lineNo, url) {
    const shown = (0, quote_value_1.quoteValue)((0, url_rules_1.redactUserinfo)(url));
    if (url.includes('://') && /[{}$<>]/.test(writtenAuthority(url))) {
        fail(lineNo, `${shown} has a placeholder in its host; {subscriptionId} and {resourceGroup} are only allowed in the path or query, so that the host a token goes to is fixed`);
    }
    if (url.includes('${')) {
        fail(lineNo, `${shown} uses \${...}; write placeholders without the $, e.g. {subscriptionId}`);
    }
    const angle = /<[^<>]*>/.exec(url);
    if (angle !== null) {
        fail(lineNo, `${shown} holds ${(0, quote_value_1.quoteValue)(angle[0])}; write {subscriptionId} or {resourceGroup}, or the actual value`);
    }
    let index = 0;
    while (index < url.length) {
        const open = url.indexOf('{', index);
        const close = url.indexOf('}', index);
        if (open === -1 && close === -1)
            return;
        if (open === -1 || (close !== -1 && close < open)) {
            fail(lineNo, `${shown} has a } without a matching {`);
        }
        const end = url.indexOf('}', open);
        const nextOpen = url.indexOf('{', open + 1);
        if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
            fail(lineNo, `${shown} has a { without a matching }`);
        }
        const placeholder = url.slice(open, end + 1);
        if (!exports.PLACEHOLDERS.includes(placeholder)) {
            const near = exports.PLACEHOLDERS.find(p => p.toLowerCase() === placeholder.toLowerCase());
            const hint = near === undefined
                ? 'the placeholders are {subscriptionId} and {resourceGroup}'
                : `did you mean ${near}?`;
            fail(lineNo, `${shown} has an unknown placeholder ${(0, quote_value_1.quoteValue)(placeholder)}; ${hint}`);
        }
        index = end + 1;
    }
}
function parseExpect(lineNo, value) {
    if (value === '')
        fail(lineNo, 'expect= is empty; give one or more HTTP statuses, e.g. expect=200,404');
    const statuses = [];
    for (const part of value.split(',')) {
        const text = part.trim();
        if (/^[1-5]xx$/i.test(text)) {
            fail(lineNo, `expect=${value}: ${(0, quote_value_1.quoteValue)(text)} is a class; list exact statuses (leave expect= out for any 2xx)`, `${exports.DEFAULT_CHECK_LINE} expect=200,204`);
        }
        const status = STATUS.test(text) ? Number(text) : NaN;
        if (!(status >= 100 && status <= 599)) {
            fail(lineNo, `expect=${value}: ${(0, quote_value_1.quoteValue)(text)} is not an HTTP status from 100 to 599`, `${exports.DEFAULT_CHECK_LINE} expect=200,204`);
        }
        if (!statuses.includes(status))
            statuses.push(status);
    }
    return statuses;
}
const RESOURCE_SYNONYMS = new Set(['audience', 'aud', 'scope', 'scopes', 'resource_id', 'res']);
const EXPECT_SYNONYMS = new Set(['status', 'statuses', 'expected', 'code', 'codes']);
function parseCheckLine(lineNo, text) {
    const [url = '', ...words] = text.split(/\s+/);
    if (HTTP_METHODS.has(url.toLowerCase())) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(text)} starts with ${url}; write the URL alone (checks are GET requests)`);
    }
    if (/^[a-z_-]+=/i.test(url)) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(text)} does not start with a URL; the URL comes first`);
    }
    checkPlaceholders(lineNo, url);
    const parsed = (0, url_rules_1.parseSecureUrl)(url);
    if (!parsed.ok)
        fail(lineNo, parsed.problem);
    let resource;
    let expect;
    for (const word of words) {
        const eq = word.indexOf('=');
        const key = (eq === -1 ? word : word.slice(0, eq)).toLowerCase();
        const value = eq === -1 ? '' : word.slice(eq + 1);
        if (key === 'resource' && eq !== -1) {
            if (resource !== undefined)
                fail(lineNo, 'resource= appears twice; give one audience per check');
            const problem = (0, audience_value_1.audienceProblem)(value);
            if (problem !== undefined) {
                fail(lineNo, `resource= ${problem}`, `${KEY_VAULT_EXAMPLE} resource=https://vault.azure.net`);
            }
            resource = value;
        }
        else if (key === 'expect' && eq !== -1) {
            if (expect !== undefined)
                fail(lineNo, 'expect= appears twice; list all statuses in one, e.g. expect=200,404');
            expect = parseExpect(lineNo, value);
        }
        else if (RESOURCE_SYNONYMS.has(key)) {
            fail(lineNo, `${(0, quote_value_1.quoteValue)(word)}: the audience is given as resource=AUDIENCE`, CUSTOM_EXAMPLE);
        }
        else if (EXPECT_SYNONYMS.has(key)) {
            fail(lineNo, `${(0, quote_value_1.quoteValue)(word)}: expected statuses are given as expect=STATUS[,STATUS...]`, CUSTOM_EXAMPLE);
        }
        else {
            fail(lineNo, `${(0, quote_value_1.quoteValue)(word)} is not understood; a check is URL [resource=AUDIENCE] [expect=STATUS[,STATUS...]] (encode spaces in the URL as %20)`, CUSTOM_EXAMPLE);
        }
    }
    const entry = (0, audiences_1.serviceForHost)(parsed.url.hostname);
    if (resource === undefined && entry === undefined) {
        fail(lineNo, `the host ${(0, quote_value_1.quoteValue)(parsed.url.hostname)} is not an Azure service this action knows; add resource=<the API's audience>`, CUSTOM_EXAMPLE);
    }
    const check = {
        line: text,
        url,
        resource: resource ?? entry.audience,
        resourceFrom: resource === undefined ? 'host-table' : 'explicit',
        expect: expect ?? []
    };
    if (entry !== undefined) {
        check.expectedAudience = entry.audience;
        if (!(0, audiences_1.audienceAccepted)(check.resource, entry))
            check.audienceMismatch = true;
    }
    return check;
}
/** Parses the `checks` input. An empty value means the contract's default ARM check. */
function parseChecks(value) {
    const source = value.trim() === '' ? exports.DEFAULT_CHECK_LINE : value;
    const lines = (0, input_lines_1.inputLines)(source);
    if (lines.length === 0) {
        throw new action_inputs_1.InputError(INPUT, 'has only comments and blank lines; give at least one check', exports.DEFAULT_CHECK_LINE);
    }
    if (lines.length > exports.MAX_CHECKS) {
        throw new action_inputs_1.InputError(INPUT, `has ${lines.length} checks; at most ${exports.MAX_CHECKS} are allowed (one per API the workload depends on)`, exports.DEFAULT_CHECK_LINE);
    }
    const checks = [];
    const seen = new Map();
    for (const { number, text } of lines) {
        const check = parseCheckLine(number, text);
        const key = `${check.url} ${check.resource}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            fail(number, `${(0, quote_value_1.quoteValue)(check.url)} with the same audience repeats line ${earlier}; list each check once`);
        }
        seen.set(key, number);
        checks.push(check);
    }
    return checks;
}


/***/ }),

/***/ 6208:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatDuration = formatDuration;
exports.parseDuration = parseDuration;
/**
 * Durations as the contract writes them: `500ms`, `30s`, `5m`; a bare number is seconds.
 * Fractions are accepted where they make a whole number of milliseconds (`1.5s`, `0.5m`) and
 * refused where they do not (`0.5ms`).
 */
const action_inputs_1 = __nccwpck_require__(6441);
const quote_value_1 = __nccwpck_require__(4745);
const UNIT_MS = new Map([
    ['ms', 1],
    ['s', 1000],
    ['m', 60_000]
]);
/** Units people write that the contract does not take, with what to write instead. */
const UNIT_HINTS = new Map([
    ['h', 'hours are not a unit here: write minutes, e.g. 60m'],
    ['hr', 'hours are not a unit here: write minutes, e.g. 60m'],
    ['min', 'write minutes as m, e.g. 5m'],
    ['mins', 'write minutes as m, e.g. 5m'],
    ['sec', 'write seconds as s, e.g. 30s'],
    ['secs', 'write seconds as s, e.g. 30s'],
    ['us', 'microseconds are too fine: the smallest unit is ms'],
    ['d', 'days are not a unit here: write minutes, e.g. 60m']
]);
/** `300000` → `5m`, `1500` → `1500ms`: the shortest exact spelling, for messages. */
function formatDuration(ms) {
    if (ms >= 60_000 && ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    if (ms >= 1000 && ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}
/**
 * Parses `value` (already trimmed or not) into milliseconds within `bounds`, or throws an
 * InputError naming `input`.
 */
function parseDuration(input, value, bounds) {
    const text = value.trim();
    const fail = (problem) => {
        throw new action_inputs_1.InputError(input, problem, bounds.example);
    };
    const range = `between ${formatDuration(bounds.minMs)} and ${formatDuration(bounds.maxMs)}`;
    if (text === '')
        fail(`is empty; give a duration ${range}`);
    if (text.startsWith('-'))
        fail(`${(0, quote_value_1.quoteValue)(text)} is negative; give a duration ${range}`);
    const match = /^(\d{1,15})(?:\.(\d{1,9}))?\s*([a-zA-Z]*)$/.exec(text);
    if (match === null) {
        return fail(`${(0, quote_value_1.quoteValue)(text)} is not a duration; write a number with ms, s or m (a bare number is seconds)`);
    }
    const [, whole, fraction = '', rawUnit] = match;
    const unit = rawUnit.toLowerCase() || 's';
    const factor = UNIT_MS.get(unit);
    if (factor === undefined) {
        const hint = UNIT_HINTS.get(unit) ?? 'the units are ms, s and m';
        return fail(`${(0, quote_value_1.quoteValue)(text)} has an unknown unit ${(0, quote_value_1.quoteValue)(rawUnit)}; ${hint}`);
    }
    if (rawUnit !== '' && /\s/.test(text)) {
        return fail(`${(0, quote_value_1.quoteValue)(text)} has a space before the unit; write it without one`);
    }
    // Integer arithmetic on the digits: no floating-point surprises such as 0.1m = 6000.000000000001.
    const scale = 10 ** fraction.length;
    const scaled = BigInt(whole + fraction) * BigInt(factor);
    if (scaled % BigInt(scale) !== 0n) {
        return fail(`${(0, quote_value_1.quoteValue)(text)} is not a whole number of milliseconds`);
    }
    const msBig = scaled / BigInt(scale);
    if (msBig > BigInt(bounds.maxMs))
        fail(`${(0, quote_value_1.quoteValue)(text)} is too long; give a duration ${range}`);
    const ms = Number(msBig);
    if (ms < bounds.minMs)
        fail(`${(0, quote_value_1.quoteValue)(text)} is too short; give a duration ${range}`);
    return ms;
}


/***/ }),

/***/ 7675:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.guidProblem = guidProblem;
exports.parseIdentity = parseIdentity;
const resource_id_1 = __nccwpck_require__(1365);
const action_inputs_1 = __nccwpck_require__(6441);
const quote_value_1 = __nccwpck_require__(4745);
const INPUT = 'identity';
const CLIENT_ID_EXAMPLE = '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b';
const RESOURCE_ID_EXAMPLE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-web';
const USER_ASSIGNED_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';
/** Resource types people paste whose own identity is the system-assigned one. */
const OWN_IDENTITY_HOLDERS = [
    ['Microsoft.Compute/virtualMachines', 'VM'],
    ['Microsoft.Compute/virtualMachineScaleSets', 'scale set'],
    ['Microsoft.Web/sites', 'app'],
    ['Microsoft.App/containerApps', 'container app'],
    ['Microsoft.HybridCompute/machines', 'Arc machine']
];
const BRACED_GUID = /^\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}$/i;
const UNDASHED_GUID = /^[0-9a-f]{32}$/i;
function fail(problem, example = CLIENT_ID_EXAMPLE) {
    throw new action_inputs_1.InputError(INPUT, problem, example);
}
/** Mistakes in something meant as a GUID; undefined when `text` is a plain GUID. */
function guidProblem(text) {
    if (resource_id_1.GUID.test(text))
        return undefined;
    const braced = BRACED_GUID.exec(text);
    if (braced !== null)
        return `${(0, quote_value_1.quoteValue)(text)} has braces around the GUID; write ${braced[1]}`;
    if (UNDASHED_GUID.test(text)) {
        return `${(0, quote_value_1.quoteValue)(text)} is missing the dashes of a GUID (8-4-4-4-12 hex digits)`;
    }
    return `${(0, quote_value_1.quoteValue)(text)} is not a GUID (8-4-4-4-12 hex digits)`;
}
function parseObjectId(text, rest) {
    const value = rest.trim();
    if (value.startsWith('/')) {
        fail(`${(0, quote_value_1.quoteValue)(text)}: object-id: takes the identity's object (principal) ID, a GUID; a resource ID goes in without a prefix`, `object-id:${CLIENT_ID_EXAMPLE}`);
    }
    const problem = guidProblem(value);
    if (problem !== undefined)
        fail(`object-id: ${problem}`, `object-id:${CLIENT_ID_EXAMPLE}`);
    return { kind: 'object-id', value: value.toLowerCase() };
}
function parseIdentityResourceId(text) {
    const parsed = (0, resource_id_1.parseResourceId)(text);
    if (!parsed.ok) {
        fail(`${(0, quote_value_1.quoteValue)(text)} is not a valid user-assigned identity resource ID: ${parsed.problem}`, RESOURCE_ID_EXAMPLE);
    }
    const { id } = parsed;
    if ((0, resource_id_1.isResourceType)(id, USER_ASSIGNED_TYPE) && id.resources.length === 1) {
        return { kind: 'resource-id', value: text };
    }
    const type = (0, resource_id_1.resourceType)(id);
    const owner = OWN_IDENTITY_HOLDERS.find(([t]) => t.toLowerCase() === type.toLowerCase())?.[1];
    const hint = owner === undefined ? '' : `; for the ${owner}'s own system-assigned identity write: system`;
    return fail(`${(0, quote_value_1.quoteValue)(text)} is the resource ID of a ${type}, not of a user-assigned identity (${USER_ASSIGNED_TYPE})${hint}`, RESOURCE_ID_EXAMPLE);
}
/** Parses the `identity` input. An empty value means `system` (the contract's default). */
function parseIdentity(value) {
    const text = value.trim();
    if (text === '' || text.toLowerCase() === 'system')
        return { kind: 'system' };
    if (/[\r\n]/.test(text)) {
        fail('holds several lines; the action tests one identity per run (use a matrix for several)');
    }
    const lower = text.toLowerCase();
    if (['system-assigned', 'systemassigned', 'sami', 'default'].includes(lower)) {
        fail(`${(0, quote_value_1.quoteValue)(text)} is not a selection; for the system-assigned identity write: system`, 'system');
    }
    if (lower.startsWith('object-id:'))
        return parseObjectId(text, text.slice('object-id:'.length));
    const prefixed = /^(client[-_]?id|principal[-_]?id|object[-_]?id|mi[-_]res[-_]id|msi[-_]res[-_]id|resource[-_]?id)\s*[:=]\s*(.*)$/i.exec(text);
    if (prefixed !== null) {
        const key = prefixed[1].toLowerCase().replace(/[-_]/g, '');
        if (key === 'clientid') {
            fail(`${(0, quote_value_1.quoteValue)(text)}: write a client ID as the bare GUID, without a prefix`);
        }
        if (key === 'principalid' || key === 'objectid') {
            fail(`${(0, quote_value_1.quoteValue)(text)}: write an object ID as object-id:<GUID>`, `object-id:${CLIENT_ID_EXAMPLE}`);
        }
        fail(`${(0, quote_value_1.quoteValue)(text)}: write a resource ID as it is, without a prefix`, RESOURCE_ID_EXAMPLE);
    }
    if (text.startsWith('/') || lower.startsWith('subscriptions/')) {
        return parseIdentityResourceId(text);
    }
    if (lower.startsWith('https://') && lower.includes('/subscriptions/')) {
        fail(`${(0, quote_value_1.quoteValue)(text)} is a portal or ARM URL; give the identity's resource ID (from /subscriptions/ on) or its client ID`, RESOURCE_ID_EXAMPLE);
    }
    const problem = guidProblem(text);
    if (problem === undefined)
        return { kind: 'client-id', value: text.toLowerCase() };
    if (BRACED_GUID.test(text) || UNDASHED_GUID.test(text))
        fail(problem);
    return fail(`${(0, quote_value_1.quoteValue)(text)} is not system, a client ID (GUID), object-id:<GUID> or a user-assigned identity resource ID; an identity's name alone is not enough`);
}


/***/ }),

/***/ 8097:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InputErrors = void 0;
/**
 * Several invalid inputs at once. A user fixing a workflow should see every problem in one run,
 * not one per push. It is an InputError (the first problem's input, problem and example) so callers
 * that handle InputError need nothing new; its message lists every problem, one a line.
 */
const action_inputs_1 = __nccwpck_require__(6441);
class InputErrors extends action_inputs_1.InputError {
    errors;
    constructor(errors) {
        const first = errors[0];
        if (first === undefined)
            throw new TypeError('InputErrors needs at least one error');
        super(first.input, first.problem, first.example);
        this.errors = errors;
        this.name = 'InputError';
        this.message =
            errors.length === 1
                ? first.message
                : `${errors.length} inputs are invalid:\n${errors.map(e => `- ${e.message}`).join('\n')}`;
    }
}
exports.InputErrors = InputErrors;


/***/ }),

/***/ 7183:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * The multi-line inputs (`targets`, `checks`): one entry a line; blank lines and lines starting with
 * `#` are ignored, so a workflow can comment its list. A `#` later in a line is data (it is part of
 * `vmss:<id>#<instance>` and of URLs), never a comment.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_LINES = void 0;
exports.inputLines = inputLines;
/** More lines than this is a paste gone wrong, not a smoke test. */
exports.MAX_LINES = 256;
function inputLines(value) {
    const lines = [];
    value.split(/\r\n|\r|\n/).forEach((raw, index) => {
        const text = raw.trim();
        if (text === '' || text.startsWith('#'))
            return;
        lines.push({ number: index + 1, text });
    });
    return lines;
}


/***/ }),

/***/ 4745:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.quoteValue = quoteValue;
/**
 * How an input's value is shown inside an error message: quoted, control characters escaped (a
 * newline in a value must not start a new log line or workflow command), and cut short, because a
 * 10 kB paste helps nobody in an annotation. Secrets (`endpoint-key`) are never passed here.
 */
/** Long enough for a full resource ID, short enough for an annotation. */
const MAX_SHOWN = 300;
function quoteValue(value) {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    // JSON escaping handles quotes, backslashes and every control character.
    return JSON.stringify(shown).replace(/[\u007f-\u009f\u2028\u2029]/g, c => {
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
}


/***/ }),

/***/ 8215:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MAX_CONCURRENCY = exports.RBAC_WAIT_BOUNDS = exports.TIMEOUT_BOUNDS = exports.INPUT_DEFAULTS = void 0;
exports.readInputs = readInputs;
const action_inputs_1 = __nccwpck_require__(6441);
const audience_value_1 = __nccwpck_require__(8271);
const checks_1 = __nccwpck_require__(7272);
const durations_1 = __nccwpck_require__(6208);
const identity_1 = __nccwpck_require__(7675);
const input_errors_1 = __nccwpck_require__(8097);
const quote_value_1 = __nccwpck_require__(4745);
const targets_1 = __nccwpck_require__(4295);
const url_rules_1 = __nccwpck_require__(3346);
/** The inputs of action.yml with their defaults, exactly as CONTRACT.md gives them. */
exports.INPUT_DEFAULTS = {
    targets: 'local',
    identity: 'system',
    checks: checks_1.DEFAULT_CHECK_LINE,
    'expected-principal-id': '',
    'rbac-wait': '0',
    timeout: '10s',
    concurrency: '8',
    'fail-on': 'error',
    os: 'auto',
    'endpoint-key': '',
    'endpoint-audience': '',
    'imds-endpoint': 'http://169.254.169.254',
    summary: 'true'
};
exports.TIMEOUT_BOUNDS = { minMs: 100, maxMs: 5 * 60_000, example: '10s' };
exports.RBAC_WAIT_BOUNDS = { minMs: 0, maxMs: 60 * 60_000, example: '5m' };
exports.MAX_CONCURRENCY = 256;
const GUID_EXAMPLE = '6f3e2b1a-0c4d-4e5f-8a9b-1c2d3e4f5a6b';
function parseConcurrency(value) {
    const example = '8';
    if (!/^\d{1,6}$/.test(value)) {
        const problem = /^-/.test(value)
            ? `${(0, quote_value_1.quoteValue)(value)} is negative`
            : `${(0, quote_value_1.quoteValue)(value)} is not a whole number`;
        throw new action_inputs_1.InputError('concurrency', `${problem}; give a number from 1 to ${exports.MAX_CONCURRENCY}`, example);
    }
    const n = Number(value);
    if (n < 1 || n > exports.MAX_CONCURRENCY) {
        throw new action_inputs_1.InputError('concurrency', `${(0, quote_value_1.quoteValue)(value)} is out of range; give a number from 1 to ${exports.MAX_CONCURRENCY}`, example);
    }
    return n;
}
function parseChoice(input, value, choices, hints = {}) {
    const lower = value.toLowerCase();
    const choice = choices.find(c => c === lower);
    if (choice !== undefined)
        return choice;
    const hint = Object.prototype.hasOwnProperty.call(hints, lower) ? hints[lower] : undefined;
    const suggestion = hint === undefined ? '' : ` (did you mean ${hint}?)`;
    throw new action_inputs_1.InputError(input, `${(0, quote_value_1.quoteValue)(value)} is not one of ${choices.join(', ')}${suggestion}`, choices[0]);
}
/** Exactly the spellings of core.getBooleanInput (YAML 1.2 core schema). */
function parseBoolean(input, value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new action_inputs_1.InputError(input, `${(0, quote_value_1.quoteValue)(value)} is not true or false`, 'true');
}
function parseExpectedPrincipalId(value, identity) {
    const input = 'expected-principal-id';
    if (value === '')
        return undefined;
    const text = value.toLowerCase().startsWith('object-id:') ? value.slice(10).trim() : value;
    if (text.startsWith('/')) {
        throw new action_inputs_1.InputError(input, `${(0, quote_value_1.quoteValue)(value)} is a resource ID; give the identity's object (principal) ID, a GUID (az identity show --query principalId)`, GUID_EXAMPLE);
    }
    const problem = (0, identity_1.guidProblem)(text);
    if (problem !== undefined)
        throw new action_inputs_1.InputError(input, problem, GUID_EXAMPLE);
    const oid = text.toLowerCase();
    // Two inputs that cannot both hold: the run could only ever fail.
    if (identity?.kind === 'object-id' && identity.value !== oid) {
        throw new action_inputs_1.InputError(input, `${oid} contradicts identity object-id:${identity.value}; the token of that identity carries its own object ID`, identity.value);
    }
    // A managed identity's client ID (appid) and object ID (oid) are never the same GUID: one of the
    // two inputs holds the other kind of ID.
    if (identity?.kind === 'client-id' && identity.value === oid) {
        throw new action_inputs_1.InputError(input, `${oid} is the client ID given in identity; a managed identity's object (principal) ID is a different GUID (az identity show --query principalId)`, GUID_EXAMPLE);
    }
    return oid;
}
/** The secret sent as `x-mi-smoke-key`; never quoted back in a message. */
function parseEndpointKey(value) {
    if (value === '')
        return undefined;
    // A header value cannot hold control characters; Node would throw mid-dispatch otherwise.
    if ((0, audience_value_1.hasControlCharacter)(value, true)) {
        throw new action_inputs_1.InputError('endpoint-key', 'contains a line break or control character, which cannot go into an HTTP header (the value is not shown: it is a secret)', '${{ secrets.MI_SMOKE_KEY }}');
    }
    if ([...value].some(c => c.charCodeAt(0) > 0xff)) {
        throw new action_inputs_1.InputError('endpoint-key', 'contains characters outside Latin-1, which cannot go into an HTTP header (the value is not shown: it is a secret)', '${{ secrets.MI_SMOKE_KEY }}');
    }
    return value;
}
function parseEndpointAudience(value) {
    if (value === '')
        return undefined;
    const problem = (0, audience_value_1.audienceProblem)(value);
    if (problem !== undefined) {
        throw new action_inputs_1.InputError('endpoint-audience', problem, 'api://00000000-0000-0000-0000-000000000000');
    }
    return value;
}
function parseImdsEndpoint(value) {
    const input = 'imds-endpoint';
    const example = 'http://169.254.169.254';
    const shown = (0, quote_value_1.quoteValue)((0, url_rules_1.redactUserinfo)(value));
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new action_inputs_1.InputError(input, `${shown} is not an absolute URL`, example);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new action_inputs_1.InputError(input, `${shown} is not an http:// or https:// URL`, example);
    }
    if (url.hostname === '')
        throw new action_inputs_1.InputError(input, `${shown} has no host`, example);
    if (url.username !== '' || url.password !== '') {
        throw new action_inputs_1.InputError(input, `${shown} has credentials in it`, example);
    }
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
        throw new action_inputs_1.InputError(input, `${shown} has a path, query or fragment; give the base URL only (the action adds /metadata/...)`, example);
    }
    return `${url.protocol}//${url.host}`;
}
/**
 * Reads every input through `getInput` (core.getInput, or a test's map) and validates it.
 * Throws InputError (an InputErrors when several inputs are wrong) on any invalid value.
 */
function readInputs(getInput) {
    const errors = [];
    const read = (name) => {
        const raw = getInput(name);
        const value = typeof raw === 'string' ? raw.trim() : '';
        return value === '' ? exports.INPUT_DEFAULTS[name] : value;
    };
    function attempt(parse, fallback) {
        try {
            return parse();
        }
        catch (error) {
            if (error instanceof action_inputs_1.InputError) {
                errors.push(error);
                return fallback;
            }
            throw error;
        }
    }
    // The fallbacks only keep collecting problems; they are never returned.
    const targets = attempt(() => (0, targets_1.parseTargets)(read('targets')), []);
    const identity = attempt(() => (0, identity_1.parseIdentity)(read('identity')), undefined);
    const inputs = {
        targets,
        identity: identity ?? { kind: 'system' },
        checks: attempt(() => (0, checks_1.parseChecks)(read('checks')), []),
        expectedPrincipalId: attempt(() => parseExpectedPrincipalId(read('expected-principal-id'), identity), undefined),
        rbacWaitMs: attempt(() => (0, durations_1.parseDuration)('rbac-wait', read('rbac-wait'), exports.RBAC_WAIT_BOUNDS), 0),
        timeoutMs: attempt(() => (0, durations_1.parseDuration)('timeout', read('timeout'), exports.TIMEOUT_BOUNDS), 0),
        concurrency: attempt(() => parseConcurrency(read('concurrency')), 1),
        failOn: attempt(() => parseChoice('fail-on', read('fail-on'), ['error', 'warning', 'never'], {
            warn: 'warning',
            warnings: 'warning',
            errors: 'error',
            fail: 'error',
            failure: 'error',
            none: 'never',
            false: 'never',
            off: 'never'
        }), 'error'),
        os: attempt(() => parseChoice('os', read('os'), ['auto', 'linux', 'windows'], {
            ubuntu: 'linux',
            win: 'windows',
            win32: 'windows'
        }), 'auto'),
        endpointKey: attempt(() => parseEndpointKey(read('endpoint-key')), undefined),
        endpointAudience: attempt(() => parseEndpointAudience(read('endpoint-audience')), undefined),
        imdsEndpoint: attempt(() => parseImdsEndpoint(read('imds-endpoint')), ''),
        summary: attempt(() => parseBoolean('summary', read('summary')), true)
    };
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new input_errors_1.InputErrors(errors);
    if (inputs.expectedPrincipalId === undefined)
        delete inputs.expectedPrincipalId;
    if (inputs.endpointKey === undefined)
        delete inputs.endpointKey;
    if (inputs.endpointAudience === undefined)
        delete inputs.endpointAudience;
    return inputs;
}


/***/ }),

/***/ 4295:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VMSS_EXAMPLE = exports.VM_EXAMPLE = void 0;
exports.parseTargets = parseTargets;
/**
 * Input `targets`: where the probe runs, one target a line.
 *
 *   local                         the runner itself
 *   vm:<VM resource ID>           that VM, through az vm run-command
 *   vmss:<VMSS resource ID>       every instance of the scale set
 *   vmss:<VMSS resource ID>#<N>   one instance
 *   https://...                   a smoke endpoint (http:// only on loopback)
 */
const resource_id_1 = __nccwpck_require__(1365);
const action_inputs_1 = __nccwpck_require__(6441);
const input_lines_1 = __nccwpck_require__(7183);
const quote_value_1 = __nccwpck_require__(4745);
const url_rules_1 = __nccwpck_require__(3346);
const INPUT = 'targets';
const VM_TYPE = 'Microsoft.Compute/virtualMachines';
const VMSS_TYPE = 'Microsoft.Compute/virtualMachineScaleSets';
const VMSS_VM_TYPE = 'Microsoft.Compute/virtualMachineScaleSets/virtualMachines';
const EXAMPLE_RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web';
exports.VM_EXAMPLE = `vm:${EXAMPLE_RG}/providers/${VM_TYPE}/web-1`;
exports.VMSS_EXAMPLE = `vmss:${EXAMPLE_RG}/providers/${VMSS_TYPE}/web-ss#0`;
const HTTPS_EXAMPLE = 'https://web-1.azurewebsites.net/.well-known/mi-smoke';
/** Instance IDs of a uniform scale set are decimal numbers. */
const INSTANCE_ID = /^\d{1,10}$/;
function fail(line, problem, example) {
    throw new action_inputs_1.InputError(INPUT, `line ${line}: ${problem}`, example);
}
function parseVm(lineNo, line, id) {
    const parsed = (0, resource_id_1.parseResourceId)(id);
    if (!parsed.ok) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is not a VM resource ID: ${parsed.problem}`, exports.VM_EXAMPLE);
    }
    if ((0, resource_id_1.isResourceType)(parsed.id, VM_TYPE))
        return { kind: 'vm', line, resourceId: id };
    if ((0, resource_id_1.isResourceType)(parsed.id, VMSS_TYPE)) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is a scale set; write it as vmss:<ID>`, exports.VMSS_EXAMPLE);
    }
    if ((0, resource_id_1.isResourceType)(parsed.id, VMSS_VM_TYPE)) {
        const instance = parsed.id.resources[1].name;
        const scaleSet = id.slice(0, id.lastIndexOf('/virtualMachines/'));
        fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is a scale set instance; write it as ${(0, quote_value_1.quoteValue)(`vmss:${scaleSet}#${instance}`)}`, exports.VMSS_EXAMPLE);
    }
    return fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is a ${(0, resource_id_1.resourceType)(parsed.id)}, not a virtual machine (${VM_TYPE})`, exports.VM_EXAMPLE);
}
function parseVmss(lineNo, line, rest) {
    const hash = rest.indexOf('#');
    const id = hash === -1 ? rest : rest.slice(0, hash);
    const instanceId = hash === -1 ? undefined : rest.slice(hash + 1);
    const parsed = (0, resource_id_1.parseResourceId)(id);
    if (!parsed.ok) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is not a scale set resource ID: ${parsed.problem}`, exports.VMSS_EXAMPLE);
    }
    if ((0, resource_id_1.isResourceType)(parsed.id, VMSS_VM_TYPE)) {
        const instance = parsed.id.resources[1].name;
        const scaleSet = id.slice(0, id.lastIndexOf('/virtualMachines/'));
        fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is an instance's resource ID; write ${(0, quote_value_1.quoteValue)(`vmss:${scaleSet}#${instance}`)}`, exports.VMSS_EXAMPLE);
    }
    if ((0, resource_id_1.isResourceType)(parsed.id, VM_TYPE)) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is a virtual machine; write it as vm:<ID>`, exports.VM_EXAMPLE);
    }
    if (!(0, resource_id_1.isResourceType)(parsed.id, VMSS_TYPE)) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(id)} is a ${(0, resource_id_1.resourceType)(parsed.id)}, not a scale set (${VMSS_TYPE})`, exports.VMSS_EXAMPLE);
    }
    if (instanceId === undefined)
        return { kind: 'vmss', line, resourceId: id };
    if (!INSTANCE_ID.test(instanceId)) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(instanceId)} after # is not an instance ID; instance IDs are numbers (az vmss list-instances shows them)`, exports.VMSS_EXAMPLE);
    }
    // `007` and `7` are the same instance: keep one spelling so duplicates are caught.
    const canonical = instanceId.replace(/^0+(?=\d)/, '');
    return { kind: 'vmss', line, resourceId: id, instanceId: canonical };
}
function parseUrlTarget(lineNo, line) {
    const parsed = (0, url_rules_1.parseSecureUrl)(line);
    if (!parsed.ok)
        fail(lineNo, parsed.problem, HTTPS_EXAMPLE);
    return { kind: 'https', line, url: parsed.url.href };
}
function parseTargetLine(lineNo, line) {
    const lower = line.toLowerCase();
    if (lower === 'local')
        return { kind: 'local', line };
    if (lower.startsWith('vm:'))
        return parseVm(lineNo, line, line.slice(3).trim());
    if (lower.startsWith('vmss:'))
        return parseVmss(lineNo, line, line.slice(5).trim());
    if (/^https?:\/\//i.test(line))
        return parseUrlTarget(lineNo, line);
    if (lower.startsWith('/subscriptions/')) {
        const parsed = (0, resource_id_1.parseResourceId)(line.split('#')[0]);
        const type = parsed.ok ? (0, resource_id_1.resourceType)(parsed.id).toLowerCase() : '';
        const prefix = type.startsWith(VMSS_TYPE.toLowerCase()) ? 'vmss:' : 'vm:';
        fail(lineNo, `${(0, quote_value_1.quoteValue)(line)} needs a prefix: write ${(0, quote_value_1.quoteValue)(prefix + line)}`, prefix === 'vm:' ? exports.VM_EXAMPLE : exports.VMSS_EXAMPLE);
    }
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i.test(line)) {
        fail(lineNo, `${(0, quote_value_1.quoteValue)(line)} has no scheme; write ${(0, quote_value_1.quoteValue)(`https://${line}`)}`, HTTPS_EXAMPLE);
    }
    return fail(lineNo, `${(0, quote_value_1.quoteValue)(line)} is not a target; a target is local, vm:<VM resource ID>, vmss:<scale set resource ID>[#<instance>] or https://<smoke endpoint>`, 'local');
}
/** Identity of a target for duplicate detection: resource IDs compare without case, as ARM does. */
function targetKey(target) {
    switch (target.kind) {
        case 'local':
            return 'local';
        case 'vm':
            return `vm:${target.resourceId.toLowerCase()}`;
        case 'vmss':
            return `vmss:${target.resourceId.toLowerCase()}#${target.instanceId ?? '*'}`;
        case 'https':
            return target.url;
    }
}
/** Parses the `targets` input. An empty value means `local` (the contract's default). */
function parseTargets(value) {
    const lines = (0, input_lines_1.inputLines)(value);
    if (value.trim() === '')
        return [{ kind: 'local', line: 'local' }];
    if (lines.length === 0) {
        throw new action_inputs_1.InputError(INPUT, 'has only comments and blank lines; give at least one target', 'local');
    }
    if (lines.length > input_lines_1.MAX_LINES) {
        throw new action_inputs_1.InputError(INPUT, `has ${lines.length} targets; at most ${input_lines_1.MAX_LINES} are allowed`, 'local');
    }
    const targets = [];
    const seen = new Map();
    const wholeScaleSets = new Map();
    for (const { number, text } of lines) {
        const target = parseTargetLine(number, text);
        const key = targetKey(target);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            fail(number, `${(0, quote_value_1.quoteValue)(text)} repeats line ${earlier}; list each target once`, 'local');
        }
        seen.set(key, number);
        if (target.kind === 'vmss' && target.instanceId === undefined) {
            wholeScaleSets.set(target.resourceId.toLowerCase(), number);
        }
        targets.push(target);
    }
    // An instance listed next to its whole scale set would be probed twice.
    for (const target of targets) {
        if (target.kind !== 'vmss' || target.instanceId === undefined)
            continue;
        const whole = wholeScaleSets.get(target.resourceId.toLowerCase());
        if (whole !== undefined) {
            const lineNo = lines[targets.indexOf(target)].number;
            fail(lineNo, `${(0, quote_value_1.quoteValue)(target.line)} is already covered by line ${whole}, which probes every instance of that scale set`, exports.VMSS_EXAMPLE);
        }
    }
    return targets;
}


/***/ }),

/***/ 3346:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseSecureUrl = parseSecureUrl;
exports.redactUserinfo = redactUserinfo;
/**
 * Rules every URL from an input obeys, because a token or a key may travel to it: `https://`, or
 * `http://` to a loopback host (tests, the emulator); no credentials in the URL (they would end up in
 * logs and the report); no fragment (it is never sent, so it can only be a mistake).
 */
const loopback_1 = __nccwpck_require__(6918);
const quote_value_1 = __nccwpck_require__(4745);
/** The problem with `text` as a URL a token or key is sent to, or the parsed URL. */
function parseSecureUrl(text) {
    // Shown in messages with any user:password@ masked: the value may be half a secret.
    const shown = (0, quote_value_1.quoteValue)(redactUserinfo(text));
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return { ok: false, problem: `${shown} is not an absolute URL` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { ok: false, problem: `${shown} is not an https:// URL` };
    }
    if (url.hostname === '')
        return { ok: false, problem: `${shown} has no host` };
    if (url.protocol === 'http:' && !(0, loopback_1.isLoopbackUrl)(url)) {
        return {
            ok: false,
            problem: `${shown} uses http:// off loopback; use https:// (plain http is only for 127.0.0.1, ::1 and localhost)`
        };
    }
    if (url.username !== '' || url.password !== '') {
        return {
            ok: false,
            problem: `${shown} has credentials in it; remove user:password@`
        };
    }
    if (text.includes('#')) {
        return { ok: false, problem: `${shown} has a #fragment, which is never sent; remove it` };
    }
    return { ok: true, url };
}
/** `https://user:pw@host/` → `https://***@host/`. */
function redactUserinfo(text) {
    return text.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#@]*@/, '$1***@');
}


/***/ }),

/***/ 1730:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.run = run;
/**
 * The action: read and validate inputs (nothing is dispatched on bad input), probe every target
 * concurrently through the `rbac-wait` loop, report (log groups, annotations, job summary,
 * outputs, report file) and gate the job on `fail-on`.
 */
const core = __importStar(__nccwpck_require__(7484));
const node_crypto_1 = __nccwpck_require__(7598);
const diagnose_1 = __nccwpck_require__(9753);
const gate_1 = __nccwpck_require__(1956);
const action_inputs_1 = __nccwpck_require__(6441);
const read_inputs_1 = __nccwpck_require__(8215);
const clock_1 = __nccwpck_require__(9886);
const probe_once_1 = __nccwpck_require__(4754);
const probe_budget_1 = __nccwpck_require__(4894);
const resolve_workloads_1 = __nccwpck_require__(6639);
const run_targets_1 = __nccwpck_require__(8798);
const run_workload_1 = __nccwpck_require__(8831);
const fallback_report_1 = __nccwpck_require__(599);
const annotations_1 = __nccwpck_require__(856);
const build_report_1 = __nccwpck_require__(4417);
const outputs_1 = __nccwpck_require__(5468);
const report_types_1 = __nccwpck_require__(7370);
const summary_1 = __nccwpck_require__(7994);
const target_log_1 = __nccwpck_require__(1494);
const bad_input_summary_1 = __nccwpck_require__(3081);
const defaults = {
    getInput: name => core.getInput(name),
    resolve: resolve_workloads_1.resolveWorkloads,
    diagnosis: { diagnose: diagnose_1.diagnose, diagnoseDispatchFailure: diagnose_1.diagnoseDispatchFailure, isRbacDenied: diagnose_1.isRbacDenied },
    clock: clock_1.systemClock,
    exit: () => process.exit()
};
async function run(overrides = {}) {
    const deps = { ...defaults, ...overrides };
    const started = Date.now();
    const nonce = (0, node_crypto_1.randomUUID)();
    try {
        let inputs;
        try {
            inputs = (0, read_inputs_1.readInputs)(deps.getInput);
        }
        catch (error) {
            if (error instanceof action_inputs_1.InputError || (error instanceof Error && error.name === 'InputError')) {
                await reportBadInput(error, nonce, started, deps.getInput);
                return;
            }
            throw error;
        }
        // Before anything can print it.
        if (inputs.endpointKey)
            core.setSecret(inputs.endpointKey);
        const abandoned = await probeAll(inputs, nonce, started, deps);
        if (abandoned > 0) {
            // A probe that ignored its deadline may keep a socket open; the verdict is out, so end here
            // rather than let the job hang on it (exit code as set by the gate).
            deps.exit();
        }
    }
    catch (error) {
        core.setOutput('result', 'fail');
        core.setFailed(`mi-smoke crashed: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Fans out, reports and gates; returns how many probes were abandoned at their deadline. */
async function probeAll(inputs, nonce, started, deps) {
    const request = {
        v: 1,
        nonce,
        identity: inputs.identity,
        checks: inputs.checks.map(check => ({ url: check.url, resource: check.resource })),
        timeoutMs: inputs.timeoutMs,
        imdsEndpoint: inputs.imdsEndpoint
    };
    let abandoned = 0;
    const workloadsTotal = inputs.targets.length;
    core.info(`mi-smoke: probing ${workloadsTotal} target${workloadsTotal === 1 ? '' : 's'} ` +
        `(concurrency ${inputs.concurrency}, timeout ${inputs.timeoutMs} ms${inputs.rbacWaitMs > 0 ? `, rbac-wait ${inputs.rbacWaitMs} ms` : ''})`);
    const { reports } = await (0, run_targets_1.runTargets)({
        targets: inputs.targets,
        concurrency: inputs.concurrency,
        resolve: (target, signal) => deps.resolve(target, inputs, signal),
        resolveBudgetMs: probe_budget_1.resolveBudgetMs,
        resolutionFailed: (target, error) => {
            const dispatchError = (0, probe_once_1.toDispatchError)(error);
            try {
                return deps.diagnosis.diagnoseDispatchFailure(dispatchError, {
                    target: target.line,
                    identity: inputs.identity,
                    checks: inputs.checks,
                    nowMs: Date.now()
                });
            }
            catch {
                return (0, fallback_report_1.fallbackReport)(target.line, dispatchError.message, dispatchError.remediation);
            }
        },
        runWorkload: (workload, target) => (0, run_workload_1.runWorkload)(workload, {
            request,
            identity: inputs.identity,
            ...(inputs.expectedPrincipalId ? { expectedPrincipalId: inputs.expectedPrincipalId } : {}),
            checks: inputs.checks,
            rbacWaitMs: inputs.rbacWaitMs,
            budgetMs: (0, probe_budget_1.probeBudgetMs)(target, inputs),
            diagnosis: deps.diagnosis,
            clock: deps.clock,
            onAbandoned: () => abandoned++,
            onRetry: (label, probe, waitedMs) => core.info(`${label}: API still denies the role after ${Math.round(waitedMs / 1000)} s; probe ${probe} (rbac-wait)`)
        }),
        onReport: report => (0, target_log_1.logTarget)(report)
    });
    const report = (0, build_report_1.buildReport)(reports, Date.now() - started);
    await publish(report, nonce, inputs.summary);
    (0, gate_1.applyGate)(report, inputs.failOn);
    return abandoned;
}
async function publish(report, nonce, summary) {
    (0, target_log_1.logVerdict)(report);
    (0, annotations_1.annotate)(report);
    (0, outputs_1.writeOutputs)(report, nonce);
    try {
        await (0, summary_1.writeSummary)(report, summary);
    }
    catch (error) {
        core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Bad input: a named error, exit code 1, outputs that say so, and nothing dispatched. */
async function reportBadInput(error, nonce, started, getInput) {
    const report = {
        schema: report_types_1.REPORT_SCHEMA,
        result: 'fail',
        durationMs: Date.now() - started,
        targets: []
    };
    (0, outputs_1.writeOutputs)(report, nonce, { overrides: { 'failure-mode': 'bad-input', 'failed-step': '' } });
    // `summary` itself may be the bad input: only an explicit `false` turns the summary off here.
    if (getInput('summary').trim().toLowerCase() !== 'false' && process.env['GITHUB_STEP_SUMMARY']) {
        try {
            await core.summary.addRaw((0, bad_input_summary_1.renderBadInputSummary)(error.message), true).write();
        }
        catch {
            // The error below is what matters.
        }
    }
    core.setFailed(error.message);
}


/***/ }),

/***/ 7292:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * The raw observations a probe sends back from the workload: wire schema `mi-smoke-obs/1`.
 *
 * Every probe produces exactly this shape, whatever runs it: the in-process probe of the `local`
 * target, the POSIX sh and PowerShell probes that `az vm run-command` runs on a VM, and the smoke
 * endpoint handler a workload serves. Probes only observe (what was asked, what came back, how long
 * it took); they never judge. Judging is `src/diagnosis/`, one place for every dispatch mode.
 *
 * What never appears here: an access token or any part of its signature. A token response is
 * reduced to its other fields and the JWT's payload segment (the claims).
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BODY_LIMIT = exports.OBSERVATIONS_MARKER = exports.OBSERVATIONS_VERSION = void 0;
/** Version of this schema; a probe that speaks another one is a `dispatch-failed`. */
exports.OBSERVATIONS_VERSION = 1;
/** Prefix of the one line a VM probe prints its observations on (JSON follows the space). */
exports.OBSERVATIONS_MARKER = 'MI-SMOKE-OBS/1';
/** Bodies are cut to this many characters by the in-process probe and the handler. */
exports.BODY_LIMIT = 600;


/***/ }),

/***/ 9886:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.systemClock = void 0;
exports.systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(done => setTimeout(done, Math.max(0, ms)))
};


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DeadlineExceeded = void 0;
exports.withDeadline = withDeadline;
/**
 * Runs work with its own deadline and AbortSignal. When the deadline passes, the signal aborts and
 * the caller gets `DeadlineExceeded` at once, whether or not the work honours the signal: a hung
 * target can never hold up the report of the others.
 */
const format_1 = __nccwpck_require__(2011);
class DeadlineExceeded extends Error {
    ms;
    constructor(ms) {
        super(`no answer within ${(0, format_1.formatDuration)(ms)}`);
        this.ms = ms;
        this.name = 'DeadlineExceeded';
    }
}
exports.DeadlineExceeded = DeadlineExceeded;
async function withDeadline(ms, work) {
    const controller = new AbortController();
    let timer;
    const expired = new Promise((_, reject) => {
        timer = setTimeout(() => {
            const error = new DeadlineExceeded(ms);
            controller.abort(error);
            reject(error);
        }, ms);
    });
    const working = Promise.resolve().then(() => work(controller.signal));
    // Work abandoned at the deadline may still reject later; that must not become an unhandled rejection.
    working.catch(() => undefined);
    try {
        return await Promise.race([working, expired]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 599:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BUG_REMEDIATION = void 0;
exports.fallbackReport = fallbackReport;
function fallbackReport(target, detail, remediation) {
    return {
        target,
        environment: 'unknown',
        result: 'fail',
        failedStep: 'dispatch',
        failureMode: 'dispatch-failed',
        durationMs: 0,
        steps: [
            {
                step: 'dispatch',
                status: 'fail',
                durationMs: 0,
                detail,
                failureMode: 'dispatch-failed',
                remediation
            }
        ]
    };
}
exports.BUG_REMEDIATION = 'This looks like a defect in mi-smoke: re-run with step debug logging (secret ACTIONS_STEP_DEBUG=true) and report it with the log.';


/***/ }),

/***/ 4894:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.probeBudgetMs = probeBudgetMs;
exports.resolveBudgetMs = resolveBudgetMs;
/** IMDS's 410 "updating" retries last up to 70 s (PROTOCOLS.md); allow it once per probe. */
const IMDS_UPDATE_MS = 75_000;
/** Retry waits of one exchange under the 429/5xx policy: 1 s + 2 s + 4 s, with slack for Retry-After. */
const RETRY_WAITS_MS = 10_000;
/** `az vm run-command` takes 20 s at best and queues behind another run: minutes, not hours. */
const RUN_COMMAND_MS = 10 * 60_000;
function probeBudgetMs(target, inputs) {
    const audiences = new Set(inputs.checks.map(check => check.resource)).size;
    const exchanges = 1 + audiences + inputs.checks.length;
    // Up to four attempts per exchange, each bounded by `timeout`.
    const probeMs = exchanges * (4 * inputs.timeoutMs + RETRY_WAITS_MS) + IMDS_UPDATE_MS;
    switch (target.kind) {
        case 'local':
            return probeMs;
        case 'https':
            return probeMs + 2 * inputs.timeoutMs;
        case 'vm':
        case 'vmss':
            return probeMs + RUN_COMMAND_MS;
    }
}
/** Resolving a target into workloads (listing a scale set's instances with `az`). */
function resolveBudgetMs(target) {
    return target.kind === 'vm' || target.kind === 'vmss' ? 3 * 60_000 : 30_000;
}


/***/ }),

/***/ 4754:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.probeOnce = probeOnce;
exports.toDispatchError = toDispatchError;
/**
 * One probe of one workload, turned into a target report: observations go to diagnosis; a
 * `DispatchError`, a missed deadline, an answer to another request or any other exception becomes
 * `dispatch-failed` with its message. Never throws.
 */
const workload_1 = __nccwpck_require__(8697);
const observations_1 = __nccwpck_require__(7292);
const deadline_1 = __nccwpck_require__(910);
const fallback_report_1 = __nccwpck_require__(599);
async function probeOnce(workload, context) {
    let observations;
    try {
        observations = await (0, deadline_1.withDeadline)(context.budgetMs, signal => workload.probe(context.request, signal));
        checkAnswersRequest(observations, context.request);
    }
    catch (error) {
        if (error instanceof deadline_1.DeadlineExceeded)
            context.onAbandoned?.();
        return dispatchFailure(toDispatchError(error), workload, context);
    }
    try {
        return context.diagnosis.diagnose(observations, context.plan());
    }
    catch (error) {
        return (0, fallback_report_1.fallbackReport)(workload.label, `diagnosis failed: ${messageOf(error)}`, fallback_report_1.BUG_REMEDIATION);
    }
}
/** Turns whatever a workload threw into the `DispatchError` diagnosis reports. */
function toDispatchError(error) {
    if (error instanceof workload_1.DispatchError)
        return error;
    if (isDispatchErrorLike(error))
        return new workload_1.DispatchError(error.message, error.remediation, error.evidence);
    if (error instanceof deadline_1.DeadlineExceeded) {
        return new workload_1.DispatchError(`the probe gave ${error.message}`, 'Check that the target is running and reachable from the runner, then re-run; a `timeout` input bounds each request the probe makes.');
    }
    return new workload_1.DispatchError(`the probe failed: ${messageOf(error)}`, fallback_report_1.BUG_REMEDIATION);
}
function dispatchFailure(error, workload, context) {
    try {
        return context.diagnosis.diagnoseDispatchFailure(error, context.plan());
    }
    catch (diagnosisError) {
        return (0, fallback_report_1.fallbackReport)(workload.label, `${error.message} (and diagnosis failed: ${messageOf(diagnosisError)})`, error.remediation);
    }
}
/** Observations of another schema or another run's request must not be judged as this run's. */
function checkAnswersRequest(observations, request) {
    if (!observations || typeof observations !== 'object') {
        throw new workload_1.DispatchError('the probe answered with no observations', fallback_report_1.BUG_REMEDIATION);
    }
    if (observations.v !== observations_1.OBSERVATIONS_VERSION) {
        throw new workload_1.DispatchError(`the probe speaks observation schema ${String(observations.v)}, not ${observations_1.OBSERVATIONS_VERSION}`, 'Deploy the probe (or smoke endpoint) of the same mi-smoke version as the action.');
    }
    if (observations.nonce !== request.nonce) {
        throw new workload_1.DispatchError("the probe's answer is not for this run's request (nonce mismatch)", 'Make sure the target runs the probe it was sent and does not serve cached answers.');
    }
}
function isDispatchErrorLike(error) {
    return (error instanceof Error &&
        error.name === 'DispatchError' &&
        typeof error.remediation === 'string');
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 9891:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RBAC_BACKOFF_CAP_MS = void 0;
exports.rbacBackoffMs = rbacBackoffMs;
/**
 * Pause before the n-th re-probe while waiting for a role assignment to propagate: 1 s, 2 s, 4 s,
 * then every 5 s. The cap bounds how late a role that became effective is noticed (the bench's
 * "median under 5 s" figure), while the early short steps catch the common fast propagation.
 */
exports.RBAC_BACKOFF_CAP_MS = 5000;
function rbacBackoffMs(retry) {
    return Math.min(1000 * 2 ** Math.max(0, retry), exports.RBAC_BACKOFF_CAP_MS);
}


/***/ }),

/***/ 4674:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.probeUntilRoleEffective = probeUntilRoleEffective;
const format_1 = __nccwpck_require__(2011);
const rbac_backoff_1 = __nccwpck_require__(9891);
async function probeUntilRoleEffective(probeOnce, options) {
    const { clock } = options;
    let report = await probeOnce();
    if (options.rbacWaitMs <= 0 || !options.isRbacDenied(report))
        return report;
    const first = report;
    const deniedAt = clock.now();
    const deadline = deniedAt + options.rbacWaitMs;
    let probes = 1;
    for (let retry = 0; options.isRbacDenied(report); retry++) {
        const remaining = deadline - clock.now();
        if (remaining <= 0)
            break;
        await clock.sleep(Math.min((0, rbac_backoff_1.rbacBackoffMs)(retry), remaining));
        probes++;
        options.onRetry?.(probes, clock.now() - deniedAt);
        report = await probeOnce();
    }
    return recordWait(first, report, clock.now() - deniedAt, probes, options.isRbacDenied(report));
}
/**
 * Marks, on the final report, the api steps that were denied at first. Api steps are matched by
 * their order among api steps (one per check), not by position, since a re-probe may report a
 * different number of token steps.
 */
function recordWait(first, final, waitedMs, probes, stillDenied) {
    const denied = new Set();
    first.steps
        .filter(step => step.step === 'api')
        .forEach((step, index) => {
        if (step.failureMode === 'rbac-denied')
            denied.add(index);
    });
    const probesText = `${probes} probe${probes === 1 ? '' : 's'}`;
    const waited = (0, format_1.formatDuration)(waitedMs);
    let apiIndex = -1;
    const steps = final.steps.map(step => {
        if (step.step !== 'api')
            return step;
        apiIndex++;
        if (!denied.has(apiIndex))
            return step;
        let note;
        if (step.status === 'pass')
            note = `role effective after ${waited} of rbac-wait (${probesText})`;
        else if (step.failureMode === 'rbac-denied' || stillDenied)
            note = `still denied after ${waited} of rbac-wait (${probesText})`;
        else
            note = `after ${waited} of rbac-wait (${probesText})`;
        return {
            ...step,
            detail: `${step.detail}; ${note}`,
            rbacWaitMs: Math.round(waitedMs),
            attempts: probes
        };
    });
    return { ...final, steps };
}


/***/ }),

/***/ 6639:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveWorkloads = resolveWorkloads;
const local_1 = __nccwpck_require__(6845);
async function resolveWorkloads(target, inputs, signal) {
    switch (target.kind) {
        case 'local':
            return [(0, local_1.localWorkload)(target.line)];
        case 'vm':
        case 'vmss':
            return (await __nccwpck_require__.e(/* import() */ 106).then(__nccwpck_require__.bind(__nccwpck_require__, 2106))).vmWorkloads(target, inputs, signal);
        case 'https':
            return [(await __nccwpck_require__.e(/* import() */ 688).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6688, 23))).httpWorkload(target, inputs)];
    }
}


/***/ }),

/***/ 8798:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runTargets = runTargets;
const deadline_1 = __nccwpck_require__(910);
const task_pool_1 = __nccwpck_require__(4930);
async function runTargets(options) {
    const pool = new task_pool_1.TaskPool(Math.max(1, options.concurrency));
    const done = (report) => {
        options.onReport?.(report);
        return report;
    };
    const perTarget = options.targets.map(async (target) => {
        let workloads;
        try {
            workloads = await pool.run(() => (0, deadline_1.withDeadline)(options.resolveBudgetMs(target), signal => options.resolve(target, signal)));
            if (workloads.length === 0)
                throw new Error(`no workload found behind '${target.line}'`);
        }
        catch (error) {
            return [done(options.resolutionFailed(target, error))];
        }
        return Promise.all(workloads.map(workload => pool.run(async () => done(await options.runWorkload(workload, target)))));
    });
    const reports = (await Promise.all(perTarget)).flat();
    return { reports, peakConcurrency: pool.peak };
}


/***/ }),

/***/ 8831:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.runWorkload = runWorkload;
const probe_once_1 = __nccwpck_require__(4754);
const rbac_wait_1 = __nccwpck_require__(4674);
async function runWorkload(workload, context) {
    const started = context.clock.now();
    const plan = () => ({
        target: workload.label,
        identity: context.identity,
        ...(context.expectedPrincipalId ? { expectedPrincipalId: context.expectedPrincipalId } : {}),
        checks: context.checks,
        nowMs: Date.now(),
        rbacWaitMs: context.rbacWaitMs,
        nonce: context.request.nonce
    });
    const report = await (0, rbac_wait_1.probeUntilRoleEffective)(() => (0, probe_once_1.probeOnce)(workload, {
        request: context.request,
        plan,
        diagnosis: context.diagnosis,
        budgetMs: context.budgetMs,
        onAbandoned: context.onAbandoned
    }), {
        rbacWaitMs: context.rbacWaitMs,
        clock: context.clock,
        isRbacDenied: report => safeIsRbacDenied(context.diagnosis, report),
        onRetry: (probe, waitedMs) => context.onRetry?.(workload.label, probe, waitedMs)
    });
    return {
        ...report,
        target: report.target || workload.label,
        durationMs: Math.round(context.clock.now() - started)
    };
}
function safeIsRbacDenied(diagnosis, report) {
    try {
        return diagnosis.isRbacDenied(report);
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 4930:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TaskPool = void 0;
/**
 * Runs tasks with at most `limit` at once, in submission order. Tasks can be submitted while others
 * run, which is how a `vmss:` target's instances join the queue once the scale set is listed: each
 * instance then counts against `concurrency` on its own.
 */
class TaskPool {
    limit;
    active = 0;
    highWater = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`pool limit must be a positive integer, got ${limit}`);
    }
    /** The most tasks that ever ran at once (for tests and the bench). */
    get peak() {
        return this.highWater;
    }
    async run(task) {
        if (this.active >= this.limit)
            await new Promise(start => this.waiting.push(start));
        else
            this.active++;
        this.highWater = Math.max(this.highWater, this.active);
        try {
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            // The slot passes straight to the next task, so `active` never dips and lets a newcomer jump the queue.
            if (next)
                next();
            else
                this.active--;
        }
    }
}
exports.TaskPool = TaskPool;


/***/ }),

/***/ 861:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/**
 * What the runner asks a probe to do on the workload: the same request for every dispatch mode
 * (in-process for `local`, run-command parameters for `vm:`/`vmss:`, the smoke endpoint's body for
 * `https://`). It carries data only; nothing in it is ever executed.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IMDS_IDENTITY_PARAMETERS = void 0;
exports.identityParameter = identityParameter;
exports.describeIdentity = describeIdentity;
/** IMDS: `client_id`, `object_id`, `msi_res_id` (PROTOCOLS.md). */
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

/***/ 540:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.proxyFor = proxyFor;
exports.httpRequest = httpRequest;
/**
 * One HTTP exchange with node:http / node:https (global `fetch` costs ~110 ms to load; start-up is a
 * measured goal). It never rejects: every way a request can go wrong becomes a `TransportError`.
 *
 * - One timer covers the whole exchange (proxy, connect, TLS, headers, body) and destroys the
 *   sockets when it fires, so a hung endpoint really ends within `timeoutMs`.
 * - Bodies are read up to `maxBodyBytes`; the rest is dropped (a probe never needs more).
 * - Proxies only when the caller passes `proxyEnv` (API calls); identity endpoints go direct.
 */
const http = __importStar(__nccwpck_require__(7067));
const https = __importStar(__nccwpck_require__(4708));
const net = __importStar(__nccwpck_require__(7030));
const tls = __importStar(__nccwpck_require__(1692));
exports.DEFAULT_MAX_BODY_BYTES = 64 * 1024;
function isFailure(outcome) {
    return 'error' in outcome;
}
/** Node's error codes → the observation schema's classes. */
function classifyError(error) {
    const code = error?.code;
    const text = String(error?.message ?? '');
    switch (code) {
        case 'ECONNREFUSED':
            return 'refused';
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
        case 'EAI_NONAME':
        case 'EAI_FAIL':
            return 'dns';
        case 'ECONNRESET':
        case 'EPIPE':
        case 'ECONNABORTED':
            return 'reset';
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'EHOSTDOWN':
        case 'ENETDOWN':
            return 'unreachable';
        case 'ETIMEDOUT':
            return 'timeout';
    }
    if (typeof code === 'string') {
        if (/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/.test(code) ||
            code === 'EPROTO') {
            return 'tls';
        }
    }
    if (/socket hang up/i.test(text))
        return 'reset';
    return 'other';
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
/** The proxy an API call to `url` must go through under `env`'s rules, if any. */
function proxyFor(url, env) {
    if (env === undefined)
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
        // Everything that holds a socket open, destroyed together when the exchange ends early.
        const live = [];
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            for (const item of live)
                item.destroy();
            resolve(outcome);
        };
        const fail = (error, errorText) => finish({ error, errorText });
        const onAbort = () => fail('other', 'aborted');
        const timer = setTimeout(() => fail('timeout', `no complete answer within ${options.timeoutMs} ms`), options.timeoutMs);
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
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const maxBody = options.maxBodyBytes ?? exports.DEFAULT_MAX_BODY_BYTES;
        const host = bareHost(url.hostname);
        const port = defaultPort(url);
        const headers = { ...(options.headers ?? {}) };
        if (options.body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(options.body));
        const proxy = proxyFor(url, options.proxyEnv);
        const proxyLabel = proxy ? `proxy ${proxy.host}` : '';
        const readResponse = (response) => {
            live.push(response);
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
            request.on('response', response => {
                // Absolute-form through a proxy: 407 can only be the proxy's own answer.
                if (viaProxy && response.statusCode === 407) {
                    fail('proxy', `${proxyLabel} answered 407 Proxy Authentication Required`);
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
            const socket = tls.connect({
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
            const module = url.protocol === 'https:' ? https : http;
            send(module.request({
                host,
                port,
                method: options.method,
                path: `${url.pathname}${url.search}`,
                headers,
                ca: options.ca,
                agent: false
            }));
            return;
        }
        const proxyModule = proxy.protocol === 'https:' ? https : http;
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
                fail('proxy', `${proxyLabel} answered ${response.statusCode} to CONNECT ${url.host}`);
                return;
            }
            openTls(socket);
        });
        connect.end();
    });
}


/***/ }),

/***/ 7595:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.realSleep = exports.GONE_RETRIES = exports.GONE_WINDOW_MS = exports.GONE_INTERVAL_MS = exports.BACKOFF_MS = void 0;
exports.parseRetryAfter = parseRetryAfter;
exports.plannedWait = plannedWait;
exports.withRetries = withRetries;
const http_request_1 = __nccwpck_require__(540);
exports.BACKOFF_MS = [1000, 2000, 4000];
exports.GONE_INTERVAL_MS = 10_000;
exports.GONE_WINDOW_MS = 70_000;
exports.GONE_RETRIES = exports.GONE_WINDOW_MS / exports.GONE_INTERVAL_MS;
/** Real waiting, cut short by the signal. */
const realSleep = (ms, signal) => new Promise(resolve => {
    if (signal?.aborted)
        return resolve();
    const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
});
exports.realSleep = realSleep;
/** `Retry-After` in ms from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
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
    const retryAfter = parseRetryAfter(headerValue(outcome.headers['retry-after']), nowMs);
    if (status === 410) {
        return goneRetriesDone < exports.GONE_RETRIES ? (retryAfter ?? exports.GONE_INTERVAL_MS) : undefined;
    }
    const retryable = status === 404 || status === 408 || status === 429 || status >= 500;
    if (!retryable || retriesDone >= exports.BACKOFF_MS.length)
        return undefined;
    return retryAfter ?? exports.BACKOFF_MS[retriesDone];
}
/** Runs `send` until its outcome is final, the retries are spent, the deadline nears, or abort. */
async function withRetries(send, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? exports.realSleep;
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

/***/ 9548:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

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
 * as its claims (the JWT payload segment) and through `registerSecret`, which masks it.
 */
const observations_1 = __nccwpck_require__(7292);
const http_request_1 = __nccwpck_require__(540);
const loopback_1 = __nccwpck_require__(6918);
const detect_1 = __nccwpck_require__(3040);
const source_1 = __nccwpck_require__(2170);
const token_response_1 = __nccwpck_require__(3243);
/** `notCalled` of a check whose audience got no usable token. */
exports.NO_TOKEN = 'no token';
/** Storage rejects bearer requests without a service version. */
exports.STORAGE_VERSION = '2023-11-03';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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
        if (!GUID.test(value)) {
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
        // The signature alone is what leaks when a token is cut or split: mask it on its own too.
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

/***/ 1154:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.APP_SERVICE_API_VERSION = void 0;
exports.appServiceMeta = appServiceMeta;
exports.appServiceSource = appServiceSource;
const probe_request_1 = __nccwpck_require__(861);
const source_1 = __nccwpck_require__(2170);
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


/***/ }),

/***/ 7635:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
const node_fs_1 = __nccwpck_require__(3024);
const path = __importStar(__nccwpck_require__(6760));
const http_request_1 = __nccwpck_require__(540);
const retry_policy_1 = __nccwpck_require__(7595);
const source_1 = __nccwpck_require__(2170);
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
        return {
            refused: `the challenged key file could not be read (${error.code ?? 'error'})`
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
                    return { error: 'other', errorText: `401 challenge not answered: ${key.refused}` };
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

/***/ 2277:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cloudShellSource = cloudShellSource;
const source_1 = __nccwpck_require__(2170);
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

/***/ 3040:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.detectSource = detectSource;
/**
 * Which identity source this environment offers, in the order the Azure SDKs check them
 * (PROTOCOLS.md "Other sources"). With none of their variables set it is IMDS: the probe cannot
 * know whether it runs on a VM, and the instance metadata call will tell. The `detail` says what
 * was seen in words without secrets (variable names, never values of secrets).
 */
const app_service_1 = __nccwpck_require__(1154);
const arc_1 = __nccwpck_require__(7635);
const cloud_shell_1 = __nccwpck_require__(2277);
const imds_1 = __nccwpck_require__(1676);
const legacy_msi_1 = __nccwpck_require__(8598);
const service_fabric_1 = __nccwpck_require__(4488);
const source_1 = __nccwpck_require__(2170);
const workload_identity_1 = __nccwpck_require__(3601);
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

/***/ 1676:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TOKEN_API_VERSION = exports.INSTANCE_API_VERSION = void 0;
exports.metaFromInstance = metaFromInstance;
exports.imdsSource = imdsSource;
const probe_request_1 = __nccwpck_require__(861);
const http_request_1 = __nccwpck_require__(540);
const source_1 = __nccwpck_require__(2170);
exports.INSTANCE_API_VERSION = '2021-02-01';
exports.TOKEN_API_VERSION = '2018-02-01';
const META_FIELDS = [
    'subscriptionId',
    'resourceGroupName',
    'resourceId',
    'azEnvironment',
    'location',
    'vmId',
    'osType'
];
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
    for (const field of META_FIELDS) {
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

/***/ 8598:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LEGACY_MSI_API_VERSION = void 0;
exports.legacyMsiSource = legacyMsiSource;
const source_1 = __nccwpck_require__(2170);
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

/***/ 4488:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SERVICE_FABRIC_API_VERSION = void 0;
exports.serviceFabricSource = serviceFabricSource;
/**
 * Service Fabric: `IDENTITY_ENDPOINT` + `IDENTITY_HEADER` + `IDENTITY_SERVER_THUMBPRINT`, header
 * `Secret`, api-version 2019-07-01-preview. The endpoint's certificate is self-signed: it is
 * trusted by its thumbprint and nothing else. `expires_on` comes as a JSON number.
 */
const probe_request_1 = __nccwpck_require__(861);
const source_1 = __nccwpck_require__(2170);
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

/***/ 2170:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.retryDeadline = retryDeadline;
exports.retriedIdentityRequest = retriedIdentityRequest;
exports.notSent = notSent;
exports.withQuery = withQuery;
exports.endpointUrl = endpointUrl;
exports.exchangeOf = exchangeOf;
exports.selectionWords = selectionWords;
const http_request_1 = __nccwpck_require__(540);
const retry_policy_1 = __nccwpck_require__(7595);
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

/***/ 3601:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_AUTHORITY_HOST = void 0;
exports.scopeOf = scopeOf;
exports.tokenEndpoint = tokenEndpoint;
exports.workloadIdentitySource = workloadIdentitySource;
/**
 * AKS workload identity: the pod's projected service account token (AZURE_FEDERATED_TOKEN_FILE,
 * re-read at every request because it rotates) is exchanged at Microsoft Entra ID for an access
 * token, `client_credentials` with a `client_assertion`. The authority is an internet host, so this
 * exchange honours the proxy settings like an API call; it is https only (http on loopback for
 * tests). No instance metadata.
 */
const node_fs_1 = __nccwpck_require__(3024);
const http_request_1 = __nccwpck_require__(540);
const loopback_1 = __nccwpck_require__(6918);
const retry_policy_1 = __nccwpck_require__(7595);
const source_1 = __nccwpck_require__(2170);
exports.DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com/';
/** Service account tokens are ~1 KB; a bigger file is not one. */
const ASSERTION_LIMIT = 64 * 1024;
/** `https://management.azure.com/` → `https://management.azure.com/.default`. */
function scopeOf(resource) {
    return resource.endsWith('/.default') ? resource : `${resource.replace(/\/+$/, '')}/.default`;
}
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
                    return { error: 'other', errorText: assertion.refused, unsent: true };
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
                        scope: scopeOf(resource),
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

/***/ 3243:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.scrubTokens = scrubTokens;
exports.cutBody = cutBody;
exports.reduceTokenResponse = reduceTokenResponse;
/**
 * Reduces a token response to what may leave the workload: its fields except the token, the
 * token's shape, and the JWT payload segment (the claims). The token itself and its signature are
 * returned separately to the caller (to use and to mask), never placed in the observation.
 */
const observations_1 = __nccwpck_require__(7292);
/** Fields that are credentials in any token endpoint's answer. */
const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'id_token']);
/** A field value longer than this is cut (fields are evidence, not payload). */
const FIELD_LIMIT = 300;
/**
 * Removes whatever looks like a token: JWT-shaped runs (a JWT's JSON header always encodes to
 * `eyJ`), the value of an `access_token`-like field
 * (even when the JSON around it is broken), and long unbroken base64url runs (a bare signature).
 */
function scrubTokens(text) {
    return text
        .replace(/("?(?:access_token|refresh_token|id_token)"?\s*[:=]\s*"?)[^"&\s,}]*("?)/gi, '$1[redacted]$2')
        .replace(/eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){1,2}/g, '[redacted]')
        .replace(/[A-Za-z0-9_-]{60,}/g, '[redacted]');
}
/** Scrubbed first, then cut, so a cut can never leave a token's tail that the patterns miss. */
function cutBody(text, limit = observations_1.BODY_LIMIT) {
    const clean = scrubTokens(text);
    return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
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
        // Not a JSON object: keep the evidence, without anything that looks like a token.
        return { observation: { shape: 'absent', body: cutBody(body) } };
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

/***/ 856:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.ANNOTATION_LIMITS = void 0;
exports.planAnnotations = planAnnotations;
exports.limitAnnotations = limitAnnotations;
exports.annotate = annotate;
/**
 * One annotation per failed or degraded step: `error` for fail, `warning` for warn, titled
 * `<target> · <step>`, the message being the detail and the remediation. The command writer escapes
 * line breaks and `::` sequences, so values from APIs cannot forge workflow commands.
 */
const core = __importStar(__nccwpck_require__(7484));
/** The annotations a report calls for, in report order. */
function planAnnotations(report) {
    return report.targets.flatMap(targetAnnotations);
}
/**
 * GitHub shows at most 10 error and 10 warning annotations per step. Errors keep one slot free for
 * the gate's own message; when there are more, the last slot says how many were left out.
 */
exports.ANNOTATION_LIMITS = { error: 9, warning: 10 };
/** The annotations to emit: the plan, cut to the limits with a closing "N more" per level. */
function limitAnnotations(planned) {
    const kept = new Set();
    const closing = [];
    for (const level of ['error', 'warning']) {
        const ofLevel = planned.filter(a => a.level === level);
        const limit = exports.ANNOTATION_LIMITS[level];
        const shown = ofLevel.length <= limit ? ofLevel : ofLevel.slice(0, limit - 1);
        for (const annotation of shown)
            kept.add(annotation);
        const left = ofLevel.slice(shown.length);
        if (left.length === 0)
            continue;
        closing.push({
            level,
            title: `mi-smoke · ${left.length} more`,
            message: `${left.length} more ${level === 'error' ? 'failed' : 'degraded'} steps: ${left
                .map(a => a.title)
                .join('; ')}. See the job summary or the report output for each one.`
        });
    }
    // Report order is kept; the "N more" lines close the list.
    return [...planned.filter(a => kept.has(a)), ...closing];
}
function annotate(report, sink = core) {
    for (const annotation of limitAnnotations(planAnnotations(report))) {
        sink[annotation.level](annotation.message, { title: annotation.title });
    }
}
function targetAnnotations(target) {
    const annotations = [];
    for (const step of target.steps) {
        const level = levelOf(step.status);
        if (!level)
            continue;
        annotations.push({
            level,
            title: `${target.target} · ${step.step}`,
            message: message(step.detail, step.failureMode, step.remediation)
        });
    }
    for (const sdk of target.sdk ?? []) {
        const level = levelOf(sdk.status);
        if (!level)
            continue;
        annotations.push({
            level,
            title: `${target.target} · app SDK (${sdk.credential})`,
            message: sdk.detail
        });
    }
    // A target that is not passing must never go unannounced, even if no step carries the status.
    const level = levelOf(target.result);
    if (level && !annotations.some(a => a.level === level)) {
        annotations.push({
            level,
            title: `${target.target} · ${target.failedStep ?? 'result'}`,
            message: message(`target result ${target.result}`, target.failureMode, undefined)
        });
    }
    return annotations;
}
function levelOf(status) {
    if (status === 'fail')
        return 'error';
    if (status === 'warn')
        return 'warning';
    return undefined;
}
function message(detail, failureMode, remediation) {
    const head = failureMode ? `${detail} [${failureMode}]` : detail;
    return remediation ? `${head}\nHow to fix: ${remediation}` : head;
}


/***/ }),

/***/ 3081:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.renderBadInputSummary = renderBadInputSummary;
/** The job summary of a run stopped by an invalid input. */
const html_escape_1 = __nccwpck_require__(6313);
function renderBadInputSummary(message) {
    return `## ❌ fail — mi-smoke: bad input\n\n${(0, html_escape_1.escapeHtml)(message)}\n\nNothing was probed: fix the input and re-run.\n`;
}


/***/ }),

/***/ 4417:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.buildReport = buildReport;
/** Targets' reports → the run's report (schema `mi-smoke/v1`). */
const report_types_1 = __nccwpck_require__(7370);
const verdict_1 = __nccwpck_require__(687);
/**
 * `result` is the worst target verdict. A run that probed no target proved nothing, so it is a
 * `fail` (only bad input gets there: `targets` cannot be empty otherwise).
 */
function buildReport(targets, durationMs) {
    return {
        schema: report_types_1.REPORT_SCHEMA,
        result: targets.length === 0 ? 'fail' : (0, verdict_1.worstVerdict)(targets.map(t => t.result)),
        durationMs: Math.max(0, Math.round(durationMs)),
        targets
    };
}


/***/ }),

/***/ 8679:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.firstFailure = firstFailure;
exports.countWithVerdict = countWithVerdict;
function firstFailure(report) {
    if (report.result === 'pass')
        return undefined;
    const target = report.targets.find(t => t.result === report.result);
    if (!target)
        return undefined;
    const stepReport = target.steps.find(s => s.status === report.result && (!target.failedStep || s.step === target.failedStep)) ?? target.steps.find(s => s.status === report.result);
    return {
        target,
        step: target.failedStep ?? stepReport?.step,
        failureMode: target.failureMode ?? stepReport?.failureMode,
        stepReport
    };
}
/** How many targets share the run's verdict (for "and 2 more" in messages). */
function countWithVerdict(report) {
    return report.targets.filter(t => t.result === report.result).length;
}


/***/ }),

/***/ 2011:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

/** Small formatting shared by logs, annotations and the summary. */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatDuration = formatDuration;
exports.oneLine = oneLine;
/** `12 ms`, `1.2 s`, `37 s`, `2 min 5 s`. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '?';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 10_000)
        return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 120)
        return `${seconds} s`;
    return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
/**
 * One line: line breaks become spaces so nothing printed can start a new workflow command, and a
 * line that would itself begin with `::` is prefixed with a space for the same reason.
 */
function oneLine(text) {
    const flat = text.replace(/[\r\n]+/g, ' ').trimEnd();
    return flat.startsWith('::') ? ` ${flat}` : flat;
}


/***/ }),

/***/ 6313:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.escapeHtml = escapeHtml;
/**
 * Escapes a value for the job summary: HTML-significant characters and every character Markdown
 * could act on, so an API's error body or a target name renders as text and never as markup,
 * a link or an image (values come from the network and from inputs).
 */
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '`': '&#96;',
    '|': '&#124;',
    '*': '&#42;',
    _: '&#95;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;',
    '!': '&#33;',
    '#': '&#35;',
    '~': '&#126;',
    $: '&#36;'
};
function escapeHtml(value) {
    return value.replace(/[&<>"'`|*_[\]\\!#~$]/g, c => ENTITIES[c] ?? c).replace(/\r?\n/g, '<br>');
}


/***/ }),

/***/ 5468:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.reportFilePath = reportFilePath;
exports.identityStep = identityStep;
exports.computeOutputs = computeOutputs;
exports.writeOutputs = writeOutputs;
/**
 * Every output of the contract, and the report file at `report-path`. The identity outputs come
 * from the first target's first token step that yielded a usable token (its claims: never the token).
 */
const core = __importStar(__nccwpck_require__(7484));
const node_fs_1 = __nccwpck_require__(3024);
const node_os_1 = __nccwpck_require__(8161);
const node_path_1 = __nccwpck_require__(6760);
const first_failure_1 = __nccwpck_require__(8679);
/** Where the report file goes: under RUNNER_TEMP (the runner cleans it), named with the run's nonce. */
function reportFilePath(nonce, env = process.env) {
    const dir = env['RUNNER_TEMP'] || (0, node_os_1.tmpdir)();
    return (0, node_path_1.join)(dir, `mi-smoke-report-${nonce.replace(/[^A-Za-z0-9-]/g, '')}.json`);
}
/** The first target's first token step with claims, preferring a passing one. */
function identityStep(report) {
    const tokens = (report.targets[0]?.steps ?? []).filter(s => s.step === 'token' && s.claims);
    return tokens.find(s => s.status === 'pass') ?? tokens.find(s => s.status === 'warn');
}
function computeOutputs(report, reportPath, overrides = {}) {
    const first = (0, first_failure_1.firstFailure)(report);
    const token = identityStep(report);
    return {
        result: report.result,
        'failed-step': first?.step ?? '',
        'failure-mode': first?.failureMode ?? '',
        'principal-id': token?.claims?.oid ?? '',
        'client-id': token?.claims?.appid ?? '',
        'tenant-id': token?.claims?.tid ?? '',
        'expires-on': token ? expiresOn(token) : '',
        report: JSON.stringify(report),
        'report-path': reportPath,
        ...overrides
    };
}
/**
 * Writes the report file, then sets every output. Returns the outputs as set. A report file that
 * cannot be written is a warning, not a crash: the `report` output still holds the same JSON.
 */
function writeOutputs(report, nonce, options = {}) {
    const sink = options.sink ?? core;
    let path = reportFilePath(nonce, options.env);
    try {
        (0, node_fs_1.writeFileSync)(path, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
    }
    catch (error) {
        core.warning(`Could not write the report file ${path}: ${error.message}`);
        path = '';
    }
    const outputs = computeOutputs(report, path, options.overrides);
    for (const [name, value] of Object.entries(outputs))
        sink.setOutput(name, value);
    return outputs;
}
function expiresOn(step) {
    if (step.expiresOn)
        return step.expiresOn;
    const exp = step.claims?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000).toISOString() : '';
}


/***/ }),

/***/ 7370:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FAILURE_MODES = exports.REPORT_SCHEMA = void 0;
exports.REPORT_SCHEMA = 'mi-smoke/v1';
/** The failure-mode codes of the contract. */
exports.FAILURE_MODES = [
    'bad-input',
    'dispatch-failed',
    'platform-unreachable',
    'throttled',
    'no-identity',
    'wrong-identity',
    'token-invalid',
    'wrong-audience',
    'rbac-denied',
    'egress-blocked',
    'api-error'
];


/***/ }),

/***/ 7994:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.worstFirst = worstFirst;
exports.renderSummary = renderSummary;
exports.writeSummary = writeSummary;
/**
 * The job summary: a heading with the verdict, a table (target, step, status, time, detail) with
 * the worst targets first, then "How to fix" with each remediation. Built as HTML inside Markdown
 * so a target's rows can be grouped with `rowspan`; every value goes through `escapeHtml`.
 */
const core = __importStar(__nccwpck_require__(7484));
const format_1 = __nccwpck_require__(2011);
const html_escape_1 = __nccwpck_require__(6313);
const first_failure_1 = __nccwpck_require__(8679);
const verdict_1 = __nccwpck_require__(687);
const STATUS_LABEL = {
    pass: '✅ pass',
    warn: '⚠️ warn',
    fail: '❌ fail',
    skip: '⏭️ skip'
};
/** Targets sorted worst first; equal verdicts keep the order of the `targets` input. */
function worstFirst(targets) {
    return targets
        .map((target, index) => ({ target, index }))
        .sort((a, b) => (0, verdict_1.severity)(b.target.result) - (0, verdict_1.severity)(a.target.result) || a.index - b.index)
        .map(entry => entry.target);
}
function renderSummary(report) {
    const parts = [];
    parts.push(`## ${STATUS_LABEL[report.result]} — mi-smoke\n`);
    parts.push(`${headline(report)}\n`);
    const targets = worstFirst(report.targets);
    if (targets.length > 0)
        parts.push(`${table(targets)}\n`);
    const fixes = howToFix(targets);
    if (fixes)
        parts.push(`### How to fix\n\n${fixes}\n`);
    return parts.join('\n');
}
/** Writes the summary (skipped when input `summary` is false or the runner gave no summary file). */
async function writeSummary(report, enabled) {
    if (!enabled)
        return;
    if (!process.env['GITHUB_STEP_SUMMARY']) {
        core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
        return;
    }
    await core.summary.addRaw(renderSummary(report), true).write();
}
function headline(report) {
    const counts = { fail: 0, warn: 0, pass: 0 };
    for (const target of report.targets)
        counts[target.result]++;
    const noun = report.targets.length === 1 ? 'target' : 'targets';
    let line = `${report.targets.length} ${noun} probed in ${(0, format_1.formatDuration)(report.durationMs)}: ` +
        `${counts.fail} failed, ${counts.warn} with warnings, ${counts.pass} passed.`;
    const first = (0, first_failure_1.firstFailure)(report);
    if (first) {
        const where = [first.target.target, first.step, first.failureMode].filter(Boolean).join(' · ');
        line += ` First ${report.result === 'fail' ? 'failure' : 'warning'}: <code>${(0, html_escape_1.escapeHtml)(where)}</code>.`;
    }
    return line;
}
function rowsOf(target) {
    const rows = target.steps.map(step => ({
        step: step.step,
        status: step.status,
        durationMs: step.durationMs,
        detail: step.failureMode ? `${step.detail} [${step.failureMode}]` : step.detail
    }));
    for (const sdk of target.sdk ?? []) {
        rows.push({ step: `app SDK (${sdk.credential})`, status: sdk.status, detail: sdk.detail });
    }
    if (rows.length === 0) {
        rows.push({
            step: target.failedStep ?? '—',
            status: target.result,
            detail: target.failureMode ?? ''
        });
    }
    return rows;
}
function table(targets) {
    const head = '<table><thead><tr><th>target</th><th>step</th><th>status</th><th>time</th><th>detail</th></tr></thead><tbody>';
    const body = [];
    for (const target of targets) {
        const rows = rowsOf(target);
        const about = [
            target.environment,
            target.probe ? `probe ${target.probe}` : '',
            (0, format_1.formatDuration)(target.durationMs)
        ]
            .filter(Boolean)
            .join(' · ');
        rows.forEach((row, index) => {
            const cells = [];
            if (index === 0) {
                cells.push(`<td rowspan="${rows.length}"><b>${(0, html_escape_1.escapeHtml)(target.target)}</b><br><sub>${STATUS_LABEL[target.result]} · ${(0, html_escape_1.escapeHtml)(about)}</sub></td>`);
            }
            cells.push(`<td>${(0, html_escape_1.escapeHtml)(row.step)}</td>`);
            cells.push(`<td>${STATUS_LABEL[row.status]}</td>`);
            cells.push(`<td>${row.durationMs === undefined ? '' : (0, format_1.formatDuration)(row.durationMs)}</td>`);
            cells.push(`<td>${(0, html_escape_1.escapeHtml)(row.detail)}</td>`);
            body.push(`<tr>${cells.join('')}</tr>`);
        });
    }
    return `${head}${body.join('')}</tbody></table>`;
}
/** One item per distinct remediation; targets that share one are listed together. */
function howToFix(targets) {
    const byRemediation = new Map();
    for (const target of targets) {
        for (const step of target.steps) {
            if (!step.remediation || (step.status !== 'fail' && step.status !== 'warn'))
                continue;
            const where = `${target.target} · ${step.step}${step.failureMode ? ` (${step.failureMode})` : ''}`;
            const list = byRemediation.get(step.remediation) ?? [];
            list.push(where);
            byRemediation.set(step.remediation, list);
        }
    }
    if (byRemediation.size === 0)
        return '';
    const items = [...byRemediation].map(([remediation, where]) => `<li><b>${where.map(html_escape_1.escapeHtml).join('<br>')}</b><br>${(0, html_escape_1.escapeHtml)(remediation)}</li>`);
    return `<ul>${items.join('')}</ul>`;
}


/***/ }),

/***/ 1494:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {

"use strict";

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
exports.targetLogLines = targetLogLines;
exports.logTarget = logTarget;
exports.logVerdict = logVerdict;
/**
 * The log: one collapsible group per target, printed when its report is final (so concurrent
 * targets never interleave), one concise line per step. Every value is flattened to one line
 * and indented, so nothing from an API or an input can start a workflow command.
 */
const core = __importStar(__nccwpck_require__(7484));
const format_1 = __nccwpck_require__(2011);
const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'skip' };
function targetLogLines(target) {
    const failure = target.failureMode ? ` (${target.failedStep ?? '?'}: ${target.failureMode})` : '';
    const title = (0, format_1.oneLine)(`${target.target}: ${target.result.toUpperCase()}${failure} in ${(0, format_1.formatDuration)(target.durationMs)}`);
    const lines = target.steps.map(step => (0, format_1.oneLine)(`  ${MARK[step.status]} ${step.step.padEnd(5)} ${(0, format_1.formatDuration)(step.durationMs).padStart(7)}  ${step.detail}`));
    for (const step of target.steps) {
        if (step.remediation && (step.status === 'fail' || step.status === 'warn')) {
            lines.push((0, format_1.oneLine)(`  fix (${step.step}): ${step.remediation}`));
        }
    }
    for (const sdk of target.sdk ?? [])
        lines.push((0, format_1.oneLine)(`  ${MARK[sdk.status]} app SDK (${sdk.credential}): ${sdk.detail}`));
    if (target.environment !== 'unknown' || target.probe) {
        lines.unshift((0, format_1.oneLine)(`  identity source: ${target.environment}${target.probe ? `, probe ${target.probe}` : ''}`));
    }
    return { title, lines };
}
function logTarget(target, sink = core) {
    const { title, lines } = targetLogLines(target);
    sink.startGroup(title);
    for (const line of lines)
        sink.info(line);
    sink.endGroup();
}
function logVerdict(report, sink = core) {
    const counts = { pass: 0, warn: 0, fail: 0 };
    for (const target of report.targets)
        counts[target.result]++;
    sink.info(`mi-smoke: ${report.result.toUpperCase()} in ${(0, format_1.formatDuration)(report.durationMs)} ` +
        `(${report.targets.length} target${report.targets.length === 1 ? '' : 's'}: ${counts.fail} fail, ${counts.warn} warn, ${counts.pass} pass)`);
}


/***/ }),

/***/ 687:
/***/ ((__unused_webpack_module, exports) => {

"use strict";

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.severity = severity;
exports.worstVerdict = worstVerdict;
const SEVERITY = { skip: 0, pass: 1, warn: 2, fail: 3 };
/** Higher is worse: skip < pass < warn < fail. */
function severity(status) {
    return SEVERITY[status];
}
/** The worst of the verdicts; `pass` when there are none. */
function worstVerdict(verdicts) {
    let worst = 'pass';
    for (const verdict of verdicts)
        if (SEVERITY[verdict] > SEVERITY[worst])
            worst = verdict;
    return worst;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

"use strict";
module.exports = require("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

"use strict";
module.exports = require("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

"use strict";
module.exports = require("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

"use strict";
module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

"use strict";
module.exports = require("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

"use strict";
module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

"use strict";
module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

"use strict";
module.exports = require("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

"use strict";
module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

"use strict";
module.exports = require("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

"use strict";
module.exports = require("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

"use strict";
module.exports = require("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

"use strict";
module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

"use strict";
module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

"use strict";
module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

"use strict";
module.exports = require("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

"use strict";
module.exports = require("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

"use strict";
module.exports = require("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

"use strict";
module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

"use strict";
module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

"use strict";
module.exports = require("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

"use strict";
module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

"use strict";
module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

"use strict";
module.exports = require("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

"use strict";
module.exports = require("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

"use strict";
module.exports = require("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

"use strict";
module.exports = require("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

"use strict";
module.exports = require("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

"use strict";
module.exports = require("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

"use strict";
module.exports = require("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

"use strict";
module.exports = require("util");

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
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
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
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
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
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";
var exports = __webpack_exports__;

Object.defineProperty(exports, "__esModule", ({ value: true }));
/** Entry point of dist/index.js: everything happens in run(). */
const main_1 = __nccwpck_require__(1730);
void (0, main_1.run)();

})();

module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=index.js.map