#!/bin/sh
# mi-smoke probe for Linux VMs and scale-set instances, run by `az vm run-command invoke`.
#
# It does the three steps of the runbook on the VM itself (IMDS instance metadata, a token per
# audience, one API call per check) and prints ONE line: `MI-SMOKE-OBS/1 {json}`, the raw
# observations of src/contracts/observations.ts. It observes and never judges: the runner diagnoses.
#
# POSIX sh: runs under dash, bash and busybox sh. HTTP with curl, else GNU wget, else python3.
#
# Parameters are data, never code. Each one is the letter v then base64 (standard alphabet) with
# the '=' padding removed, so every parameter is a non-empty word of [A-Za-z0-9+/] only: no
# quoting, splitting or option parsing between the runner and this script can change, drop or
# execute it (and `az` would read a parameter holding '=' as name=value). They are decoded into
# variables and never evaluated.
#   $1  literal 1 (version of this parameter list)
#   $2  nonce            $3  timeout per request, ms     $4  IMDS base URL
#   $5  identity kind (system, client-id, object-id, resource-id)   $6  identity value
#   then pairs: check URL (may hold {subscriptionId} / {resourceGroup}), check audience
#
# Secrets: the access token lives in shell variables only. It is never printed, never written to
# disk by this script, and never put on a command line (curl reads it from a config on stdin,
# python3 from stdin, GNU wget from a 0600 file in a 0700 directory deleted right after use).
# Only the JWT's payload segment (claims) is reported; bodies that may hold a token are dropped.

set -u
set -f
LC_ALL=C
export LC_ALL
umask 077

MARKER='MI-SMOKE-OBS/1'
NL='
'
# The observations line is kept under this many bytes when it can be.
LINE_TARGET=1900
# Total time the IMDS retries may take (Microsoft's guidance: 410 for up to 70 s).
RETRY_BUDGET_MS=80000

