# shellcheck shell=sh
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
