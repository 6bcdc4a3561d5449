#!/usr/bin/env python3
"""Independent oracle for motcua's KPI table.

Written from /work/shared/spec/input-formats.md and kpi-rules.md only, plus the
decisions listed in Fixtures/README.md.  It shares no code with motcua (which is
Swift) and uses the Python standard library only.  It is deliberately plain and
slow: its job is to be easy to audit, not fast.

    python3 Fixtures/oracle.py --period 2023-Q1 [--basis decree09|calendar]
                               [--target 98] [--rejects] FILE...

Without --rejects it prints the KPI table exactly as
`motcua report --period P --basis B --format csv FILE...` should.
With --rejects it prints `file,line,field` for every rejected record, sorted by
file (base name) then line.
"""

import argparse
import codecs
import datetime
import os
import re
import sys
import unicodedata
from fractions import Fraction

# ---------------------------------------------------------------------------
# Text normalisation

def norm(s):
    """NFC, trimmed, white-space runs folded to one space (case kept)."""
    return " ".join(unicodedata.normalize("NFC", s).split())


def key(s):
    """Comparison key for headers and vocabulary values: norm + case ignored."""
    return norm(s).lower()


# ---------------------------------------------------------------------------
# Headers

FIELD_ORDER = [  # order in which single-field validity is checked
    "MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "NgayHenTra",
    "NgayKetThucXuLy", "NgayTra", "TrangThaiHoSo", "SoHoaHoSo", "SoHoaKetQua",
]

HEADER_ALIASES = {
    "MaHoSo": ["Mã hồ sơ", "Số hồ sơ"],
    "MaTTHC": ["Mã TTHC", "Mã thủ tục"],
    "TenTTHC": ["Tên TTHC", "Tên thủ tục", "Tên thủ tục hành chính"],
    "MaLinhVuc": ["Mã lĩnh vực"],
    "TenLinhVuc": ["Lĩnh vực", "Tên lĩnh vực"],
    "DonViXuLy": ["Đơn vị xử lý", "Cơ quan giải quyết", "Đơn vị giải quyết", "Đơn vị"],
    "KenhThucHien": ["Kênh thực hiện", "Hình thức nộp", "Kênh nộp", "Hình thức tiếp nhận"],
    "NgayTiepNhan": ["Ngày tiếp nhận", "Ngày nhận"],
    "NgayHenTra": ["Ngày hẹn trả", "Hạn xử lý", "Hạn giải quyết"],
    "NgayKetThucXuLy": ["Ngày kết thúc xử lý", "Ngày hoàn thành", "Ngày có kết quả"],
    "NgayTra": ["Ngày trả kết quả", "Ngày trả"],
    "TrangThaiHoSo": ["Trạng thái", "Tình trạng", "Trạng thái hồ sơ"],
    "SoHoaHoSo": ["Số hóa hồ sơ", "Số hóa thành phần hồ sơ", "HoSoCoThanhPhanSoHoa"],
    "SoHoaKetQua": ["Số hóa kết quả", "Kết quả điện tử"],
}
REQUIRED_COLUMNS = ["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo"]

HEADER_LOOKUP = {}
for canonical, aliases in HEADER_ALIASES.items():
    for name in [canonical] + aliases:
        HEADER_LOOKUP[key(name)] = canonical

# ---------------------------------------------------------------------------
# Value vocabularies (keys already in key() form)

CHANNELS = {"": 1}
for code, words in {
    1: ["1", "Trực tiếp"],
    2: ["2", "Trực tuyến", "Dịch vụ công trực tuyến", "Nộp trực tuyến"],
    3: ["3", "Bưu chính", "Dịch vụ bưu chính", "Dịch vụ bưu chính công ích", "BCCI"],
}.items():
    for w in words:
        CHANNELS[key(w)] = code

