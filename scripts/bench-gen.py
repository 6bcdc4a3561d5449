#!/usr/bin/env python3
"""Generate a large synthetic "portal sync codes" export for benchmarking motcua.

Deterministic for a given --seed and --dossiers (pure Python `random.Random`, no
numpy): the same arguments always give byte-identical output.

Format (see shared/spec/input-formats.md, national portal synchronisation fields):
  STT,MaHoSo,MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,KenhThucHien,DonViXuLy,NgayTiepNhan,
  NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua,ChuHoSo,SoDienThoai
UTF-8 (NFC), LF, dates `yyyyMMddHHmmss`, channel codes 1/2/3, status codes 1..10, flags 1/0.
STT is the physical row number (1..rows); ChuHoSo/SoDienThoai are fake personal data that a
report must never show.

Every row is valid under the contract (no rejects): finished rows always carry a finish
moment that is not before NgayTiepNhan. About 2% of the dossiers appear twice: an earlier row
with an intermediate state and, some rows later, a row with the newer state (the later row
wins). When the intermediate state is 2 and so is the final one, the two rows are exact
duplicates.

Usage: bench-gen.py [--dossiers N] [--seed S] OUTPUT   (OUTPUT "-" = stdout)
"""
import argparse
import bisect
import datetime as dt
import os
import random
import sys
import unicodedata


def nfc(s):
    return unicodedata.normalize("NFC", s)


# --- static tables -------------------------------------------------------------------------

COMMUNES = [
    "Hoằng Trinh", "Hoằng Tiến", "Hoằng Hà", "Hoằng Lương", "Hoằng Xuân", "Hoằng Đông",
    "Hoằng Đức", "Hoằng Phú", "Hoằng Thanh", "Hoằng Phụ", "Hoằng Quỳ", "Hoằng Xuyên",
    "Hoằng Trường", "Hoằng Trung", "Hoằng Lưu", "Hoằng Quý", "Hoằng Châu", "Hoằng Hợp",
    "Hoằng Thái", "Hoằng Thành", "Hoằng Yến", "Hoằng Sơn", "Hoằng Vinh", "Hoằng Lộc",
    "Hoằng Tân", "Hoằng Thắng", "Hoằng Hải", "Hoằng Đồng", "Hoằng Kim", "Hoằng Phong",
]
DEPARTMENTS = [
    "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế - Hạ tầng",
    "Phòng Văn hóa - Thông tin", "Phòng Y tế", "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội",
    "Văn phòng HĐND-UBND huyện",
]
TOWN = "Thị trấn Bút Sơn"

