#!/usr/bin/env python3
"""Independent oracle for motcua's KPI, plan and service-index (QĐ 766) tables.

Written from /work/shared/spec/ (input-formats.md, kpi-rules.md, service-index.md and the
"Procedure catalogue" section of catalogue.md) only, plus the decisions listed in
Fixtures/README.md.  It shares no code with motcua (which is Swift) and uses the Python
standard library only.  It is deliberately plain and slow: its job is to be easy to audit,
not fast.  Rates and points are exact fractions (fractions.Fraction), never floats.

    python3 Fixtures/oracle.py --period P [--table kpi|plan|index766]
                               [--basis decree09|calendar] [--target T]
                               [--goal NAME=VALUE ...] [--catalogue FILE] FILE...
    python3 Fixtures/oracle.py --rejects [--catalogue FILE] FILE...
    python3 Fixtures/oracle.py --missing-procedures --catalogue FILE FILE...

With --period it prints the table exactly as
`motcua report --table T --period P --basis B --format csv ...` should (basis default:
decree09 for kpi and plan, calendar for index766).
With --rejects it prints `file,line,field` for every rejected record of the exports (file:
base name) and of the catalogue (file: the name as given), sorted by file then line.
With --missing-procedures it prints `procedure,dossiers`: the procedure codes that dossiers
use and the catalogue lacks, most frequent first (ties: code, by code point).
"""

import argparse
import codecs
import datetime
import os
import re
import sys
import unicodedata
from fractions import Fraction

sys.dont_write_bytecode = True  # no __pycache__ beside the fixtures
from oracle_calendar import Calendar, CalendarError, OFF, WORK  # noqa: E402

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

# The optional service columns of input-formats.md, in the spec table's order.
SERVICE_COLUMNS = [
    "DuocThanhToanTrucTuyen", "PhiLePhi", "TaiKhoanDuocXacThucVoiVNeID", "DuocTaiSuDung",
    "DuocLayTuKhoDMQG", "SoLanBoSung", "DanhGiaHaiLong", "CoPhanAnhKienNghi", "NgayXinLoi",
    "LuanChuyen",
]

FIELD_ORDER = [  # the order in which validate() checks single fields (a decision, README)
    "MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "NgayHenTra",
    "NgayKetThucXuLy", "NgayTra", "TrangThaiHoSo", "SoHoaHoSo", "SoHoaKetQua",
] + SERVICE_COLUMNS

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
    # optional service columns
    "DuocThanhToanTrucTuyen": ["Thanh toán trực tuyến", "Đã thanh toán trực tuyến"],
    "PhiLePhi": ["Phí, lệ phí", "Lệ phí", "Tổng phí, lệ phí"],
    "TaiKhoanDuocXacThucVoiVNeID": ["Xác thực VNeID", "Tài khoản VNeID"],
    "DuocTaiSuDung": ["Tái sử dụng dữ liệu số hóa", "Sử dụng lại dữ liệu số hóa"],
    "DuocLayTuKhoDMQG": ["Lấy từ kho dữ liệu cá nhân", "Kho dữ liệu cá nhân"],
    "SoLanBoSung": ["Số lần bổ sung", "Số lần yêu cầu bổ sung"],
    "DanhGiaHaiLong": ["Đánh giá", "Mức độ hài lòng", "Đánh giá hài lòng"],
    "CoPhanAnhKienNghi": ["Phản ánh, kiến nghị", "Có phản ánh, kiến nghị"],
    "NgayXinLoi": ["Ngày xin lỗi", "Ngày văn bản xin lỗi"],
    "LuanChuyen": ["Luân chuyển", "Hình thức luân chuyển", "Liên thông"],
}
REQUIRED_COLUMNS = ["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo"]

# The procedure catalogue (catalogue.md), its own header table.
CATALOGUE_ALIASES = {
    "MaTTHC": ["Mã TTHC", "Mã thủ tục"],
    "TenTTHC": ["Tên TTHC", "Tên thủ tục"],
    "ThoiHanGiaiQuyet": ["Thời hạn giải quyết", "Thời hạn"],
    "MucDoDVC": ["Mức độ DVCTT", "Mức độ"],
    "DuDieuKienToanTrinh": ["Đủ điều kiện toàn trình"],
    "CoPhiLePhi": ["Có phí, lệ phí"],
    "TraKetQuaGiay": ["Trả kết quả bằng giấy", "Kết quả bằng văn bản giấy"],
}
CATALOGUE_REQUIRED = ["MaTTHC"]


def header_lookup(aliases):
    lookup = {}
    for canonical, names in aliases.items():
        for name in [canonical] + names:
            lookup[key(name)] = canonical
    return lookup


HEADER_LOOKUP = header_lookup(HEADER_ALIASES)
CATALOGUE_LOOKUP = header_lookup(CATALOGUE_ALIASES)

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

# DuocThanhToanTrucTuyen: 1 (national portal), 2 (provincial gateway) or a yes word: paid
# online; 0, 3, empty or a no word: not.
PAID_ONLINE = dict(YES_NO)
PAID_ONLINE.update({"1": True, "2": True, "0": False, "3": False})

# DanhGiaHaiLong: 1..5 or the words; empty: not rated (None).
RATINGS = {"": None}
for code, words in {
    1: ["Rất hài lòng"], 2: ["Hài lòng"], 3: ["Bình thường", "Chấp nhận được"],
    4: ["Không hài lòng"], 5: ["Rất không hài lòng"],
}.items():
    RATINGS[str(code)] = code
    for w in words:
        RATINGS[key(w)] = code

