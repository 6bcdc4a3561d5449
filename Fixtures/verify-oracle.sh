#!/bin/sh
# Re-run oracle.py over every case folder and compare with every expected file.
# expected/<period>.<basis>.csv  <-  oracle.py --period <period> --basis <basis> <case>/*.csv
# expected/rejects.csv           <-  oracle.py --rejects <case>/*.csv
# Exit status 0 when everything matches.
cd "$(dirname "$0")" || exit 2
fail=0
for dir in */; do
  dir=${dir%/}
  [ -d "$dir/expected" ] || continue
  for exp in "$dir"/expected/*.csv; do
    name=$(basename "$exp" .csv)
    if [ "$name" = rejects ]; then
      set -- --rejects
    else
      set -- --period "${name%.*}" --basis "${name##*.}"
    fi
    if (cd "$dir" && python3 ../oracle.py "$@" ./*.csv) | cmp -s - "$exp"; then
      echo "ok   $exp"
    else
      echo "FAIL $exp"
      fail=1
    fi
  done
done
exit $fail
