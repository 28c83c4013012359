#!/usr/bin/env bash
# Tests nnzip-action (the file-manager helper) with a stand-in nnzip-gui that records its
# arguments and stand-in folder dialogs: archive naming, never an existing name, absolute paths
# behind "--", dialog choice, cancel, and errors.
# Usage: test-nnzip-action.sh PATH/TO/nnzip-action
set -uo pipefail
action=$(cd "$(dirname "${1:?usage: test-nnzip-action.sh PATH/TO/nnzip-action}")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

mkdir -p "$work/bin" "$work/tree/my dir/sub" "$work/tree/other"
touch "$work/tree/my dir/a.txt" "$work/tree/my dir/b.txt" "$work/tree/-dash" "$work/tree/my dir/sub.nnz"
# Stand-in GUI: one line per argument.
cat > "$work/bin/fake-gui" <<'STUB'
#!/bin/sh
for argument; do printf '%s\n' "$argument"; done
STUB
chmod +x "$work/bin/fake-gui"
export NNZIP_GUI_COMMAND="$work/bin/fake-gui"
base_path=/usr/bin:/bin

# check NAME EXPECTED COMMAND...: runs COMMAND in $work/tree, compares stdout (one argument per line).
check() {
  local name=$1 expected=$2
  shift 2
  local got
  got=$(cd "$work/tree" && "$@" 2>"$work/stderr")
  if [ "$got" = "$expected" ]; then
    echo "ok:   $name"
  else
    echo "FAIL: $name"; echo "  expected: ${expected//$'\n'/ | }"; echo "  got:      ${got//$'\n'/ | }"
    sed 's/^/  stderr: /' "$work/stderr"
    failures=$((failures + 1))
  fi
}
t=$work/tree
nl=$'\n'

check "one file: NAME.nnz beside it" \
  "--compress-to${nl}$t/my dir/a.txt.nnz${nl}--${nl}$t/my dir/a.txt" \
  env PATH="$base_path" "$action" compress "my dir/a.txt"
check "a folder with a trailing slash, its name taken: numbered" \
  "--compress-to${nl}$t/my dir/sub (2).nnz${nl}--${nl}$t/my dir/sub/" \
  env PATH="$base_path" "$action" compress "$t/my dir/sub/"
touch "$t/my dir/sub (2).nnz"
ln -s missing "$t/my dir/sub (3).nnz"
check "every taken name skipped, dangling links included" \
  "--compress-to${nl}$t/my dir/sub (4).nnz${nl}--${nl}$t/my dir/sub" \
  env PATH="$base_path" "$action" compress "my dir/sub"
check "several items: named after their folder" \
  "--compress-to${nl}$t/my dir/my dir.nnz${nl}--${nl}$t/my dir/a.txt${nl}$t/my dir/b.txt" \
  env PATH="$base_path" "$action" compress "my dir/a.txt" "my dir/b.txt"
check "compress-encrypted: the same name, with --encrypt" \
  "--compress-to${nl}$t/my dir/a.txt.nnz${nl}--encrypt${nl}--${nl}$t/my dir/a.txt" \
  env PATH="$base_path" "$action" compress-encrypted "my dir/a.txt"
check "a name starting with a dash stays a path" \
  "--compress-to${nl}$t/-dash.nnz${nl}--${nl}$t/-dash" \
  env PATH="$base_path" "$action" compress -dash

# expect_dialog NAME CALL: the stand-in dialog was run exactly once, as CALL.
expect_dialog() {
  if [ "$(cat "$work/dialog.log")" = "$2" ]; then
    echo "ok:   $1"
  else
    echo "FAIL: $1: $(cat "$work/dialog.log")"; failures=$((failures + 1))
  fi
}

# Folder dialogs: zenity outside KDE, kdialog on KDE; each stand-in logs how it was called.
for tool in zenity kdialog; do
  printf '#!/bin/sh\necho "%s $*" >> "%s/dialog.log"\necho "%s/other"\n' "$tool" "$work" "$t" > "$work/bin/$tool"
  chmod +x "$work/bin/$tool"
done
check "extract-to: the chosen folder, archives absolute" \
  "--extract-to${nl}$t/other${nl}--${nl}$t/my dir/sub.nnz${nl}$t/x.zip" \
  env PATH="$work/bin:$base_path" XDG_CURRENT_DESKTOP=GNOME "$action" extract-to "my dir/sub.nnz" x.zip
expect_dialog "zenity asked, starting beside the archive" "zenity --file-selection --directory --title=Extract to --filename=$t/my dir/"
: > "$work/dialog.log"
check "extract-to on KDE uses kdialog" \
  "--extract-to${nl}$t/other${nl}--${nl}$t/my dir/sub.nnz" \
  env PATH="$work/bin:$base_path" XDG_CURRENT_DESKTOP=KDE "$action" extract-to "my dir/sub.nnz"
expect_dialog "kdialog asked" "kdialog --title Extract to --getexistingdirectory $t/my dir"

# Cancel: the dialog prints nothing and fails; nnzip-gui must not run, exit 0.
printf '#!/bin/sh\nexit 1\n' > "$work/bin/zenity"
check "extract-to cancelled: nothing runs" "" \
  env PATH="$work/bin:$base_path" XDG_CURRENT_DESKTOP=GNOME "$action" extract-to "my dir/sub.nnz"

# Errors: non-zero exit with a message.
expect_error() {
  local name=$1
  shift
  if (cd "$t" && "$@") >/dev/null 2>"$work/stderr"; then
    echo "FAIL: $name: exit 0"; failures=$((failures + 1))
  elif [ ! -s "$work/stderr" ]; then
    echo "FAIL: $name: no message"; failures=$((failures + 1))
  else
    echo "ok:   $name ($(head -1 "$work/stderr"))"
  fi
}
mkdir "$work/empty-bin"
ln -s "$(command -v dirname)" "$work/empty-bin/dirname"
ln -s "$(command -v basename)" "$work/empty-bin/basename"
expect_error "extract-to without any dialog tool" env PATH="$work/empty-bin" /bin/sh "$action" extract-to a.nnz
expect_error "unknown action" env PATH="$base_path" "$action" frobnicate a.nnz
expect_error "no paths" env PATH="$base_path" "$action" compress

if [ "$failures" -gt 0 ]; then echo "test-nnzip-action: $failures failed"; exit 1; fi
echo "test-nnzip-action: all passed"