# LuanChuyen: 0 not moved between agencies, 1 electronically, 2 on paper.
ROUTINGS = {}
for code, words in {0: ["0", "Không", ""], 1: ["1", "Điện tử"], 2: ["2", "Giấy", "Bản giấy"]}.items():
    for w in words:
        ROUTINGS[key(w)] = code

# Catalogue MucDoDVC: "full" (toàn trình), "partial" (một phần) or None (no online service).
SERVICE_LEVELS = {}
for level, words in {"full": ["toàn trình", "4"], "partial": ["một phần", "3"],
                     None: ["", "không", "2"]}.items():
    for w in words:
        SERVICE_LEVELS[key(w)] = level

# Whole numbers: ASCII digits only.  PhiLePhi may group thousands with one separator
# character throughout ('.', ',' or a space): first group 1-3 digits, later groups 3.
RE_WHOLE = re.compile(r"^[0-9]+$")
RE_GROUPED = re.compile(r"^[0-9]{1,3}([., ])[0-9]{3}(?:\1[0-9]{3})*$")


def parse_fee(text):
    """PhiLePhi: None when not stated (empty), else the amount in đồng; raise Bad."""
    if text == "":
        return None
    if RE_WHOLE.match(text) or RE_GROUPED.match(text):
        return int(re.sub(r"[^0-9]", "", text))
    raise Bad()


def parse_whole(text, empty):
    """A whole number >= 0 (ASCII digits); `empty` for an empty value; raise Bad."""
    if text == "":
        return empty
    if RE_WHOLE.match(text):
        return int(text)
    raise Bad()


def parse_in(vocabulary, text):
    k = text.lower()
    if k not in vocabulary:
        raise Bad()
    return vocabulary[k]

# ---------------------------------------------------------------------------
# Dates.  A parsed value is (local naive datetime, has_time).

LOCAL_OFFSET = datetime.timedelta(hours=7)  # Asia/Ho_Chi_Minh, no DST

# re.ASCII: \d is 0-9 only (Python's \d also matches other scripts' digits)
RE_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$", re.ASCII)
RE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?"
                    r"(Z|[+-]\d{2}:\d{2})?)?$", re.ASCII)
RE_PORTAL_FULL = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$", re.ASCII)
RE_PORTAL_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$", re.ASCII)


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


def open_csv(path, lookup, required):
    """Read, decode and split one file; map its header.

    Returns (records iterator positioned after the header, columns, width) where columns
    maps canonical name -> index.  Raises FileError for what is not a readable table.
    """
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
    columns, titles = {}, {}
    for index, title in enumerate(header[1]):
        canonical = lookup.get(key(title))
        if canonical is None:
            continue
        if canonical in columns:  # input-formats.md: an error naming both columns
            raise FileError("%s: columns '%s' and '%s' both name %s"
                            % (path, titles[canonical], norm(title), canonical))
        columns[canonical] = index
        titles[canonical] = norm(title)
    missing = [c for c in required if c not in columns]
    if missing:
        raise FileError(path + ": header lacks " + ", ".join(missing))
    return records, columns, len(header[1])


def table_rows(records, columns, width, canonicals):
    """Yield (line, values, structural_fault) for every non-blank record after the header."""
    for start, fields, error in records:
        if error is not None:
            yield start, None, True
            continue
        if is_blank(fields):
            continue
        if len(fields) > width:
            yield start, None, True
            continue
        fields = fields + [""] * (width - len(fields))
        yield start, {c: norm(fields[columns[c]]) if c in columns else "" for c in canonicals}, False


def load_file(path):
    name = os.path.basename(path)
    records, columns, width = open_csv(path, HEADER_LOOKUP, REQUIRED_COLUMNS)
    known = frozenset(c for c in SERVICE_COLUMNS if c in columns)
    accepted, rejects = [], []
    for start, values, fault in table_rows(records, columns, width, HEADER_ALIASES):
        if fault:
            rejects.append((name, start, ""))
            continue
        row, failing = validate(values)
        if failing is not None:
            rejects.append((name, start, failing))
            continue
        row["line"] = start
        row["known"] = known
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
    # the optional service columns, in the spec table's order (a column the file lacks is
    # read as empty here; whether the dossier knows it is recorded per file)
    service = {}
    readers = {
        "DuocThanhToanTrucTuyen": lambda t: parse_in(PAID_ONLINE, t),
        "PhiLePhi": parse_fee,
        "TaiKhoanDuocXacThucVoiVNeID": lambda t: parse_in(YES_NO, t),
        "DuocTaiSuDung": lambda t: parse_in(YES_NO, t),
        "DuocLayTuKhoDMQG": lambda t: parse_in(YES_NO, t),
        "SoLanBoSung": lambda t: parse_whole(t, 0),
        "DanhGiaHaiLong": lambda t: parse_in(RATINGS, t),
        "CoPhanAnhKienNghi": lambda t: parse_in(YES_NO, t),
        "NgayXinLoi": lambda t: parse_date(t) if t else None,
        "LuanChuyen": lambda t: parse_in(ROUTINGS, t),
    }
    for f in SERVICE_COLUMNS:
        try:
            service[f] = readers[f](v[f])
        except Bad:
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
    row["procedure"] = v["MaTTHC"]  # "" is no procedure
    row["procedure_name"] = v["TenTTHC"]
    row["due_exported"] = row["due"]  # NgayHenTra as exported (--fill-deadlines may set due)
    row["due_filled"] = False
    row["apology"] = service["NgayXinLoi"][0].date() if service["NgayXinLoi"] else None
    row["service"] = service
    # moments that count for the file's as-of (NgayXinLoi does not)
    row["moments"] = [as_moment(p) for p in
                      (parsed["NgayTiepNhan"], parsed["NgayKetThucXuLy"], parsed["NgayTra"]) if p]
    return row, None


