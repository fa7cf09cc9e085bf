# shellcheck shell=sh
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
      # The kinds of src/common/network-errors.ts: each TLS failure has its own fix.
      51) R_ERR=tls-name ;;
      60)
        case $(cat "$TMP/e") in
          *expired* | *'not yet valid'*) R_ERR=tls-expired ;;
          *'subject name'* | *'does not match'*) R_ERR=tls-name ;;
          *) R_ERR=tls-untrusted ;;
        esac
        ;;
      77) R_ERR=tls-untrusted ;;
      35 | 53 | 54 | 58 | 59 | 64 | 66 | 80 | 82 | 83 | 90 | 91) R_ERR=tls ;;
      52 | 55 | 56) R_ERR=reset ;;
      7)
        classify_text "$(cat "$TMP/e")"
        [ "$R_ERR" != other ] || R_ERR=refused
        ;;
      *) R_ERR=other ;;
    esac
    case $R_ERR in
      reset)
        # The proxy's own answer to CONNECT: 407 wants credentials, 403 has no allow rule.
        if grep -q 'CONNECT' "$TMP/e"; then
          R_ERR=proxy
          grep -q '407' "$TMP/e" && R_ERR=proxy-auth
          grep -q '403' "$TMP/e" && R_ERR=proxy-denied
        fi
        ;;
    esac
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
