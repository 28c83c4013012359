#!/usr/bin/env bash
# Side-by-side benchmark in ONE run: nnzip (neural codec) against zpaq -m5, 7z PPMd (-mx=9),
# xz -9e and zstd --ultra -22 (long window) on the same inputs, on the same machine, one after the
# other. Prints a Markdown table: size,
# bpb, compress and decompress KB/s, peak memory (max RSS), the ratio of each size to zpaq's, the
# share of CPU time the hypervisor took during each run (speeds on a shared VM mean little where
# it is high), then the aggregate over all groups (total packed bits / total input bytes).
#   bench/compare.sh [--preset P] [--threads N] [GROUP...]
# GROUP is a file or folder under ../shared/corpus (default: cantrbry calgary large genomic enwik_4MB,
# the public corpus of the compression-strength issue).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$here/../shared/corpus"
nnzip="$here/build/app/nnzip"
preset=default
threads=2
groups=()
while [ $# -gt 0 ]; do
  case "$1" in
    --preset) preset="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) groups+=("$1"); shift ;;
  esac
done
[ ${#groups[@]} -gt 0 ] || groups=(cantrbry calgary large genomic enwik_4MB)
for tool in xz zstd zpaq 7z /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install xz-utils zstd zpaq p7zip-full time)" >&2; exit 1; }
done
declare -A total_packed=()
total_raw=0
[ -x "$nnzip" ] || "$here/scripts/setup.sh"
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=2147483648}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The machine's CPU time stolen by the hypervisor so far, and all CPU time (ticks, every core).
steal_ticks() { awk '/^cpu / { print $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
# measure command...: runs the command; prints seconds, peak RSS (KiB) and the share of the
# machine's CPU time the hypervisor took meanwhile (%): on a shared VM that share, not the tool,
# is what moves the speeds from one run to the next.
measure() {
  read -r steal0 total0 < <(steal_ticks)
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  read -r steal1 total1 < <(steal_ticks)
  read -r secs rss < "$work/time"
  echo "$secs $rss $(awk -v s=$((steal1 - steal0)) -v t=$((total1 - total0)) 'BEGIN { if (t <= 0) t = 1; printf "%.0f", 100 * s / t }')"
}
kbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.01; printf "%.1f", b / s / 1000 }'; }
bpb() { awk -v c="$1" -v r="$2" 'BEGIN { printf "%.3f", 8 * c / r }'; }