# ---------------------------------------------------------------------------
# The procedure catalogue

def load_catalogue(path):
    """Return ({code: entry}, rejects); rejects carry the file name as given."""
    records, columns, width = open_csv(path, CATALOGUE_LOOKUP, CATALOGUE_REQUIRED)
    entries, rejects = {}, []
    for start, v, fault in table_rows(records, columns, width, CATALOGUE_ALIASES):
        if fault:
            rejects.append((path, start, ""))
            continue
        entry, failing = validate_catalogue_row(v)
        if failing is None and entry["code"] in entries:
            failing = "MaTTHC"  # duplicate procedure code: the first row stays
        if failing is not None:
            rejects.append((path, start, failing))
            continue
        entries[entry["code"]] = entry
    return entries, rejects


def validate_catalogue_row(v):
    if v["MaTTHC"] == "":
        return None, "MaTTHC"
    entry = {"code": v["MaTTHC"]}
    checks = [
        ("ThoiHanGiaiQuyet", "time_limit", lambda t: parse_whole(t, None)),
        ("MucDoDVC", "level", lambda t: parse_in(SERVICE_LEVELS, t)),
        ("DuDieuKienToanTrinh", "full_online_eligible", lambda t: parse_in(YES_NO, t)),
        ("CoPhiLePhi", "charges_fees", lambda t: parse_in(YES_NO, t)),
        ("TraKetQuaGiay", "paper_result", lambda t: parse_in(YES_NO, t)),
    ]
    for field, name, read in checks:
        try:
            entry[name] = read(v[field])
        except Bad:
            return None, field
    return entry, None


# ---------------------------------------------------------------------------
# Several files -> one winning occurrence per dossier

def ingest(paths, stated_as_of=None, aliases=None):
    """stated_as_of: --as-of, the as-of moment of every file (input-formats.md).
    aliases: {name key: unit as written} of a units file; an aliased row counts for its
    unit, shown as the units file writes it."""
    aliases = aliases or {}
    files = []
    all_rejects = []
    for path in paths:
        name, accepted, rejects = load_file(path)
        all_rejects.extend(rejects)
        for row in accepted:
            if row["unit_key"] in aliases:
                row["unit_display"] = aliases[row["unit_key"]]
                row["unit_key"] = key(row["unit_display"])
        moments = [m for r in accepted for m in r["moments"]]
        as_of = max(moments) if moments else datetime.datetime.min
        if stated_as_of is not None:
            as_of = stated_as_of
        for row in accepted:
            row["as_of"] = as_of
        files.append((name, path, as_of, accepted))
    winners = {}      # dossier code -> (rank, row)
    spellings = {}    # unit key -> (rank, display)
    for name, path, as_of, accepted in files:
        for position, row in enumerate(accepted):
            # Same as-of and base name: the name as given decides (a decision, README), never
            # the order the files are named in; the later row within one file.
            rank = (as_of, name, path, position)
            if row["code"] not in winners or rank > winners[row["code"]][0]:
                winners[row["code"]] = (rank, row)
            if row["unit_key"] not in spellings or rank > spellings[row["unit_key"]][0]:
                spellings[row["unit_key"]] = (rank, row["unit_display"])
    dossiers = [row for _, row in winners.values()]
    display = {k: v[1] for k, v in spellings.items()}
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
    """num/den as a percentage with two decimals, half up; empty when den is 0."""
    if den == 0:
        return ""
    return two_decimals(Fraction(num * 100, den))


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


def csv_text(header, rows):
    out = [",".join(header)] + [",".join(csv_field(f) for f in r) for r in rows]
    return "\n".join(out) + "\n"


def by_unit(dossiers, display, start, end, figures):
    """Sum figures(d, c) per unit, for the units the KPI table shows, in its order.

    Returns [(display name, sums)] sorted by code point, and the TOTAL sums.  figures(d, c)
    returns a dict of integer counts for dossier d whose KPI counts are c.
    """
    per_unit = {}
    for d in dossiers:
        c = count(d, start, end)
        acc = per_unit.setdefault(d["unit_key"], {})
        for k, n in list(c.items()) + list(figures(d, c).items()):
            acc[k] = acc.get(k, 0) + n
    shown, total = [], {}
    for unit_key, acc in per_unit.items():
        if not any(acc[k] for k in COUNT_COLUMNS[:12]):  # a unit of the KPI table
            continue
        shown.append((display[unit_key], acc))
        for k, n in acc.items():
            total[k] = total.get(k, 0) + n
    shown.sort(key=lambda u: u[0])  # Python compares str by code point
    return shown, total


def report(dossiers, display, period, basis, target):
    canonical, start, end = parse_period(period, basis)
    shown, total = by_unit(dossiers, display, start, end, lambda d, c: {})
    if not total:
        total = dict.fromkeys(COUNT_COLUMNS, 0)
    rows = [table_row(canonical, name, c, target) for name, c in shown]
    rows.append(table_row(canonical, "TOTAL", total, target))
    return csv_text(HEADER, rows)


# ---------------------------------------------------------------------------
# The plan table and the service index (service-index.md)