# (MaTTHC, TenTTHC, TenLinhVuc, min due days, max due days, share of rows with no deadline)
COMMUNE_PROCS = [
    ("1.001193", "Đăng ký khai sinh", "Hộ tịch", 3, 5, 0.02),
    ("1.000656", "Đăng ký khai tử", "Hộ tịch", 3, 5, 0.02),
    ("1.000894", "Đăng ký kết hôn", "Hộ tịch", 3, 5, 0.02),
    ("1.004227", "Xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 5, 0.02),
    ("1.001022", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch", 3, 7, 0.02),
    ("2.000908", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 3, 4, 0.05),
    ("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 3, 4, 0.05),
    ("1.005462", "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội", "Bảo trợ xã hội", 15, 22, 0.02),
    ("1.003596", "Hòa giải tranh chấp đất đai", "Đất đai", 30, 60, 0.03),
]
DEPT_PROCS = {
    "Phòng Tư pháp": [
        ("1.004227", "Xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 5, 0.02),
        ("2.000815", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 3, 5, 0.03),
        ("2.000908", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 3, 4, 0.05),
    ],
    "Phòng Tài chính - Kế hoạch": [
        ("1.003005", "Thủ tục công nhận tổ hợp tác", "Kinh tế hợp tác", 10, 15, 0.40),
        ("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, 5, 0.02),
        ("2.000575", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, 5, 0.02),
    ],
    "Phòng Kinh tế - Hạ tầng": [
        ("1.009994", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Hoạt động xây dựng", 15, 21, 0.02),
        ("2.001824", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh bán lẻ rượu", "Lưu thông hàng hóa trong nước", 10, 15, 0.02),
    ],
    "Phòng Văn hóa - Thông tin": [
        ("2.000986", "Cấp giấy phép kinh doanh karaoke", "Văn hóa", 5, 7, 0.02),
        ("1.001029", "Công nhận \"Gia đình văn hóa\"", "Văn hóa", 10, 20, 0.10),
    ],
    "Phòng Y tế": [
        ("2.001824", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh bán lẻ rượu", "Lưu thông hàng hóa trong nước", 10, 15, 0.02),
        ("1.002425", "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "An toàn thực phẩm", 15, 20, 0.02),
    ],
    "Phòng Nông nghiệp và Phát triển nông thôn": [
        ("1.003005", "Thủ tục công nhận tổ hợp tác", "Kinh tế hợp tác", 10, 15, 0.40),
        ("1.003563", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", "Thủy lợi", 5, 10, 0.05),
    ],
    "Phòng Tài nguyên và Môi trường": [
        ("1.004227B", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", 30, 60, 0.02),
        ("1.004221", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", 10, 30, 0.02),
    ],
    "Phòng Lao động - Thương binh và Xã hội": [
        ("1.005462", "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội", "Bảo trợ xã hội", 15, 22, 0.02),
        ("1.001776", "Giải quyết chế độ người có công", "Người có công", 20, 45, 0.03),
    ],
    "Văn phòng HĐND-UBND huyện": [
        ("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, 5, 0.02),
        ("1.010013", "Giải quyết khiếu nại lần đầu", "Giải quyết khiếu nại", 30, 45, 0.05),
    ],
}
TOWN_PROCS = COMMUNE_PROCS

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Mai", "Trịnh", "Lương", "Cao", "Tạ", "Hà"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Hữu", "Thanh", "Quang", "Xuân", "Kim",
          "Hồng", "Công", "Bảo", "Gia"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hiếu", "Hoa", "Hùng",
         "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Nhung", "Phong",
         "Phương", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung",
         "Tuấn", "Tùng", "Vân", "Việt", "Yến"]
PHONE_PREFIX = ["09", "03", "08", "07", "05"]

# Final status weights (per mille): mostly 9/10, some 2/4/5/6/7/8, a few 1/3.
STATUS_WEIGHTS = [(1, 5), (2, 25), (3, 5), (4, 45), (5, 15), (6, 8), (7, 12), (8, 8),
                  (9, 327), (10, 550)]
CHANNEL_WEIGHTS = [(1, 55), (2, 40), (3, 5)]

EPOCH = dt.datetime(2022, 12, 1)          # second 0 of the generator's clock
RECV_DAYS = (dt.date(2023, 12, 31) - dt.date(2022, 12, 1)).days + 1   # 396 days
ASOF = (RECV_DAYS + 1) * 86400 + 8 * 3600  # export taken 2024-01-02 08:00
DAY = 86400
LATE_SHARE = 0.03
DUP_SHARE = 0.02


def quote(s):
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def cum(weights):
    out, acc = [], 0
    for _, w in weights:
        acc += w
        out.append(acc)
    return out, acc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--service-columns", action="store_true",
                    help="append the ten optional service columns (drawn from a second generator, so the "
                         "other columns are byte for byte those of the same file without them)")
    ap.add_argument("output")
    a = ap.parse_args()
    if a.dossiers < 0:
        ap.error("--dossiers must be >= 0")

    R = random.Random(a.seed)
    rnd = R.random
    n = a.dossiers

    # Units: 30 communes, 9 district offices, 1 town = 40; weights drawn once from the seed.
    units = [nfc("UBND xã " + c) for c in COMMUNES] + [nfc(d) for d in DEPARTMENTS] + [nfc(TOWN)]
    unit_w = []
    for u in units:
        base = 4.0 if u.startswith("UBND") else (2.0 if u.startswith("Phòng") else 3.0)
        unit_w.append(base * (0.5 + rnd()))
    unit_cum = []
    acc = 0.0
    for w in unit_w:
        acc += w
        unit_cum.append(acc)
    unit_tot = acc

    # Per unit: pre-rendered procedure fields "MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc" and due ranges.
    unit_procs = []
    for i, u in enumerate(units):
        if u.startswith("UBND xã"):
            procs = COMMUNE_PROCS
        elif u == nfc(TOWN):
            procs = TOWN_PROCS
        else:
            procs = DEPT_PROCS[DEPARTMENTS[i - len(COMMUNES)]]
        rendered = []
        for ma, ten, lv, dmin, dmax, nodue in procs:
            fields = ",".join([ma, quote(nfc(ten)), "", quote(nfc(lv))])
            rendered.append((fields, dmin, dmax, nodue))
        unit_procs.append(rendered)
    unit_q = [quote(u) for u in units]
    unit_code = ["H%02d.%d" % (10 + i, 1 + i % 9) for i in range(len(units))]

    st_codes = [s for s, _ in STATUS_WEIGHTS]
    st_cum, st_tot = cum(STATUS_WEIGHTS)
    ch_codes = [str(c) for c, _ in CHANNEL_WEIGHTS]
    ch_cum, ch_tot = cum(CHANNEL_WEIGHTS)
    bis = bisect.bisect_right

    # Date rendering: day strings (yyyyMMdd) and time-of-day strings (HHmmss).
    ndays = RECV_DAYS + 400
    days = [(EPOCH + dt.timedelta(days=d)).strftime("%Y%m%d") for d in range(ndays)]
    tod = ["%02d%02d%02d" % (s // 3600, s // 60 % 60, s % 60) for s in range(DAY)]
    weekday0 = EPOCH.weekday()

    def ts(t):
        return days[t // DAY] + tod[t % DAY]

    names = [nfc(x) for x in FAMILY], [nfc(x) for x in MIDDLE], [nfc(x) for x in GIVEN]
    nf, nm, ng = len(names[0]), len(names[1]), len(names[2])

    # Received moments, sorted: the export lists dossiers in order of reception.
    recv = []
    for _ in range(n):
        while True:
            d = int(rnd() * RECV_DAYS)
            if (weekday0 + d) % 7 < 5 or rnd() < 0.15:   # few on weekends
                break
        recv.append(d * DAY + 7 * 3600 + int(rnd() * 600) * 60)   # 07:00..16:59, whole minutes
    recv.sort()

    out = sys.stdout if a.output == "-" else open(a.output + ".tmp", "w", encoding="utf-8", newline="\n")
    w = out.write
    w("STT,MaHoSo,MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,KenhThucHien,DonViXuLy,NgayTiepNhan,"
      "NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua,ChuHoSo,SoDienThoai"
      + (",DuocThanhToanTrucTuyen,PhiLePhi,TaiKhoanDuocXacThucVoiVNeID,DuocTaiSuDung,DuocLayTuKhoDMQG,"
         "SoLanBoSung,DanhGiaHaiLong,CoPhanAnhKienNghi,NgayXinLoi,LuanChuyen" if a.service_columns else "") + "\n")

    # The service columns come from a generator of their own: the rest of each row is the same
    # with or without them.
    S = random.Random(a.seed + 7919)
    srnd = S.random
    fees = ["", "0", "50.000", "100000", "1,250,000", "25 000"]
    ratings = ["", "", "1", "2", "2", "3", "4", "5", "Hài lòng"]
    routings = ["", "0", "0", "1", "1", "2", "Điện tử"]

    def with_service(line):
        if not a.service_columns:
            return line
        apology = days[int(srnd() * (ndays - 1))] if srnd() < 0.02 else ""
        cells = ["1" if srnd() < 0.5 else ("2" if srnd() < 0.5 else "0"), fees[int(srnd() * len(fees))],
                 "1" if srnd() < 0.7 else "0", "1" if srnd() < 0.4 else "0", "1" if srnd() < 0.3 else "0",
                 str(int(srnd() * 3)), ratings[int(srnd() * len(ratings))], "1" if srnd() < 0.03 else "0",
                 apology, routings[int(srnd() * len(routings))]]
        return line[:-1] + "," + ",".join(quote(c) for c in cells) + "\n"

    deferred = {}      # dossier index -> rows to write after that dossier's row
    buf = []
    stt = 0
    for i in range(n):
        t0 = recv[i]
        u = bis(unit_cum, rnd() * unit_tot)
        if u >= len(units):
            u = len(units) - 1
        procs = unit_procs[u]
        pfields, dmin, dmax, nodue = procs[int(rnd() * len(procs))]
        ch = ch_codes[bis(ch_cum, int(rnd() * ch_tot))]
        st = st_codes[bis(st_cum, int(rnd() * st_tot))]
        if st == 1:
            ch = "2"                       # registered online, never accepted
        elif 2 <= st <= 6 and t0 < ASOF - 60 * DAY and rnd() < 0.85:
            st = 9 if rnd() < 0.4 else 10  # old dossiers are mostly done: a small stuck backlog
        due = None
        if st not in (1, 3) and rnd() >= nodue:
            due = t0 + (dmin + int(rnd() * (dmax - dmin + 1))) * DAY
        dup = rnd() < DUP_SHARE
        if dup:
            if st >= 7:
                mid = (2, 4, 5)[int(rnd() * 3)]
            elif st in (4, 5, 6):
                mid = 2
            else:                          # 1, 2, 3: identical earlier row for 2
                mid = 1 if st != 2 else 2
        due_mid = due
        if dup and mid == 5 and due is not None:
            due = due + (1 + int(rnd() * 7)) * DAY   # deadline extended after supplement
        fin = None
        if st >= 7:
            if due is not None:
                r = rnd()
                if r < LATE_SHARE:
                    fin = due + 60 * (1 + int(rnd() * 14400))      # up to 10 days late
                elif r < LATE_SHARE + 0.12:
                    # on the due day, at or before the due moment
                    start = max(t0, due - due % DAY)
                    fin = start + int(rnd() * (due - start + 1) / 60) * 60
                else:
                    fin = t0 + 600 + int(rnd() * max(1, (due - t0 - 600) // 60)) * 60
            else:
                fin = t0 + 600 + int(rnd() * 30 * 1440) * 60
            if fin > ASOF:                 # not finished yet when the export was taken
                st = 4 if rnd() < 0.8 else 5
                fin = None
        sf = ""
        sr = ""
        if fin is not None:
            if st == 10:
                ret = fin + 60 * int(rnd() * 2880)
                sr = ts(ret)
                if rnd() >= 0.08:          # 8% of returned dossiers give only NgayTra
                    sf = ts(fin)
            else:
                sf = ts(fin)
        flag_d = "1" if rnd() < (0.9 if ch == "2" else 0.6) else "0"
        flag_r = "1" if (st == 9 or st == 10) and rnd() < 0.8 else "0"
        person = "%s %s %s,%s%08d" % (names[0][int(rnd() * nf)], names[1][int(rnd() * nm)],
                                      names[2][int(rnd() * ng)],
                                      PHONE_PREFIX[int(rnd() * 5)], int(rnd() * 100000000))
        code = "%s-%s-%07d" % (unit_code[u], days[t0 // DAY][:4], i + 1)
        head = "%s,%s,%s,%s,%s," % (code, pfields, ch, unit_q[u], ts(t0))
        row = "%s%s,%s,%s,%d,%s,%s,%s\n" % (head, ts(due) if due is not None else "", sf, sr, st,
                                          flag_d, flag_r, person)
        if dup:
            if mid == 2 and st == 2:
                early = row
            else:
                early = "%s%s,,,%d,%s,0,%s\n" % (head, ts(due_mid) if due_mid is not None else "",
                                                mid, flag_d, person)
            stt += 1
            buf.append(with_service("%d,%s" % (stt, early)))
            later = i + 1 + int(rnd() * 20000)
            deferred.setdefault(later, []).append(row)
        else:
            stt += 1
            buf.append(with_service("%d,%s" % (stt, row)))
        rows = deferred.pop(i, None)
        if rows:
            for r_ in rows:
                stt += 1
                buf.append(with_service("%d,%s" % (stt, r_)))
        if len(buf) >= 8192:
            w("".join(buf))
            buf.clear()
    for k in sorted(deferred):
        for r_ in deferred[k]:
            stt += 1
            buf.append(with_service("%d,%s" % (stt, r_)))
    w("".join(buf))
    if out is not sys.stdout:
        out.close()
        os.replace(a.output + ".tmp", a.output)
    print("bench-gen: %d dossiers, %d rows -> %s" % (n, stt, a.output), file=sys.stderr)


if __name__ == "__main__":
    main()
