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


# Part of vm-probes/linux/probe.sh (see scripts/linux-probe.cjs): clock and text helpers.

now_ms() {
  _n=$(date +%s%N 2>/dev/null)
  case $_n in
    *[!0-9]* | '' | ?????????? ) _n=$(date +%s)000 ;;
    *) _n=${_n%??????} ;;
  esac
  printf '%s' "$_n"
}

# Whole milliseconds of a decimal number of seconds ($1, e.g. curl's 0.004513) in _MS; fails on
# anything else.
seconds_to_ms() {
  case $1 in
    '' | *[!0-9.]* | *.*.* | .* | *.) return 1 ;;
  esac
  _sec=${1%%.*}
  case $1 in
    *.*) _frac=${1#*.}000 ;;
    *) _frac=000 ;;
  esac
  _frac=${_frac%"${_frac#???}"}
  # No leading zeros: shells read them as octal.
  _frac=${_frac#0}
  _frac=${_frac#0}
  while :; do
    case $_sec in 0?*) _sec=${_sec#0} ;; *) break ;; esac
  done
  [ "${#_sec}" -le 9 ] || return 1
  _MS=$((_sec * 1000 + _frac))
}


# Percent-encodes $1 for a query string value.
url_encode() {
  printf '%sx' "$1" | awk '
    BEGIN { for (i = 1; i < 256; i++) code[sprintf("%c", i)] = i }
    { doc = doc (NR > 1 ? "\n" : "") $0 }
    END {
      n = length(doc) - 1
      for (i = 1; i <= n; i++) {
        c = substr(doc, i, 1)
        if (c ~ /[A-Za-z0-9._~-]/) printf "%s", c
        else printf "%%%02X", code[c]
      }
    }'
}

# Replaces every occurrence of $2 in $1 by $3 (plain text, no patterns); result in REPLY.
replace_all() {
  _s=$1
  REPLY=''
  while :; do
    case $_s in
      *"$2"*)
        REPLY="$REPLY${_s%%"$2"*}$3"
        _s=${_s#*"$2"}
        ;;
      *) break ;;
    esac
  done
  REPLY="$REPLY$_s"
}

# Part of vm-probes/linux/probe.sh: base64 and the probe parameters' encoding.

# Decodes unpadded base64 ($1) to stdout, byte for byte.
b64_decode() {
  _b=$1
  case $((${#_b} % 4)) in
    2) _b="$_b==" ;;
    3) _b="$_b=" ;;
    1) return 1 ;;
  esac
  if command -v base64 >/dev/null 2>&1; then
    printf '%s\n' "$_b" | base64 -d 2>/dev/null
  elif command -v openssl >/dev/null 2>&1; then
    printf '%s\n' "$_b" | openssl base64 -d -A 2>/dev/null
  elif command -v python3 >/dev/null 2>&1; then
    printf '%s' "$_b" | python3 -c 'import base64,sys; sys.stdout.buffer.write(base64.b64decode(sys.stdin.read()))'
  else
    return 1
  fi
}

# Base64 of stdin (standard alphabet; may be wrapped and padded).
b64_encode() {
  if command -v base64 >/dev/null 2>&1; then
    base64
  elif command -v openssl >/dev/null 2>&1; then
    openssl base64 -A
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import base64,sys; sys.stdout.write(base64.b64encode(sys.stdin.buffer.read()).decode())'
  else
    return 1
  fi
}

# Base64url of $1 in REPLY: one line, unpadded. The alphabet is changed in the shell (replace_all)
# rather than by `tr`: fewer processes, and a fleet runs this probe on every VM.
b64url_of() {
  _enc=$(printf '%s' "$1" | b64_encode) || return 1
  replace_all "$_enc" "$NL" ''
  replace_all "$REPLY" '=' ''
  replace_all "$REPLY" '/' '_'
  replace_all "$REPLY" '+' '-'
}

# Decodes parameter $1 (v + unpadded base64) into REPLY, trailing newlines included (hence the
# 'x' sentinel).
decode_param() {
  case $1 in
    *[!A-Za-z0-9+/]* | [!v]*) return 1 ;;
  esac
  REPLY=$(b64_decode "${1#v}" && printf x) || return 1
  case $REPLY in
    *x) REPLY=${REPLY%x} ;;
    *) return 1 ;;
  esac
}

# Part of vm-probes/linux/probe.sh: JSON string escaping and a scanner for flat members.

# JSON string content of $2, escaped, cut to $1 bytes (-1: no cut) without splitting an escape
# or leaving a partial UTF-8 sequence at the end, in ESC. Printable ASCII without '"' or '\'
# that fits needs no escaping and is taken as it is, in the shell itself: most values are such
# URLs, and a fleet runs this probe on every VM (no subshell, no awk). Otherwise json_escape.
escaped() {
  case $2 in
    *[!\ -~]* | *[\"\\]*) ;;
    *)
      if [ "$1" -lt 0 ] || [ "${#2}" -le "$1" ]; then
        ESC=$2
        return
      fi
      ;;
  esac
  ESC=$(json_escape "$1" "$2")
}

