#!/usr/bin/env python3
"""DuckDB peer of `motcua report --format csv` for one "portal sync codes" export.

Reads FILE with DuckDB (every column VARCHAR), applies the row-rejection rules of
shared/spec/input-formats.md that concern this export kind, keeps the last accepted row per
MaHoSo (by STT, i.e. the later row wins), and computes the KPI table of
shared/spec/kpi-rules.md in SQL, printing exactly motcua's CSV (LF line endings).

Scope: one file of the portal kind (canonical header names, `yyyyMMddHHmmss` or `yyyyMMdd`
dates, codes or text aliases for channel/status/flags). It is a benchmark peer and a
cross-check of motcua's figures, not a second implementation of every input format.

Usage: bench-duckdb.py [--period 2023-Q3] [--basis decree09|calendar] [--target 98] FILE
"""
import argparse
import datetime as dt
import re
import subprocess
import sys
import unicodedata

try:
    import duckdb
except ImportError:  # the bench machine is not kept between sessions: install on demand
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb"], check=True,
                   stdout=sys.stderr)
    import duckdb

COLUMNS = ("period,unit,carried_over,received_new,received_online,received_direct,"
           "received_postal,resolved,resolved_early,resolved_on_time,resolved_late,"
           "resolved_without_result,pending,pending_overdue,on_time_rate,progress_rate,"
           "online_rate,digitised_dossier_rate,digitised_result_rate,below_target")


def fold(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).strip())


def parse_period(text):
    """Return (canonical, year, kind) with kind in Q1..Q4, H1, H2, 9M, Y."""
    s = fold(text).lower()
    pats = [
        (r"(\d{4})-q([1-4])", lambda m: (m[1], "Q" + m[2])),
        (r"q([1-4])/(\d{4})", lambda m: (m[2], "Q" + m[1])),
        (r"quý ([1-4])/(\d{4})", lambda m: (m[2], "Q" + m[1])),
        (r"(\d{4})-h([12])", lambda m: (m[1], "H" + m[2])),
        (r"6 tháng (\d{4})", lambda m: (m[1], "H1")),
        (r"(\d{4})-9m", lambda m: (m[1], "9M")),
        (r"9 tháng (\d{4})", lambda m: (m[1], "9M")),
        (r"(\d{4})", lambda m: (m[1], "Y")),
        (r"năm (\d{4})", lambda m: (m[1], "Y")),
    ]
    for pat, f in pats:
        m = re.fullmatch(pat, s)
        if m:
            y, kind = f(m)
            y = int(y)
            canon = str(y) if kind == "Y" else "%d-%s" % (y, kind)
            return canon, y, kind
    raise SystemExit("bench-duckdb: unknown period %r" % text)


def period_bounds(y, kind, basis):
    """Half-open [start, end) of local moments."""
    first_last = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
                  "H1": (1, 6), "H2": (7, 12), "9M": (1, 9), "Y": (1, 12)}[kind]
    m0, m1 = first_last
    if basis == "decree09":
        # from the 15th of the month before the first month to the 14th of the last month
        start = dt.datetime(y - 1, 12, 15) if m0 == 1 else dt.datetime(y, m0 - 1, 15)
        end = dt.datetime(y, m1, 15)
    else:
        start = dt.datetime(y, m0, 1)
        end = dt.datetime(y + 1, 1, 1) if m1 == 12 else dt.datetime(y, m1 + 1, 1)
    return start, end


def csv_field(s):
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


# Value vocabularies (input-formats.md), compared after NFC + trim + fold + lower-case.
def sql_norm(x):
    return "lower(regexp_replace(trim(nfc_normalize(%s)), '\\s+', ' ', 'g'))" % x


def sql_map(x, pairs, default="NULL"):
    """CASE on the exact trimmed value first (fast path for codes), then on the folded text."""
    whens = " ".join("WHEN %s IN (%s) THEN %s" % (sql_norm(x), ", ".join("'%s'" % v for v in vals), code)
                     for code, vals in pairs)
    return "CASE %s ELSE %s END" % (whens, default)


CHANNEL = [(1, ["1", "trực tiếp", ""]),
           (2, ["2", "trực tuyến", "dịch vụ công trực tuyến", "nộp trực tuyến"]),
           (3, ["3", "bưu chính", "dịch vụ bưu chính", "dịch vụ bưu chính công ích", "bcci"])]
