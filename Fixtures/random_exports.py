#!/usr/bin/env python3
"""Random small exports and a procedure catalogue, for testing motcua against oracle.py.

    python3 Fixtures/random_exports.py SEED OUTDIR

Writes one to three exports (5-60 rows each) into OUTDIR and a catalogue into OUTDIR/cat/,
the same for the same SEED: every date form of input-formats.md (and dates that do not exist),
statuses, channels and yes/no words with their aliases in any case, spacing and NFC or NFD,
header aliases, the optional service columns, quoted fields with delimiters and line breaks,
duplicates, later states of one dossier in several files, rows with a missing or wrong value,
comma, semicolon or tab delimiters, UTF-8 (with or without BOM), UTF-16 and Windows-1258.
Moments cluster around the periods' bounds on both bases. It never writes what motcua and the
oracle read differently by a documented choice where the spec is silent (README, "Choices"):
`+07`/`+0700` offsets, several spaces between a date and its time, a lone CR as a line end.
Written with the oracle, from the spec only; it shares no code with motcua."""
import os, random, sys, unicodedata, datetime as dt

seed, out = int(sys.argv[1]), sys.argv[2]
R = random.Random(seed)
os.makedirs(out, exist_ok=True)

def nfd(s): return unicodedata.normalize("NFD", s)
TONES = "\u0300\u0301\u0303\u0309\u0323"
def to1258(text):
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in TONES or not out: out.append(ch)
        else:
            out.append(ch)
    # recompose non-tone marks with their bases, keep tones combining
    res, buf = [], ""
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and ch not in TONES:
            # attach to previous base (skipping tones already placed)
            tones = ""
            while res and res[-1] in TONES: tones = res.pop() + tones
            base = res.pop() if res else ""
            res.append(unicodedata.normalize("NFC", base + ch)); res.extend(tones)
        else: res.append(ch)
    s = "".join(res)
    # precompose base+tone where cp1258 has it (e.g. à, á): try NFC pairwise
    try: return s.encode("cp1258")
    except UnicodeEncodeError: return None

def vary(word):
    """case / spacing / NFD variations of a vocabulary word"""
    r = R.random()
    if r < 0.15: word = word.upper()
    elif r < 0.3: word = word.lower()
    if R.random() < 0.15: word = "  " + word.replace(" ", "  ") + " "
    if R.random() < 0.15: word = nfd(word)
    if R.random() < 0.05: word = word.replace(" ", "\u00a0") + " "
    return word

UNITS = ["UBND xã Hoằng Trinh", "Phòng Tư pháp", "UBND xã Hoằng Đông", "Phòng Lao động, Thương binh và Xã hội", "Chi nhánh VP đăng ký đất đai"]
def unit_spelling(u):
    r = R.random()
    if r < 0.6: return u
    if r < 0.7: return u.upper()
    if r < 0.8: return " " + u.replace(" ", "  ") + "  "
    if r < 0.9: return nfd(u)
    return u.lower()

CHANNELS = {1: ["1", "Trực tiếp"], 2: ["2", "Trực tuyến", "Dịch vụ công trực tuyến", "Nộp trực tuyến"],
            3: ["3", "Bưu chính", "Dịch vụ bưu chính", "Dịch vụ bưu chính công ích", "BCCI"]}
STATUSES = {1: ["Mới đăng ký", "Chờ tiếp nhận"], 2: ["Được tiếp nhận", "Đã tiếp nhận", "Mới tiếp nhận"],
    3: ["Không được tiếp nhận", "Từ chối tiếp nhận"], 4: ["Đang xử lý", "Đang giải quyết"],
    5: ["Yêu cầu bổ sung giấy tờ", "Yêu cầu bổ sung", "Chờ bổ sung"],
    6: ["Yêu cầu thực hiện nghĩa vụ tài chính", "Chờ thực hiện nghĩa vụ tài chính"],
    7: ["Công dân yêu cầu rút hồ sơ", "Rút hồ sơ", "Công dân rút hồ sơ"], 8: ["Dừng xử lý", "Dừng giải quyết"],
    9: ["Đã xử lý xong", "Hoàn thành", "Đã giải quyết", "Chờ trả kết quả"], 10: ["Đã trả kết quả", "Đã trả"]}
