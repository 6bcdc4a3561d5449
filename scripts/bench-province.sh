# Sourced by scripts/bench --scale province (uses its run(), $motcua, $benchdir, $period, $basis).
#
# A synthetic province: BENCH_PROVINCE_DOSSIERS dossiers (10 M by default; smaller on a small
# machine) generated once, cut into 13 line-aligned stretches in file order (the generator
# writes dossiers in order of reception, about a month each), and written as 12 monthly exports
# with overlap: export k holds stretches k-1 and k, so most dossiers are in two exports. Then:
# the raw-file report over the 12 exports and over the one file, the import of the year into a
# fresh store, the report from the store; wall time, peak memory, and peak memory per dossier
# (the state a report holds): memory must follow the dossiers, not the bytes read.

pdossiers=${BENCH_PROVINCE_DOSSIERS:-10000000}
runs=${BENCH_PROVINCE_RUNS:-1}
pdata=$benchdir/province-n${pdossiers}-s${seed}-g${genhash}.csv
if [[ ! -s "$pdata" ]]; then
  echo "bench: generating a province of $pdossiers dossiers -> $pdata" >&2
  python3 scripts/bench-gen.py --dossiers "$pdossiers" --seed "$seed" "$pdata"
fi
pdir=$benchdir/province-n${pdossiers}-s${seed}-g${genhash}
if [[ ! -s "$pdir/thang-12.csv" ]]; then
  echo "bench: cutting it into 12 monthly exports with overlap -> $pdir/" >&2
  rm -rf "$pdir" && mkdir -p "$pdir"
  tail -n +2 "$pdata" >"$pdir/body"
  split -n l/13 -d -a 2 "$pdir/body" "$pdir/part-" && rm -f "$pdir/body"
  for k in $(seq 1 12); do
    { head -n 1 "$pdata"; cat "$pdir/part-$(printf %02d $((k - 1)))" "$pdir/part-$(printf %02d "$k")"; } \
      >"$pdir/thang-$(printf %02d "$k").csv"
  done
  rm -f "$pdir"/part-*
fi
exports=("$pdir"/thang-*.csv)
pbytes=$(cat "${exports[@]}" | wc -c)
prows=$(($(cat "${exports[@]}" | wc -l) - 12))

echo "bench: province: raw-file report over the 12 exports" >&2
run province-raw "$motcua" report --period "$period" --basis "$basis" --format csv "${exports[@]}"
pr_wall=$best_wall; pr_kb=$peak_kb
echo "bench: province: raw-file report over the one generated file (the same dossiers)" >&2
run province-one "$motcua" report --period "$period" --basis "$basis" --format csv "$pdata"
po_wall=$best_wall; po_kb=$peak_kb
pstore=$benchdir/province.sqlite
echo "bench: province: import of the year (fresh store)" >&2
run province-import bash -c 'rm -f "$1" "$1-wal" "$1-shm"; shift; "$@"' _ "$pstore" "$motcua" import --db "$pstore" "${exports[@]}"
pi_wall=$best_wall; pi_kb=$peak_kb
echo "bench: province: report from the store" >&2
run province-store "$motcua" report --db "$pstore" --period "$period" --basis "$basis" --format csv
ps_wall=$best_wall; ps_kb=$peak_kb
for other in province-one province-store; do
  cmp -s "$benchdir/province-raw.csv" "$benchdir/$other.csv" || die "province: $other differs from the raw report of the exports"
done

sbytes_store=$(stat -c %s "$pstore")
echo
printf 'province: %d dossiers, 12 exports, %d rows, %.1f MB; period %s, basis %s, best of %d run(s), %d cores\n' \
  "$pdossiers" "$prows" "$(awk -v b="$pbytes" 'BEGIN{print b/1e6}')" "$period" "$basis" "$runs" "$(nproc)"
printf '%-38s %10s %10s %16s\n' step 'wall s' 'peak MiB' 'peak B/dossier'
pline() { awk -v t="$1" -v w="$2" -v k="$3" -v n="$pdossiers" \
  'BEGIN{printf "%-38s %10.2f %10.1f %16.0f\n", t, w, k / 1024, k * 1024 / n}'; }
pline "raw report, 12 exports" "$pr_wall" "$pr_kb"
pline "raw report, one file (same dossiers)" "$po_wall" "$po_kb"
pline "import of the year" "$pi_wall" "$pi_kb"
pline "report from the store" "$ps_wall" "$ps_kb"
awk -v a="$pr_kb" -v b="$po_kb" -v r="$pbytes" -v s="$(stat -c %s "$pdata")" \
  'BEGIN{printf "memory, 12 exports / one file: %.2fx for %.2fx the bytes read\n", a / b, r / s}'
awk -v a="$ps_wall" -v b="$pr_wall" 'BEGIN{printf "store report / raw report: %.2fx\n", a / b}'
awk -v b="$sbytes_store" -v n="$pdossiers" -v r="$prows" \
  'BEGIN{printf "store file: %.1f MB, %.0f bytes per dossier, %.0f per occurrence kept\n", b / 1e6, b / n, b / r}'
echo "(all three reports identical)"
