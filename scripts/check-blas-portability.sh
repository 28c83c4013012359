#!/usr/bin/env bash
# Compresses with the installed OpenBLAS, then decompresses (and re-compresses) under other
# libblas.so.3 alternatives (the reference BLAS, and BLIS when it is installable), and checks the
# bytes and the archives are identical. Restores the original alternative on exit. Run as root.
#   scripts/check-blas-portability.sh [FILE]   (default: 64 KB of ../shared/corpus/enwik_1MB)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
nnzip="$here/build/app/nnzip"
alt=libblas.so.3-x86_64-linux-gnu
[ "$(id -u)" -eq 0 ] || { echo "run as root: it switches the system BLAS alternative" >&2; exit 1; }
[ -x "$nnzip" ] || "$here/scripts/setup.sh"

original="$(update-alternatives --query "$alt" | sed -n 's/^Value: //p')"
restore() { update-alternatives --set "$alt" "$original" >/dev/null; echo "restored $alt -> $original"; }
trap restore EXIT

if ! dpkg-query -W -f='${Status}' libblis4-openmp 2>/dev/null | grep -q "install ok installed"; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libblis4-openmp >/dev/null 2>&1 \
    || echo "note: libblis4-openmp not installable here; checking the reference BLAS only"
fi
# apt may have switched the alternative to BLIS on install: go back to the original first.
update-alternatives --set "$alt" "$original" >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"; restore' EXIT
input="${1:-}"
if [ -z "$input" ]; then
  head -c 65536 "$here/../shared/corpus/enwik_1MB" > "$work/sample.txt"
  input="$work/sample.txt"
fi
mkdir -p "$work/in" && cp -p "$input" "$work/in/"
"$nnzip" a "$work/openblas.nnz" "$work/in" --lanes 8 >/dev/null
echo "compressed under $original: $(stat -c %s "$work/openblas.nnz") bytes"

status=0
for candidate in $(update-alternatives --query "$alt" | sed -n 's/^Alternative: //p'); do
  [ "$candidate" = "$original" ] && continue
  update-alternatives --set "$alt" "$candidate" >/dev/null
  rm -rf "$work/out" && mkdir "$work/out"
  if "$nnzip" x "$work/openblas.nnz" -o "$work/out" >/dev/null && diff -r "$work/in" "$work/out/in" >/dev/null; then
    "$nnzip" a "$work/other.nnz" "$work/in" --lanes 8 -f >/dev/null
    if cmp -s "$work/openblas.nnz" "$work/other.nnz"; then
      echo "OK   $candidate: decodes the OpenBLAS archive and writes the identical archive"
    else
      echo "FAIL $candidate: decodes, but writes a different archive"; status=1
    fi
  else
    echo "FAIL $candidate: cannot reproduce the input"; status=1
  fi
done
exit $status