def knows(d, field):
    return field in d["known"]


def catalogue_entry(d, catalogue):
    """The catalogue's entry for the dossier's procedure, or None ("the catalogue says X" is
    false for every X when the procedure is empty, missing, or there is no catalogue)."""
    if catalogue is None or d["procedure"] == "":
        return None
    return catalogue.get(d["procedure"])


def service_figures(catalogue):
    """figures(d, c) for by_unit: every numerator and denominator of both tables."""
    def figures(d, c):
        s = d["service"]
        entry = catalogue_entry(d, catalogue) or {}
        in_r, in_f = c["received_new"] == 1, c["resolved"] == 1
        in_p = c["carried_over"] + c["received_new"] == 1
        online = d["channel"] == 2
        f = {}

        def put(name, den, num):
            f[name + ".den"] = 1 if den else 0
            f[name + ".num"] = 1 if (den and num) else 0

        # plan
        put("on_time", in_f, c["resolved_early"] + c["resolved_on_time"] == 1)
        put("eligible_online", in_r and entry.get("level") in ("full", "partial"), online)
        put("digitised_result", in_f and c["resolved_without_result"] == 0,
            c["_digitised_result"] == 1)
        rated = knows(d, "DanhGiaHaiLong") and s["DanhGiaHaiLong"] is not None
        put("satisfied", in_f and rated, rated and s["DanhGiaHaiLong"] in (1, 2))
        routed = knows(d, "LuanChuyen") and s["LuanChuyen"] in (1, 2)
        put("electronic_routing", in_r and routed, s["LuanChuyen"] == 1)
        # index766
        supplements = s["SoLanBoSung"] if knows(d, "SoLanBoSung") else 0
        good = ((in_f and c["resolved_late"] == 0)
                or (c["pending"] == 1 and c["pending_overdue"] == 0))
        put("progress", in_p, good and supplements <= 1)
        put("full_online", in_r and entry.get("full_online_eligible") is True, online)
        fee_zero = knows(d, "PhiLePhi") and s["PhiLePhi"] == 0
        put("online_payment", in_r and entry.get("charges_fees") is True
            and knows(d, "DuocThanhToanTrucTuyen") and not fee_zero,
            s["DuocThanhToanTrucTuyen"])
        put("e_result", in_f and d["status"] in (9, 10) and entry.get("paper_result") is True,
            d["digitised_result"])
        put("digitised", in_r, d["digitised_dossier"])
        put("reuse", in_r and knows(d, "DuocTaiSuDung"), s["DuocTaiSuDung"])
        put("data_store", in_r and knows(d, "DuocLayTuKhoDMQG"), s["DuocLayTuKhoDMQG"])
        put("vneid", in_r and knows(d, "TaiKhoanDuocXacThucVoiVNeID"),
            s["TaiKhoanDuocXacThucVoiVNeID"])
        # satisfaction: resolved and resolved_late come from c; complaints here
        informed = knows(d, "DanhGiaHaiLong") or knows(d, "CoPhanAnhKienNghi")
        bad = ((knows(d, "DanhGiaHaiLong") and s["DanhGiaHaiLong"] in (4, 5))
               or (knows(d, "CoPhanAnhKienNghi") and s["CoPhanAnhKienNghi"]))
        put("complaint", in_f and informed, bad)
        return f
    return figures


PLAN_TARGETS = ["on_time", "eligible_online", "digitised_result", "satisfied",
                "electronic_routing"]
DEFAULT_GOALS = {"on_time": Fraction(98), "eligible_online": Fraction(100),
                 "digitised_result": Fraction(100), "satisfied": Fraction(95),
                 "electronic_routing": Fraction(95)}
PLAN_HEADER = ["period", "unit", "target", "numerator", "denominator", "rate", "goal", "met"]

# indicator, max points, full-marks rate (as a fraction of 1)
INDICATORS = [("progress", 20, Fraction(1)), ("full_online", 12, Fraction(1)),
              ("online_payment", 6, Fraction(1)), ("e_result", 6, Fraction(1)),
              ("digitised", 4, Fraction(4, 5)), ("reuse", 2, Fraction(4, 5)),
              ("data_store", 4, Fraction(1)), ("vneid", 2, Fraction(1)),
              ("satisfaction", 6, Fraction(9, 10))]
INDEX_HEADER = ["period", "unit", "indicator", "numerator", "denominator", "rate",
                "max_points", "points"]


def two_decimals(x):
    """A non-negative exact value with two decimals, rounded half up."""
    hundredths = (x * 100 + Fraction(1, 2)).__floor__()
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


def shortest_decimal(x):
    """A terminating decimal fraction in its shortest form: 98, 95.5."""
    digits = 0
    while (x * 10 ** digits).denominator != 1:
        digits += 1
    scaled = (x * 10 ** digits).numerator
    if digits == 0:
        return str(scaled)
    text = str(scaled).rjust(digits + 1, "0")
    return text[:-digits] + "." + text[-digits:]


def plan_rows(canonical, unit, s, goals):
    rows = []
    for target in PLAN_TARGETS:
        num, den = s.get(target + ".num", 0), s.get(target + ".den", 0)
        goal = goals[target]
        met = "" if den == 0 else ("true" if Fraction(num * 100, den) >= goal else "false")
        rows.append([canonical, unit, target, str(num), str(den), rate(num, den),
                     shortest_decimal(goal), met])
    return rows


