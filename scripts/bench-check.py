#!/usr/bin/env python3
"""Slow, obvious pure-Python KPI table for a small portal-sync export.

An independent re-computation (csv module, datetime, fractions) of what bench-duckdb.py
computes in SQL, written straight from shared/spec/kpi-rules.md, to cross-check the DuckDB peer
on small files (bench-gen.py --dossiers 2000). Same arguments, same CSV output.

Usage: bench-check.py [--period 2023-Q3] [--basis decree09|calendar] FILE
"""
import argparse
import csv
import datetime as dt
import re
import sys
import unicodedata
from fractions import Fraction

CHANNEL = {"": 1, "1": 1, "trực tiếp": 1,
           "2": 2, "trực tuyến": 2, "dịch vụ công trực tuyến": 2, "nộp trực tuyến": 2,
           "3": 3, "bưu chính": 3, "dịch vụ bưu chính": 3, "dịch vụ bưu chính công ích": 3,
           "bcci": 3}
STATUS = {"mới đăng ký": 1, "chờ tiếp nhận": 1, "được tiếp nhận": 2, "đã tiếp nhận": 2,
          "mới tiếp nhận": 2, "không được tiếp nhận": 3, "từ chối tiếp nhận": 3,
          "đang xử lý": 4, "đang giải quyết": 4, "yêu cầu bổ sung giấy tờ": 5,
          "yêu cầu bổ sung": 5, "chờ bổ sung": 5, "yêu cầu thực hiện nghĩa vụ tài chính": 6,
          "chờ thực hiện nghĩa vụ tài chính": 6, "công dân yêu cầu rút hồ sơ": 7,
          "rút hồ sơ": 7, "công dân rút hồ sơ": 7, "dừng xử lý": 8, "dừng giải quyết": 8,
          "đã xử lý xong": 9, "hoàn thành": 9, "đã giải quyết": 9, "chờ trả kết quả": 9,
          "đã trả kết quả": 10, "đã trả": 10}
STATUS.update({str(i): i for i in range(1, 11)})
YES = {"1", "true", "có", "x", "yes", "đã số hóa"}
NO = {"0", "false", "không", "no", ""}


def fold(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "").strip())


def key(s):
    return fold(s).lower()


def moment(s, deadline=False):
    """-> (datetime, has_time) or None for empty; raises ValueError when unreadable."""
    s = (s or "").strip()
    if not s:
        return None
    if re.fullmatch(r"\d{14}", s):
        return dt.datetime.strptime(s, "%Y%m%d%H%M%S"), True
    if re.fullmatch(r"\d{8}", s):
        d = dt.datetime.strptime(s, "%Y%m%d")
        return (d.replace(hour=23, minute=59, second=59) if deadline else d), False
    raise ValueError(s)


def bounds(period, basis):
    m = re.fullmatch(r"(\d{4})-Q([1-4])", period)
    if m:
        y, q = int(m[1]), int(m[2])
        first, last = 3 * q - 2, 3 * q
    elif re.fullmatch(r"\d{4}-H[12]", period):
        y, h = int(period[:4]), int(period[-1])
        first, last = (1, 6) if h == 1 else (7, 12)
    elif re.fullmatch(r"\d{4}-9M", period):
        y, first, last = int(period[:4]), 1, 9
    elif re.fullmatch(r"\d{4}", period):
        y, first, last = int(period), 1, 12
    else:
        sys.exit("bench-check: canonical periods only (2023-Q3, 2023-H1, 2023-9M, 2023)")
    if basis == "decree09":
        start = dt.datetime(y, first - 1, 15) if first > 1 else dt.datetime(y - 1, 12, 15)
        end = dt.datetime(y, last, 15)
    else:
        start = dt.datetime(y, first, 1)
        end = dt.datetime(y + (last == 12), last % 12 + 1, 1)
    return start, end


