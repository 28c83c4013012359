#!/usr/bin/env bash
# Saves screenshots of the GUI to docs/screenshots/: the main window with a sample archive, the
# same window while a compression job runs, and that job's progress panel (with its bpb chart).
# Runs nnzip-gui under xvfb-run with the hidden --screenshot option (QWidget::grab()).
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build; must already contain app/nnzip-gui)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
corpus=../shared/corpus/cantrbry
out=docs/screenshots
gui="$build_dir/app/nnzip-gui"
cli="$build_dir/app/nnzip"
for tool in "$gui" "$cli"; do
  [[ -x $tool ]] || { echo "missing $tool: build first (cmake --build $build_dir)" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "xvfb-run is needed (apt-get install xvfb xauth)" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A small neural archive (fast preset, small blocks so the entries' bpb differ) of a few corpus files.
# In folders, as the list shows them in a tree.
mkdir -p "$scratch/cantrbry/code" "$scratch/cantrbry/bin"
cp "$corpus"/{cp.html,xargs.1} "$scratch/cantrbry/"
cp "$corpus"/{fields.c,grammar.lsp} "$scratch/cantrbry/code/"
cp "$corpus"/sum "$scratch/cantrbry/bin/"
"$cli" a "$scratch/sample.nnz" "$scratch/cantrbry" --preset fast --block-size 16K --threads 2 >/dev/null

mkdir -p "$out"
# The GUI opens the sample, grabs the window, starts compressing three corpus texts (fast preset),
# grabs the window and the progress panel mid-job, then cancels and quits.
XDG_CONFIG_HOME="$scratch/config" OMP_NUM_THREADS=1 \
  xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --screenshot "$out" "$scratch/sample.nnz" "$corpus/alice29.txt" "$corpus/asyoulik.txt" "$corpus/lcet10.txt"
ls -l "$out"