STATUSES = {}
for code, words in {
    1: ["Mới đăng ký", "Chờ tiếp nhận"],
    2: ["Được tiếp nhận", "Đã tiếp nhận", "Mới tiếp nhận"],
    3: ["Không được tiếp nhận", "Từ chối tiếp nhận"],
    4: ["Đang xử lý", "Đang giải quyết"],
    5: ["Yêu cầu bổ sung giấy tờ", "Yêu cầu bổ sung", "Chờ bổ sung"],
    6: ["Yêu cầu thực hiện nghĩa vụ tài chính", "Chờ thực hiện nghĩa vụ tài chính"],
    7: ["Công dân yêu cầu rút hồ sơ", "Rút hồ sơ", "Công dân rút hồ sơ"],
    8: ["Dừng xử lý", "Dừng giải quyết"],
    9: ["Đã xử lý xong", "Hoàn thành", "Đã giải quyết", "Chờ trả kết quả"],
    10: ["Đã trả kết quả", "Đã trả"],
}.items():
    STATUSES[str(code)] = code
    for w in words:
        STATUSES[key(w)] = code

YES_NO = {}
for w in ["1", "true", "có", "x", "yes", "đã số hóa"]:
    YES_NO[key(w)] = True
for w in ["0", "false", "không", "no", ""]:
    YES_NO[key(w)] = False

# ---------------------------------------------------------------------------
# Dates.  A parsed value is (local naive datetime, has_time).

LOCAL_OFFSET = datetime.timedelta(hours=7)  # Asia/Ho_Chi_Minh, no DST

RE_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
RE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?"
                    r"(Z|[+-]\d{2}:\d{2})?)?$")
RE_PORTAL_FULL = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$")
RE_PORTAL_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class Bad(Exception):
    pass


def parse_date(text):
    """Return (datetime, has_time); raise Bad if unreadable or nonexistent."""
    offset = None
    m = RE_DMY.match(text)
    if m:
        d, mo, y, hh, mi, ss = m.groups()
    else:
        m = RE_ISO.match(text)
        if m:
            y, mo, d, hh, mi, ss, offset = m.groups()
        else:
            m = RE_PORTAL_FULL.match(text)
            if m:
                y, mo, d, hh, mi, ss = m.groups()
            else:
                m = RE_PORTAL_DAY.match(text)
                if not m:
                    raise Bad()
                y, mo, d = m.groups()
                hh = mi = ss = None
    try:
        if hh is None:
            return datetime.datetime(int(y), int(mo), int(d)), False
        moment = datetime.datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0))
    except ValueError:
        raise Bad()
    if offset is not None:
        if offset == "Z":
            delta = datetime.timedelta(0)
        else:
            sign = 1 if offset[0] == "+" else -1
            delta = sign * datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
        moment = moment - delta + LOCAL_OFFSET
    return moment, True


def as_deadline(parsed):
    moment, has_time = parsed
    if has_time:
        return moment
    return moment.replace(hour=23, minute=59, second=59)


def as_moment(parsed):
    return parsed[0]  # date-only values already sit at 00:00:00


# ---------------------------------------------------------------------------
# Files: decoding and CSV records with physical line numbers

class FileError(Exception):
    pass


def decode(data, name):
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8")
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le")
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be")
    if b"\x00" in data:
        raise FileError(name + ": not text (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")  # Python rejects the undefined bytes itself
    except UnicodeDecodeError:
        raise FileError(name + ": not text (bytes undefined in Windows-1258)")


def detect_delimiter(text):
    for line in text.split("\n"):
        if line.strip():
            counts = {d: line.count(d) for d in ("\t", ";", ",")}
            best = max(counts.values())
            if best == 0:
                return ","
            for d in ("\t", ";", ","):  # tie-break (never needed by the fixtures)
                if counts[d] == best:
                    return d
    return ","