# escaped's general case, to stdout. The 'x' after the text keeps a trailing newline (awk would
# take it for the end of the last record); it is dropped again before escaping.
json_escape() {
  printf '%sx' "$2" | awk -v lim="$1" '
    BEGIN {
      for (i = 1; i < 32; i++) esc[sprintf("%c", i)] = sprintf("\\u%04x", i)
      esc["\n"] = "\\n"; esc["\r"] = "\\r"; esc["\t"] = "\\t"
      esc["\""] = "\\\""; esc["\\"] = "\\\\"; esc[sprintf("%c", 127)] = "\\u007f"
      out = ""; cut = 0
    }
    { doc = doc (NR > 1 ? "\n" : "") $0 }
    END {
      doc = substr(doc, 1, length(doc) - 1)
      n = length(doc)
      for (i = 1; i <= n; i++) {
        c = substr(doc, i, 1)
        e = (c in esc) ? esc[c] : c
        if (lim >= 0 && length(out) + length(e) > lim) { cut = 1; break }
        out = out e
      }
      if (cut) while (out != "" && substr(out, length(out), 1) >= "\200") out = substr(out, 1, length(out) - 1)
      printf "%s", out
    }'
}

# "key<TAB>s<raw string content>" or "key<TAB>n<literal>" for the first occurrence of each key
# named in $1 (space separated) in the JSON document on stdin. The raw string content keeps its
# JSON escapes, so it can be put back into JSON as it is.
json_fields() {
  awk -v keys="$1" '
    { doc = doc (NR > 1 ? "\n" : "") $0 }
    END {
      nk = split(keys, k, " ")
      n = length(doc)
      for (j = 1; j <= nk; j++) {
        pat = "\"" k[j] "\""; start = 1
        while ((p = index(substr(doc, start), pat)) > 0) {
          i = start + p - 1 + length(pat)
          while (i <= n && substr(doc, i, 1) ~ /[ \t\r\n]/) i++
          if (substr(doc, i, 1) != ":") { start = i; continue }
          i++
          while (i <= n && substr(doc, i, 1) ~ /[ \t\r\n]/) i++
          c = substr(doc, i, 1); out = ""
          if (c == "\"") {
            i++; ok = 0
            while (i <= n) {
              c = substr(doc, i, 1)
              if (c == "\\") { out = out c substr(doc, i + 1, 1); i += 2; continue }
              if (c == "\"") { ok = 1; break }
              out = out c; i++
            }
            if (ok) printf "%s\ts%s\n", k[j], out
          } else {
            while (i <= n && substr(doc, i, 1) ~ /[-+0-9.eE]/) { out = out substr(doc, i, 1); i++ }
            if (out != "") printf "%s\tn%s\n", k[j], out
          }
          break
        }
      }
    }'
}

# Part of vm-probes/linux/probe.sh: which URLs may be requested, and HTTP with curl, GNU wget or
# python3.

# Whether $1 names its host plainly, so that curl, GNU wget and python3 all connect to the host the
# runner validated: scheme://host[:port] then /, ? or # or nothing; no user info (@ before the path),
# no backslash or control character anywhere, a host of letters, digits, dots and dashes or an
# IPv6 literal in brackets. Sets URL_HOST (as written, brackets kept) when it does.
url_host_plain() {
  URL_HOST=''
  case $1 in
    *\\* | *[[:cntrl:]]* | *' '*) return 1 ;;
    http://* | https://*) ;;
    *) return 1 ;;
  esac
  _a=${1#*://}
  _a=${_a%%[/?#]*}
  case $_a in
    '' | *@*) return 1 ;;
    \[*\]) _hh=$_a ;;
    \[*\]:*) _hh=${_a%%]*}] _port=${_a##*]:} ;;
    *:*) _hh=${_a%%:*} _port=${_a#*:} ;;
    *) _hh=$_a ;;
  esac
  case $_a in
    *\]:* | [!\[]*:*) case $_port in '' | *[!0-9]*) return 1 ;; esac ;;
  esac
  case $_hh in
    \[*\]) case ${_hh#?} in *[![:xdigit:]:.]*\]* | *\]?*) return 1 ;; esac ;;
    *[!A-Za-z0-9.-]* | '') return 1 ;;
  esac
  URL_HOST=$_hh
}

# Whether $1 may carry a bearer token: https, or http to a loopback host.
bearer_allowed() {
  case $1 in
    https://*) return 0 ;;
    http://*) ;;
    *) return 1 ;;
  esac
  _h=${1#http://}
  _h=${_h%%[/?#]*}
  case $_h in *@*) return 1 ;; esac
  case $_h in
    \[::1\] | \[::1\]:*) return 0 ;;
  esac
  _h=${_h%:*}
  case $_h in
    localhost) return 0 ;;
    127.*)
      case $_h in *[!0-9.]*) return 1 ;; esac
      return 0
      ;;
  esac
  return 1
}

# HTTP: http_get MODE URL, MODE imds (Metadata header, no proxy at all), bearer (Authorization
# from $BEARER) or plain. Sets R_STATUS R_ERR R_ERRTEXT R_BODY R_RETRY_AFTER R_MS.

