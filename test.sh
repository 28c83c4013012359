#!/usr/bin/env bash
# ./test.sh   set up and build (as run.sh does), then run the whole suite through ctest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/scripts/setup.sh"
export QT_QPA_PLATFORM=offscreen
cd "$here/build"
ctest --output-on-failure --timeout 1500 "$@"