def plan_table(dossiers, display, catalogue, period, basis, goals):
    canonical, start, end = parse_period(period, basis)
    shown, total = by_unit(dossiers, display, start, end, service_figures(catalogue))
    rows = []
    for name, s in shown + [("TOTAL", total)]:
        rows.extend(plan_rows(canonical, name, s, goals))
    return csv_text(PLAN_HEADER, rows)


def satisfaction_rate(s):
    """The exact satisfaction rate (fraction of 1), or None when F is empty."""
    resolved = s.get("resolved", 0)
    if resolved == 0:
        return None
    late = Fraction(s.get("resolved_late", 0), resolved)
    cden = s.get("complaint.den", 0)
    complaint = Fraction(s.get("complaint.num", 0), cden) if cden else Fraction(0)
    return max(Fraction(0), 1 - late - complaint)


def index_rows(canonical, unit, s):
    rows, max_sum, points_sum = [], 0, Fraction(0)
    for name, max_points, full in INDICATORS:
        if name == "satisfaction":
            num = den = ""
            exact = satisfaction_rate(s)
        else:
            n, d = s.get(name + ".num", 0), s.get(name + ".den", 0)
            num, den = str(n), str(d)
            exact = Fraction(n, d) if d else None
        if exact is None:
            rows.append([canonical, unit, name, num, den, "", str(max_points), ""])
            continue
        points = max_points * min(Fraction(1), exact / full)
        max_sum += max_points
        points_sum += points
        rows.append([canonical, unit, name, num, den, two_decimals(exact * 100),
                     str(max_points), two_decimals(points)])
    if max_sum == 0:
        rows.append([canonical, unit, "total", "", "", "", "0", ""])
    else:
        rows.append([canonical, unit, "total", "", "", two_decimals(points_sum * 100 / max_sum),
                     str(max_sum), two_decimals(points_sum)])
    return rows


def index_table(dossiers, display, catalogue, period, basis):
    canonical, start, end = parse_period(period, basis)
    shown, total = by_unit(dossiers, display, start, end, service_figures(catalogue))
    rows = []
    for name, s in shown + [("TOTAL", total)]:
        rows.extend(index_rows(canonical, name, s))
    return csv_text(INDEX_HEADER, rows)


def missing_procedures(dossiers, catalogue):
    """[(code, dossiers)] of the procedures dossiers use and the catalogue lacks: every
    dossier after the as-of rule, whatever its status or period; an empty code is none."""
    counts = {}
    for d in dossiers:
        if d["procedure"] != "" and d["procedure"] not in catalogue:
            counts[d["procedure"]] = counts.get(d["procedure"], 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))



# ---------------------------------------------------------------------------
# Units in a hierarchy (README: "--units", "--by parent|level=LEVEL")

UNITS_COLUMNS = {"name": "name", "tên": "name", "tên trong tệp xuất": "name",
                 "unit": "unit", "đơn vị": "unit",
                 "parent": "parent", "cấp trên": "parent", "đơn vị cấp trên": "parent", "đơn vị cha": "parent",
                 "level": "level", "cấp": "level"}

# Every accepted spelling of a level (keys), and the word reports write.
LEVEL_WORDS = {
    "tỉnh": ["tỉnh", "tinh", "cấp tỉnh", "cap tinh", "thành phố trực thuộc trung ương", "province"],
    "sở": ["sở", "so", "ban", "ngành", "nganh", "sở ngành", "so nganh", "cấp sở", "cap so", "department"],
    "huyện": ["huyện", "huyen", "cấp huyện", "cap huyen", "quận", "quan", "thị xã", "thi xa",
              "thành phố thuộc tỉnh", "district"],
    "phòng": ["phòng", "phong", "phòng ban", "phong ban", "chi nhánh", "chi nhanh", "office"],
    "xã": ["xã", "xa", "cấp xã", "cap xa", "phường", "phuong", "thị trấn", "thi tran", "đặc khu", "dac khu",
           "commune"],
}
LEVELS = {key(w): word for word, spellings in LEVEL_WORDS.items() for w in spellings}


def load_units(path):
    """The units file: (aliases {name key: unit}, units {unit key: (name, parent key, level)}).
    A first line naming a column is the header; else columns are name, unit, parent, level."""
    with open(path, "rb") as fh:
        text = decode(fh.read(), path)
    records = [f for _, f, e in read_records(text, detect_delimiter(text)) if e is None and not is_blank(f)]
    order = ["name", "unit", "parent", "level"]
    if records and any(key(f) in UNITS_COLUMNS for f in records[0]):
        order = [UNITS_COLUMNS.get(key(f)) for f in records[0]]
        records = records[1:]
    aliases, units = {}, {}
    for fields in records:
        v = {c: norm(f) for c, f in zip(order, fields) if c}
        name, unit = v.get("name", ""), v.get("unit", "")
        if key(name) and key(unit) and key(name) != key(unit):
            aliases[key(name)] = unit
        if not key(unit):
            continue
        held = units.get(key(unit), (unit, None, None))
        parent = key(v["parent"]) if v.get("parent") else held[1]
        level = LEVELS[key(v["level"])] if v.get("level") else held[2]
        units[key(unit)] = (held[0], parent, level)
    return aliases, units


