import Foundation
import Ingest
import KPIMetrics
import Wording

/// `--format xlsx`: the report as an Excel workbook. The KPI table by unit (with the period
/// compared with); with a breakdown, its units × sub-periods; a plan or index report, a sheet for
/// the plan and one for the index (no form 06a); biểu 06a (by unit or field) with
/// its official header and signature block; the inputs. The workbook's creation date is the
/// latest as-of of the inputs (else the period's last day), never the clock, so that the same
/// inputs give the same bytes.
enum XLSXReport {
    static func workbook(people: KPIReport, breakdown: BreakdownReport?, form: Form06aReport?,
                         service: [ServiceReport] = [], inputs: [InputSummary]) throws(XLSXWriteError) -> Data {
        let language = people.language
        let book = try Workbook()
        book.setProperties(title: people.period.titled("motcua \(people.table.period)"),
                           created: creationTime(table: people.table, inputs: inputs))
        let styles = CellStyles(book)
        people.writeSheet(book.addSheet(language[.sheetKPI]), styles: styles)
        if let breakdown {
            let name = language[breakdown.breakdown.step == .quarter ? .sheetByQuarter : .sheetByHalf]
            breakdown.writeSheet(book.addSheet(name), styles: styles)
        }
        // A plan or index report: a sheet per table.
        for report in service {
            report.writeSheet(book.addSheet(language[report.kind == .plan ? .sheetPlan : .sheetIndex]), styles: styles)
        }
        form?.writeSheet(book.addSheet(language[.sheetForm06a]), styles: styles)
        InputsTable(inputs: inputs, language: language).writeSheet(book.addSheet(language[.sheetInputs]), styles: styles)
        return try book.finish()
    }

    /// Seconds since 1970 UTC: the latest as-of of the inputs, else the end of the period.
    static func creationTime(table: KPITable, inputs: [InputSummary]) -> Int {
        let local = inputs.compactMap(\.asOf).max() ?? table.bounds.lastDay
        return max(1, Int(local.seconds - LocalMoment.utcOffset))
    }
}
