#!/usr/bin/env bash
# scripts/gpu-check.sh: builds nnzip against a CUDA LibTorch (GUI off) and checks that the GPU
# and the CPU code the same bytes: each file is compressed on the GPU and decoded on the CPU,
# and compressed on the CPU and decoded on the GPU; the two compressed streams (and, where the
# CLI is built, the two .nnz archives) must be identical and every round trip exact; a third
# GPU encode runs the network ahead of the CPU's mixer and coder (the pipeline) and must write the
# same stream. Prints GPU KB/s (in line and ahead) beside CPU KB/s for each preset.
#
# Usage: scripts/gpu-check.sh [--preset NAME]... [--bytes SIZE] [--lanes N] [--threads N] [--build-dir DIR]
#                             [--no-build] [FILE...]
#   FILE       corpus files to try (default: a text, a binary and a spreadsheet from ../shared/corpus)
#   --preset   presets to compare (default: max and gpu, whose byte LSTM is the one LibTorch and
#              CUDA run, gpu with 64 lanes; fast and default use the bit LSTM, which is CPU-only);
#              repeat for several
#   --bytes    use the first SIZE bytes of each file (default 256K; the CPU side is the slow one)
#   --lanes    code N interleaved lanes instead of the presets' (max: 1, gpu: 64; the GPU's work per
#              step grows with the lanes, the per-step cost does not)
#   --threads  LibTorch CPU threads (default: all cores)
#   --no-build use the CUDA binaries already in --build-dir (a second run on the same machine)
#   --rehearse run every step with the CPU standing in for the GPU, using the binaries already
#              built in --build-dir (no configure, no build): checks this script without a GPU
# Needs: an NVIDIA GPU (nvidia-smi), a CUDA LibTorch and the CUDA toolkit its CMake files ask
# for. LibTorch comes from TORCH_DIR, else from the python3 `torch` wheel:
#   pip install torch   # a CUDA build
#   TORCH_DIR=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))')/share/cmake/Torch
# Exit: 0 identical everywhere; 1 a mismatch or failure; 2 this machine cannot run the check.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
presets=()
bytes=256K
threads=$(nproc)
build=$here/build-cuda
files=()
rehearse=false
build_it=true
lanes=()
gpu=cuda
while [ $# -gt 0 ]; do
  case $1 in
    --preset) presets+=("$2"); shift 2 ;;
    --bytes) bytes=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --lanes) lanes=(--lanes "$2"); shift 2 ;;
    --no-build) build_it=false; shift ;;
    --build-dir) build=$(cd "$2" && pwd); shift 2 ;;
    --rehearse) rehearse=true; gpu=cpu; shift ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "gpu-check: unknown option $1" >&2; exit 1 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#presets[@]} -gt 0 ] || presets=(max gpu)
if [ ${#files[@]} -eq 0 ]; then
  corpus=$here/../shared/corpus
  files=("$corpus/enwik_1MB" "$corpus/calgary/obj2" "$corpus/cantrbry/kennedy.xls")
fi

cannot() { echo "gpu-check: cannot run here: $*" >&2; exit 2; }

build_for_cuda() {
# --- what this machine has -------------------------------------------------------------------
command -v nvidia-smi >/dev/null 2>&1 || cannot "nvidia-smi not found: no NVIDIA driver, so no GPU to check"
gpus=$(nvidia-smi -L 2>/dev/null) || cannot "nvidia-smi -L failed: no usable NVIDIA GPU"
[ -n "$gpus" ] || cannot "nvidia-smi lists no GPU"
echo "GPU: $gpus"
for tool in cmake ninja c++; do command -v "$tool" >/dev/null 2>&1 || cannot "$tool not found"; done
if [ -z "${TORCH_DIR:-}" ]; then
  command -v python3 >/dev/null 2>&1 || cannot "set TORCH_DIR to a CUDA LibTorch's share/cmake/Torch (no python3 to find one)"
  torch_root=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))' 2>/dev/null) \
    || cannot "no python3 torch module: pip install torch (a CUDA build) or set TORCH_DIR"
  TORCH_DIR=$torch_root/share/cmake/Torch
  cuda=$(python3 -c 'import torch; print(torch.version.cuda or "")')
  [ -n "$cuda" ] || cannot "the python3 torch at $torch_root is a CPU-only build; install a CUDA build"
  python3 -c 'import torch,sys; sys.exit(0 if torch.cuda.is_available() else 1)' \
    || cannot "torch (CUDA $cuda) sees no usable GPU (driver too old for CUDA $cuda?)"
  echo "LibTorch: $torch_root (torch $(python3 -c 'import torch;print(torch.__version__)'), CUDA $cuda)"
fi
[ -f "$TORCH_DIR/TorchConfig.cmake" ] || cannot "no TorchConfig.cmake in TORCH_DIR=$TORCH_DIR"
for f in "${files[@]}"; do [ -f "$f" ] || cannot "no such file: $f"; done

# --- build -------------------------------------------------------------------------------------
echo "== configuring $build (NNZIP_GUI=OFF, tests off)"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNNZIP_GUI=OFF -DNNZIP_TESTS=OFF \
      -DTorch_DIR="$TORCH_DIR" > "$build.configure.log" 2>&1 \
  || { tail -30 "$build.configure.log"; echo "gpu-check: configure failed (full log: $build.configure.log);" \
       "a CUDA LibTorch's CMake files need the CUDA toolkit (nvcc, or CUDAToolkit_ROOT)" >&2; exit 1; }
cmake --build "$build" -j "$(nproc)" > "$build.build.log" 2>&1 \
  || { tail -30 "$build.build.log"; echo "gpu-check: build failed (full log: $build.build.log)" >&2; exit 1; }
}