def rolled(shown, units, by):
    """The rows of a roll-up: [(kind, unit, parent, level, sums)] from the unit rows `shown`
    [(display name, sums)], in code-point order; sums added key by key."""
    names = {key(n): n for n, _ in shown}

    def name_of(k):
        return names.get(k) or units[k][0]

    def parent_of(n):
        p = units.get(key(n), (None, None, None))[1]
        return name_of(p) if p else ""

    def level_of(n):
        return units.get(key(n), (None, None, None))[2] or ""

    def add(a, b):
        return {k: a.get(k, 0) + b.get(k, 0) for k in set(a) | set(b)}

    rows = []
    if by == "parent":
        groups = {}
        for n, sums in shown:
            groups.setdefault(parent_of(n), []).append((n, sums))
        for p in sorted(g for g in groups if g) + ([""] if "" in groups else []):
            total = {}
            for n, sums in sorted(groups[p]):
                rows.append(("unit", n, p, level_of(n), sums))
                total = add(total, sums)
            rows.append(("subtotal", p or "NO_PARENT", parent_of(p) if p else "", level_of(p) if p else "", total))
        return rows
    level = LEVELS[key(by.split("=", 1)[1])]
    sums_at, outside = {}, []
    for n, sums in shown:
        k = key(n)
        while k in units and units[k][2] != level:
            k = units[k][1]
        if k in units:
            a = name_of(k)
            sums_at[a] = add(sums_at.get(a, {}), sums)
        else:
            outside.append(("outside", n, parent_of(n), level_of(n), sums))
    rows = [("rollup", a, parent_of(a), level_of(a), sums_at[a]) for a in sorted(sums_at)]
    return rows + sorted(outside, key=lambda r: r[1])


ROLLED_PREFIX = ["period", "kind", "unit", "parent", "level"]


def rolled_table(dossiers, display, units, by, period, basis, figures, lines, header):
    """A rolled-up table: lines(canonical, unit, sums) gives a row's lines, each starting with
    period and unit; those two are replaced by the five columns of ROLLED_PREFIX."""
    canonical, start, end = parse_period(period, basis)
    shown, total = by_unit(dossiers, display, start, end, figures)
    out = []
    for kind, unit, parent, level, sums in rolled(shown, units, by) + [("total", "TOTAL", "", "", total)]:
        for line in lines(canonical, unit, sums):
            out.append([canonical, kind, unit, parent, level] + line[2:])
    return csv_text(ROLLED_PREFIX + header[2:], out)


# ---------------------------------------------------------------------------
# Working days: deadlines, late lists, resolution time, the deadline audit (catalogue.md)

CALENDAR_FILE_COLUMNS = {"date": [], "kind": [], "note": []}
CALENDAR_KINDS = {key(OFF): OFF, key(WORK): WORK}


def load_calendar_overrides(path):
    """--calendar FILE: csv `date,kind,note`, kind nghỉ (day off) or làm (working day).
    The fixtures' files are well formed; anything else stops the oracle."""
    records, columns, width = open_csv(path, header_lookup(CALENDAR_FILE_COLUMNS),
                                       ["date", "kind"])
    overrides = {}
    for start, v, fault in table_rows(records, columns, width, CALENDAR_FILE_COLUMNS):
        try:
            if fault:
                raise Bad()
            moment, has_time = parse_date(v["date"])
            if has_time or key(v["kind"]) not in CALENDAR_KINDS:
                raise Bad()
        except Bad:
            raise FileError("%s:%d: not a calendar row" % (path, start))
        overrides[moment.date()] = (CALENDAR_KINDS[key(v["kind"])], v["note"])
    return overrides


def moment_text(m):
    return m.strftime("%Y-%m-%d %H:%M:%S")


def days_text(x):
    """Working time (an exact Fraction of days) with two decimals, half up."""
    return two_decimals(x)


def fill_deadlines(dossiers, catalogue, cal):
    """--fill-deadlines: a counted dossier without NgayHenTra whose procedure the catalogue
    gives a time limit takes the computed deadline, for every rule."""
    for d in dossiers:
        if d["due"] is not None or d["status"] in (1, 3):
            continue
        entry = catalogue_entry(d, catalogue)
        if entry is not None and entry["time_limit"] is not None:
            d["due"] = cal.deadline(d["received"], entry["time_limit"])
            d["due_filled"] = True


LATE_HEADER = ["unit", "procedure_code", "procedure_name", "code", "kind", "received", "due",
               "finished", "working_days_late", "apology"]


def late_list(dossiers, display, cal, period, basis):
    """The resolved_late and pending_overdue dossiers of the KPI table of the same period."""
    canonical, start, end = parse_period(period, basis)
    rows = []
    for d in dossiers:
        c = count(d, start, end)
        if c["resolved_late"]:
            kind, finished, until = "resolved_late", moment_text(d["finished"]), d["finished"]
        elif c["pending_overdue"]:
            kind, finished, until = "pending_overdue", "", end
        else:
            continue
        rows.append([display[d["unit_key"]], d["procedure"], d["procedure_name"], d["code"], kind,
                     moment_text(d["received"]), moment_text(d["due"]), finished,
                     days_text(cal.working_time(d["due"], until)),
                     d["apology"].isoformat() if d["apology"] else ""])
    rows.sort(key=lambda r: (r[0], r[1], r[5], r[3]))
    return csv_text(LATE_HEADER, rows)


def late_counts(dossiers, display, period, basis):
    """{unit: resolved_late + pending_overdue} from the KPI counts (verify-oracle.sh)."""
    canonical, start, end = parse_period(period, basis)
    counts = {}
    for d in dossiers:
        c = count(d, start, end)
        n = c["resolved_late"] + c["pending_overdue"]
        if n:
            unit = display[d["unit_key"]]
            counts[unit] = counts.get(unit, 0) + n
    return counts


