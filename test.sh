#!/usr/bin/env bash
# ./test.sh [CTEST ARGS...]             set up and build (as run.sh does), then run the whole suite
#                                       through ctest; arguments go to ctest (e.g. -R tst_cli)
# ./test.sh --sanitize [CTEST ARGS...]  the same in a separate build-asan/ with AddressSanitizer and
#                                       UndefinedBehaviorSanitizer (docs/RELIABILITY.md)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$here/build"
if [ "${1:-}" = "--sanitize" ]; then
  shift
  build="$here/build-asan"
  export NNZ_BUILD_DIR="$build"
  export NNZ_CMAKE_ARGS="-DCMAKE_BUILD_TYPE=RelWithDebInfo -DNNZIP_SANITIZE=ON"
  # Leaks: reported, except those of third-party libraries listed (with reasons) in the file.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
  export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/scripts/sanitizer-suppressions/lsan.supp:print_suppressions=0}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  # Qt Test stops a test function after 5 minutes; data-driven functions run several times slower
  # under the sanitizers (tst_neural_codec's corpus rows took 8 minutes at nice 19).
  export QTEST_FUNCTION_TIMEOUT="${QTEST_FUNCTION_TIMEOUT:-3600000}"
fi
"$here/scripts/setup.sh"
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure --timeout 1500 "$@"
