# shellcheck shell=sh
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