def read_records(text, delim):
    """Yield (start_line, fields, structural_error) for every record.

    structural_error is None, "unterminated" or "malformed".
    Line numbers are 1-based physical lines; CRLF counts as one break.
    """
    text = text.replace("\r\n", "\n")
    i, n, line = 0, len(text), 1
    while i < n:
        start = line
        fields, error = [], None
        while True:
            if i < n and text[i] == '"':
                i += 1
                buf, closed = [], False
                while i < n:
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            buf.append('"')
                            i += 2
                            continue
                        i += 1
                        closed = True
                        break
                    if c == "\n":
                        line += 1
                    buf.append(c)
                    i += 1
                fields.append("".join(buf))
                if not closed:
                    error = "unterminated"
                    break
                if i < n and text[i] != delim and text[i] != "\n":
                    # e.g. "abc"x : give up on this record, resume on the next line
                    error = "malformed"
                    while i < n and text[i] != "\n":
                        i += 1
                    if i < n:
                        i += 1
                        line += 1
                    break
            else:
                j = i
                while j < n and text[j] != delim and text[j] != "\n":
                    j += 1
                fields.append(text[i:j])
                i = j
            if i < n and text[i] == delim:
                i += 1
                continue
            if i < n and text[i] == "\n":
                i += 1
                line += 1
            break
        yield start, fields, error


# ---------------------------------------------------------------------------
# One file -> accepted records and rejects

def is_blank(fields):
    return all(not f.strip() for f in fields)


def load_file(path):
    name = os.path.basename(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise FileError(path + ": cannot read: " + str(exc))
    if not data:
        raise FileError(path + ": empty file")
    text = decode(data, path)
    delim = detect_delimiter(text)
    records = read_records(text, delim)
    header = None
    for start, fields, error in records:
        if error is None and is_blank(fields):
            continue
        header = (start, fields, error)
        break
    if header is None or header[2] is not None:
        raise FileError(path + ": no readable header")
    columns = {}
    for index, title in enumerate(header[1]):
        canonical = HEADER_LOOKUP.get(key(title))
        if canonical and canonical not in columns:
            columns[canonical] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise FileError(path + ": header lacks " + ", ".join(missing))
    width = len(header[1])

    accepted, rejects = [], []
    for start, fields, error in records:
        if error is not None:
            rejects.append((name, start, ""))
            continue
        if is_blank(fields):
            continue
        if len(fields) > width:
            rejects.append((name, start, ""))
            continue
        fields = fields + [""] * (width - len(fields))
        values = {c: norm(fields[columns[c]]) if c in columns else "" for c in HEADER_ALIASES}
        row, failing = validate(values)
        if failing is not None:
            rejects.append((name, start, failing))
            continue
        row["line"] = start
        accepted.append(row)
    return name, accepted, rejects


def validate(v):
    """Return (row, None) or (None, first failing canonical field)."""
    row = {}
    if v["MaHoSo"] == "":
        return None, "MaHoSo"
    row["code"] = v["MaHoSo"]
    if v["DonViXuLy"] == "":
        return None, "DonViXuLy"
    row["unit_display"] = v["DonViXuLy"]
    row["unit_key"] = v["DonViXuLy"].lower()
    if v["KenhThucHien"].lower() not in CHANNELS:
        return None, "KenhThucHien"
    row["channel"] = CHANNELS[v["KenhThucHien"].lower()]
    parsed = {}
    for f in ("NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra"):
        if v[f] == "":
            if f == "NgayTiepNhan":
                return None, f
            parsed[f] = None
            continue
        try:
            parsed[f] = parse_date(v[f])
        except Bad:
            return None, f
    if v["TrangThaiHoSo"].lower() not in STATUSES:
        return None, "TrangThaiHoSo"
    status = STATUSES[v["TrangThaiHoSo"].lower()]
    for f in ("SoHoaHoSo", "SoHoaKetQua"):
        if v[f].lower() not in YES_NO:
            return None, f
    # cross-field rules
    if status >= 7 and parsed["NgayKetThucXuLy"] is None and parsed["NgayTra"] is None:
        return None, "NgayKetThucXuLy"
    finish_field = "NgayKetThucXuLy" if parsed["NgayKetThucXuLy"] is not None else "NgayTra"
    finish = parsed[finish_field]
    received = parsed["NgayTiepNhan"]
    if finish is not None:
        if finish[1] and received[1]:
            before = finish[0] < received[0]
        else:
            before = finish[0].date() < received[0].date()
        if before:
            return None, finish_field
    row["status"] = status
    row["received"] = as_moment(received)
    row["due"] = as_deadline(parsed["NgayHenTra"]) if parsed["NgayHenTra"] else None
    row["finished"] = as_moment(finish) if (finish is not None and status >= 7) else None
    row["digitised_dossier"] = YES_NO[v["SoHoaHoSo"].lower()]
    row["digitised_result"] = YES_NO[v["SoHoaKetQua"].lower()]
    # moments that count for the file's as-of
    row["moments"] = [as_moment(p) for p in
                      (parsed["NgayTiepNhan"], parsed["NgayKetThucXuLy"], parsed["NgayTra"]) if p]
    return row, None


# ---------------------------------------------------------------------------
# Several files -> one winning occurrence per dossier

def ingest(paths):
    files = []
    all_rejects = []
    for path in paths:
        name, accepted, rejects = load_file(path)
        all_rejects.extend(rejects)
        moments = [m for r in accepted for m in r["moments"]]
        as_of = max(moments) if moments else datetime.datetime.min
        files.append((name, as_of, accepted))
    winners = {}      # dossier code -> (rank, row)
    spellings = {}    # unit key -> (rank, display)
    for name, as_of, accepted in files:
        for position, row in enumerate(accepted):
            rank = (as_of, name, position)
            if row["code"] not in winners or rank > winners[row["code"]][0]:
                winners[row["code"]] = (rank, row)
            if row["unit_key"] not in spellings or rank > spellings[row["unit_key"]][0]:
                spellings[row["unit_key"]] = (rank, row["unit_display"])
    dossiers = [row for _, row in winners.values()]
    display = {k: v[1] for k, v in spellings.items()}
    all_rejects.sort(key=lambda r: (r[0], r[1]))
    return dossiers, display, all_rejects


# ---------------------------------------------------------------------------
# Periods

RE_PERIODS = [
    (re.compile(r"^(\d{4})-q([1-4])$"), lambda m: (int(m[1]), "Q" + m[2])),
    (re.compile(r"^q([1-4])/(\d{4})$"), lambda m: (int(m[2]), "Q" + m[1])),
    (re.compile(r"^quý ([1-4])/(\d{4})$"), lambda m: (int(m[2]), "Q" + m[1])),
    (re.compile(r"^(\d{4})-h([12])$"), lambda m: (int(m[1]), "H" + m[2])),
    (re.compile(r"^6 tháng (\d{4})$"), lambda m: (int(m[1]), "H1")),
    (re.compile(r"^(\d{4})-9m$"), lambda m: (int(m[1]), "9M")),
    (re.compile(r"^9 tháng (\d{4})$"), lambda m: (int(m[1]), "9M")),
    (re.compile(r"^(\d{4})$"), lambda m: (int(m[1]), "Y")),
    (re.compile(r"^năm (\d{4})$"), lambda m: (int(m[1]), "Y")),
]

# (first month, last month) of each kind of period, months of its own year
MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
          "H1": (1, 6), "H2": (7, 12), "9M": (1, 9), "Y": (1, 12)}