STATUS = [(1, ["1", "mới đăng ký", "chờ tiếp nhận"]),
          (2, ["2", "được tiếp nhận", "đã tiếp nhận", "mới tiếp nhận"]),
          (3, ["3", "không được tiếp nhận", "từ chối tiếp nhận"]),
          (4, ["4", "đang xử lý", "đang giải quyết"]),
          (5, ["5", "yêu cầu bổ sung giấy tờ", "yêu cầu bổ sung", "chờ bổ sung"]),
          (6, ["6", "yêu cầu thực hiện nghĩa vụ tài chính", "chờ thực hiện nghĩa vụ tài chính"]),
          (7, ["7", "công dân yêu cầu rút hồ sơ", "rút hồ sơ", "công dân rút hồ sơ"]),
          (8, ["8", "dừng xử lý", "dừng giải quyết"]),
          (9, ["9", "đã xử lý xong", "hoàn thành", "đã giải quyết", "chờ trả kết quả"]),
          (10, ["10", "đã trả kết quả", "đã trả"])]
FLAG = [("true", ["1", "true", "có", "x", "yes", "đã số hóa"]),
        ("false", ["0", "false", "không", "no", ""])]


def fast_map(x, fast, pairs):
    """Exact match on the raw value for the common spellings, the full rule otherwise."""
    whens = " ".join("WHEN '%s' THEN %s" % (raw, code) for raw, code in fast)
    return "CASE %s %s ELSE (%s) END" % (x, whens, sql_map("coalesce(%s, '')" % x, pairs))


def sql_moment(x, deadline):
    """yyyyMMddHHmmss or yyyyMMdd; a date alone is 00:00:00, or 23:59:59 as a deadline."""
    t = "trim(%s)" % x
    whole_day = "INTERVAL 86399 SECOND" if deadline else "INTERVAL 0 SECOND"
    return ("CASE WHEN length(%(t)s) = 14 AND regexp_full_match(%(t)s, '[0-9]{14}') "
            "THEN try_strptime(%(t)s, '%%Y%%m%%d%%H%%M%%S') "
            "WHEN length(%(t)s) = 8 AND regexp_full_match(%(t)s, '[0-9]{8}') "
            "THEN try_strptime(%(t)s, '%%Y%%m%%d') + %(w)s END" % {"t": t, "w": whole_day})


