#!/bin/sh
# Re-run oracle.py over every case folder and compare with every expected file.
# Run in the case folder; CAT is the case's one catalogue/*.csv, when it has one.
#
# expected/<period>.<basis>.csv            <-  oracle.py --period <period> --basis <basis> ./*.csv
# expected/rejects.csv                     <-  oracle.py --rejects [--catalogue CAT] ./*.csv
# expected/missing-procedures.csv          <-  oracle.py --missing-procedures --catalogue CAT ./*.csv
# expected/<table>/<period>.<basis>[.<variant>].csv, <table> plan or index766
#                                          <-  oracle.py --table <table> --period <period>
#                                                --basis <basis> [--catalogue CAT] ./*.csv
#   variant no-catalogue:                  no --catalogue
#   variant goals-N=V[,N=V...]:            --goal N=V for each pair (target=V: --target V)
# Exit status 0 when everything matches.
cd "$(dirname "$0")" || exit 2
fail=0

# check EXPECTED_FILE ORACLE_ARGUMENT... (run in the case folder $dir)
check() {
  exp=$1
  shift
  if (cd "$dir" && python3 ../oracle.py "$@" ./*.csv) | cmp -s - "$exp"; then
    echo "ok   $exp"
  else
    echo "FAIL $exp"
    fail=1
  fi
}

for dir in */; do
  dir=${dir%/}
  [ -d "$dir/expected" ] || continue
  cat=
  for c in "$dir"/catalogue/*.csv; do
    [ -f "$c" ] && cat=catalogue/${c##*/}
  done
  for exp in "$dir"/expected/*.csv; do
    name=$(basename "$exp" .csv)
    case $name in
      rejects) check "$exp" --rejects ${cat:+--catalogue "$cat"} ;;
      missing-procedures) check "$exp" --missing-procedures --catalogue "$cat" ;;
      *) check "$exp" --period "${name%.*}" --basis "${name##*.}" ;;
    esac
  done
  for table in plan index766; do
    for exp in "$dir"/expected/$table/*.csv; do
      [ -f "$exp" ] || continue
      name=$(basename "$exp" .csv)
      period=${name%%.*}
      rest=${name#*.}
      basis=${rest%%.*}
      variant=
      [ "$rest" = "$basis" ] || variant=${rest#*.}
      set -- --table "$table" --period "$period" --basis "$basis"
      case $variant in
        "") set -- "$@" ${cat:+--catalogue "$cat"} ;;
        no-catalogue) ;;
        goals-*)
          set -- "$@" ${cat:+--catalogue "$cat"}
          pairs=${variant#goals-}
          old_ifs=$IFS
          IFS=,
          for pair in $pairs; do
            case $pair in
              target=*) set -- "$@" --target "${pair#target=}" ;;
              *) set -- "$@" --goal "$pair" ;;
            esac
          done
          IFS=$old_ifs
          ;;
        *) echo "FAIL $exp (unknown variant '$variant')"; fail=1; continue ;;
      esac
      check "$exp" "$@"
    done
  done
done
exit $fail