pick_client() {
  if command -v curl >/dev/null 2>&1; then
    CLIENT=curl
  elif command -v wget >/dev/null 2>&1 && wget --version 2>/dev/null | grep -q 'GNU Wget'; then
    # busybox wget has no timeout option and no way to send a header off the command line.
    CLIENT=wget
  elif command -v python3 >/dev/null 2>&1; then
    CLIENT=python3
  else
    CLIENT=none
  fi
}

no_proxy_env() {
  unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
  no_proxy='*'
  NO_PROXY='*'
  export no_proxy NO_PROXY
}

classify_text() {
  case $1 in
    *[Pp]roxy* | *CONNECT*) R_ERR=proxy ;;
    *'timed out'* | *[Tt]imeout*) R_ERR=timeout ;;
    *'refused'*) R_ERR=refused ;;
    *'No route'* | *'unreachable'* | *'Unreachable'*) R_ERR=unreachable ;;
    *'resolve'* | *'Name or service'* | *'getaddrinfo'* | *'Temporary failure in name'*) R_ERR=dns ;;
    *SSL* | *TLS* | *[Cc]ertificate*) R_ERR=tls ;;
    *[Rr]eset* | *'Empty reply'* | *'Recv failure'* | *'closed'*) R_ERR=reset ;;
    *) R_ERR=other ;;
  esac
}

error_text() {
  R_ERRTEXT=$(tr '\n' ' ' <"$TMP/e")
  escaped 160 "$R_ERRTEXT"
  R_ERRTEXT=$ESC
}

http_curl() {
  : >"$TMP/h"
  : >"$TMP/e"
  if [ "$1" = imds ]; then
    _out=$(
      no_proxy_env
      curl -sS --globoff --noproxy '*' --proto =http,https --max-time "$TIMEOUT_S" -H 'Metadata: true' \
        -D "$TMP/h" -w '\n%{http_code} %{time_total}' --url "$2" 2>"$TMP/e"
      printf ' %s' "$?"
    )
  elif [ "$1" = bearer ]; then
    _out=$(
      printf 'header = "Authorization: Bearer %s"\n' "$BEARER" |
        curl -sS --globoff -K - --proto =http,https --max-time "$TIMEOUT_S" -D "$TMP/h" \
          -w '\n%{http_code} %{time_total}' --url "$2" 2>"$TMP/e"
      printf ' %s' "$?"
    )
  else
    _out=$(
      curl -sS --globoff --proto =http,https --max-time "$TIMEOUT_S" -D "$TMP/h" \
        -w '\n%{http_code} %{time_total}' --url "$2" 2>"$TMP/e"
      printf ' %s' "$?"
    )
  fi
  # The last line: "<http_code> <time_total> <exit code>".
  _last=${_out##*"$NL"}
  R_BODY=${_out%"$NL"*}
  _code=${_last%% *}
  _rc=${_last##* }
  _total=${_last#* }
  seconds_to_ms "${_total%% *}" && R_MS=$_MS
  if [ "$_code" != 000 ] && [ -n "$_code" ]; then
    R_STATUS=$_code
    case $_code in
      2??) ;;
      *) R_RETRY_AFTER=$(awk 'tolower($1) == "retry-after:" { v = $2 } END { sub(/\r$/, "", v); printf "%s", v }' "$TMP/h") ;;
    esac
  else
    R_BODY=''
    case $_rc in
      28) R_ERR=timeout ;;
      6) R_ERR=dns ;;
      5 | 97) R_ERR=proxy ;;
      35 | 51 | 53 | 54 | 58 | 59 | 60 | 64 | 66 | 77 | 80 | 82 | 83 | 90 | 91) R_ERR=tls ;;
      52 | 55 | 56) R_ERR=reset ;;
      7)
        classify_text "$(cat "$TMP/e")"
        [ "$R_ERR" != other ] || R_ERR=refused
        ;;
      *) R_ERR=other ;;
    esac
    case $R_ERR in reset) grep -q 'CONNECT' "$TMP/e" && R_ERR=proxy ;; esac
    error_text
  fi
}

http_wget() {
  : >"$TMP/e"
  _to=$(((TIMEOUT_MS + 999) / 1000))
  if [ "$1" = imds ]; then
    _out=$(
      no_proxy_env
      wget -nv -S --tries=1 --max-redirect=0 --content-on-error --timeout="$_to" --no-proxy \
        --header='Metadata: true' -O - -- "$2" 2>"$TMP/e"
      printf '\n %s' "$?"
    )
  elif [ "$1" = bearer ]; then
    # GNU wget reads extra headers from its startup file; argv would show the token in `ps`.
    printf 'header = Authorization: Bearer %s\n' "$BEARER" >"$TMP/wgetrc"
    _out=$(
      WGETRC="$TMP/wgetrc" wget -nv -S --tries=1 --max-redirect=0 --content-on-error \
        --timeout="$_to" -O - -- "$2" 2>"$TMP/e"
      printf '\n %s' "$?"
    )
    rm -f "$TMP/wgetrc"
  else
    _out=$(
      wget -nv -S --tries=1 --max-redirect=0 --content-on-error --timeout="$_to" -O - -- "$2" 2>"$TMP/e"
      printf '\n %s' "$?"
    )
  fi
  R_BODY=${_out%"$NL"*}
  _code=$(awk '$1 ~ /^HTTP\// { c = $2 } END { printf "%s", c }' "$TMP/e")
  if [ -n "$_code" ]; then
    R_STATUS=$_code
    R_RETRY_AFTER=$(awk 'tolower($1) == "retry-after:" { v = $2 } END { sub(/\r$/, "", v); printf "%s", v }' "$TMP/e")
  else
    R_BODY=''
    classify_text "$(cat "$TMP/e")"
    error_text
  fi
}

