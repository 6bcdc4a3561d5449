import Ingest
import KPIMetrics
import Wording

/// A report's period as people read it, worded once: its name, first and last days, basis and
/// target, and the sentences every format prints them in.
struct PeriodWording {
    let language: Language
    let period: String
    /// `15/12/2022`: the period's first and last days.
    let start: String
    let end: String
    let basis: PeriodBasis
    /// `98 %` (vi), `98%` (en).
    let target: String
    /// The data does not cover the whole period.
    let provisional: Bool

    init(_ period: Period, basis: PeriodBasis, target: Target, _ language: Language, provisional: Bool = false) {
        self.provisional = provisional
        let bounds = period.bounds(basis)
        self.language = language
        self.period = period.description
        start = String(bounds.start.description.prefix(10))
        end = String(bounds.lastDay.description.prefix(10))
        self.basis = basis
        self.target = language.percent(target.description)
    }

    init(_ table: KPITable, _ language: Language, provisional: Bool = false) {
        self.init(table.period, basis: table.basis, target: table.target, language, provisional: provisional)
    }

    /// "TẠM TÍNH — số liệu chưa đủ kỳ", at the head of every people's format of a provisional
    /// report; nil for a final one.
    var provisionalLine: String? { provisional ? language[.provisionalTitle] : nil }

    /// `title`, after the provisional mark when there is one: a page's or a workbook's title.
    func titled(_ title: String) -> String { provisionalLine.map { $0 + " — " + title } ?? title }

    private var slots: [Slot: String] { [.period: period, .start: start, .end: end, .target: target] }

    /// "Kỳ báo cáo 2023-Q1 (theo Nghị định 09/2019/NĐ-CP): từ 15/12/2022 đến 14/03/2023."
    var dates: String {
        language[.periodDates, slots.merging([.basis: language[basis == .decree09 ? .basisDecree09 : .basisCalendar]]) { $1 }]
    }

    /// "Mục tiêu giải quyết đúng hạn: 98 %."
    var targetLine: String { language[.onTimeTarget, slots] }

    /// The dates and the target, in one sentence.
    var sentence: String { dates + " " + targetLine }

    /// Form 06a's line: "Kỳ báo cáo: 2023-Q1 (từ ngày 15/12/2022 đến ngày 14/03/2023)".
    var formLine: String { language[.form06aPeriod, slots] }

    /// "2023-Q1: 15/12/2022 – 14/03/2023", for a list of sub-periods.
    var span: String { language[.periodSpan, slots] }

    /// "Title — 2023-Q1 (15/12/2022 – 14/03/2023)", a Markdown heading.
    func heading(_ title: String) -> String { language[.markdownHeading, slots.merging([.title: title]) { $1 }] }

    /// "Theo Nghị định 09/2019/NĐ-CP: 2023-Q1: 15/12/2022 – 14/03/2023; 2023-Q2: …." for
    /// sub-periods on one basis.
    static func dates(of parts: [PeriodWording], basis: PeriodBasis, _ language: Language) -> String {
        language[.basisDates, [.basis: language[basis == .decree09 ? .basisDecree09Heading : .basisCalendarHeading],
                               .periods: parts.map(\.span).joined(separator: "; ")]]
    }
}
