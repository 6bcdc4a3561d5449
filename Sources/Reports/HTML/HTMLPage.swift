import Wording

/// A self-contained HTML5 page: nothing fetched from the network (offices are often offline),
/// the one stylesheet inline.
enum HTMLPage {
    /// The stylesheet, `report.css`, embedded in the binary: an installed motcua needs no
    /// resource bundle beside it.
    static let css = String(decoding: PackageResources.report_css, as: UTF8.self)

    /// The apology letters' stylesheet, `letter.css`: A4 portrait, one letter per page.
    static let letterCSS = String(decoding: PackageResources.letter_css, as: UTF8.self)

    static func document(_ language: Language, title: String, body: [Node], css: String = css) -> String {
        Node.document(.el("html", ["lang": language.rawValue], [
            .el("head", [
                .el("meta", ["charset": "utf-8"]),
                .el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                .el("meta", ["name": "generator", "content": "motcua \(ReportManifest.motcuaVersion)"]),
                .el("title", text: title),
                .el("style", text: css),
            ]),
            .el("body", body),
        ]))
    }

    /// The mark of a row or figure below target.
    static func flag(_ language: Language) -> Node {
        .el("span", ["class": "flag", "title": language[.belowTarget]], text: "⚠")
    }
}
