#!/usr/bin/env bash
# Builds the .deb with CPack (or takes one), unpacks it into a scratch root with dpkg -x and
# checks that it holds every file where freedesktop and Debian expect it, that its metadata
# declares its dependencies, that the installed integration files validate, and that the
# packaged binaries run and the packaged MIME type recognises a real archive.
# Usage: scripts/check-deb.sh BUILD_DIR [PACKAGE.deb]
# Exit: 0 passed; 1 a check failed; 77 cannot run here (dpkg-deb or cpack missing).
set -uo pipefail
build=$(cd "${1:?usage: check-deb.sh BUILD_DIR [PACKAGE.deb]}" && pwd)
deb=${2:-}
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
# check NAME COMMAND...: passes when COMMAND succeeds.
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
have dpkg-deb || { echo "check-deb: dpkg-deb not found; skipped"; exit 77; }

if [ -z "$deb" ]; then
  have cpack || { echo "check-deb: cpack not found; skipped"; exit 77; }
  rm -f "$build"/nnzip_*.deb
  (cd "$build" && cpack -G DEB) > "$build/check-deb-cpack.log" 2>&1 || { cat "$build/check-deb-cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
  deb=$(find "$build" -maxdepth 1 -name 'nnzip_*.deb' | head -1)
  [ -n "$deb" ] || { cat "$build/check-deb-cpack.log"; echo "FAIL: cpack wrote no nnzip_*.deb"; exit 1; }
fi
echo "package: $deb"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

# --- control data --------------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = nnzip ] || fail "Package is '$(field Package)'"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
for name in Version Maintainer Description; do [ -n "$(field "$name")" ] || fail "$name is empty"; done
depends=$(field Depends)
echo "Depends: $depends"
depends_names=$(tr ',|' '\n' <<<"$depends" | sed 's/^ *//; s/[ (].*//')
for library in 'libc6' 'libstdc\+\+6' 'libtorch[0-9.]*' 'libqt6widgets6' 'libqt6core6' 'libarchive13' 'libxxhash0'; do
  grep -Eqx "$library" <<<"$depends_names" || fail "Depends lacks $library"
done
grep -q libopenblas0-openmp <<<"$(field Recommends)" || fail "Recommends lacks libopenblas0-openmp"
pass "control: Package, Architecture, Depends, Recommends"

# --- files -----------------------------------------------------------------------------------
dpkg-deb -x "$deb" "$root" || { echo "FAIL: dpkg -x"; exit 1; }
if dpkg-deb --contents "$deb" | awk '{print $2}' | grep -vqx 'root/root'; then fail "files not owned by root/root"; fi
expected_programs=(usr/bin/nnzip usr/bin/nnzip-gui usr/bin/nnzip-bench usr/libexec/nnzip/nnzip-action
  "usr/share/nnzip/nautilus-scripts/nnzip - Extract here" "usr/share/nnzip/nautilus-scripts/nnzip - Extract to..."
  "usr/share/nnzip/nautilus-scripts/nnzip - Compress" "usr/share/nnzip/nautilus-scripts/nnzip - Compress encrypted")
expected_files=(usr/share/applications/nnzip.desktop
  usr/share/mime/packages/nnzip.xml
  usr/share/metainfo/io.github.nnzip.nnzip.metainfo.xml
  usr/share/icons/hicolor/scalable/apps/nnzip.svg
  usr/share/kio/servicemenus/nnzip-extract.desktop usr/share/kio/servicemenus/nnzip-compress.desktop
  usr/share/nemo/actions/nnzip-extract-here.nemo_action usr/share/nemo/actions/nnzip-extract-to.nemo_action
  usr/share/nemo/actions/nnzip-compress.nemo_action usr/share/nemo/actions/nnzip-compress-encrypted.nemo_action
  usr/share/nnzip/thunar/uca-nnzip.xml
  usr/share/man/man1/nnzip.1.gz usr/share/man/man1/nnzip-gui.1.gz
  usr/share/bash-completion/completions/nnzip
  usr/share/zsh/vendor-completions/_nnzip
  usr/share/fish/vendor_completions.d/nnzip.fish
  usr/lib/nnzip/libnnzip_torch.so)
for size in 16 22 24 32 48 64 128 256; do expected_files+=("usr/share/icons/hicolor/${size}x${size}/apps/nnzip.png"); done
for f in "${expected_files[@]}" "${expected_programs[@]}"; do
  [ -f "$root/$f" ] || fail "missing /$f"
done
for f in "${expected_programs[@]}"; do
  [ -x "$root/$f" ] || fail "/$f is not executable"
done
unexpected=$(cd "$root" && find . -type f | sed 's|^\./||' | sort | grep -vxF -f <(printf '%s\n' "${expected_files[@]}" "${expected_programs[@]}" | sort))
[ -z "$unexpected" ] || fail "unexpected files: $unexpected"
[ "${#expected_files[@]}" -gt 0 ] && pass "every file in place ($(cd "$root" && find . -type f | wc -l) files, nothing outside them)"

# The helper path was filled in for this prefix, and it exists.
if grep -rl '@NNZIP_ACTION@' "$root" >/dev/null; then fail "unreplaced @NNZIP_ACTION@ in $(grep -rl '@NNZIP_ACTION@' "$root" | tr '\n' ' ')"; fi
while read -r path; do
  [ "$path" = /usr/libexec/nnzip/nnzip-action ] || fail "a menu calls $path"
done < <(grep -rhoE '/[^ "<>]*nnzip-action' "$root/usr/share" | sort -u)
pass "file-manager actions call /usr/libexec/nnzip/nnzip-action"

# --- installed files validate ----------------------------------------------------------------
if have desktop-file-validate; then
  out=$(desktop-file-validate "$root/usr/share/applications/nnzip.desktop" 2>&1)
  check "desktop-file-validate nnzip.desktop ${out}" [ -z "$out" ]
else
  echo "skip: desktop-file-validate (desktop-file-utils not installed)"
fi
if have appstreamcli; then
  # validate-tree checks the metainfo together with the desktop entry and icons it names.
  if out=$(appstreamcli validate-tree --no-net "$root" 2>&1); then pass "appstreamcli validate-tree"; else fail "appstreamcli validate-tree: $out"; fi
else
  echo "skip: appstreamcli (appstream not installed)"
fi

# The manual pages: compressed as Debian wants them (no name or time in the gzip header), and
# clean for groff's warnings where groff is installed.
for page in nnzip nnzip-gui; do
  gz=$root/usr/share/man/man1/$page.1.gz
  [ -f "$gz" ] || continue
  check "$page.1.gz is gzip without a name or time" bash -c "gzip -t '$gz' && [ \"\$(od -An -tx1 -j3 -N5 '$gz' | tr -d ' ')\" = 0000000000 ]"
  if have groff; then
    out=$(zcat "$gz" | groff -man -Tutf8 -ww -z 2>&1)
    check "groff -ww $page.1 ${out}" [ -z "$out" ]
  fi
done
# The completion loads in bash and completes a command.
check "bash completion offers the commands" bash -c "source '$root/usr/share/bash-completion/completions/nnzip' && COMP_WORDS=(nnzip con) COMP_CWORD=1 && _nnzip && [ \"\${COMPREPLY[*]}\" = convert ]"
if command -v zsh >/dev/null; then
  check "zsh completion is valid zsh" zsh -n "$root/usr/share/zsh/vendor-completions/_nnzip"
fi
if command -v fish >/dev/null; then
  check "fish completion offers the commands" bash -c "[ \"\$(fish --no-config -c \"source '$root/usr/share/fish/vendor_completions.d/nnzip.fish'; complete -C'nnzip con'\" | cut -f1)\" = convert ]"
fi

# --- the packaged programs run ---------------------------------------------------------------
scratch=$root/scratch
mkdir -p "$scratch/in"
quietly() { "$@" >/dev/null 2>&1; }
check "packaged nnzip --version runs" quietly "$root/usr/bin/nnzip" --version
check "packaged nnzip-bench --help runs" quietly "$root/usr/bin/nnzip-bench" --help
check "packaged nnzip-gui --help runs" quietly env QT_QPA_PLATFORM=offscreen "$root/usr/bin/nnzip-gui" --help
printf 'hello nnzip\n' > "$scratch/in/hello.txt"
# The tensor backend is a module the programs load from ../lib/nnzip/ (core/neural/torch_module.hpp):
# the max preset with 8 lanes (2 KiB each at least) runs its LSTM on LibTorch.
seq 1 4000 > "$scratch/numbers.txt"
check "packaged nnzip-bench loads the LibTorch module" quietly "$root/usr/bin/nnzip-bench" "$scratch/numbers.txt" --preset max --lanes 8
if "$root/usr/bin/nnzip" a "$scratch/archive.nnz" "$scratch/in" --codec store >/dev/null 2>&1; then
  cp "$scratch/archive.nnz" "$scratch/archive-renamed.bin"
else
  fail "packaged nnzip cannot create an archive"
fi

# --- the MIME type recognises a real archive ---------------------------------------------------
# What dpkg's triggers do on installation (shared-mime-info, desktop-file-utils), then GIO asked
# with only the unpacked tree as its data (and nnzip-gui on PATH, for the entry's TryExec).
if have update-mime-database && have update-desktop-database && have gio && [ -f "$scratch/archive-renamed.bin" ]; then
  export XDG_DATA_DIRS=$root/usr/share XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config PATH=$root/usr/bin:$PATH
  update-mime-database "$root/usr/share/mime" >/dev/null 2>&1 || fail "update-mime-database on the packaged XML"
  update-desktop-database "$root/usr/share/applications" || fail "update-desktop-database on the packaged desktop entry"
  type_of() { gio info -a standard::content-type "$1" 2>/dev/null | sed -n 's/^ *standard::content-type: //p'; }
  check "*.nnz by name is application/x-nnzip (got $(type_of "$scratch/archive.nnz"))" \
    [ "$(type_of "$scratch/archive.nnz")" = application/x-nnzip ]
  check "an archive under another name is application/x-nnzip by magic (got $(type_of "$scratch/archive-renamed.bin"))" \
    [ "$(type_of "$scratch/archive-renamed.bin")" = application/x-nnzip ]
  # grep reads to the end: with -q it may exit first, and gio's SIGPIPE fails the pipeline (pipefail).
  registered() { gio mime application/x-nnzip 2>/dev/null | grep 'nnzip.desktop' >/dev/null; }
  check "nnzip.desktop is registered for application/x-nnzip" registered
else
  echo "skip: MIME detection (needs update-mime-database, update-desktop-database and gio)"
fi

echo
if [ "$failures" -gt 0 ]; then echo "check-deb: $failures check(s) failed"; exit 1; fi
echo "check-deb: $(basename "$deb") passed"