YES = ["1", "true", "có", "x", "yes", "đã số hóa"]
NO = ["0", "false", "không", "no", ""]

HDR = {
    "MaHoSo": ["MaHoSo", "Mã hồ sơ", "Số hồ sơ"], "MaTTHC": ["MaTTHC", "Mã TTHC", "Mã thủ tục"],
    "TenTTHC": ["TenTTHC", "Tên TTHC", "Tên thủ tục", "Tên thủ tục hành chính"],
    "DonViXuLy": ["DonViXuLy", "Đơn vị xử lý", "Cơ quan giải quyết", "Đơn vị giải quyết", "Đơn vị"],
    "KenhThucHien": ["KenhThucHien", "Kênh thực hiện", "Hình thức nộp", "Kênh nộp", "Hình thức tiếp nhận"],
    "NgayTiepNhan": ["NgayTiepNhan", "Ngày tiếp nhận", "Ngày nhận"],
    "NgayHenTra": ["NgayHenTra", "Ngày hẹn trả", "Hạn xử lý", "Hạn giải quyết"],
    "NgayKetThucXuLy": ["NgayKetThucXuLy", "Ngày kết thúc xử lý", "Ngày hoàn thành", "Ngày có kết quả"],
    "NgayTra": ["NgayTra", "Ngày trả kết quả", "Ngày trả"],
    "TrangThaiHoSo": ["TrangThaiHoSo", "Trạng thái", "Tình trạng", "Trạng thái hồ sơ"],
    "SoHoaHoSo": ["SoHoaHoSo", "Số hóa hồ sơ", "Số hóa thành phần hồ sơ", "HoSoCoThanhPhanSoHoa"],
    "SoHoaKetQua": ["SoHoaKetQua", "Số hóa kết quả", "Kết quả điện tử"],
    "DuocThanhToanTrucTuyen": ["DuocThanhToanTrucTuyen", "Thanh toán trực tuyến", "Đã thanh toán trực tuyến"],
    "PhiLePhi": ["PhiLePhi", "Phí, lệ phí", "Lệ phí", "Tổng phí, lệ phí"],
    "TaiKhoanDuocXacThucVoiVNeID": ["TaiKhoanDuocXacThucVoiVNeID", "Xác thực VNeID", "Tài khoản VNeID"],
    "DuocTaiSuDung": ["DuocTaiSuDung", "Tái sử dụng dữ liệu số hóa", "Sử dụng lại dữ liệu số hóa"],
    "DuocLayTuKhoDMQG": ["DuocLayTuKhoDMQG", "Lấy từ kho dữ liệu cá nhân", "Kho dữ liệu cá nhân"],
    "SoLanBoSung": ["SoLanBoSung", "Số lần bổ sung", "Số lần yêu cầu bổ sung"],
    "DanhGiaHaiLong": ["DanhGiaHaiLong", "Đánh giá", "Mức độ hài lòng", "Đánh giá hài lòng"],
    "CoPhanAnhKienNghi": ["CoPhanAnhKienNghi", "Phản ánh, kiến nghị", "Có phản ánh, kiến nghị"],
    "NgayXinLoi": ["NgayXinLoi", "Ngày xin lỗi", "Ngày văn bản xin lỗi"],
    "LuanChuyen": ["LuanChuyen", "Luân chuyển", "Hình thức luân chuyển", "Liên thông"],
}
SERVICE = ["DuocThanhToanTrucTuyen", "PhiLePhi", "TaiKhoanDuocXacThucVoiVNeID", "DuocTaiSuDung",
           "DuocLayTuKhoDMQG", "SoLanBoSung", "DanhGiaHaiLong", "CoPhanAnhKienNghi", "NgayXinLoi", "LuanChuyen"]
PROCS = ["1.001", "1.002", "1.003", "2.004", "2.005", "9.999", "1.00x"]

# moments biased around period boundaries
BOUNDS = [dt.datetime(2022, 12, 15), dt.datetime(2023, 1, 1), dt.datetime(2023, 3, 15), dt.datetime(2023, 4, 1),
          dt.datetime(2023, 6, 15), dt.datetime(2023, 7, 1), dt.datetime(2023, 2, 1), dt.datetime(2023, 5, 15)]