DUE_WITHIN_HEADER = ["unit", "procedure_code", "procedure_name", "code", "received", "due",
                     "working_days_left"]


def due_within(dossiers, display, cal, n, as_of):
    """The pending dossiers (status 2, 4, 5, 6, received at or before as_of) due at or after
    as_of and not later than the deadline n working days after it."""
    limit = cal.deadline(as_of, n)
    rows = []
    for d in dossiers:
        if d["status"] not in (2, 4, 5, 6) or d["received"] > as_of or d["due"] is None:
            continue
        if as_of <= d["due"] <= limit:
            rows.append([display[d["unit_key"]], d["procedure"], d["procedure_name"], d["code"],
                         moment_text(d["received"]), moment_text(d["due"]),
                         days_text(cal.working_time(as_of, d["due"]))])
    rows.sort(key=lambda r: (r[5], r[0], r[3]))
    return csv_text(DUE_WITHIN_HEADER, rows)


RESOLUTION_HEADER = ["period", "unit", "procedure_code", "procedure_name", "dossiers",
                     "working_days_total", "average_working_days"]
ALL = object()  # the TOTAL of a unit's procedures, or the TOTAL unit


def resolution_table(dossiers, display, cal, period, basis):
    """Working days from received to finished of the dossiers of F with status 9 or 10, per
    unit and procedure, with the unit's TOTAL, then the TOTAL unit."""
    canonical, start, end = parse_period(period, basis)
    groups = {}  # (unit key or ALL, procedure or ALL) -> [dossiers, exact total, names]
    for d in dossiers:
        c = count(d, start, end)
        if not c["resolved"] or d["status"] not in (9, 10):
            continue
        days = cal.working_time(d["received"], d["finished"])
        for unit in (d["unit_key"], ALL):
            for procedure in (d["procedure"], ALL):
                g = groups.setdefault((unit, procedure), [0, Fraction(0), []])
                g[0] += 1
                g[1] += days
                if d["procedure_name"]:
                    g[2].append((d["as_of"], d["procedure_name"]))

    def name(g):
        # the latest as-of; ties: the smallest name by code point
        if not g[2]:
            return ""
        latest = max(a for a, _ in g[2])
        return min(n for a, n in g[2] if a == latest)

    def row(unit_text, procedure, g):
        if procedure is ALL:
            code, title = "TOTAL", ""
        elif procedure == "":
            code, title = "", ""  # no procedure: no name either
        else:
            code, title = procedure, name(g)
        average = days_text(g[1] / g[0]) if g[0] else ""
        return [canonical, unit_text, code, title, str(g[0]), days_text(g[1]), average]

    def procedures_of(unit):
        codes = [p for (u, p) in groups if u == unit and p is not ALL]
        return sorted(codes, key=lambda p: (p == "", p))  # no procedure last

    rows = []
    units = sorted((u for (u, p) in groups if u is not ALL and p is ALL),
                   key=lambda u: display[u])
    for unit in units:
        for p in procedures_of(unit):
            rows.append(row(display[unit], p, groups[(unit, p)]))
        rows.append(row(display[unit], ALL, groups[(unit, ALL)]))
    for p in procedures_of(ALL):
        rows.append(row("TOTAL", p, groups[(ALL, p)]))
    rows.append(row("TOTAL", ALL, groups.get((ALL, ALL), [0, Fraction(0), []])))
    return csv_text(RESOLUTION_HEADER, rows)


AUDIT_HEADER = ["unit", "procedure_code", "code", "received", "due", "allowed_due",
                "working_days_beyond", "finding"]


def deadline_audit(dossiers, display, catalogue, cal, period, basis):
    """R's dossiers whose procedure has a time limit: NgayHenTra (as exported) later than the
    computed deadline, or missing."""
    canonical, start, end = parse_period(period, basis)
    rows = []
    for d in dossiers:
        if not count(d, start, end)["received_new"]:
            continue
        entry = catalogue_entry(d, catalogue)
        if entry is None or entry["time_limit"] is None:
            continue
        allowed = cal.deadline(d["received"], entry["time_limit"])
        due = d["due_exported"]
        if due is None:
            due_text, beyond, finding = "", "", "missing_due"
        elif due > allowed:
            due_text = moment_text(due)
            beyond, finding = days_text(cal.working_time(allowed, due)), "later_than_allowed"
        else:
            continue
        rows.append([display[d["unit_key"]], d["procedure"], d["code"],
                     moment_text(d["received"]), due_text, moment_text(allowed), beyond, finding])
    rows.sort(key=lambda r: (r[0], r[2]))
    return csv_text(AUDIT_HEADER, rows)


CALENDAR_HEADER = ["date", "kind", "source"]


def calendar_listing(cal, year):
    return csv_text(CALENDAR_HEADER, [[day.isoformat(), kind, source]
                                      for day, kind, source in cal.listing(year)])


# ---------------------------------------------------------------------------
# Command line

RE_GOAL = re.compile(r"^([a-z_]+)=([0-9]+(?:\.[0-9]+)?)$")


