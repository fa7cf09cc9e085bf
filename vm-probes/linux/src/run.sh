# shellcheck shell=sh
# Part of vm-probes/linux/probe.sh: the last line, which runs it.

main "$@"
