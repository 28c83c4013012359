# Compress the selection into NAME.nnz beside the first item (named after it, or after its
# folder when several items are selected), numbered "NAME (2).nnz"... when the name is taken.
# With encrypt=1 set before (the encrypted Quick Action), nnzip-gui asks for a password twice.
: "${encrypt:=}"
first=${1%/}
folder=$(dirname "$first")
if [ $# -eq 1 ]; then name=$(basename "$first"); else name=$(basename "$folder"); fi
case $name in ""|/|.|..) name=Archive ;; esac
folder=${folder%/}
archive="$folder/$name.nnz"
n=2
while [ -e "$archive" ] || [ -L "$archive" ]; do
    archive="$folder/$name ($n).nnz"
    n=$((n + 1))
done
if [ -n "$encrypt" ]; then
    exec "$gui" --compress-to "$archive" --encrypt -- "$@"
fi
exec "$gui" --compress-to "$archive" -- "$@"
