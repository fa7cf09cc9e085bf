# shellcheck shell=sh
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
