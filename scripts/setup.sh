#!/usr/bin/env bash
# Shared by run.sh and test.sh: install missing Debian packages, then configure and build into
# build/ with Ninja. Idempotent: with everything installed and built it only runs ninja's no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config cmake ninja-build
          qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools  # the last two: Qt6LinguistTools, lupdate/lrelease
          libtorch-dev libopenblas0-openmp libarchive-dev libxxhash-dev libsodium-dev
          xvfb xauth xz-utils zpaq
          desktop-file-utils libxml2-utils appstream libglib2.0-bin  # validators for the packaging tests
          zsh fish)  # for the tests of their completions
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: run as root (or install these packages): ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # --no-install-recommends keeps libopenblas0-pthread out: it would win the libblas.so.3
  # alternative and fight LibTorch's OpenMP threads (DESIGN.md section 3).
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# NNZ_BUILD_DIR and NNZ_CMAKE_ARGS let ./test.sh --sanitize build elsewhere with other flags.
build="${NNZ_BUILD_DIR:-build}"
if [ ! -f "$build/build.ninja" ]; then
  # shellcheck disable=SC2086  # NNZ_CMAKE_ARGS is a list of arguments
  cmake -S . -B "$build" -G Ninja ${NNZ_CMAKE_ARGS:--DCMAKE_BUILD_TYPE=Release} >&2
fi
# Two cores, and a LibTorch translation unit needs ~1.1 GB: -j2 fits in memory everywhere.
cmake --build "$build" -j "$(nproc)" >&2
