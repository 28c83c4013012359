# Quick Actions run with a minimal PATH: look for nnzip-gui in the usual places.
gui=""
for candidate in "/Applications/nnzip.app/Contents/MacOS/nnzip-gui" \
                 "$HOME/Applications/nnzip.app/Contents/MacOS/nnzip-gui" \
                 /opt/homebrew/bin/nnzip-gui /usr/local/bin/nnzip-gui; do
    if [ -x "$candidate" ]; then
        gui=$candidate
        break
    fi
done
if [ -z "$gui" ]; then
    osascript -e 'display alert "nnzip" message "nnzip-gui was not found in /Applications/nnzip.app, /opt/homebrew/bin or /usr/local/bin."'
    exit 1
fi
