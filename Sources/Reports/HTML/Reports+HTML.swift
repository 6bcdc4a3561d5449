import Wording

extension BreakdownReport {
    /// The units × sub-periods table of on-time rates as one self-contained page: cells below
    /// target on red with a ⚠, `—` where nothing was resolved, a total row.
    func html() -> String {
        let heading = title + " — " + period.period
        return HTMLPage.document(language, title: heading, body: [
            .el("header", [
                .el("h1", text: heading),
                .el("p", ["class": "meta"], text: period.targetLine),
                .el("p", ["class": "meta"], text: dates),
            ]),
            .el("section", ["class": "table"], [
                table.html(language, class: "kpi breakdown"),
                .el("p", ["class": "legend"], text: language[.breakdownLegend]),
            ]),
        ])
    }
}

extension InputsTable {
    /// The page's footer: each input's name, the start of its SHA-256 (all of it on hover), and
    /// its rows read, accepted and rejected.
    var footer: Node {
        let head: [(Phrase, Bool)] = [(.inputFile, false), (.inputSHA256, false), (.inputRows, true), (.inputAccepted, true),
                                      (.inputRejected, true)]
        let rows = inputs.map { input -> Node in
            let sha = input.sha256.map { String($0.prefix(12)) } ?? "—"
            let counts: [Node] = [input.rowsRead, input.accepted, input.rejected].map {
                .el("td", ["class": "num"], text: language.count($0))
            }
            return .el("tr", [.el("td", ["class": "file"], text: input.name),
                              .el("td", ["class": "sha", "title": input.sha256 ?? ""], [.el("code", text: sha)])] + counts)
        }
        return .el("footer", [
            .el("h2", text: language[.inputs]),
            .el("table", ["class": "inputs"], [
                .el("thead", [.el("tr", head.map { .el("th", ["class": $0.1 ? "num" : nil], text: language[$0.0]) })]),
                .el("tbody", rows),
            ]),
            .el("p", ["class": "meta"], text: "motcua \(ReportManifest.motcuaVersion)"),
        ])
    }
}
