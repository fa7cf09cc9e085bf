# shellcheck shell=sh
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
