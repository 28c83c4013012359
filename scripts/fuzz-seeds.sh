#!/usr/bin/env bash
# scripts/fuzz-seeds.sh OUTDIR — seed corpora for the libFuzzer targets (fuzz/README.md), made
# fresh with the CLI of the normal build (build/app/nnzip, or $NNZIP): small valid archives
# (store and neural, one and several blocks, files, folders, symlinks, odd names) in
# OUTDIR/archives, and their blocks in the fuzz_*_block input layout in OUTDIR/store_blocks and
# OUTDIR/neural_blocks. Nothing here is committed: the seeds are a few KB and quick to make.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"
nnzip="${NNZIP:-$here/build/app/nnzip}"
if [ ! -x "$nnzip" ]; then "$here/scripts/setup.sh"; fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/archives" "$out/store_blocks" "$out/neural_blocks" "$out/runs_blocks" "$out/recovery"

tree="$work/tree"
mkdir -p "$tree/sub/deeper" "$tree/empty dir" "$tree/Ордер"
printf 'hello, world\n' > "$tree/hello.txt"
: > "$tree/empty"
printf 'x' > "$tree/sub/one"
head -c 300 /dev/urandom > "$tree/sub/deeper/random.bin" 2>/dev/null || printf 'random' > "$tree/sub/deeper/random.bin"
printf 'naïve café\n' > "$tree/Ордер/ñ.txt"
ln -s hello.txt "$tree/link"
ln -s ../hello.txt "$tree/sub/up"
ln -s sub "$tree/dirlink"
chmod 0600 "$tree/sub/one"
mkdir -p "$work/empty"
text="$work/text"
mkdir -p "$text"
for i in 1 2 3 4 5 6; do echo "The quick brown fox jumps over the lazy dog $i times."; done > "$text/fox.txt"

make() { "$nnzip" a "$out/archives/$1" "${@:2}" -f >/dev/null; }
make store-tree.nnz "$tree" --codec store
make store-tree-blocks.nnz "$tree" --codec store --block-size 64
make store-empty.nnz "$work/empty" --codec store
make store-one-file.nnz "$tree/hello.txt" --codec store
make neural-text.nnz "$text" --preset fast --threads 1
make neural-text-blocks.nnz "$text" --preset fast --threads 1 --block-size 128
# Format 3.0 (a duplicate) and a runs block (300 KB of zeros between the text).
twins="$work/twins"
mkdir -p "$twins"
cp "$text/fox.txt" "$twins/a.txt"
cp "$text/fox.txt" "$twins/b.txt"
make store-duplicates.nnz "$twins" --codec store
{ cat "$text/fox.txt"; head -c 300000 /dev/zero; cat "$text/fox.txt"; } > "$twins/image.bin"
make neural-runs-duplicates.nnz "$twins" --preset fast --threads 1
# Format 5.0: archives with a recovery record (also for fuzz_index), whole and damaged, for fuzz_recovery.
make store-tree-recovery.nnz "$tree" --codec store --block-size 64 --recovery 10
make neural-text-recovery.nnz "$text" --preset fast --threads 1 --recovery 50
cp "$out/archives/store-tree-recovery.nnz" "$out/archives/neural-text-recovery.nnz" "$out/recovery/"
python3 - "$out/recovery" <<'PY'
import pathlib, sys
folder = pathlib.Path(sys.argv[1])
for archive in sorted(folder.glob("*.nnz")):
    data = bytearray(archive.read_bytes())
    middle = len(data) // 4
    for i in range(middle, middle + 40):
        data[i] ^= 0x5A
    (folder / (archive.stem + "-damaged.nnz")).write_bytes(data)
    (folder / (archive.stem + "-cut.nnz")).write_bytes(data[: len(data) - 100])
PY

# Every block of every archive as "u16 settings length, settings, u32 raw size, packed bytes".
python3 - "$out" <<'PY'
import pathlib, struct, sys
out = pathlib.Path(sys.argv[1])
for archive in sorted((out / "archives").glob("*.nnz")):
    data = archive.read_bytes()
    (creator_len,) = struct.unpack_from("<I", data, 16)
    pos = 20 + creator_len + 8
    n = 0
    def varint(at):
        value, shift = 0, 0
        while True:
            byte = data[at]
            value |= (byte & 0x7f) << shift
            at += 1
            if byte < 0x80:
                return value, at
            shift += 7
    # Format 2.0 and 3.0 block headers (docs/FORMAT.md).
    while data[pos:pos + 4] == b"NBLK":
        codec = data[pos + 4]
        settings_len, at = varint(pos + 5)
        settings = data[at:at + settings_len]
        at += settings_len
        raw, at = varint(at)
        packed, at = varint(at)
        at += 16  # raw and packed checksums
        entries, at = varint(at)
        for _ in range(entries):
            record, at = varint(at)
            at += record
        at += 8  # header checksum
        block = struct.pack("<H", settings_len) + settings + struct.pack("<I", raw) + data[at:at + packed]
        kind = {0: "store_blocks", 1: "neural_blocks", 2: "runs_blocks"}[codec]
        (out / kind / f"{archive.stem}-{n}").write_bytes(block)
        pos = at + packed
        n += 1
PY
# Runs blocks (long runs apart around the store codec: settings 0x00), made here: an archive only
# has one for 256 KiB of runs.
python3 - "$out/runs_blocks" <<'PY'
import pathlib, struct, sys
out = pathlib.Path(sys.argv[1])
def varint(v):
    b = bytearray()
    while True:
        if v < 0x80:
            b.append(v)
            return bytes(b)
        b.append(0x80 | (v & 0x7f))
        v >>= 7
def seed(name, runs, literals):
    raw = sum(r[2] for r in runs) + len(literals)
    packed = varint(len(runs)) + b"".join(varint(before) + bytes([value]) + varint(length) for before, value, length in runs)
    (out / name).write_bytes(struct.pack("<H", 1) + b"\x00" + struct.pack("<I", raw) + packed + literals)
seed("zeros", [(0, 0, 5000)], b"")
seed("text-run-text", [(5, 0, 4096)], b"hello world")
seed("two-runs", [(0, 0xff, 4100), (3, 0, 9000)], b"abcdef")
PY
echo "seeds in $out: $(ls "$out/archives" | wc -l) archives, $(ls "$out/store_blocks" | wc -l) store blocks, $(ls "$out/neural_blocks" | wc -l) neural blocks, $(ls "$out/runs_blocks" | wc -l) runs blocks" >&2