def parse_period(text, basis):
    k = key(text)
    for regex, make in RE_PERIODS:
        m = regex.match(k)
        if m:
            year, kind = make(m)
            break
    else:
        raise SystemExit("bad period: " + text)
    canonical = str(year) if kind == "Y" else "%d-%s" % (year, kind)
    first, last = MONTHS[kind]
    if basis == "calendar":
        start = datetime.datetime(year, first, 1)
        end = datetime.datetime(year + 1, 1, 1) if last == 12 else datetime.datetime(year, last + 1, 1)
    else:  # decree09: from the 15th of the month before to the 14th of the last month
        start = datetime.datetime(year - 1, 12, 15) if first == 1 else datetime.datetime(year, first - 1, 15)
        end = datetime.datetime(year, last, 15)  # first moment after the 14th
    return canonical, start, end


# ---------------------------------------------------------------------------
# KPIs

COUNT_COLUMNS = ["carried_over", "received_new", "received_online", "received_direct",
                 "received_postal", "resolved", "resolved_early", "resolved_on_time",
                 "resolved_late", "resolved_without_result", "pending", "pending_overdue",
                 # helpers, not printed:
                 "_digitised_new", "_digitised_result"]
HEADER = ["period", "unit"] + COUNT_COLUMNS[:12] + [
    "on_time_rate", "progress_rate", "online_rate", "digitised_dossier_rate",
    "digitised_result_rate", "below_target"]