def build_sql(path, cols, start, end, period, target, has_stt):
    lit = lambda d: "TIMESTAMP '%s'" % d.strftime("%Y-%m-%d %H:%M:%S")
    S, E = lit(start), lit(end)
    order = "TRY_CAST(STT AS BIGINT)" if has_stt else "row_number() OVER ()"
    fast_ch = [("1", 1), ("2", 2), ("3", 3)]
    fast_st = [(str(i), i) for i in range(1, 11)]
    fast_fl = [("1", "true"), ("0", "false")]
    src = ("read_csv('%s', header = true, all_varchar = true, delim = ',', quote = '\"', "
           "escape = '\"', auto_detect = false, columns = {%s})")
    return r"""
WITH raw AS (
  SELECT {order} AS stt, trim(MaHoSo) AS code, DonViXuLy AS unit_raw,
         {ch} AS ch, {st} AS st, {fd} AS fd, {fr} AS fr,
         NgayTiepNhan AS recv_s, NgayHenTra AS due_s, NgayKetThucXuLy AS kt_s, NgayTra AS tra_s,
         {recv} AS recv, {due} AS due, {kt} AS kt, {tra} AS tra
  FROM {src}
),
accepted AS (
  SELECT stt, code, unit_raw, ch, st, fd, fr, recv, due,
         CASE WHEN st >= 7 THEN coalesce(kt, tra) END AS fin
  FROM raw
  WHERE coalesce(code, '') <> '' AND coalesce(trim(unit_raw), '') <> ''
    AND recv IS NOT NULL AND st IS NOT NULL AND ch IS NOT NULL AND fd IS NOT NULL AND fr IS NOT NULL
    AND (coalesce(trim(due_s), '') = '' OR due IS NOT NULL)
    AND (coalesce(trim(kt_s), '') = '' OR kt IS NOT NULL)
    AND (coalesce(trim(tra_s), '') = '' OR tra IS NOT NULL)
    AND NOT (st >= 7 AND kt IS NULL AND tra IS NULL)
    AND NOT coalesce(
          CASE WHEN length(trim(recv_s)) = 14
                    AND length(trim(CASE WHEN kt IS NOT NULL THEN kt_s ELSE tra_s END)) = 14
               THEN coalesce(kt, tra) < recv
               ELSE CAST(coalesce(kt, tra) AS DATE) < CAST(recv AS DATE) END, false)
),
winner AS (  -- the later row wins
  SELECT * FROM accepted QUALIFY row_number() OVER (PARTITION BY code ORDER BY stt DESC) = 1
),
per_raw AS (
  SELECT unit_raw, max(stt) AS last_stt,
    count(*) FILTER (recv < {S} AND (fin IS NULL OR fin >= {S})) AS carried_over,
    count(*) FILTER (recv >= {S} AND recv < {E}) AS received_new,
    count(*) FILTER (recv >= {S} AND recv < {E} AND ch = 2) AS received_online,
    count(*) FILTER (recv >= {S} AND recv < {E} AND ch = 1) AS received_direct,
    count(*) FILTER (recv >= {S} AND recv < {E} AND ch = 3) AS received_postal,
    count(*) FILTER (fin >= {S} AND fin < {E}) AS resolved,
    count(*) FILTER (fin >= {S} AND fin < {E} AND due IS NOT NULL
                     AND CAST(fin AS DATE) < CAST(due AS DATE)) AS resolved_early,
    count(*) FILTER (fin >= {S} AND fin < {E} AND due IS NOT NULL AND fin > due) AS resolved_late,
    count(*) FILTER (fin >= {S} AND fin < {E} AND st IN (7, 8)) AS resolved_without_result,
    count(*) FILTER (recv < {E} AND (fin IS NULL OR fin >= {E})) AS pending,
    count(*) FILTER (recv < {E} AND (fin IS NULL OR fin >= {E}) AND due < {E}
                     AND st NOT IN (5, 6)) AS pending_overdue,
    count(*) FILTER (recv >= {S} AND recv < {E} AND fd) AS dig_dossier,
    count(*) FILTER (fin >= {S} AND fin < {E} AND st IN (9, 10) AND fr) AS dig_result
  FROM winner
  WHERE st NOT IN (1, 3)
  GROUP BY unit_raw
),
per_unit AS (  -- unit names compare folded and case-blind; show the latest row's spelling
  SELECT {unit_key} AS ukey,
    arg_max(regexp_replace(trim(nfc_normalize(unit_raw)), '\s+', ' ', 'g'), last_stt) AS unit,
    sum(carried_over)::BIGINT AS carried_over, sum(received_new)::BIGINT AS received_new,
    sum(received_online)::BIGINT AS received_online, sum(received_direct)::BIGINT AS received_direct,
    sum(received_postal)::BIGINT AS received_postal, sum(resolved)::BIGINT AS resolved,
    sum(resolved_early)::BIGINT AS resolved_early, sum(resolved_late)::BIGINT AS resolved_late,
    sum(resolved_without_result)::BIGINT AS resolved_without_result,
    sum(pending)::BIGINT AS pending, sum(pending_overdue)::BIGINT AS pending_overdue,
    sum(dig_dossier)::BIGINT AS dig_dossier, sum(dig_result)::BIGINT AS dig_result
  FROM per_raw GROUP BY 1
),
shown AS (
  SELECT 0 AS grp, unit, * EXCLUDE (ukey, unit) FROM per_unit
  WHERE carried_over + received_new + resolved + pending > 0
  UNION ALL
  SELECT 1, 'TOTAL', coalesce(sum(carried_over), 0), coalesce(sum(received_new), 0),
    coalesce(sum(received_online), 0), coalesce(sum(received_direct), 0),
    coalesce(sum(received_postal), 0), coalesce(sum(resolved), 0),
    coalesce(sum(resolved_early), 0), coalesce(sum(resolved_late), 0),
    coalesce(sum(resolved_without_result), 0), coalesce(sum(pending), 0),
    coalesce(sum(pending_overdue), 0), coalesce(sum(dig_dossier), 0), coalesce(sum(dig_result), 0)
  FROM per_unit
),
k AS (
  SELECT *, resolved - resolved_early - resolved_late AS resolved_on_time FROM shown
)
SELECT unit, concat_ws(',', '{period}', carried_over, received_new, received_online,
    received_direct, received_postal, resolved, resolved_early, resolved_on_time, resolved_late,
    resolved_without_result, pending, pending_overdue,
    {r_on_time}, {r_progress}, {r_online}, {r_dig_d}, {r_dig_r},
    CASE WHEN resolved = 0 THEN '' WHEN 100 * (resolved_early + resolved_on_time)
         < {target} * resolved THEN 'true' ELSE 'false' END) AS line
FROM k ORDER BY grp, unit COLLATE "binary"
""".format(
        order=order,
        ch=fast_map("KenhThucHien", fast_ch + [("", 1)], CHANNEL),
        st=fast_map("TrangThaiHoSo", fast_st, STATUS),
        fd=fast_map("SoHoaHoSo", fast_fl + [("", "false")], FLAG),
        fr=fast_map("SoHoaKetQua", fast_fl + [("", "false")], FLAG),
        recv=sql_moment("NgayTiepNhan", False), due=sql_moment("NgayHenTra", True),
        kt=sql_moment("NgayKetThucXuLy", False), tra=sql_moment("NgayTra", False),
        src=src % (path.replace("'", "''"), cols),
        S=S, E=E, period=period, target=target,
        unit_key=sql_norm("unit_raw"),
        r_on_time=rate("resolved_early + resolved_on_time", "resolved"),
        r_progress=rate("resolved_early + resolved_on_time + pending - pending_overdue",
                        "carried_over + received_new"),
        r_online=rate("received_online", "received_new"),
        r_dig_d=rate("dig_dossier", "received_new"),
        r_dig_r=rate("dig_result", "resolved - resolved_without_result"),
    )