def moment():
    if R.random() < 0.55:
        b = R.choice(BOUNDS)
        return b + dt.timedelta(seconds=R.choice([0, 0, 0, 0, 7*3600, -1, 0, 1, -60, 3600, -3600, 86399, -86400, 7 * 3600, -7 * 3600 - 1, R.randint(-3 * 86400, 3 * 86400)]))
    base = dt.datetime(2022, 11, 1)
    return base + dt.timedelta(seconds=R.randint(0, 270 * 86400))

def fmt_date(m, with_time=None, delim=","):
    """format a local moment m; returns text"""
    if with_time is None: with_time = R.random() < 0.7
    k = R.randrange(8)
    if not with_time:
        return R.choice([m.strftime("%d/%m/%Y"), "%d/%d/%d" % (m.day, m.month, m.year),
                         m.strftime("%Y-%m-%d"), m.strftime("%Y%m%d")])
    if k == 0: return m.strftime("%d/%m/%Y ") + "%d:%02d" % (m.hour, m.minute) if m.second == 0 else m.strftime("%d/%m/%Y %H:%M:%S")
    if k == 1: return "%d/%d/%d %d:%02d:%02d" % (m.day, m.month, m.year, m.hour, m.minute, m.second)
    if k == 2: return m.strftime("%Y-%m-%d %H:%M:%S") if m.second else m.strftime("%Y-%m-%d %H:%M")
    if k == 3: return m.strftime("%Y-%m-%dT%H:%M:%S")
    if k == 4: return (m - dt.timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    if k == 5:
        o = R.choice([7, 7, 0, -5, 9])
        mm = m - dt.timedelta(hours=7 - o)
        if R.random() < 0.3 and m.second == 0: return mm.strftime("%Y-%m-%dT%H:%M") + ("+%02d:00" % o if o >= 0 else "-%02d:00" % -o)
        return mm.strftime("%Y-%m-%dT%H:%M:%S") + ("+%02d:00" % o if o >= 0 else "-%02d:00" % -o)
    if k == 6: return m.strftime("%Y%m%d%H%M%S")
    return "%d/%d/%d %d:%02d" % (m.day, m.month, m.year, m.hour, m.minute) if m.second == 0 else m.strftime("%d/%m/%Y %H:%M:%S")

def bad_date():
    return R.choice(["31/02/2023", "29/02/2023 10:00", "2023-04-31", "20230230", "20230231120000", "30/2/2023",
                     "32/01/2023", "2023-13-01T10:00:00", "15/03/2023 24:00", "abc", "15-03-2023", "2023-02-29T08:00:00Z"])

def yesno():
    return vary(R.choice(YES + NO))

def service_value(col):
    bad = R.random() < 0.02
    if col == "DuocThanhToanTrucTuyen":
        return R.choice(["4", "maybe"]) if bad else vary(R.choice(["1", "2", "0", "3", ""] + YES + NO))
    if col == "PhiLePhi":
        return R.choice(["50.00", "1.2345", "5,00,000", "-5", "50.000,000"]) if bad else R.choice(["", "0", "50.000", "50,000", "50 000", "1.000.000", "25000", "0.000", "120"])
    if col in ("TaiKhoanDuocXacThucVoiVNeID", "DuocTaiSuDung", "DuocLayTuKhoDMQG", "CoPhanAnhKienNghi"):
        return "maybe" if bad else yesno()
    if col == "SoLanBoSung":
        return R.choice(["-1", "1.5", "a"]) if bad else R.choice(["", "0", "1", "2", "3"])
    if col == "DanhGiaHaiLong":
        return R.choice(["0", "6", "tốt"]) if bad else vary(R.choice(["", "1", "2", "3", "4", "5", "Rất hài lòng", "Hài lòng", "Bình thường", "Chấp nhận được", "Không hài lòng", "Rất không hài lòng"]))
    if col == "NgayXinLoi":
        return bad_date() if bad else R.choice(["", fmt_date(moment())])
    if col == "LuanChuyen":
        return "3" if bad else vary(R.choice(["", "0", "Không", "1", "Điện tử", "2", "Giấy", "Bản giấy"]))

def dossier(code):
    st = R.choice(list(STATUSES))
    recv = moment()
    d = {"code": code, "unit": R.choice(UNITS), "st": st, "recv": recv, "ch": R.choice([1, 1, 2, 2, 3, 0])}
    d["due"] = recv + dt.timedelta(days=R.choice([0, 1, 3, 10, 30, 60]), seconds=R.randint(-3600, 3600)) if R.random() < 0.8 else None
    if st >= 7 or R.random() < 0.1:
        d["fin"] = recv + dt.timedelta(seconds=R.randint(-3600 if R.random() < 0.05 else 0, 70 * 86400))
    else:
        d["fin"] = None
    if d["due"] is not None and R.random() < 0.3:
        d["due"] = R.choice(BOUNDS) + dt.timedelta(seconds=R.choice([-1, 0, -86400, 86399 - 86400, 1]))
        if d["due"] < recv: d["due"] = recv + dt.timedelta(days=1)
    if d["fin"] is not None and d["due"] is not None and R.random() < 0.4:
        d["fin"] = max(recv, d["due"] + dt.timedelta(seconds=R.choice([-86400, -1, 0, 1, -36000, 3600, 86400])))
    d["proc"] = R.choice(PROCS + [""])
    return d

def csvq(v, delim):
    if any(c in v for c in (delim, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    if R.random() < 0.05: return '"' + v + '"'
    return v

def row_values(d, cols, mutate=True):
    v = {}
    v["MaHoSo"] = d["code"]
    v["MaTTHC"] = d["proc"] if R.random() < 0.9 else " " + d["proc"] + " "
    v["TenTTHC"] = R.choice(["Đăng ký kết hôn", "Cấp phép, gia hạn", "Dòng 1\nDòng 2, có phẩy", 'Tên "trích"', ""])
    v["DonViXuLy"] = unit_spelling(d["unit"])
    v["KenhThucHien"] = "" if d["ch"] == 0 else vary(R.choice(CHANNELS[d["ch"]]))
    v["NgayTiepNhan"] = fmt_date(d["recv"])
    v["NgayHenTra"] = fmt_date(d["due"]) if d["due"] else ""
    fin = d["fin"]
    if fin:
        which = R.random()
        v["NgayKetThucXuLy"] = fmt_date(fin) if which < 0.7 else ""
        v["NgayTra"] = fmt_date(fin + dt.timedelta(hours=R.randint(0, 48))) if which > 0.5 else ""
    else:
        v["NgayKetThucXuLy"] = v["NgayTra"] = ""
    st = d["st"]
    v["TrangThaiHoSo"] = str(st) if R.random() < 0.4 else vary(R.choice(STATUSES[st]))
    v["SoHoaHoSo"] = yesno(); v["SoHoaKetQua"] = yesno()
    for c in SERVICE: v[c] = service_value(c)
    if mutate and R.random() < 0.12:
        f = R.choice(["MaHoSo", "DonViXuLy", "NgayTiepNhan", "TrangThaiHoSo", "KenhThucHien", "NgayHenTra",
                      "NgayKetThucXuLy", "NgayTra", "SoHoaHoSo", "SoHoaKetQua"])
        if f in ("MaHoSo", "DonViXuLy", "NgayTiepNhan", "TrangThaiHoSo"):
            v[f] = R.choice(["", "  "]) if R.random() < 0.6 else ("11" if f == "TrangThaiHoSo" else bad_date() if f == "NgayTiepNhan" else v[f])
        elif f == "KenhThucHien": v[f] = R.choice(["4", "Email", "Trực tiếp qua mạng"])
        elif f.startswith("Ngay"): v[f] = bad_date()
        else: v[f] = R.choice(["2", "chưa", "y"])
    return v

nfiles = R.randint(1, 3)
codes = ["H%02d-2023-%04d" % (R.randint(1, 9), i) for i in range(R.randint(5, 40))]
pool = {c: dossier(c) for c in codes}
names = R.sample(["export-2023-03.csv", "export-2023-04.csv", "dongbo-2023-06.csv", "bang tinh.csv", "a.csv", "z.csv"], nfiles)
TIE = R.random() < 0.5
TIEM = dt.datetime(2023, 9, 1, 10, 0, 0)
for name in names:
    delim = R.choice([",", ",", ";", "\t"])
    core = ["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo"]
    opt = [c for c in ["MaTTHC", "TenTTHC", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "SoHoaHoSo", "SoHoaKetQua"] if R.random() < 0.85]
    svc = [c for c in SERVICE if R.random() < 0.5] if R.random() < 0.7 else []
    cols = core + opt + svc
    R.shuffle(cols)
    extra = R.random() < 0.3
    titles = []
    for c in cols:
        t = R.choice(HDR[c])
        if delim == ";" and "," in t: t = c
        titles.append(vary(t) if R.random() < 0.3 else t)
    if extra: titles.insert(0, "STT"); cols.insert(0, None)
    lines = [delim.join(csvq(t, delim) if (delim in t) else t for t in titles)]
    nrows = R.randint(5, 60)
    rows = []
    for i in range(nrows):
        if rows and R.random() < 0.08:
            rows.append(rows[-1] if R.random() < 0.5 else R.choice(rows)); continue
        c = R.choice(codes)
        d = pool[c]
        if R.random() < 0.3:   # an evolved state of the dossier in this file
            d = dict(d); d.update({k: v for k, v in dossier(c).items() if k in ("st", "fin", "due")})
            if d["fin"] and d["fin"] < d["recv"] and R.random() < 0.8: d["fin"] = d["recv"] + dt.timedelta(days=2)
        v = row_values(d, cols)
        cells = [str(i + 1) if col is None else v[col] for col in cols]
        if R.random() < 0.03: cells = cells + ["extra"]
        elif R.random() < 0.03: cells = cells[:-1]
        rows.append(delim.join(csvq(x, delim) for x in cells))
        if R.random() < 0.03: rows.append("")
    if TIE and R.random() < 0.85:
        d = {"code": R.choice(codes) if R.random() < 0.5 else "TIE", "unit": R.choice(UNITS), "st": R.choice([1, 3, 2]), "recv": TIEM, "ch": 1, "due": None, "fin": None, "proc": ""}
        v = row_values(d, cols, mutate=False)
        rows.insert(R.randrange(len(rows) + 1), delim.join(csvq(str(0) if col is None else v[col], delim) for col in cols))
    lines += rows
    eol = "\r\n" if R.random() < 0.3 else "\n"
    text = eol.join(lines) + (eol if R.random() < 0.8 else "")
    data = text.encode("utf-8")
    r = R.random()
    if r < 0.15: data = b"\xef\xbb\xbf" + data
    elif r < 0.22: data = b"\xff\xfe" + text.encode("utf-16-le")
    elif r < 0.27: data = b"\xfe\xff" + text.encode("utf-16-be")
    elif r < 0.37:
        d2 = to1258(text)
        if d2 is not None: data = d2
    with open(os.path.join(out, name), "wb") as fh: fh.write(data)

# catalogue
cat = ["MaTTHC,TenTTHC,ThoiHanGiaiQuyet,MucDoDVC,DuDieuKienToanTrinh,CoPhiLePhi,TraKetQuaGiay"]
if R.random() < 0.3:
    cat = ["Mã thủ tục,Tên thủ tục,Thời hạn,Mức độ DVCTT,Đủ điều kiện toàn trình,\"Có phí, lệ phí\",Trả kết quả bằng giấy"]
for p in PROCS[:-2] + ([PROCS[0]] if R.random() < 0.3 else []) + (["1.00X"] if R.random() < 0.5 else []):
    if R.random() < 0.15: continue
    lv = vary(R.choice(["toàn trình", "4", "một phần", "3", "", "không", "2"] + (["5"] if R.random() < 0.05 else [])))
    cat.append(",".join([p, "Thủ tục", R.choice(["", "0", "5", "15"]), lv, yesno(), yesno(), yesno()]))
os.makedirs(os.path.join(out, "cat"), exist_ok=True)
with open(os.path.join(out, "cat", "catalogue.csv"), "w", encoding="utf-8") as fh:
    fh.write("\n".join(cat) + "\n")
