import Foundation
import Ingest
import KPIMetrics
import Wording

/// The "phiếu xin lỗi và hẹn lại ngày trả kết quả" of every late dossier that has no written
/// apology yet (NgayXinLoi empty): the unit, the dossier code, the procedure, the received and
/// promised dates, blanks for the applicant's name, the reason and the new date. Nothing about
/// the applicant is printed: the clerk writes the name on the paper.
public struct ApologyLetters: Sendable {
    public struct Letter: Sendable {
        public var unit: String
        public var code: String
        /// TenTTHC, else MaTTHC, else empty.
        public var procedure: String
        public var received: LocalMoment
        public var due: LocalMoment
    }

    public let letters: [Letter]
    public let language: Language

    /// A letter for each row of the late list without an apology, in the list's order.
    public init(_ rows: [LateList.Row], language: Language = .vi) {
        letters = rows.filter { $0.apology == nil }.map { row in
            Letter(unit: row.unit, code: row.code, procedure: row.procedureName.isEmpty ? row.procedureCode : row.procedureName,
                   received: row.received, due: row.due)
        }
        self.language = language
    }

    /// `dd/MM/yyyy HH:mm`, or the day alone for what a date-only value means: a deadline's
    /// last second (23:59:59), another moment's first (00:00:00). A deadline at 00:00 keeps its
    /// time: the day alone would promise the whole day.
    static func written(_ moment: LocalMoment, deadline: Bool) -> String {
        let text = moment.description
        let time = moment.seconds - moment.day * 86_400
        return time == (deadline ? 86_399 : 0) ? String(text.prefix(10)) : String(text.prefix(16))
    }

    /// The lines of one letter's body, in order, worded.
    func facts(_ letter: Letter) -> [String] {
        [language[.letterDossier, [.code: letter.code]],
         language[.letterProcedure, [.procedure: letter.procedure.isEmpty ? "……………………" : letter.procedure]],
         language[.letterReceived, [.received: Self.written(letter.received, deadline: false)]],
         language[.letterPromised, [.due: Self.written(letter.due, deadline: true)]]]
    }

    /// `--format md`: the letters one after another, a page break between them (a raw
    /// `<div>` that Markdown printers honour).
    public func markdown() -> String {
        guard !letters.isEmpty else { return language[.letterNone] + "\n" }
        return letters.map { letter in
            """
            **\(Markdown.escape(letter.unit.uppercased()))** \\
            \(Markdown.escape(language[.letterNumber]))

            **\(Markdown.escape(language[.letterNational]))** \\
            **\(Markdown.escape(language[.letterMotto]))**

            *\(Markdown.escape(language[.letterPlaceDate]))*

            ## \(Markdown.escape(language[.letterTitle]))

            \(Markdown.escape(language[.letterApplicant]))

            \(Markdown.escape(language[.letterUnit, [.unit: letter.unit]]))

            \(facts(letter).map { Markdown.listItem(Markdown.escape($0)) }.joined(separator: "\n"))

            \(Markdown.escape(language[.letterBody, [.unit: letter.unit]]))

            \(Markdown.escape(language[.letterReason]))

            \(Markdown.escape(language[.letterNewDate, [.unit: letter.unit]]))

            \(Markdown.escape(language[.letterClosing]))

            **\(Markdown.escape(language[.letterSigner]))** \\
            *\(Markdown.escape(language[.letterSignerNote]))*

            """
        }.joined(separator: "\n<div style=\"page-break-after: always\"></div>\n\n")
    }

    /// `--format html`: one `<section class="letter">` per A4 page (CSS page breaks).
    public func html() -> String {
        let title = language[.letterTitle]
        guard !letters.isEmpty else {
            return HTMLPage.document(language, title: title, body: [.el("p", text: language[.letterNone])], css: HTMLPage.letterCSS)
        }
        let sections: [Node] = letters.map { letter in
            .el("section", ["class": "letter"], [
                .el("div", ["class": "heading"], [
                    .el("div", ["class": "issuer"], [.text(letter.unit), .el("div", ["class": "number"], text: language[.letterNumber])]),
                    .el("div", ["class": "nation"], [.el("strong", text: language[.letterNational]),
                                                     .el("span", ["class": "motto"], text: language[.letterMotto])]),
                ]),
                .el("p", ["class": "place-date"], text: language[.letterPlaceDate]),
                .el("h1", text: title),
                .el("p", ["class": "to"], text: language[.letterApplicant]),
                .el("p", text: language[.letterUnit, [.unit: letter.unit]]),
                .el("ul", ["class": "facts"], facts(letter).map { .el("li", text: $0) }),
                .el("p", text: language[.letterBody, [.unit: letter.unit]]),
                .el("p", ["class": "blank"], text: language[.letterReason]),
                .el("p", text: language[.letterNewDate, [.unit: letter.unit]]),
                .el("p", text: language[.letterClosing]),
                .el("div", ["class": "signature"], [.el("div", ["class": "role"], text: language[.letterSigner]),
                                                    .el("div", ["class": "note"], text: language[.letterSignerNote]),
                                                    .el("div", ["class": "space"])]),
            ])
        }
        return HTMLPage.document(language, title: title + " — " + language[.lettersCount, [.count: String(letters.count)]],
                                 body: sections, css: HTMLPage.letterCSS)
    }
}
