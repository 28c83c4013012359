#!/usr/bin/env bash
# scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
# Builds the libFuzzer targets with clang into build-fuzz/ (fuzz/CMakeLists.txt; ASan + UBSan),
# seeds the target's corpus with small valid archives on first use (scripts/fuzz-seeds.sh), and
# runs TARGET for SECONDS at nice 19 on one core. Targets: fuzz_index, fuzz_extract,
# fuzz_recovery, fuzz_store_block, fuzz_neural_block, fuzz_runs_block. The corpus grows in build-fuzz/corpus/TARGET; crash inputs
# land in build-fuzz/artifacts/TARGET/ (replay one: build-fuzz/TARGET FILE).
# NNZ_FUZZ_SANITIZERS=undefined builds into build-fuzz-ubsan/ without ASan.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 2 ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 1
fi
target="$1"
seconds="$2"
shift 2
case "$target" in
  fuzz_index|fuzz_extract) seed_kind=archives ;;
  fuzz_recovery) seed_kind=recovery ;;
  fuzz_store_block) seed_kind=store_blocks ;;
  fuzz_neural_block) seed_kind=neural_blocks ;;
  fuzz_runs_block) seed_kind=runs_blocks ;;
  *) echo "fuzz.sh: unknown target $target" >&2; exit 1 ;;
esac

sanitizers="${NNZ_FUZZ_SANITIZERS:-address,undefined}"
build="$here/build-fuzz"
[ "$sanitizers" = "address,undefined" ] || build="$here/build-fuzz-${sanitizers//,/-}"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$here/fuzz" -B "$build" -G Ninja -DNNZ_FUZZ_SANITIZERS="$sanitizers" >&2
fi
nice -n 19 cmake --build "$build" -j1 --target "$target" >&2

corpus="$build/corpus/$target"
mkdir -p "$corpus" "$build/artifacts/$target"
if [ -z "$(ls -A "$corpus")" ]; then
  [ -d "$build/seeds/$seed_kind" ] || "$here/scripts/fuzz-seeds.sh" "$build/seeds"
  cp "$build/seeds/$seed_kind"/* "$corpus"/
fi

# LibTorch keeps allocations alive until exit on purpose: leak reports would be noise.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export OMP_NUM_THREADS=1
cd "$build"
exec nice -n 19 "$build/$target" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 \
  -malloc_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" \
  "$corpus" "$@"
