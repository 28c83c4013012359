# fish completion for nnzip (installed as share/fish/vendor_completions.d/nnzip.fish). Completes
# the commands, each command's options with what they mean (tests/tst_cli.cpp checks that they
# are the ones the bash completion offers, which nnzip accepts), the values of the options that
# take a fixed set, and the entry names of the archive for x, l, d, diff and rn. Entries are
# listed by `nnzip l --json` in a session of its own without a terminal, so that an encrypted
# archive cannot ask for its password in the middle of a command line (it completes nothing).

set -l nnzip_commands a add u update d delete rn rename passwd password rr recovery x extract l list t test info diff compare convert repair help

# Whether the command (the first word after nnzip) is one of the arguments; fish's own
# __nnzip_is would take a file named x or t further on for a command.
function __nnzip_is
    set -l words (commandline -opc)
    test (count $words) -ge 2; and contains -- $words[2] $argv
end

# The words after the command that are not options or their values: the archive comes first.
function __nnzip_arguments
    set -l words (commandline -opc)
    set -l arguments
    set -l skip 0
    for word in $words[3..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case --codec --preset --device -o --output -C --directory --lanes --threads --block-size --memory --recovery \
                --strip-components -v --volume-size --stdin-name --into -x --exclude -N --newer-mtime --name-charset --exclude-tag -i --include --password-file --new-password-file \
                -T --files-from --to-tar
                set skip 1
            case '-*'
            case '*'
                set -a arguments $word
        end
    end
    printf '%s\n' $arguments
end

# Whether the archive is still to come (no argument yet after the command).
function __nnzip_wants_archive
    test (count (__nnzip_arguments)) -eq 0
end

# The archive's entry names, for x, l, d, diff and rn's first name.
function __nnzip_entries
    set -l arguments (__nnzip_arguments)
    test (count $arguments) -ge 1; or return
    set -l command (commandline -opc)[2]
    if contains -- $command rn rename; and test (count $arguments) -ge 2
        return
    end
    set -l archive (string replace -r '^~' $HOME -- $arguments[1])
    test -f "$archive"; or return
    # (In fish's single quotes \\ is one backslash: these are the bash completion's sed scripts.)
    setsid -w nnzip l $archive --json </dev/null 2>/dev/null |
        sed -n 's/^  {"name": "\(\([^"\\\\]\|\\\\.\)*\)", .*/\1/p' | sed 's/\\\\"/"/g; s/\\\\\\\\/\\\\/g'
end

complete -c nnzip -f
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -l help -d 'show the usage'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -l version -d 'show the version'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a a -d 'create an archive'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a u -d 'add or replace files in an archive'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a d -d 'delete entries from an archive'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a rn -d 'rename an entry'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a passwd -d 'set, change or remove the password'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a rr -d 'add, change or remove the recovery record'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a x -d 'extract'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a l -d 'list'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a t -d 'test every checksum'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a info -d 'what the archive is: sizes, blocks, codecs'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a diff -d 'compare with the files on disk'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a convert -d 'convert to or from .nnz'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a repair -d 'recover a damaged archive'
complete -c nnzip -n "test (count (commandline -opc)) -eq 1" -a help -d 'show the usage'

# Files where files go: the archive of a, u, convert and repair, their inputs and outputs.
complete -c nnzip -n "__nnzip_is a add u update convert repair" -F
# An archive first, then entries.
complete -c nnzip -n "__nnzip_is d delete rn rename passwd password rr recovery x extract l list t test info diff compare; and __nnzip_wants_archive" -F
complete -c nnzip -n "__nnzip_is d delete rn rename x extract l list diff compare; and not __nnzip_wants_archive" -a '(__nnzip_entries)'
# t and info: archives, as many as given.
complete -c nnzip -n "__nnzip_is t test info" -F

# Every command: the password.
complete -c nnzip -n "__nnzip_is $nnzip_commands" -s p -l password -d 'ask for the password on the terminal'
complete -c nnzip -n "__nnzip_is $nnzip_commands" -l password-file -r -F -d 'the password from the first line of a file'

# Writing an archive: a, u, d, convert.
set -l writing a add u update d delete convert
complete -c nnzip -n "__nnzip_is $writing" -l codec -x -a 'neural store' -d 'the compression engine'
complete -c nnzip -n "__nnzip_is $writing" -l preset -x -a 'fast default max gpu' -d 'the neural model'
complete -c nnzip -n "__nnzip_is $writing" -l device -x -a 'auto cpu cuda' -d 'where the neural model runs'
complete -c nnzip -n "__nnzip_is $writing" -l lanes -x -d 'parallel lanes per block'
complete -c nnzip -n "__nnzip_is $writing" -l threads -x -d 'CPU threads in all (0: all cores)'
complete -c nnzip -n "__nnzip_is $writing" -l block-size -x -d 'input bytes per solid block (K, M, G)'
complete -c nnzip -n "__nnzip_is $writing" -l memory -x -d 'memory the blocks compressed at once may take'
complete -c nnzip -n "__nnzip_is $writing" -l recovery -x -d 'a recovery record of this percent'
complete -c nnzip -n "__nnzip_is $writing rn rename passwd password rr recovery repair" -l test -d 'test the archive written before keeping it'
# Reading files from disk: a, u, convert.
set -l recording a add u update convert
complete -c nnzip -n "__nnzip_is $recording" -l skip-unreadable -d 'leave out files that cannot be read'
complete -c nnzip -n "__nnzip_is $recording" -l no-owners -d 'record no owners'
complete -c nnzip -n "__nnzip_is $recording" -l no-xattrs -d 'record no extended attributes'
complete -c nnzip -n "__nnzip_is $recording" -l no-acls -d 'record no access control lists'
complete -c nnzip -n "__nnzip_is $recording diff compare x extract l list" -s x -l exclude -x -d 'leave out what matches the pattern'
complete -c nnzip -n "__nnzip_is $recording diff compare x extract l list" -s X -l exclude-from -r -F -d 'leave out what the patterns in a file match'
complete -c nnzip -n "__nnzip_is a add u update" -l stdin-name -x -d 'the name of the file read from standard input'
complete -c nnzip -n "__nnzip_is a add u update" -l into -x -d 'the folder of the archive the files go into'
complete -c nnzip -n "__nnzip_is a add u update" -l remove-files -d 'once the archive is complete, remove the files it holds'
complete -c nnzip -n "__nnzip_is a add u update" -s L -l dereference -d 'store what symlinks point to, not the links'
complete -c nnzip -n "__nnzip_is a add u update" -s i -l include -x -d 'keep only the files that match the pattern'
complete -c nnzip -n "__nnzip_is a add u update" -l exclude-vcs -d 'leave out version control folders and files'
complete -c nnzip -n "__nnzip_is a add u update" -l exclude-caches -d 'leave out what folders tagged with CACHEDIR.TAG hold'
complete -c nnzip -n "__nnzip_is a add u update" -l exclude-tag -x -d 'leave out what folders holding a file of this name hold'
complete -c nnzip -n "__nnzip_is a add u update" -l one-file-system -d 'do not enter folders on other file systems'
complete -c nnzip -n "__nnzip_is x extract l list t test info diff compare convert" -l name-charset -x -d 'the character set of names that are not UTF-8'
complete -c nnzip -n "__nnzip_is a add u update" -s N -l newer-mtime -r -F -d 'leave out files not modified after this date or file'
complete -c nnzip -n "__nnzip_is a add convert" -s v -l volume-size -x -d 'split into volumes of this size'
complete -c nnzip -n "__nnzip_is a add convert repair x extract" -s f -l force -d 'replace what exists'
# Lists of names: a, u, d, x.
complete -c nnzip -n "__nnzip_is a add u update d delete x extract" -s T -l files-from -r -F -d 'the names from a file, one a line (- for standard input)'
complete -c nnzip -n "__nnzip_is a add u update d delete x extract" -l null -d 'the names in the list end with NUL bytes'

# x
set -l extract x extract
complete -c nnzip -n "__nnzip_is $extract" -s o -l output -x -a '(__fish_complete_directories)' -d 'the folder to extract into'
complete -c nnzip -n "__nnzip_is $extract" -l to-tar -r -F -d 'write the entries as a tar (- for standard output)'
complete -c nnzip -n "__nnzip_is $extract" -l stdout -d "write the files' contents to standard output"
complete -c nnzip -n "__nnzip_is $extract" -s n -l skip-existing -d 'keep existing files and extract the rest'
complete -c nnzip -n "__nnzip_is $extract" -l keep-newer-files -d 'replace existing files but those newer than in the archive'
complete -c nnzip -n "__nnzip_is $extract" -l keep-both -d 'extract under a new name beside an existing file'
complete -c nnzip -n "__nnzip_is $extract" -l strip-components -x -d 'leave out this many leading folders of each name'
complete -c nnzip -n "__nnzip_is $extract" -l allow-outside-links -d 'create symlinks that point outside as they are'
complete -c nnzip -n "__nnzip_is $extract" -l skip-outside-links -d 'leave out symlinks that point outside'
complete -c nnzip -n "__nnzip_is $extract" -l same-owner -d 'give files their recorded owners'
complete -c nnzip -n "__nnzip_is $extract" -l no-same-owner -d 'files belong to whoever extracts them'
complete -c nnzip -n "__nnzip_is $extract" -l numeric-owner -d 'owners by their numbers, not their names'
complete -c nnzip -n "__nnzip_is $extract" -l xattrs -d 'give extended attributes back'
complete -c nnzip -n "__nnzip_is $extract" -l no-xattrs -d 'give no extended attributes back'
complete -c nnzip -n "__nnzip_is $extract" -l acls -d 'give access control lists back'
complete -c nnzip -n "__nnzip_is $extract" -l no-acls -d 'give no access control lists back'

# l, info, diff, passwd
complete -c nnzip -n "__nnzip_is l list" -l long -d 'permissions and owners too'
complete -c nnzip -n "__nnzip_is l list" -l json -d 'one JSON object per entry'
complete -c nnzip -n "__nnzip_is info" -l json -d 'one JSON object for the archive'
complete -c nnzip -n "__nnzip_is diff compare" -s C -l directory -x -a '(__fish_complete_directories)' -d 'the folder to compare with'
complete -c nnzip -n "__nnzip_is passwd password" -l new-password-file -r -F -d 'the new password from the first line of a file'
complete -c nnzip -n "__nnzip_is passwd password" -l remove-password -d 'store the archive unencrypted again'
