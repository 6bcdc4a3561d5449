"""The oracle's working-day calendar (catalogue.md, "Working days" and "Deadlines in working
days"), for Fixtures/oracle.py.  Standard library only; written from the spec, the lead's
decisions in Fixtures/README.md and the government's notices cited below.  It shares no code
or data with motcua.

It knows the official schedule of 2023 and 2024 only.  Asked about any other day it stops
(CalendarError): the fixtures stay inside those two years, and an oracle that guessed would
not be an oracle.  (motcua computes other years from the Labour Code on the lunar calendar;
that is tested in Swift, not here.)

Moments are naive local datetimes (Asia/Ho_Chi_Minh).  Working time is an exact Fraction of
days of 24 hours.
"""

import datetime
from fractions import Fraction

# ---------------------------------------------------------------------------
# The official schedule: every weekday off and every swapped (working) weekend day.
# Weekend days that are holidays (1/1/2023, 29/4/2023, 2/9/2023, 10/2/2024, ...) are not listed:
# they are not working days anyway; their compensatory weekdays are.

LABOUR_CODE = "Bộ luật Lao động 2019, Điều 112"
LABOUR_CODE_COMPENSATION = "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)"
VPCP_8056 = "Công văn 8056/VPCP-KGVX ngày 01/12/2022"
LDTBXH_5015 = "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023"
VPCP_2450 = "Công văn 2450/VPCP-KGVX ngày 12/04/2024"

OFF, WORK = "nghỉ", "làm"

OFFICIAL = {
    # 2023 ------------------------------------------------------------------
    # Tết Dương lịch: 1/1/2023 is a Sunday, so Monday 2/1 is its compensatory day.
    "2023-01-02": (OFF, LABOUR_CODE_COMPENSATION + ": Tết Dương lịch 01/01/2023 (Chủ nhật)"),
    # Tết Âm lịch Quý Mão: Friday 20/1 (29 tháng Chạp) to Thursday 26/1 (mùng 5 Tết):
    # five days of Tết and two compensatory days for the weekend (21/1, 22/1).
    "2023-01-20": (OFF, VPCP_8056 + ": Tết Âm lịch"),
    "2023-01-23": (OFF, VPCP_8056 + ": Tết Âm lịch"),
    "2023-01-24": (OFF, VPCP_8056 + ": Tết Âm lịch"),
    "2023-01-25": (OFF, VPCP_8056 + ": Tết Âm lịch"),
    "2023-01-26": (OFF, VPCP_8056 + ": Tết Âm lịch"),
    # Giỗ Tổ Hùng Vương (10/3 âm lịch) is Saturday 29/4/2023 and 30/4 a Sunday: both give the
    # next working days off (2/5 and 3/5); 1/5 is a Monday.  No swap was made in 2023.
    "2023-05-01": (OFF, LABOUR_CODE + ": Quốc tế Lao động"),
    "2023-05-02": (OFF, LABOUR_CODE_COMPENSATION + ": Giỗ Tổ Hùng Vương 29/04/2023 (thứ Bảy)"),
    "2023-05-03": (OFF, LABOUR_CODE_COMPENSATION + ": Chiến thắng 30/04/2023 (Chủ nhật)"),
    # Quốc khánh: Friday 1/9 (the adjacent day) and 2/9 (a Saturday), compensated on Monday 4/9.
    "2023-09-01": (OFF, VPCP_8056 + ": Quốc khánh"),
    "2023-09-04": (OFF, VPCP_8056 + ": Quốc khánh (nghỉ bù 02/09/2023, thứ Bảy)"),
    # 2024 ------------------------------------------------------------------
    "2024-01-01": (OFF, LABOUR_CODE + ": Tết Dương lịch"),
    # Tết Âm lịch Giáp Thìn: Thursday 8/2 (29 tháng Chạp) to Wednesday 14/2 (mùng 5 Tết).
    "2024-02-08": (OFF, LDTBXH_5015 + ": Tết Âm lịch"),
    "2024-02-09": (OFF, LDTBXH_5015 + ": Tết Âm lịch"),
    "2024-02-12": (OFF, LDTBXH_5015 + ": Tết Âm lịch"),
    "2024-02-13": (OFF, LDTBXH_5015 + ": Tết Âm lịch"),
    "2024-02-14": (OFF, LDTBXH_5015 + ": Tết Âm lịch"),
    # Giỗ Tổ Hùng Vương (10/3 âm lịch) is Thursday 18/4/2024.
    "2024-04-18": (OFF, LABOUR_CODE + ": Giỗ Tổ Hùng Vương"),
    # Monday 29/4 is swapped with Saturday 4/5: off from Saturday 27/4 to Wednesday 1/5.
    "2024-04-29": (OFF, VPCP_2450 + ": hoán đổi, làm bù thứ Bảy 04/05/2024"),
    "2024-04-30": (OFF, LABOUR_CODE + ": Chiến thắng"),
    "2024-05-01": (OFF, LABOUR_CODE + ": Quốc tế Lao động"),
    "2024-05-04": (WORK, VPCP_2450 + ": làm bù cho thứ Hai 29/04/2024"),
    # Quốc khánh: Monday 2/9 and Tuesday 3/9 (off from Saturday 31/8 to Tuesday 3/9).
    "2024-09-02": (OFF, LDTBXH_5015 + ": Quốc khánh"),
    "2024-09-03": (OFF, LDTBXH_5015 + ": Quốc khánh"),
}
KNOWN_YEARS = (2023, 2024)
DAY = datetime.timedelta(days=1)