def rate(num, den):
    """Percent with two decimals, half up from the exact fraction, in integers."""
    h = "((20000 * ({n}) + ({d})) // (2 * ({d})))".format(n=num, d=den)
    return ("CASE WHEN ({d}) = 0 THEN '' ELSE printf('%d.%02d', {h} // 100, {h} % 100) END"
            .format(d=den, h=h))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--period", default="2023-Q3")
    ap.add_argument("--basis", default="decree09", choices=["decree09", "calendar"])
    ap.add_argument("--target", type=int, default=98, help="on-time target, whole percent")
    ap.add_argument("--threads", type=int, default=0, help="DuckDB threads (0 = its default)")
    ap.add_argument("--explain", action="store_true", help="print the SQL and exit")
    ap.add_argument("file")
    a = ap.parse_args()
    canon, y, kind = parse_period(a.period)
    start, end = period_bounds(y, kind, a.basis)

    con = duckdb.connect()
    if a.threads:
        con.execute("SET threads = %d" % a.threads)
    # Header: every column VARCHAR, names as in the file (the portal's canonical names).
    with open(a.file, encoding="utf-8-sig") as f:
        header = f.readline().rstrip("\r\n").split(",")
    names = [h.strip() for h in header]
    missing = [c for c in ("MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo")
               if c not in names]
    if missing:
        sys.exit("bench-duckdb: %s: header lacks %s" % (a.file, ", ".join(missing)))
    for c in ("NgayHenTra", "NgayKetThucXuLy", "NgayTra", "SoHoaHoSo", "SoHoaKetQua"):
        if c not in names:
            sys.exit("bench-duckdb: %s: header lacks %s (this peer wants the full portal header)"
                     % (a.file, c))
    has_stt = "STT" in names
    if not has_stt:
        con.execute("SET threads = 1")  # row_number() OVER () follows file order only then
        con.execute("SET preserve_insertion_order = true")
    cols = ", ".join("'%s': 'VARCHAR'" % n.replace("'", "''") for n in names)
    sql = build_sql(a.file, cols, start, end, canon, a.target, has_stt)
    if a.explain:
        print(sql)
        return
    rows = con.execute(sql).fetchall()
    out = [COLUMNS]
    for unit, line in rows:
        # concat_ws put the raw unit nowhere: insert it, CSV-quoted, after the period
        p, rest = line.split(",", 1)
        out.append("%s,%s,%s" % (p, csv_field(unit), rest))
    sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
