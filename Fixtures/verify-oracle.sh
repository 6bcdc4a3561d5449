#!/bin/sh
# Re-run oracle.py over every case folder and compare with every expected file.
# Run in the case folder; CAT is the case's one catalogue/*.csv and CAL its one calendar/*.csv,
# when it has them.  The naming rules are in README.md ("Naming rules").
#
# expected/<period>.<basis>.csv            <-  oracle.py --period <period> --basis <basis> ./*.csv
# expected/rejects.csv                     <-  oracle.py --rejects [--catalogue CAT] ./*.csv
# expected/missing-procedures.csv          <-  oracle.py --missing-procedures --catalogue CAT ./*.csv
# expected/<table>/<period>.<basis>[.<variant>].csv, <table> plan or index766
#                                          <-  oracle.py --table <table> --period <period>
#                                                --basis <basis> [--catalogue CAT] ./*.csv
# expected/kpi-fill-deadlines/<period>.<basis>[.<variant>].csv
#                                          <-  oracle.py --period <period> --basis <basis>
#                                                --fill-deadlines --catalogue CAT ./*.csv
# expected/late/<period>.<basis>[.<variant>].csv
#                                          <-  oracle.py --late --period <period> --basis <basis> ./*.csv
#   and every unit's row count = its resolved_late + pending_overdue in the KPI table run with
#   the same options
# expected/due-within/<as-of>.<N>[.<variant>].csv   (<as-of> yyyy-MM-dd or yyyy-MM-dd_HH-mm-ss)
#                                          <-  oracle.py --due-within <N> --as-of <as-of> ./*.csv
# expected/resolution/<period>.<basis>[.<variant>].csv
#                                          <-  oracle.py --table resolution --period <period>
#                                                --basis <basis> ./*.csv
# expected/deadlines/<period>.<basis>[.<variant>].csv
#                                          <-  oracle.py --deadlines --period <period>
#                                                --basis <basis> --catalogue CAT ./*.csv
# expected/calendar/<year>[.<variant>].csv <-  oracle.py --calendar-year <year> (no input file)
#
# <variant> is one or more words joined by '+':
#   no-catalogue      no --catalogue (plan, index766)
#   goals-N=V[,N=V]   --goal N=V for each pair, target=V: --target V (plan, index766)
#   fill-deadlines    --fill-deadlines --catalogue CAT
#   override          --calendar CAL
# expected/rollup/[<table>/]<period>.<basis>.<by>.csv, <table> plan or index766 (none: kpi),
#   UNITS the case's one units/*.csv       <-  oracle.py [--table <table>] --period <period>
#                                                --basis <basis> --units UNITS --by <by> ./*.csv
# Exit status 0 when everything matches.
cd "$(dirname "$0")" || exit 2
fail=0

# check EXPECTED_FILE ORACLE_ARGUMENT... (run in the case folder $dir, over its exports)
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

# check_alone EXPECTED_FILE ORACLE_ARGUMENT... (no input file: the calendar listing)
check_alone() {
  exp=$1
  shift
  if (cd "$dir" && python3 ../oracle.py "$@") | cmp -s - "$exp"; then
    echo "ok   $exp"
  else
    echo "FAIL $exp"
    fail=1
  fi
}

