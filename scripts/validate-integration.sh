#!/usr/bin/env bash
# Validates the desktop-integration files in the source tree (resources/, packaging/):
#   desktop entry and Dolphin service menus (desktop-file-validate), MIME XML (xmllint, then
#   compiled with update-mime-database and its magic compared with the format's signature),
#   AppStream metainfo (appstreamcli validate --no-net), Nemo actions, Thunar actions, shell
#   scripts (sh -n, shellcheck where installed), macOS Quick Actions (plists, up to date with
#   their generator), Windows NSIS include (makensis where installed).
# Usage: scripts/validate-integration.sh [SOURCE_DIR]
# Exit: 0 all checks ran and passed; 1 a check failed; 77 passed, but a required validator is
# missing (desktop-file-utils, libxml2-utils, appstream, shared-mime-info), so some were skipped.
set -uo pipefail
src=$(cd "${1:-$(dirname "$0")/..}" && pwd)
res=$src/resources
linux=$src/packaging/linux
failures=0
missing=()
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
need() { have "$1" && return 0; missing+=("$1"); echo "skip: $2 ($1 not installed)"; return 1; }

# The foreign archive types the app opens: one list, the desktop entry's, that the file-manager
# extract actions must repeat exactly.
desktop_mimes=$(sed -n 's/^MimeType=//p' "$res/nnzip.desktop")

# --- desktop entry -------------------------------------------------------------------------
if need desktop-file-validate "desktop entry"; then
  if out=$(desktop-file-validate "$res/nnzip.desktop" 2>&1) && [ -z "$out" ]; then pass "nnzip.desktop"
  else fail "nnzip.desktop: $out"; fi
fi
grep -qx 'Exec=nnzip-gui %U' "$res/nnzip.desktop" || fail "nnzip.desktop: Exec is not 'nnzip-gui %U'"
grep -qx 'Icon=nnzip' "$res/nnzip.desktop" || fail "nnzip.desktop: Icon is not 'nnzip'"
case ";$desktop_mimes" in *";application/x-nnzip;"*) ;; *) fail "nnzip.desktop: MimeType lacks application/x-nnzip" ;; esac

