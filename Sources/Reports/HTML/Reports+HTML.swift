import Wording

extension BreakdownReport {
    /// The units × sub-periods table of on-time rates as one self-contained page: cells below
    /// target on red with a ⚠, `—` where nothing was resolved, a total row.
    func html() -> String {
        let heading = period.titled(title) + " — " + period.period
        let mark: [Node] = period.provisionalLine.map { [.el("p", ["class": "provisional"], text: $0)] } ?? []
        return HTMLPage.document(language, title: heading, body: mark + [
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

extension Form06aReport {
    /// Biểu 06a as a page to print and sign: the form's number and circular on the left, the
    /// reporting and receiving units on the right, the title, the period and the unit of the
    /// figures, the numbered table, then the place and date and the two signers.
    func html() -> String {
        let header = self.header
        let mark: [Node] = period.provisionalLine.map { [.el("p", ["class": "provisional"], text: $0)] } ?? []
        let (placeAndDate, signers) = signature
        return HTMLPage.document(language, title: period.titled(title) + " — " + period.period, body: mark + [
            .el("header", ["class": "form-head"], [
                .el("div", [.el("p", ["class": "form-number"], text: header[0]), .el("p", ["class": "meta"], text: header[1])]),
                .el("div", [.el("p", text: header[2]), .el("p", text: header[3])]),
            ]),
            .el("h1", ["class": "form-title"], text: title),
            .el("p", ["class": "form-period"], text: periodLine),
            .el("p", ["class": "form-measure"], text: language[.form06aMeasure]),
            .el("section", ["class": "table"], [form.html(language, class: "kpi form06a")]),
            .el("section", ["class": "signature"], [
                .el("p", ["class": "place-date"], text: placeAndDate),
                .el("div", ["class": "signers"], signers.map { signer in
                    .el("div", ["class": "signer"], [.el("p", ["class": "role"], text: signer.role),
                                                     .el("p", ["class": "note"], text: signer.note)])
                }),
            ]),
        ])
    }
}