PY_CLIENT='
import socket, ssl, sys, urllib.error, urllib.parse, urllib.request
mode, url, timeout, expected = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
parts = urllib.parse.urlsplit(url)
host = parts.hostname or ""
if expected.startswith("["):
    host = "[" + host + "]"
if parts.username is not None or "\\" in url or host.lower() != expected.lower():
    sys.stdout.write("\nother\nrefused: python3 reads another host than " + expected + " in this URL\n\n")
    sys.exit(0)
headers = {}
if mode == "imds":
    headers["Metadata"] = "true"
elif mode == "bearer":
    headers["Authorization"] = "Bearer " + sys.stdin.readline().strip()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
handlers = [NoRedirect()]
if mode == "imds":
    handlers.append(urllib.request.ProxyHandler({}))
opener = urllib.request.build_opener(*handlers)
status, err, text, retry, body = "", "", "", "", b""
try:
    with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as r:
        status, retry, body = str(r.status), r.headers.get("Retry-After", ""), r.read()
except urllib.error.HTTPError as e:
    status, retry, body = str(e.code), e.headers.get("Retry-After", "") if e.headers else "", e.read()
except Exception as e:
    reason = getattr(e, "reason", e)
    text = str(reason)
    if isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in text:
        err = "timeout"
    elif isinstance(reason, ConnectionRefusedError):
        err = "refused"
    elif isinstance(reason, socket.gaierror):
        err = "dns"
    elif isinstance(reason, ssl.SSLError):
        err = "tls"
    elif isinstance(reason, ConnectionResetError):
        err = "reset"
    elif "unreachable" in text.lower() or "no route" in text.lower():
        err = "unreachable"
    else:
        err = "other"
line = lambda s: s.replace("\n", " ").replace("\r", " ") + "\n"
sys.stdout.buffer.write((line(status) + line(err) + line(text) + line(retry)).encode() + body)
'

http_python() {
  : >"$TMP/e"
  url_host_plain "$2" || URL_HOST='?'
  _to="$((TIMEOUT_MS / 1000)).$(printf '%03d' $((TIMEOUT_MS % 1000)))"
  if [ "$1" = imds ]; then
    _out=$(
      no_proxy_env
      python3 -c "$PY_CLIENT" imds "$2" "$_to" "$URL_HOST" 2>"$TMP/e" </dev/null
      printf x
    )
  elif [ "$1" = bearer ]; then
    _out=$(
      printf '%s\n' "$BEARER" | python3 -c "$PY_CLIENT" bearer "$2" "$_to" "$URL_HOST" 2>"$TMP/e"
      printf x
    )
  else
    _out=$(
      python3 -c "$PY_CLIENT" plain "$2" "$_to" "$URL_HOST" 2>"$TMP/e" </dev/null
      printf x
    )
  fi
  _out=${_out%x}
  R_STATUS=${_out%%"$NL"*}
  _out=${_out#*"$NL"}
  R_ERR=${_out%%"$NL"*}
  _out=${_out#*"$NL"}
  _text=${_out%%"$NL"*}
  _out=${_out#*"$NL"}
  R_RETRY_AFTER=${_out%%"$NL"*}
  R_BODY=${_out#*"$NL"}
  if [ -z "$R_STATUS" ]; then
    R_BODY=''
    [ -n "$R_ERR" ] || R_ERR=other
    [ -n "$_text" ] || _text=$(tr '\n' ' ' <"$TMP/e")
    escaped 160 "$_text"
    R_ERRTEXT=$ESC
  fi
}

http_get() {
  R_STATUS='' R_ERR='' R_ERRTEXT='' R_BODY='' R_RETRY_AFTER='' R_MS=''
  # curl times the exchange itself (%{time_total}): two `date` processes fewer per request.
  [ "$CLIENT" = curl ] || _t0=$(now_ms)
  case $CLIENT in
    curl) http_curl "$1" "$2" ;;
    wget) http_wget "$1" "$2" ;;
    python3) http_python "$1" "$2" ;;
    *)
      R_ERR=other
      R_ERRTEXT='no HTTP client on the VM: install curl, GNU wget or python3'
      ;;
  esac
  case $R_STATUS in *[!0-9]*) R_STATUS='' R_ERR=other ;; esac
  if [ "$CLIENT" != curl ]; then
    R_MS=$(($(now_ms) - _t0))
  elif [ -z "$R_MS" ]; then
    # curl printed no timing (it stopped before any request): nothing was spent on the wire.
    R_MS=0
  fi
}