def parse_as_of(text):
    """--as-of: a date (its 00:00:00) or a moment, in any of the export's date forms."""
    try:
        return parse_date(norm(text))[0]
    except Bad:
        raise SystemExit("oracle: bad --as-of: " + text)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--period")
    p.add_argument("--table", default="kpi", choices=["kpi", "plan", "index766", "resolution"])
    p.add_argument("--basis", choices=["decree09", "calendar"])
    p.add_argument("--target")
    p.add_argument("--goal", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--catalogue")
    p.add_argument("--calendar", metavar="FILE", help="overrides: csv date,kind,note")
    p.add_argument("--fill-deadlines", action="store_true")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--rejects", action="store_true")
    p.add_argument("--missing-procedures", action="store_true")
    p.add_argument("--late", action="store_true")
    p.add_argument("--late-counts", action="store_true")
    p.add_argument("--due-within", type=int, metavar="N")
    p.add_argument("--deadlines", action="store_true")
    p.add_argument("--calendar-year", type=int, metavar="YEAR")
    p.add_argument("--units")
    p.add_argument("--by", default="unit")
    p.add_argument("files", nargs="*")
    a = p.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")

    goals = dict(DEFAULT_GOALS)
    given = set()
    for text in a.goal + (["on_time=" + a.target] if a.target is not None else []):
        m = RE_GOAL.match(text)
        if not m or m[1] not in goals or Fraction(m[2]) > 100:
            p.error("bad goal: " + text)
        if m[1] in given:
            p.error("goal given twice: " + m[1])
        given.add(m[1])
        goals[m[1]] = Fraction(m[2])
    if a.fill_deadlines and a.catalogue is None:
        p.error("--fill-deadlines needs --catalogue")
    if a.deadlines and a.catalogue is None:
        p.error("--deadlines needs --catalogue")
    if a.due_within is not None and (a.as_of is None or a.due_within < 0):
        p.error("--due-within N needs N >= 0 and --as-of")
    as_of = parse_as_of(a.as_of) if a.as_of is not None else None

    try:
        cal = Calendar(load_calendar_overrides(a.calendar) if a.calendar else None)
        if a.calendar_year is not None:
            sys.stdout.write(calendar_listing(cal, a.calendar_year))
            return 0
        if not a.files:
            p.error("no input file")
        aliases, units = load_units(a.units) if a.units else ({}, {})
        dossiers, display, rejects = ingest(a.files, as_of, aliases)
        catalogue = None
        if a.catalogue is not None:
            catalogue, catalogue_rejects = load_catalogue(a.catalogue)
            rejects = rejects + catalogue_rejects
        if a.fill_deadlines:
            fill_deadlines(dossiers, catalogue, cal)

        if a.rejects:
            sys.stdout.write("file,line,field\n")
            for name, line, field in sorted(rejects, key=lambda r: (r[0], r[1])):
                sys.stdout.write("%s,%d,%s\n" % (csv_field(name), line, field))
            return 0
        if a.missing_procedures:
            if catalogue is None:
                p.error("--missing-procedures needs --catalogue")
            sys.stdout.write("procedure,dossiers\n")
            for code, n in missing_procedures(dossiers, catalogue):
                sys.stdout.write("%s,%d\n" % (csv_field(code), n))
            return 0
        if a.due_within is not None:
            sys.stdout.write(due_within(dossiers, display, cal, a.due_within, as_of))
            return 0
        if not a.period:
            p.error("--period is required unless --rejects, --missing-procedures or "
                    "--due-within is given")
        if a.by != "unit":
            basis = a.basis or ("calendar" if a.table == "index766" else "decree09")
            if a.table == "kpi":
                def kpi_lines(canonical, unit, c):
                    full = dict.fromkeys(COUNT_COLUMNS, 0)
                    full.update(c)
                    return [table_row(canonical, unit, full, goals["on_time"])]
                sys.stdout.write(rolled_table(dossiers, display, units, a.by, a.period, basis,
                                              lambda d, c: {}, kpi_lines, HEADER))
            elif a.table == "plan":
                sys.stdout.write(rolled_table(dossiers, display, units, a.by, a.period, basis,
                                              service_figures(catalogue),
                                              lambda cn, u, s: plan_rows(cn, u, s, goals),
                                              PLAN_HEADER))
            elif a.table == "index766":
                sys.stdout.write(rolled_table(dossiers, display, units, a.by, a.period, basis,
                                              service_figures(catalogue), index_rows,
                                              INDEX_HEADER))
            else:
                p.error("--by " + a.by + " rolls up kpi, plan and index766 only")
            return 0
        if a.late:
            sys.stdout.write(late_list(dossiers, display, cal, a.period, a.basis or "decree09"))
        elif a.late_counts:
            sys.stdout.write("unit,late\n")
            counts = late_counts(dossiers, display, a.period, a.basis or "decree09")
            for unit in sorted(counts):
                sys.stdout.write("%s,%d\n" % (csv_field(unit), counts[unit]))
        elif a.deadlines:
            sys.stdout.write(deadline_audit(dossiers, display, catalogue, cal, a.period,
                                            a.basis or "decree09"))
        elif a.table == "kpi":
            sys.stdout.write(report(dossiers, display, a.period, a.basis or "decree09",
                                    goals["on_time"]))
        elif a.table == "plan":
            sys.stdout.write(plan_table(dossiers, display, catalogue, a.period,
                                        a.basis or "decree09", goals))
        elif a.table == "index766":
            sys.stdout.write(index_table(dossiers, display, catalogue, a.period,
                                         a.basis or "calendar"))
        else:
            sys.stdout.write(resolution_table(dossiers, display, cal, a.period,
                                              a.basis or "calendar"))
    except FileError as exc:
        print("oracle: " + str(exc), file=sys.stderr)
        return 66
    except CalendarError as exc:
        print("oracle: " + str(exc), file=sys.stderr)
        return 70
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