def pct(num, den):
    if den == 0:
        return ""
    f = Fraction(100 * num, den)
    # half up to two decimals
    hundredths = (f * 100 + Fraction(1, 2)).__floor__()
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--period", default="2023-Q3")
    ap.add_argument("--basis", default="decree09", choices=["decree09", "calendar"])
    ap.add_argument("file")
    a = ap.parse_args()
    start, end = bounds(a.period, a.basis)

    latest = {}          # MaHoSo -> (row number, record); later accepted row wins
    rejected = 0
    with open(a.file, encoding="utf-8-sig", newline="") as f:
        for n, r in enumerate(csv.DictReader(f)):
            try:
                code = (r["MaHoSo"] or "").strip()
                unit = fold(r["DonViXuLy"])
                if not code or not unit:
                    raise ValueError("required")
                ch = CHANNEL[key(r["KenhThucHien"])]
                st = STATUS[key(r["TrangThaiHoSo"])]
                fd = key(r["SoHoaHoSo"])
                fr = key(r["SoHoaKetQua"])
                if fd not in YES | NO or fr not in YES | NO:
                    raise ValueError("flag")
                recv = moment(r["NgayTiepNhan"])
                if recv is None:
                    raise ValueError("received")
                due = moment(r["NgayHenTra"], deadline=True)
                kt = moment(r["NgayKetThucXuLy"])
                tra = moment(r["NgayTra"])
                fin = kt or tra
                if st >= 7 and fin is None:
                    raise ValueError("finished without finish")
                if fin is not None:
                    if fin[1] and recv[1]:
                        before = fin[0] < recv[0]
                    else:
                        before = fin[0].date() < recv[0].date()
                    if before:
                        raise ValueError("finish before received")
            except (KeyError, ValueError):
                rejected += 1
                continue
            stt = int(r["STT"]) if r.get("STT") else n
            rec = dict(unit=unit, ch=ch, st=st, fd=fd in YES, fr=fr in YES, recv=recv[0],
                       due=due[0] if due else None, fin=fin[0] if st >= 7 else None, stt=stt)
            if code not in latest or latest[code]["stt"] < stt:
                latest[code] = rec

    names = {}           # unit key -> (stt, spelling)
    counts = {}
    fields = ["carried_over", "received_new", "received_online", "received_direct",
              "received_postal", "resolved", "resolved_early", "resolved_on_time",
              "resolved_late", "resolved_without_result", "pending", "pending_overdue",
              "dig_d", "dig_r"]
    for d in latest.values():
        if d["st"] in (1, 3):
            continue
        k = key(d["unit"])
        if k not in names or names[k][0] < d["stt"]:
            names[k] = (d["stt"], d["unit"])
        c = counts.setdefault(k, dict.fromkeys(fields, 0))
        recv, fin, due, st = d["recv"], d["fin"], d["due"], d["st"]
        if recv < start and not (fin is not None and fin < start):
            c["carried_over"] += 1
        if start <= recv < end:
            c["received_new"] += 1
            c[{1: "received_direct", 2: "received_online", 3: "received_postal"}[d["ch"]]] += 1
            if d["fd"]:
                c["dig_d"] += 1
        if fin is not None and start <= fin < end:
            c["resolved"] += 1
            if due is not None and fin.date() < due.date():
                c["resolved_early"] += 1
            elif due is not None and fin > due:
                c["resolved_late"] += 1
            else:
                c["resolved_on_time"] += 1
            if st in (7, 8):
                c["resolved_without_result"] += 1
            if st in (9, 10) and d["fr"]:
                c["dig_r"] += 1
        if recv < end and not (fin is not None and fin < end):
            c["pending"] += 1
            if due is not None and due < end and st not in (5, 6):
                c["pending_overdue"] += 1

    def line(label, c):
        assert c["carried_over"] + c["received_new"] == c["resolved"] + c["pending"], label
        ok = c["resolved_early"] + c["resolved_on_time"]
        below = "" if c["resolved"] == 0 else ("true" if Fraction(ok, c["resolved"]) < Fraction(98, 100) else "false")
        vals = [a.period, label] + [str(c[x]) for x in fields[:12]] + [
            pct(ok, c["resolved"]),
            pct(ok + c["pending"] - c["pending_overdue"], c["carried_over"] + c["received_new"]),
            pct(c["received_online"], c["received_new"]),
            pct(c["dig_d"], c["received_new"]),
            pct(c["dig_r"], c["resolved"] - c["resolved_without_result"]),
            below]
        return ",".join(vals)

    out = ["period,unit,carried_over,received_new,received_online,received_direct,"
           "received_postal,resolved,resolved_early,resolved_on_time,resolved_late,"
           "resolved_without_result,pending,pending_overdue,on_time_rate,progress_rate,"
           "online_rate,digitised_dossier_rate,digitised_result_rate,below_target"]
    total = dict.fromkeys(fields, 0)
    shown = [(names[k][1], c) for k, c in counts.items()
             if any(c[x] for x in fields[:12])]
    for label, c in sorted(shown, key=lambda x: x[0]):
        out.append(line(label, c))
    for c in counts.values():
        for x in fields:
            total[x] += c[x]
    out.append(line("TOTAL", total))
    sys.stdout.write("\n".join(out) + "\n")
    print("bench-check: %d dossiers, %d rows rejected" % (len(latest), rejected), file=sys.stderr)


if __name__ == "__main__":
    main()