# IMDS with Microsoft's retry guidance: 404, 408, 429 and 5xx three times at 1, 2, 4 s (or the
# Retry-After), 410 every 10 s for up to 70 s; never after a timeout or another transport error,
# never for other 4xx; never past the retry budget. Sets R_ATTEMPTS and R_MS (whole exchange).
imds_get() {
  # The exchange's time is its attempts' plus the pauses between them (no clock reads needed).
  _spent=0
  R_ATTEMPTS=0
  _retries=0
  while :; do
    http_get imds "$1"
    _spent=$((_spent + R_MS))
    R_ATTEMPTS=$((R_ATTEMPTS + 1))
    _delay=''
    case $R_STATUS in
      404 | 408 | 429 | 5??)
        if [ "$_retries" -lt 3 ]; then
          _delay=$((1 << _retries))
          case $R_RETRY_AFTER in
            '' | *[!0-9]*) ;;
            *) [ "$R_RETRY_AFTER" -le 10 ] && _delay=$R_RETRY_AFTER ;;
          esac
        fi
        ;;
      410)
        [ $((_spent + 10000)) -le 70000 ] && _delay=10
        ;;
    esac
    [ -n "$_delay" ] || break
    [ $(($(now_ms) - PROBE_START + _delay * 1000)) -le "$RETRY_BUDGET_MS" ] || break
    sleep "$_delay"
    _spent=$((_spent + _delay * 1000))
    _retries=$((_retries + 1))
  done
  R_MS=$_spent
}

# The JSON members of an Exchange from the R_* variables; $1 = url, $2 = body cut, $3 = 1 to drop
# a body that could hold a token.
exchange_json() {
  escaped 300 "$1"
  REPLY="\"url\":\"$ESC\""
  if [ -n "$R_STATUS" ]; then
    REPLY="$REPLY,\"status\":$R_STATUS"
  else
    REPLY="$REPLY,\"error\":\"$R_ERR\""
    [ -z "$R_ERRTEXT" ] || REPLY="$REPLY,\"errorText\":\"$R_ERRTEXT\""
  fi
  if [ -n "$R_BODY" ]; then
    # A 2xx body is either parsed here (instance, token: it holds the token) or not needed.
    case $R_STATUS in
      2??) _keep=0 ;;
      *) _keep=1 ;;
    esac
    if [ "${3:-0}" = 1 ]; then
      case $R_BODY in *access_token* | *eyJ*) _keep=0 ;; esac
    fi
    if [ "$_keep" = 1 ]; then
      escaped "$2" "$R_BODY"
      REPLY="$REPLY,\"body\":\"$ESC\""
    fi
  fi
  case $R_RETRY_AFTER in
    '') ;;
    *)
      escaped 40 "$R_RETRY_AFTER"
      REPLY="$REPLY,\"retryAfter\":\"$ESC\""
      ;;
  esac
  REPLY="$REPLY,\"attempts\":${R_ATTEMPTS:-1},\"ms\":$R_MS"
}

# Part of vm-probes/linux/probe.sh: the identity source (IMDS on the VM): the token request for an
# audience and what its answer says, the token itself kept in BEARER only.

# The claims the runner reports (aud tid oid appid idtyp xms_mirid iat nbf exp), as a new
# base64url payload segment in REPLY. Claims are not secrets; this only saves bytes. (xms_az_rid,
# the host's resource ID, is the instance metadata's resourceId already.)
reduce_claims() {
  replace_all "$1" '_' '/'
  replace_all "$REPLY" '-' '+'
  _json=$(b64_decode "$REPLY") || return 1
  _fields=$(printf '%s' "$_json" | json_fields 'aud tid oid appid idtyp xms_mirid iat nbf exp')
  _out=''
  _IFS=$IFS
  IFS=$NL
  for _line in $_fields; do
    _key=${_line%%"	"*}
    _val=${_line#*"	"}
    case $_val in
      s*) _out="$_out,\"$_key\":\"${_val#s}\"" ;;
      n*) _out="$_out,\"$_key\":${_val#n}" ;;
    esac
  done
  IFS=$_IFS
  [ -n "$_out" ] || return 1
  b64url_of "{${_out#,}}" || return 1
  [ -n "$REPLY" ]
}

# Asks IMDS for a token for audience $1 (with the identity input's selector) and leaves the answer
# in the R_* variables and the request's URL in TOKEN_URL.
request_token() {
  RESOURCE=$1
  _url="$IMDS/metadata/identity/oauth2/token?api-version=2018-02-01&resource=$(url_encode "$RESOURCE")"
  case $ID_KIND in
    client-id) _url="$_url&client_id=$(url_encode "$ID_VALUE")" ;;
    object-id) _url="$_url&object_id=$(url_encode "$ID_VALUE")" ;;
    resource-id) _url="$_url&msi_res_id=$(url_encode "$ID_VALUE")" ;;
  esac
  if [ "$INSTANCE_TIMED_OUT" = 1 ]; then
    # IMDS already timed out once: asking again would only spend another timeout per audience.
    R_STATUS='' R_ERR=timeout R_ERRTEXT='not sent: IMDS did not answer the instance request' R_BODY='' R_RETRY_AFTER=''
    R_ATTEMPTS=0 R_MS=0
  else
    if [ "$IMDS_USABLE" = 1 ]; then
      imds_get "$_url"
    else
      R_STATUS='' R_ERR=other R_ERRTEXT=$NOT_IMDS R_BODY='' R_ATTEMPTS=0 R_MS=0
    fi
  fi
  TOKEN_URL=$_url
}

