#!/usr/bin/env zsh
# Prints what zsh's completion system offers for a command line, one match a line, as a user
# pressing Tab at its end would be offered them: an interactive zsh in a pseudo-terminal (zpty)
# with the completion functions of FPATH_DIR, whose compadd is replaced by one that prints its
# matches. Used by tst_cli for packaging/linux/_nnzip (after the technique of Valodim's
# zsh-capture-completion).
# Usage: zsh zsh_complete.zsh FPATH_DIR 'nnzip x archive.nnz do'
emulate -L zsh
zmodload zsh/zpty || exit 2
[[ $# == 2 ]] || { print -u2 "usage: zsh_complete.zsh FPATH_DIR LINE"; exit 2 }

zpty shell zsh -f -i
# The matches come between two MARK lines (printed before and after the completion), then the
# shell exits; the words are split in the commands so that their echo is neither.
zpty -w shell "PROMPT= RPROMPT= ; fpath=(${(q)1} \$fpath) ; autoload -Uz compinit ; compinit -u -D"
zpty -w shell 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a hits before hidden
  builtin compadd -A hits "$@"
  zparseopts -E P:=before p:=hidden
  local hit
  for hit in $hits; do print -r -- "MAT""CH:$IPREFIX${before[2]}${hidden[2]}$hit"; done
  builtin compadd "$@"
}'
zpty -w shell 'mark() { print -r -- "MA""RK" }; compprefuncs=(mark); comppostfuncs=(mark exit)'
zpty -w shell "bindkey '^I' complete-word"
zpty -w shell "${2}"$'\t'

integer marks=0
local line
while zpty -r shell line; do
    # The terminal's echo and escapes surround what the functions print: look inside each line.
    line=${line//$'\r'/}
    line=${line%$'\n'}
    if [[ $line == *MATCH:* ]]; then
        (( marks == 1 )) && print -r -- "${line#*MATCH:}"
    elif [[ $line == *MARK* ]]; then
        (( ++marks == 2 )) && break
    fi
done
zpty -d shell
(( marks == 2 ))