echo "| input | bytes | tool | packed | bpb | comp KB/s | decomp KB/s | peak MiB | size / zpaq | VM steal % comp / decomp |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for group in "${groups[@]}"; do
  src="$corpus/$group"
  [ -e "$src" ] || { echo "no $src" >&2; continue; }
  tarball="$work/input.tar"
  tar -C "$(dirname "$src")" -cf "$tarball" "$(basename "$src")"
  raw=$(du -sb --apparent-size "$src" | cut -f1)
  if [ -d "$src" ]; then raw=$(find "$src" -type f -printf '%s\n' | awk '{s+=$1} END {print s}'); fi

  read -r zc zm zcs < <(measure zpaq a "$work/z.zpaq" "$src" -m5)
  zsize=$(stat -c %s "$work/z.zpaq")
  read -r zd zdm zds < <(cd "$work" && mkdir -p zout && measure zpaq x "$work/z.zpaq" -to zout -force)
  read -r pc pm pcs < <(measure 7z a -m0=PPMd -mx=9 -mmt=1 "$work/p.7z" "$src")
  psize=$(stat -c %s "$work/p.7z")
  read -r pd pdm pds < <(measure 7z x -y -o"$work/pout" "$work/p.7z")
  read -r xc xm xcs < <(measure xz -9e -k -T1 -c "$tarball" -f)
  xz -9e -T1 -c "$tarball" > "$work/x.xz"
  xsize=$(stat -c %s "$work/x.xz")
  read -r xd xdm xds < <(measure xz -d -c "$work/x.xz")
  # zstd's strongest: level 22 with a 128 MiB window (--long=27, which decompression must be told).
  read -r sc sm scs < <(measure zstd --ultra -22 --long=27 -T1 -q -c "$tarball")
  zstd --ultra -22 --long=27 -T1 -q -c "$tarball" > "$work/s.zst"
  ssize=$(stat -c %s "$work/s.zst")
  read -r sd sdm sds < <(measure zstd -d --long=27 -q -c "$work/s.zst")
  read -r nc nm ncs < <(measure "$nnzip" a "$work/n.nnz" "$src" --preset "$preset" --threads "$threads" -f)
  nsize=$(stat -c %s "$work/n.nnz")
  rm -rf "$work/nout" && mkdir "$work/nout"
  read -r nd ndm nds < <(measure "$nnzip" x "$work/n.nnz" -o "$work/nout")
  diff -r "$src" "$work/nout/$(basename "$src")" >/dev/null || { echo "nnzip round trip FAILED for $group" >&2; exit 1; }
  peak() { awk -v a="$1" -v b="$2" 'BEGIN { m = a > b ? a : b; printf "%.0f", m / 1024 }'; }
  ratio() { awk -v a="$1" -v b="$zsize" 'BEGIN { printf "%.3f", a / b }'; }
  echo "| $group | $raw | nnzip --preset $preset | $nsize | $(bpb "$nsize" "$raw") | $(kbps "$raw" "$nc") | $(kbps "$raw" "$nd") | $(peak "$nm" "$ndm") | $(ratio "$nsize") | $ncs / $nds |"
  echo "| $group | $raw | zpaq -m5 | $zsize | $(bpb "$zsize" "$raw") | $(kbps "$raw" "$zc") | $(kbps "$raw" "$zd") | $(peak "$zm" "$zdm") | 1.000 | $zcs / $zds |"
  echo "| $group | $raw | 7z PPMd -mx=9 | $psize | $(bpb "$psize" "$raw") | $(kbps "$raw" "$pc") | $(kbps "$raw" "$pd") | $(peak "$pm" "$pdm") | $(ratio "$psize") | $pcs / $pds |"
  echo "| $group | $raw | xz -9e (tar) | $xsize | $(bpb "$xsize" "$raw") | $(kbps "$raw" "$xc") | $(kbps "$raw" "$xd") | $(peak "$xm" "$xdm") | $(ratio "$xsize") | $xcs / $xds |"
  echo "| $group | $raw | zstd --ultra -22 --long=27 (tar) | $ssize | $(bpb "$ssize" "$raw") | $(kbps "$raw" "$sc") | $(kbps "$raw" "$sd") | $(peak "$sm" "$sdm") | $(ratio "$ssize") | $scs / $sds |"
  total_raw=$((total_raw + raw))
  total_packed[nnzip]=$(( ${total_packed[nnzip]:-0} + nsize ))
  total_packed[zpaq]=$(( ${total_packed[zpaq]:-0} + zsize ))
  total_packed[7z]=$(( ${total_packed[7z]:-0} + psize ))
  total_packed[xz]=$(( ${total_packed[xz]:-0} + xsize ))
  total_packed[zstd]=$(( ${total_packed[zstd]:-0} + ssize ))
  rm -rf "$work/z.zpaq" "$work/zout" "$work/n.nnz" "$work/nout" "$work/p.7z" "$work/pout" "$work/s.zst"
done
echo
echo "| aggregate over ${groups[*]} | bytes | packed | bpb | size / zpaq |"
echo "|---|---:|---:|---:|---:|"
for tool in nnzip zpaq 7z xz zstd; do
  echo "| $tool | $total_raw | ${total_packed[$tool]} | $(bpb "${total_packed[$tool]}" "$total_raw") | $(awk -v a="${total_packed[$tool]}" -v b="${total_packed[zpaq]}" 'BEGIN { printf "%.3f", a / b }') |"
done
