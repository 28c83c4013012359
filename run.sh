#!/usr/bin/env bash
# ./run.sh            set up, build, start the GUI
# ./run.sh ARGS...    set up, build, run the CLI: ./run.sh a out.nnz somedir
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/setup.sh"
# Fewer page faults from LibTorch's repeated tensor allocations (DESIGN.md section 3).
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=2147483648}"
if [ $# -gt 0 ]; then
  exec "$here/build/app/nnzip" "$@"
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run.sh: no display found; starting the GUI under xvfb-run" >&2
  exec xvfb-run -a "$here/build/app/nnzip-gui"
fi
exec "$here/build/app/nnzip-gui"