# check_late_counts EXPECTED_LATE_FILE KPI_ORACLE_ARGUMENT...: every unit's rows in the late
# list = its resolved_late + pending_overdue in the KPI table computed with the same options.
check_late_counts() {
  exp=$1
  shift
  if (cd "$dir" && python3 ../oracle.py "$@" ./*.csv) | python3 -c '
import csv, sys
kpi = list(csv.DictReader(sys.stdin))
want = {r["unit"]: int(r["resolved_late"]) + int(r["pending_overdue"])
        for r in kpi if r["unit"] != "TOTAL"}
total = [r for r in kpi if r["unit"] == "TOTAL"][0]
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
got = {}
for r in rows:
    got[r["unit"]] = got.get(r["unit"], 0) + 1
ok = all(got.get(u, 0) == n for u, n in want.items()) and set(got) <= set(want)
ok = ok and len(rows) == int(total["resolved_late"]) + int(total["pending_overdue"])
sys.exit(0 if ok else 1)
' "$exp"; then
    echo "ok   $exp (row counts = resolved_late + pending_overdue, every unit)"
  else
    echo "FAIL $exp (row counts differ from the KPI table)"
    fail=1
  fi
}

# variant_options VARIANT: sets $opts to the options of the variant words, or returns 1
variant_options() {
  opts=
  [ -n "$1" ] || return 0
  old_ifs=$IFS
  IFS=+
  for word in $1; do
    case $word in
      fill-deadlines) opts="$opts --fill-deadlines --catalogue $cat" ;;
      override) opts="$opts --calendar $cal" ;;
      no-catalogue) opts="$opts --no-catalogue" ;;
      goals-*)
        IFS=,
        for pair in ${word#goals-}; do
          case $pair in
            target=*) opts="$opts --target ${pair#target=}" ;;
            *) opts="$opts --goal $pair" ;;
          esac
        done
        IFS=+
        ;;
      *) IFS=$old_ifs; return 1 ;;
    esac
  done
  IFS=$old_ifs
  return 0
}

# split NAME: first=<part before the first dot>, second=<between the first two dots>,
# variant=<the rest, or empty>
split() {
  first=${1%%.*}
  rest=${1#*.}
  second=${rest%%.*}
  variant=
  [ "$rest" = "$second" ] || variant=${rest#*.}
}

for dir in */; do
  dir=${dir%/}
  [ -d "$dir/expected" ] || continue
  cat=
  for c in "$dir"/catalogue/*.csv; do
    [ -f "$c" ] && cat=catalogue/${c##*/}
  done
  cal=
  for c in "$dir"/calendar/*.csv; do
    [ -f "$c" ] && cal=calendar/${c##*/}
  done
  for exp in "$dir"/expected/*.csv; do
    name=$(basename "$exp" .csv)
    case $name in
      rejects) check "$exp" --rejects ${cat:+--catalogue "$cat"} ;;
      missing-procedures) check "$exp" --missing-procedures --catalogue "$cat" ;;
      *) check "$exp" --period "${name%.*}" --basis "${name##*.}" ;;
    esac
  done
  for exp in "$dir"/expected/calendar/*.csv; do
    [ -f "$exp" ] || continue
    name=$(basename "$exp" .csv)
    year=${name%%.*}
    words=${name#"$year"}
    if ! variant_options "${words#.}"; then
      echo "FAIL $exp (unknown variant '${words#.}')"
      fail=1
      continue
    fi
    # shellcheck disable=SC2086  # $opts holds words without spaces
    check_alone "$exp" --calendar-year "$year" $opts
  done
  for table in plan index766 kpi-fill-deadlines late due-within resolution deadlines; do
    for exp in "$dir"/expected/$table/*.csv; do
      [ -f "$exp" ] || continue
      split "$(basename "$exp" .csv)"
      if ! variant_options "$variant"; then
        echo "FAIL $exp (unknown variant '$variant')"
        fail=1
        continue
      fi
      # plan and index766 take the catalogue unless the variant says no-catalogue
      case $table in plan|index766)
        case $opts in
          *--no-catalogue*) opts=$(echo "$opts" | sed 's/ --no-catalogue//') ;;
          *--catalogue*) ;;
          *) opts="$opts ${cat:+--catalogue $cat}" ;;
        esac ;;
      esac
      # shellcheck disable=SC2086  # $opts holds words without spaces
      case $table in
        plan|index766) check "$exp" --table "$table" --period "$first" --basis "$second" $opts ;;
        kpi-fill-deadlines)
          check "$exp" --period "$first" --basis "$second" --fill-deadlines --catalogue "$cat" $opts ;;
        late)
          check "$exp" --late --period "$first" --basis "$second" $opts
          check_late_counts "$exp" --period "$first" --basis "$second" $opts ;;
        due-within)
          as_of=$(echo "$first" | sed 's/_\(..\)-\(..\)-\(..\)$/ \1:\2:\3/')
          check "$exp" --due-within "$second" --as-of "$as_of" $opts ;;
        resolution) check "$exp" --table resolution --period "$first" --basis "$second" $opts ;;
        deadlines)
          check "$exp" --deadlines --period "$first" --basis "$second" --catalogue "$cat" $opts ;;
      esac
    done
  done
  units=
  for u in "$dir"/units/*.csv; do
    [ -f "$u" ] && units=units/${u##*/}
  done
  for exp in "$dir"/expected/rollup/*.csv "$dir"/expected/rollup/plan/*.csv "$dir"/expected/rollup/index766/*.csv; do
    [ -f "$exp" ] || continue
    name=$(basename "$exp" .csv)
    period=${name%%.*}
    rest=${name#*.}
    basis=${rest%%.*}
    by=${rest#*.}
    table=$(basename "$(dirname "$exp")")
    [ "$table" = rollup ] && table=kpi
    check "$exp" --table "$table" --period "$period" --basis "$basis" --units "$units" --by "$by"
  done
done
exit $fail