def count(d, start, end):
    c = dict.fromkeys(COUNT_COLUMNS, 0)
    if d["status"] in (1, 3):
        return c
    fin = d["finished"]

    def finished_before(t):
        return fin is not None and fin < t

    if d["received"] < start and not finished_before(start):
        c["carried_over"] = 1
    if start <= d["received"] < end:
        c["received_new"] = 1
        c[{1: "received_direct", 2: "received_online", 3: "received_postal"}[d["channel"]]] = 1
        if d["digitised_dossier"]:
            c["_digitised_new"] = 1
    if fin is not None and start <= fin < end:
        c["resolved"] = 1
        due = d["due"]
        if due is not None and fin.date() < due.date():
            c["resolved_early"] = 1
        elif due is not None and fin > due:
            c["resolved_late"] = 1
        else:
            c["resolved_on_time"] = 1
        if d["status"] in (7, 8):
            c["resolved_without_result"] = 1
        elif d["digitised_result"]:
            c["_digitised_result"] = 1
    if d["received"] < end and not finished_before(end):
        c["pending"] = 1
        if d["due"] is not None and d["due"] < end and d["status"] not in (5, 6):
            c["pending_overdue"] = 1
    return c


def rate(num, den):
    if den == 0:
        return ""
    x = Fraction(num * 100, den)
    hundredths = (x * 100 + Fraction(1, 2)).__floor__()  # half up, x >= 0
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


def table_row(period, unit, c, target):
    resolved = c["resolved"]
    good = c["resolved_early"] + c["resolved_on_time"]
    base = c["carried_over"] + c["received_new"]
    if resolved == 0:
        below = ""
    else:
        below = "true" if Fraction(good, resolved) * 100 < target else "false"
    return [period, unit] + [str(c[k]) for k in COUNT_COLUMNS[:12]] + [
        rate(good, resolved),
        rate(good + c["pending"] - c["pending_overdue"], base),
        rate(c["received_online"], c["received_new"]),
        rate(c["_digitised_new"], c["received_new"]),
        rate(c["_digitised_result"], resolved - c["resolved_without_result"]),
        below,
    ]


def csv_field(s):
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def report(dossiers, display, period, basis, target):
    canonical, start, end = parse_period(period, basis)
    per_unit = {}
    for d in dossiers:
        c = count(d, start, end)
        acc = per_unit.setdefault(d["unit_key"], dict.fromkeys(COUNT_COLUMNS, 0))
        for k in COUNT_COLUMNS:
            acc[k] += c[k]
    total = dict.fromkeys(COUNT_COLUMNS, 0)
    rows = []
    for unit_key, c in per_unit.items():
        if not any(c[k] for k in COUNT_COLUMNS[:12]):
            continue
        rows.append(table_row(canonical, display[unit_key], c, target))
        for k in COUNT_COLUMNS:
            total[k] += c[k]
    rows.sort(key=lambda r: r[1])  # Python compares str by code point
    rows.append(table_row(canonical, "TOTAL", total, target))
    out = [",".join(HEADER)] + [",".join(csv_field(f) for f in r) for r in rows]
    return "\n".join(out) + "\n"


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--period")
    p.add_argument("--basis", default="decree09", choices=["decree09", "calendar"])
    p.add_argument("--target", default="98")
    p.add_argument("--rejects", action="store_true")
    p.add_argument("files", nargs="+")
    a = p.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    try:
        dossiers, display, rejects = ingest(a.files)
    except FileError as exc:
        print("oracle: " + str(exc), file=sys.stderr)
        return 66
    if a.rejects:
        sys.stdout.write("file,line,field\n")
        for name, line, field in rejects:
            sys.stdout.write("%s,%d,%s\n" % (csv_field(name), line, field))
        return 0
    if not a.period:
        p.error("--period is required unless --rejects is given")
    sys.stdout.write(report(dossiers, display, a.period, a.basis, Fraction(a.target)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
