# Compress the selection into NAME.nnz beside the first item (named after it, or after its
# folder when several items are selected), numbered "NAME (2).nnz"... when the name is taken.
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
exec "$gui" --compress-to "$archive" -- "$@"
