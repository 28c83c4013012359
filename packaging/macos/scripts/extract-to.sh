# Ask for a folder, then extract the selected archives into it; nothing happens on Cancel.
destination=$(osascript -e 'POSIX path of (choose folder with prompt "Extract to")') || exit 0
exec "$gui" --extract-to "$destination" -- "$@"