class CalendarError(Exception):
    pass


class Calendar:
    """Which days are working days: the official schedule, then the overrides on top."""

    def __init__(self, overrides=None):
        self.days = {datetime.date.fromisoformat(k): v for k, v in OFFICIAL.items()}
        # overrides: {date: (kind, source)}; a row replaces whatever the schedule says
        self.days.update(overrides or {})

    def is_working(self, day):
        if day.year not in KNOWN_YEARS:
            raise CalendarError("the oracle knows no calendar for %s" % day.isoformat())
        if day in self.days:
            return self.days[day][0] == WORK
        return day.weekday() < 5

    def next_working(self, day):
        day += DAY
        while not self.is_working(day):
            day += DAY
        return day

    def deadline(self, t, n):
        """The moment a dossier received at t with a limit of n working days is due.

        Received on a working day: the same time of day, n working days later.  Received on a
        day that is not a working day: counting starts at 00:00 of the next working day.
        n = 0: 23:59:59 of that working day (the day itself, or the next working day).
        """
        day = t.date()
        if self.is_working(day):
            time = t.time()
        else:
            day, time = self.next_working(day), datetime.time(0, 0, 0)
        if n == 0:
            return datetime.datetime.combine(day, datetime.time(23, 59, 59))
        for _ in range(n):
            day = self.next_working(day)
        return datetime.datetime.combine(day, time)

    def working_time(self, a, b):
        """Working days from a to b: the seconds of [a, b) lying in working days / 86,400.
        0 when b is not after a."""
        if b <= a:
            return Fraction(0)
        seconds, day = 0, a.date()
        while day <= b.date():
            if self.is_working(day):
                lo = max(a, datetime.datetime.combine(day, datetime.time()))
                hi = min(b, datetime.datetime.combine(day + DAY, datetime.time()))
                if hi > lo:
                    seconds += int((hi - lo).total_seconds())
            day += DAY
        return Fraction(seconds, 86400)

    def listing(self, year):
        """[(date, kind, source)] of the year: weekdays that are not working days and weekend
        days that are, in date order."""
        rows, day = [], datetime.date(year, 1, 1)
        while day.year == year:
            working = self.is_working(day)
            weekday = day.weekday() < 5
            if weekday != working:
                source = self.days[day][1] if day in self.days else ""
                rows.append((day, WORK if working else OFF, source))
            day += DAY
        return rows
