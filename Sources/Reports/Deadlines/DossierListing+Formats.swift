import Foundation
import Ingest
import Wording

extension DossierListing {
    /// The list in `format` (csv, table, md, html or xlsx; json is not offered): its file's
    /// bytes. `created`: the workbook's date (seconds since 1970 UTC), never the clock.
    public func render(_ format: ReportFormat, language: Language, created: Int = 1) throws -> Data {
        switch format {
        case .csv, .json: return Data(csv().utf8)
        case .table, .form06a: return Data(text(language).utf8)
        case .md: return Data(markdown(language).utf8)
        case .html: return Data(html(language).utf8)
        case .xlsx: return try workbook(language, created: created)
        }
    }

    func heading(_ language: Language) -> String {
        let heading = subtitle.isEmpty ? language[title] : language[title] + " — " + subtitle
        return provisional ? language[.provisionalTitle] + " — " + heading : heading
    }

    /// The heading, the table (or a line saying it is empty), the notes.
    func text(_ language: Language) -> String {
        heading(language) + "\n\n" + (rows.isEmpty ? language[.listEmpty] + "\n" : people(language).text(language))
            + (notes.isEmpty ? "" : "\n" + notes.joined(separator: "\n") + "\n")
    }

    func markdown(_ language: Language) -> String {
        "## " + Markdown.escape(heading(language)) + "\n\n"
            + (rows.isEmpty ? Markdown.escape(language[.listEmpty]) + "\n" : people(language).markdown(language))
            + (notes.isEmpty ? "" : "\n" + notes.map(Markdown.escape).joined(separator: "  \n") + "\n")
    }

    func html(_ language: Language) -> String {
        let table: Node = rows.isEmpty ? .el("p", text: language[.listEmpty])
            : .el("div", ["class": "scroll"], [people(language).html(language, class: "kpi list")])
        let body: [Node] = [.el("header", [.el("h1", text: heading(language))]), .el("section", ["class": "table"], [table])]
            + notes.map { .el("p", ["class": "legend"], text: $0) }
        return HTMLPage.document(language, title: heading(language), body: body)
    }

    func workbook(_ language: Language, created: Int) throws(XLSXWriteError) -> Data {
        let book = try Workbook()
        book.setProperties(title: heading(language), created: created)
        let styles = CellStyles(book)
        let layout = SheetLayout(heading: [heading(language)], notes: rows.isEmpty ? [language[.listEmpty]] + notes : notes,
                                 autofilter: !rows.isEmpty, widths: 9...46)
        people(language).write(to: book.addSheet(language[title].prefix(31).description), styles: styles, layout: layout,
                               language: language)
        return try book.finish()
    }
}
