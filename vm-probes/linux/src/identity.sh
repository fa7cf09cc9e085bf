# shellcheck shell=sh
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