if $rehearse; then
  gpus="none: rehearsal, the CPU stands in for the GPU"
  echo "gpu-check: REHEARSAL with the binaries in $build; the 'GPU' columns are CPU runs"
elif $build_it; then
  build_for_cuda
else
  gpus=$(nvidia-smi -L 2>/dev/null) || cannot "nvidia-smi -L failed: no usable NVIDIA GPU"
fi
bench=$build/app/nnzip-bench
cli=$build/app/nnzip
[ -x "$cli" ] || { cli=""; echo "note: libarchive not found, so no nnzip CLI: checking streams only, not archives"; }
"$bench" "${files[0]}" --bytes 4K --device "$gpu" --no-verify >/dev/null \
  || { echo "gpu-check: this build cannot run on the GPU (see the message above)" >&2; exit 1; }

# --- cross-device checks ---------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "MISMATCH: $*"; failures=$((failures + 1)); }
value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
results=()
for file in "${files[@]}"; do
  sample=$work/$(basename "$file")
  head -c "$(numfmt --from=iec "$bytes")" "$file" > "$sample"
  for preset in "${presets[@]}"; do
    echo "== $(basename "$file") ($(stat -c %s "$sample") bytes), preset $preset"
    run() { "$bench" "$sample" --preset "$preset" --threads "$threads" "${lanes[@]}" "$@"; }
    gpu_line=$(run --device "$gpu" --decode-device cpu --output "$work/gpu.packed") || fail "GPU encode / CPU decode failed"
    echo "   $gpu_line"
    cpu_line=$(run --device cpu --decode-device "$gpu" --output "$work/cpu.packed") || fail "CPU encode / GPU decode failed"
    echo "   $cpu_line"
    if cmp -s "$work/gpu.packed" "$work/cpu.packed"; then echo "   streams identical"; else fail "$file $preset: GPU and CPU streams differ"; fi
    # The pipeline: the network on the GPU, ahead of the mixer and coder on the CPU.
    ahead_line=$(run --device "$gpu" --network-ahead --no-verify --output "$work/ahead.packed") || fail "GPU encode with the network ahead failed"
    echo "   $ahead_line"
    if cmp -s "$work/gpu.packed" "$work/ahead.packed"; then echo "   network ahead: stream identical"; else fail "$file $preset: the stream with the network ahead differs"; fi

    if [ -n "$cli" ]; then
      rm -rf "$work/a" && mkdir -p "$work/a"
      "$cli" a "$work/a/gpu.nnz" "$sample" --preset "$preset" "${lanes[@]}" --device "$gpu" >/dev/null || fail "nnzip a --device $gpu failed"
      "$cli" a "$work/a/cpu.nnz" "$sample" --preset "$preset" "${lanes[@]}" --device cpu >/dev/null || fail "nnzip a --device cpu failed"
      if cmp -s "$work/a/gpu.nnz" "$work/a/cpu.nnz"; then echo "   archives identical"; else fail "$file $preset: GPU and CPU archives differ"; fi
      if "$cli" x "$work/a/gpu.nnz" -o "$work/a/out-cpu" >/dev/null && cmp "$sample" "$work/a/out-cpu/$(basename "$sample")"; then
        echo "   GPU archive extracted on the CPU: identical bytes"
      else
        fail "$file $preset: GPU archive extracted on the CPU differs or failed"
      fi
      status=0
      "$cli" x "$work/a/cpu.nnz" -o "$work/a/out-gpu" --device "$gpu" >/dev/null 2>"$work/x.err" || status=$?
      if [ "$status" -eq 0 ]; then
        if cmp "$sample" "$work/a/out-gpu/$(basename "$sample")"; then
          echo "   CPU archive extracted on the GPU: identical bytes"
        else
          fail "$file $preset: CPU archive extracted on the GPU differs"
        fi
      elif [ "$status" -eq 1 ] && grep -q -- '--device' "$work/x.err"; then
        echo "   (this CLI has no 'x --device'; GPU decoding was checked on the stream above)"
      else
        fail "$file $preset: nnzip x --device $gpu failed: $(cat "$work/x.err")"
      fi
    fi
    results+=("$(printf '%-14s %-9s %9s %7s %12s %12s %12s %12s %12s' "$(basename "$file")" "$preset" \
      "$(value bytes "$gpu_line")" "$(value bpb "$gpu_line")" \
      "$(value encode_kbps "$gpu_line")" "$(value encode_kbps "$ahead_line")" "$(value encode_kbps "$cpu_line")" \
      "$(value decode_kbps "$cpu_line")" "$(value decode_kbps "$gpu_line")")")
  done
done

echo
printf '%-14s %-9s %9s %7s %12s %12s %12s %12s %12s\n' file preset bytes bpb "GPU enc KB/s" "ahead KB/s" "CPU enc KB/s" "GPU dec KB/s" "CPU dec KB/s"
printf '%s\n' "${results[@]}"
echo "(lanes: ${lanes[1]:-as in the preset}; CPU: $threads LibTorch threads on $(nproc) cores; ahead: GPU encode with the"
echo " network ahead of the CPU's mixer and coder; GPU: ${gpus%%$'\n'*})"
if [ "$failures" -gt 0 ]; then echo "gpu-check: $failures mismatch(es)"; exit 1; fi
echo "gpu-check: GPU and CPU agree on every file and preset"
