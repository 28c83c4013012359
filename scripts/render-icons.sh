#!/usr/bin/env bash
# Renders resources/icons/nnzip.svg to the PNG sizes of the hicolor icon theme. The PNGs are
# committed, so a build never needs this script; rerun it after editing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }
for size in 16 22 24 32 48 64 128 256; do
  rsvg-convert --width "$size" --height "$size" --format png nnzip.svg --output "nnzip-$size.png"
done
echo "render-icons: wrote $(ls nnzip-*.png | tr '\n' ' ')"