# The token's observation from the R_* answer of request_token: the Exchange JSON members in _tok,
# the claims as issued and reduced in _claims_full and _claims_short, the token in BEARER (only a
# JWT is used).
read_token() {
  _url=$TOKEN_URL
  exchange_json "$_url" "$BODY_CUT" 1
  _tok=$REPLY
  escaped 300 "$RESOURCE"
  _tok="{\"resource\":\"$ESC\",$_tok"
  _claims_full='' _claims_short=''
  # A 2xx whose JSON is cut short is unusable: report it with the token removed, use nothing.
  _complete=1
  case $R_STATUS in
    2??)
      _trimmed=$(printf '%s' "$R_BODY" | tr -d ' \t\r\n')
      case $_trimmed in
        \{*\}) ;;
        *)
          _complete=0
          _masked=$(printf '%s' "$R_BODY" | awk '{ gsub(/eyJ[A-Za-z0-9_.-]*/, "[token removed]"); gsub(/"access_token"[[:space:]]*:[[:space:]]*"[^"]*"/, "\"access_token\":\"[removed]\""); print }')
          case $_masked in
            *eyJ*) ;;
            *)
              escaped "$BODY_CUT" "$_masked"
              _tok="$_tok,\"body\":\"$ESC\""
              ;;
          esac
          ;;
      esac
      _trimmed=''
      ;;
  esac
  case $_complete$R_STATUS in
    12??)
      _fields=$(printf '%s' "$R_BODY" | json_fields 'access_token expires_on expires_in resource token_type client_id')
      _fj=''
      _access=''
      _IFS=$IFS
      IFS=$NL
      for _line in $_fields; do
        _key=${_line%%"	"*}
        _val=${_line#*"	"}
        if [ "$_key" = access_token ]; then
          _access=${_val#s}
          continue
        fi
        case $_val in
          s*) _val=${_val#s}; [ "${#_val}" -le 300 ] && _fj="$_fj,\"$_key\":\"$_val\"" ;;
          n*) _val=${_val#n}; [ "${#_val}" -le 20 ] && _fj="$_fj,\"$_key\":$_val" ;;
        esac
      done
      IFS=$_IFS
      [ -z "$_fj" ] || _tok="$_tok,\"fields\":{${_fj#,}}"
      _shape=opaque
      case $_access in
        '') _shape=absent ;;
        *.*.*.*) ;;
        *.*.*)
          _h=${_access%%.*}
          _rest=${_access#*.}
          _claims=${_rest%%.*}
          _sig=${_rest#*.}
          case "$_h$_claims$_sig" in
            *[!A-Za-z0-9_-]*) ;;
            *)
              if [ -n "$_h" ] && [ -n "$_claims" ]; then
                _shape=jwt
                BEARER=$_access
              fi
              ;;
          esac
          ;;
      esac
      _tok="$_tok,\"shape\":\"$_shape\""
      if [ "$_shape" = jwt ]; then
        _claims_full=$_claims
        reduce_claims "$_claims" && _claims_short=$REPLY
      fi
      _access='' _sig='' _h=''
      ;;
  esac
}

# Part of vm-probes/linux/probe.sh: the request, the three steps, the line. Run by main, the last
# line of the assembled script.

fail_request() {
  # A request this probe cannot read: still one marker line, so the runner can say why.
  printf '%s {"v":1,"nonce":"","probe":"sh","source":"none","sourceDetail":"%s","tokens":[],"apis":[]}\n' \
    "$MARKER" "$1"
  exit 0
}

