import Foundation
import Ingest
import KPIMetrics
import Wording

/// `--format xlsx`: the report as an Excel workbook. The KPI table by unit; with a breakdown,
/// its units × sub-periods; biểu 06a (by unit or field); the inputs. The workbook's creation
/// date is the latest as-of of the inputs (else the period's last day), never the clock, so
/// that the same inputs give the same bytes.
enum XLSXReport {
    static func workbook(table: KPITable, breakdown: KPIBreakdown?, form06a: KPITable, inputs: [InputSummary],
                         language: Language) throws(XLSXWriteError) -> Data {
        let book = try Workbook()
        book.setProperties(title: "motcua \(table.period)", created: creationTime(table: table, inputs: inputs))
        let styles = CellStyles(book)
        KPIReport(table, language).writeSheet(book.addSheet(language[.sheetKPI]), styles: styles)
        if let breakdown {
            let name = language[breakdown.step == .quarter ? .sheetByQuarter : .sheetByHalf]
            BreakdownReport(breakdown: breakdown, language: language).writeSheet(book.addSheet(name), styles: styles)
        }
        Form06aReport(table: form06a, language: language).writeSheet(book.addSheet(language[.sheetForm06a]), styles: styles)
        InputsTable(inputs: inputs, language: language).writeSheet(book.addSheet(language[.sheetInputs]), styles: styles)
        return try book.finish()
    }

    /// Seconds since 1970 UTC: the latest as-of of the inputs, else the end of the period.
    static func creationTime(table: KPITable, inputs: [InputSummary]) -> Int {
        let local = inputs.compactMap(\.asOf).max() ?? table.bounds.lastDay
        return max(1, Int(local.seconds - LocalMoment.utcOffset))
    }
}