# --- Dolphin service menus ---------------------------------------------------------------------
# desktop-file-validate knows only application entries; KDE service menus use MimeType and
# Actions with Type=Service, and the all/all pseudo type. Those complaints are expected; any
# other is an error.
kde_only='type is "Service" while this key is only valid for type "Application"|"all/all" which is an invalid MIME type'
for menu in "$linux"/dolphin/*.desktop; do
  name=$(basename "$menu")
  if have desktop-file-validate; then
    out=$(desktop-file-validate "$menu" 2>&1 | grep -Ev "$kde_only")
    if [ -z "$out" ]; then pass "dolphin/$name"; else fail "dolphin/$name: $out"; fi
  fi
  grep -q '^X-KDE-ServiceTypes=KonqPopupMenu/Plugin' "$menu" || fail "dolphin/$name: no KonqPopupMenu/Plugin service type"
  grep '^Exec=' "$menu" | grep -Ev '^Exec=(nnzip-gui --extract-here -- %F|@NNZIP_ACTION@ (extract-to|compress|compress-encrypted) %F)$' \
    && fail "dolphin/$name: unexpected Exec line"
done
[ "$(sed -n 's/^MimeType=//p' "$linux/dolphin/nnzip-extract.desktop")" = "$desktop_mimes" ] \
  || fail "dolphin/nnzip-extract.desktop: MimeType differs from nnzip.desktop"

# --- MIME type ------------------------------------------------------------------------------
mime=$res/nnzip-mime.xml
if need xmllint "MIME XML"; then
  if xmllint --noout "$mime"; then pass "nnzip-mime.xml is well-formed"; else fail "nnzip-mime.xml is not well-formed XML"; fi
  q() { xmllint --xpath "$1" "$mime" 2>/dev/null; }
  [ "$(q 'string(/*[local-name()="mime-info"]/*[local-name()="mime-type"]/@type)')" = application/x-nnzip ] \
    || fail "nnzip-mime.xml: no mime-type application/x-nnzip"
  [ "$(q 'namespace-uri(/*)')" = http://www.freedesktop.org/standards/shared-mime-info ] \
    || fail "nnzip-mime.xml: root is not in the shared-mime-info namespace"
  [ "$(q 'string(//*[local-name()="glob"]/@pattern)')" = '*.nnz' ] || fail "nnzip-mime.xml: no *.nnz glob"
  [ -n "$(q 'string(//*[local-name()="comment"])')" ] || fail "nnzip-mime.xml: no comment"
  [ "$(q 'string(//*[local-name()="match"]/@offset)')" = 0 ] || fail "nnzip-mime.xml: magic not at offset 0"
fi
if need update-mime-database "compiled MIME database"; then
  mkdir -p "$scratch/mime/packages"
  cp "$mime" "$scratch/mime/packages/nnzip.xml"
  if out=$(XDG_DATA_DIRS="$scratch" update-mime-database "$scratch/mime" 2>&1) && [ -z "$out" ]; then pass "update-mime-database accepts nnzip-mime.xml"
  else fail "update-mime-database: $out"; fi
  grep -qx 'application/x-nnzip' "$scratch/mime/types" 2>/dev/null || fail "compiled database lacks application/x-nnzip"
  grep -q ':application/x-nnzip:\*\.nnz$' "$scratch/mime/globs2" 2>/dev/null || fail "compiled database lacks the *.nnz glob"
  # The signature from its source of truth, kMagic in core/container/format.hpp, as hex.
  signature=""
  for token in $(sed -n 's/.* kMagic = {\(.*\)};.*/\1/p' "$src/core/container/format.hpp" | tr -d ' ' | tr ',' ' '); do
    case $token in
      "'\\r'") signature+=0d ;;
      "'\\n'") signature+=0a ;;
      0x*) signature+=$(printf '%02x' "$((token))") ;;
      "'"?"'") signature+=$(printf '%02x' "'${token:1:1}") ;;
      *) fail "cannot read kMagic token $token in core/container/format.hpp" ;;
    esac
  done
  [ ${#signature} -eq 16 ] || fail "kMagic in core/container/format.hpp is not 8 bytes ($signature)"
  if od -An -tx1 -v "$scratch/mime/magic" | tr -d ' \n' | grep "$signature" >/dev/null; then
    pass "compiled magic holds the format signature $signature"
  else
    fail "compiled magic lacks the format signature $signature (core/container/format.hpp kMagic)"
  fi
fi

# --- AppStream --------------------------------------------------------------------------------
metainfo=$res/io.github.nnzip.nnzip.metainfo.xml
if need appstreamcli "AppStream metainfo"; then
  if out=$(appstreamcli validate --no-net --pedantic "$metainfo" 2>&1); then pass "metainfo (appstreamcli validate --pedantic)"
  else fail "metainfo: $out"; fi
fi
grep -q '<launchable type="desktop-id">nnzip.desktop</launchable>' "$metainfo" || fail "metainfo: launchable is not nnzip.desktop"
while read -r image; do
  [ -f "$src/docs/screenshots/$image" ] || fail "metainfo: screenshot $image is not in docs/screenshots"
done < <(sed -n 's|.*<image>.*/docs/screenshots/\([^<]*\)</image>.*|\1|p' "$metainfo")

# --- icons -------------------------------------------------------------------------------------
[ -f "$res/icons/nnzip.svg" ] || fail "icons: nnzip.svg missing"
for size in 16 22 24 32 48 64 128 256; do
  png=$res/icons/nnzip-$size.png
  if [ ! -f "$png" ]; then fail "icons: nnzip-$size.png missing"; continue; fi
  # PNG IHDR: width and height as big-endian u32 at bytes 16..23.
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
  [ "$dims" = "${size}x${size}" ] || fail "icons: nnzip-$size.png is $dims"
done
have xmllint && { xmllint --noout "$res/icons/nnzip.svg" || fail "icons: nnzip.svg is not well-formed"; }

# --- Nemo actions -----------------------------------------------------------------------------
for action in "$linux"/nemo/*.nemo_action; do
  name=$(basename "$action")
  [ "$(grep -v '^#' "$action" | grep -m1 .)" = "[Nemo Action]" ] || fail "nemo/$name: first group is not [Nemo Action]"
  for key in Name Exec Selection; do grep -q "^$key=" "$action" || fail "nemo/$name: no $key"; done
  grep -Eq '^(Mimetypes|Extensions)=' "$action" || fail "nemo/$name: neither Mimetypes nor Extensions"
  grep -q '^Quote=double' "$action" || fail "nemo/$name: paths are not quoted (Quote=double)"
  if grep -q '^Mimetypes=' "$action"; then
    [ "$(sed -n 's/^Mimetypes=//p' "$action")" = "$desktop_mimes" ] || fail "nemo/$name: Mimetypes differs from nnzip.desktop"
  fi
done
nemo_count=$(find "$linux/nemo" -name '*.nemo_action' | wc -l)
if [ "$nemo_count" -eq 4 ]; then pass "nemo actions"; else fail "nemo: expected 4 actions, found $nemo_count"; fi

# --- Thunar -----------------------------------------------------------------------------------
uca=$linux/thunar/uca-nnzip.xml
if have xmllint; then
  if xmllint --noout "$uca"; then
    [ "$(xmllint --xpath 'count(/actions/action)' "$uca")" = 4 ] || fail "thunar: expected 4 actions"
    [ "$(xmllint --xpath 'count(/actions/action[unique-id and command and patterns and name])' "$uca")" = 4 ] \
      || fail "thunar: an action lacks unique-id, command, patterns or name"
    pass "thunar uca-nnzip.xml"
  else
    fail "thunar: uca-nnzip.xml is not well-formed"
  fi
fi

# --- shell scripts ----------------------------------------------------------------------------
scripts=("$linux/nnzip-action" "$linux"/nautilus/* "$linux/test-nnzip-action.sh")
for script in "${scripts[@]}"; do
  [ -x "$script" ] || fail "$(basename "$script") is not executable"
  sh -n "$script" || fail "$(basename "$script"): syntax error"
done
if have shellcheck; then
  if shellcheck "${scripts[@]}" "$src/scripts/check-deb.sh" "$src/scripts/gpu-check.sh" "$0"; then pass "shellcheck"; else fail "shellcheck"; fi
else
  echo "skip: shellcheck (optional, not installed)"
fi

# --- macOS Quick Actions ----------------------------------------------------------------------
macos=$src/packaging/macos
if have python3; then
  if python3 "$macos/make-quick-actions.py" "$scratch/macos" >/dev/null &&
     diff -r "$scratch/macos" "$macos" -x scripts -x make-quick-actions.py -x app-info-fragment.plist -x __pycache__ >/dev/null; then
    pass "macOS workflows match make-quick-actions.py"
  else
    fail "macOS workflows are out of date: run packaging/macos/make-quick-actions.py"
  fi
  if python3 -c 'import plistlib,sys; [plistlib.load(open(p,"rb")) for p in sys.argv[1:]]' "$macos"/*.plist "$macos"/*.workflow/Contents/*; then
    pass "macOS plists parse"
  else
    fail "macOS plists do not parse"
  fi
else
  echo "skip: macOS plists (python3 not installed)"
fi
if have shellcheck; then
  for part in extract-here extract-to compress; do
    { echo '#!/bin/bash'; cat "$macos/scripts/find-gui.sh" "$macos/scripts/$part.sh"; } > "$scratch/$part.sh"
    shellcheck "$scratch/$part.sh" || fail "macOS $part script"
  done
fi

# --- Windows ----------------------------------------------------------------------------------
if have makensis; then
  if (cd "$src/packaging/windows" && makensis -V1 -WX -DOUTFILE="$scratch/shell-test.exe" nnzip-shell-test.nsi); then
    pass "NSIS include compiles (makensis -WX)"
  else
    fail "NSIS include does not compile"
  fi
else
  echo "skip: NSIS (optional, makensis not installed)"
fi

echo
if [ "$failures" -gt 0 ]; then echo "validate-integration: $failures check(s) failed"; exit 1; fi
if [ ${#missing[@]} -gt 0 ]; then echo "validate-integration: passed, but skipped checks needing: ${missing[*]}"; exit 77; fi
echo "validate-integration: all checks passed"