# The request from the parameters ($@ of the script): NONCE, TIMEOUT_MS, TIMEOUT_S, IMDS, ID_KIND,
# ID_VALUE, CHECKS (the checks' base64 words, URL then audience) and N_CHECKS.
read_parameters() {
  # The parameters arrive as arguments ($1...), or, from some Linux agents, only as environment
  # variables: az names each parameter without '=' arg1, arg2, ... (in order), and the agent exports
  # those besides setting the arguments, which a script with a #! line does not get (reported in
  # Azure/azure-cli#9596 and #10400). awk reads them from the environment: nothing is evaluated, and
  # the check below holds them to the same alphabet.
  if [ $# -eq 0 ]; then
    _from_env=$(awk 'BEGIN { for (n = 1; ("arg" n) in ENVIRON; n++) print ENVIRON["arg" n] }')
    [ -n "$_from_env" ] ||
      fail_request 'probe parameters missing: run-command gave the script neither arguments nor arg1, arg2, ... environment variables'
    _IFS=$IFS
    IFS=$NL
    # Deliberately split, one parameter a line (set -f: no globbing).
    # shellcheck disable=SC2086
    set -- $_from_env
    IFS=$_IFS
    _from_env=''
  fi
  [ "${1:-}" = 1 ] || fail_request 'unsupported probe parameters: expected version 1'
  [ $# -ge 6 ] || fail_request 'probe parameters incomplete'
  [ $((($# - 6) % 2)) = 0 ] || fail_request 'probe parameters: a check lacks its audience'
  shift
  for _p in "$@"; do
    case $_p in *[!A-Za-z0-9+/]* | [!v]* | '') fail_request 'probe parameters: not base64' ;; esac
    [ $(((${#_p} - 1) % 4)) != 1 ] || fail_request 'probe parameters: not base64'
  done

  decode_param "$1" || fail_request 'probe parameters: nonce undecodable'
  NONCE=$REPLY
  decode_param "$2" || fail_request 'probe parameters: timeout undecodable'
  TIMEOUT_MS=$REPLY
  decode_param "$3" || fail_request 'probe parameters: IMDS endpoint undecodable'
  IMDS=$REPLY
  decode_param "$4" || fail_request 'probe parameters: identity kind undecodable'
  ID_KIND=$REPLY
  decode_param "$5" || fail_request 'probe parameters: identity value undecodable'
  ID_VALUE=$REPLY
  shift 5
  CHECKS=$*
  N_CHECKS=$(($# / 2))

  if [ "${MI_SMOKE_PROBE_ECHO:-}" = 1 ]; then
    # Test aid: prove that every value arrives byte for byte, then do nothing else.
    printf '%s\000' "$NONCE" "$TIMEOUT_MS" "$IMDS" "$ID_KIND" "$ID_VALUE"
    for _p in "$@"; do
      decode_param "$_p" || exit 1
      printf '%s\000' "$REPLY"
    done
    exit 0
  fi

  case $TIMEOUT_MS in
    '' | *[!0-9]*) TIMEOUT_MS=10000 ;;
  esac
  [ "${#TIMEOUT_MS}" -le 7 ] || TIMEOUT_MS=600000
  [ "$TIMEOUT_MS" -ge 100 ] || TIMEOUT_MS=100
  [ "$TIMEOUT_MS" -le 600000 ] || TIMEOUT_MS=600000
  TIMEOUT_S="$((TIMEOUT_MS / 1000)).$(printf '%03d' $((TIMEOUT_MS % 1000)))"
  IMDS=${IMDS%/}
}

# A private temporary directory (removed on exit) and the HTTP client.
set_up() {
  PROBE_START=$(now_ms)
  TMP=$(mktemp -d 2>/dev/null) || {
    TMP=${TMPDIR:-/tmp}/mi-smoke.$$
    mkdir "$TMP" || fail_request 'cannot create a private temporary directory'
  }
  trap 'rm -rf "$TMP"' EXIT
  trap 'exit 1' HUP INT TERM

  pick_client
  PROBE="sh/$CLIENT"

  # Bodies are cut to BODY_CUT bytes, or SHORT_CUT when the line would be too long (see render).
  BODY_CUT=300
  SHORT_CUT=100
}

# Step 1: the instance metadata (INSTANCE_JSON, META, SUB, RG).
probe_instance() {
  SUB='' RG=''
  META=''
  NOT_IMDS='the IMDS endpoint must be an http:// URL naming its host plainly (no user info, no backslash)'
  IMDS_USABLE=0
  case $IMDS in
    http://*) ! url_host_plain "$IMDS/" || IMDS_USABLE=1 ;;
  esac
  if [ "$IMDS_USABLE" = 1 ]; then
    imds_get "$IMDS/metadata/instance?api-version=2021-02-01"
  else
    R_STATUS='' R_ERR=other R_BODY='' R_RETRY_AFTER='' R_ATTEMPTS=0 R_MS=0
    R_ERRTEXT=$NOT_IMDS
  fi
  INSTANCE_TIMED_OUT=0
  [ "$R_ERR" != timeout ] || INSTANCE_TIMED_OUT=1
  exchange_json "$IMDS/metadata/instance?api-version=2021-02-01" "$BODY_CUT"
  INSTANCE_JSON="{$REPLY}"
  case $R_STATUS in
    2??)
      _fields=$(printf '%s' "$R_BODY" | json_fields 'subscriptionId resourceGroupName resourceId azEnvironment location vmId osType')
      _IFS=$IFS
      IFS=$NL
      for _line in $_fields; do
        _key=${_line%%"	"*}
        _val=${_line#*"	"}
        case $_val in s*) ;; *) continue ;; esac
        _val=${_val#s}
        [ "${#_val}" -le 300 ] || continue
        META="$META,\"$_key\":\"$_val\""
        case $_key in
          subscriptionId) SUB=$_val ;;
          resourceGroupName) RG=$_val ;;
        esac
      done
      IFS=$_IFS
      ;;
  esac
  META=${META#,}
}

# Steps 2 and 3 for the checks of audience $1 (its base64 word), with the token in BEARER; each
# answer kept under its check's index.
check_audience() {
  _res_b64=$1
  # Every check of this audience, with this token; each answer kept under its check's index.
  _j=0
  for _w in $CHECKS; do
    if [ $((_j % 2)) = 1 ] && [ "$_w" = "$_res_b64" ]; then
      _index=$((_j / 2))
      decode_param "$_url_b64"
      _not=''
      case $REPLY in
        *'{subscriptionId}'*) [ -n "$SUB" ] || _not='{subscriptionId} unknown: no instance metadata' ;;
      esac
      case $REPLY in
        *'{resourceGroup}'*) [ -n "$RG" ] || _not='{resourceGroup} unknown: no instance metadata' ;;
      esac
      _api_url=$REPLY
      if [ -z "$_not" ]; then
        replace_all "$_api_url" '{subscriptionId}' "$SUB"
        replace_all "$REPLY" '{resourceGroup}' "$RG"
        _api_url=$REPLY
      fi
      if [ -z "$_not" ]; then
        if [ -z "$BEARER" ]; then
          _not='no token for this audience'
        elif ! url_host_plain "$_api_url"; then
          _not='refused: the URL has user info, a backslash or a host that clients read differently'
        elif ! bearer_allowed "$_api_url"; then
          _not='refused: a token goes only over https, or http to a loopback address'
        fi
      fi
      if [ -n "$_not" ]; then
        escaped 300 "$_api_url"
        _a="{\"check\":$_index,\"url\":\"$ESC\",\"notCalled\":\"$_not\",\"attempts\":0,\"ms\":0}"
        printf '%s' "$_a" >"$TMP/api.$_index.short"
      else
        http_get bearer "$_api_url"
        R_ATTEMPTS=1
        exchange_json "$_api_url" "$SHORT_CUT"
        printf '{"check":%s,%s}' "$_index" "$REPLY" >"$TMP/api.$_index.short"
        exchange_json "$_api_url" "$BODY_CUT"
        _a="{\"check\":$_index,$REPLY}"
      fi
      printf '%s' "$_a" >"$TMP/api.$_index.full"
    fi
    _url_b64=$_w
    _j=$((_j + 1))
  done
}

# Steps 2 and 3: a token per distinct audience, in order of first use, and every check with it.
probe_audiences() {
  # Audience per check, tokens per distinct audience in order of first use, API calls per check.
  N_TOKENS=0
  SEEN=' '
  _IFS=$IFS
  IFS=' '
  # Deliberately split: CHECKS holds only validated base64 words (no glob characters, set -f).
  # shellcheck disable=SC2086
  set -- $CHECKS
  IFS=$_IFS
  _i=0
  while [ $# -ge 2 ]; do
    _res_b64=$2
    shift 2
    case $SEEN in *" $_res_b64 "*) continue ;; esac
    SEEN="$SEEN$_res_b64 "
    decode_param "$_res_b64"
    RESOURCE=$REPLY
    BEARER=''
    request_token "$RESOURCE"
    read_token
    # Kept apart so the line can be rendered with the claims as issued or reduced (render).
    printf '%s' "$_tok" >"$TMP/tok.$N_TOKENS"
    printf '%s' "$_claims_full" >"$TMP/tok.$N_TOKENS.full"
    printf '%s' "${_claims_short:-$_claims_full}" >"$TMP/tok.$N_TOKENS.short"
    N_TOKENS=$((N_TOKENS + 1))

    check_audience "$_res_b64"
    BEARER=''
  done
}

# A piece kept by the loop above (one line of JSON, no newline at its end) in REPLY, read by the
# shell itself (no `cat` per piece).
read_piece() {
  REPLY=''
  IFS= read -r REPLY <"$1" || :
}

# The line, with the claims as issued ($1 = full) or reduced to the reported ones (short), and
# API bodies cut to BODY_CUT (full) or SHORT_CUT (short) bytes.
render() {
  _tokens=''
  _k=0
  while [ "$_k" -lt "$N_TOKENS" ]; do
    read_piece "$TMP/tok.$_k"
    _t=$REPLY
    read_piece "$TMP/tok.$_k.$1"
    [ -z "$REPLY" ] || _t="$_t,\"claims\":\"$REPLY\""
    _tokens="$_tokens,$_t}"
    _k=$((_k + 1))
  done
  _apis=''
  _k=0
  while [ "$_k" -lt "$N_CHECKS" ]; do
    read_piece "$TMP/api.$_k.$2"
    _apis="$_apis,$REPLY"
    _k=$((_k + 1))
  done
  escaped 200 "$NONCE"
  LINE="{\"v\":1,\"nonce\":\"$ESC\",\"probe\":\"$PROBE\",\"source\":\"imds\""
  LINE="$LINE,\"sourceDetail\":\"IMDS on the VM, requests by $CLIENT\",\"instance\":$INSTANCE_JSON"
  [ -z "$META" ] || LINE="$LINE,\"meta\":{$META}"
  LINE="$LINE,\"tokens\":[${_tokens#,}],\"apis\":[${_apis#,}]}"
}

# Small enough to survive run-command's 4,096-byte cut with room to spare: real tokens carry

main() {
  read_parameters "$@"
  set_up
  probe_instance
  probe_audiences
  # ~1 KB of claims each, of which the runner reports a dozen.
  render full full
  [ "${#LINE}" -le "$LINE_TARGET" ] || render short full
  [ "${#LINE}" -le "$LINE_TARGET" ] || render short short
  printf '%s %s\n' "$MARKER" "$LINE"
}

# Part of vm-probes/linux/probe.sh: the last line, which runs it.

main "$@"
