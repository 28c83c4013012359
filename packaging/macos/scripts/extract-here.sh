# Extract each selected archive into a folder named after it, beside it.
exec "$gui" --extract-here -- "$@"
