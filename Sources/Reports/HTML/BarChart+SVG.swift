/// The chart as an SVG picture.
extension BarChart {
    var svg: Node {
        let g = Geometry(self)
        var parts: [Node] = series.count > 1 ? [legend(g)] : []
        parts.append(grid(g))
        for (index, row) in rows.enumerated() { parts.append(draw(row, at: index, g)) }
        parts.append(targetLine(g))
        return .el("svg", ["class": "bars", "viewBox": "0 0 \(n(Geometry.viewWidth)) \(n(g.height))",
                           "width": n(Geometry.viewWidth), "height": n(g.height), "role": "img", "aria-label": title, "data-axis-start": n(g.start),
                           "preserveAspectRatio": "xMinYMin meet"], parts)
    }

    /// A swatch and a name per series, above the plot.
    private func legend(_ g: Geometry) -> Node {
        var x = g.x0
        var parts: [Node] = []
        for item in series {
            parts.append(.el("rect", ["class": "swatch s-\(item.key)", "x": n(x), "y": "6", "width": "12", "height": "12"]))
            parts.append(.el("text", ["class": "legend-text", "x": n(x + 17), "y": "16"], text: item.title))
            x += 26 + Double(item.title.count) * 6.6
        }
        return .el("g", ["class": "legend"], parts)
    }

    /// Vertical grid lines and their labels (0, 25, 50, 75 and 100 %, or the steps of a zoomed
    /// axis), the first drawn as the axis.
    private func grid(_ g: Geometry) -> Node {
        .el("g", ["class": "axis"], g.ticks.flatMap { p -> [Node] in
            let x = n(g.x(Double(p)))
            return [.el("line", ["class": Node.classes("grid", Double(p) == g.start ? "axis" : nil), "data-percent": String(p), "x1": x,
                                 "y1": n(g.top - 4), "x2": x, "y2": n(g.plotBottom)]),
                    .el("text", ["class": "tick", "x": x, "y": n(g.plotBottom + 16), "text-anchor": "middle"],
                        text: language.percent(String(p)))]
        })
    }

    private func draw(_ row: Row, at index: Int, _ g: Geometry) -> Node {
        let small = series.count > 1 ? "small" : nil
        var parts = [label(row, y: g.rowTop(index) + g.rowHeight / 2 + 4, g)]
        for (s, bar) in row.bars.enumerated() {
            let top = g.barTop(row: index, series: s), baseline = n(g.textBaseline(barTop: top))
            guard let rate = bar.rate else {
                parts.append(.el("text", ["class": Node.classes("value", small, "none"), "x": n(g.x0 + 4), "y": baseline],
                                 text: "— " + bar.note))
                continue
            }
            let shown = bar.shown ?? language.percent(rate.formatted), below = bar.isFlagged ? "below" : nil
            let about = series.count > 1 ? "\(row.name) · \(series[s].title)" : row.name
            parts.append(.el("rect", ["class": Node.classes("bar", below, series.count > 1 ? "s-\(series[s].key)" : nil),
                                      "x": n(g.x0), "y": n(top), "width": n(g.x(rate.percentValue) - g.x0),
                                      "height": n(g.barHeight), "data-rate": rate.formatted],
                             // A rate's counts; a bar that says what it is (points) needs none.
                             [.el("title", text: bar.shown.map { "\(about): \($0)" } ?? "\(about): \(shown) (\(rate.numerator)/\(rate.denominator))")]))
            parts.append(.el("text", ["class": Node.classes("value", small, below), "x": n(g.x(rate.percentValue) + 4),
                                      "y": baseline], text: (bar.isFlagged ? "⚠ " : "") + shown))
        }
        let none = row.bars.allSatisfy { $0.rate == nil } ? "none" : nil
        return .el("g", ["class": Node.classes("bar-row", row.isFlagged ? "below" : nil, none), "data-unit": row.name], parts)
    }

    /// The unit's name right-aligned before its bars, cut (whole on hover) when too long.
    private func label(_ row: Row, y: Double, _ g: Geometry) -> Node {
        let name = row.name
        let cut = name.count > g.maxLabelCharacters
        let shown = cut ? String(name.prefix(max(g.maxLabelCharacters - 1, 1))) + "…" : name
        return .el("text", ["class": Node.classes("label", row.isFlagged ? "below" : nil), "x": n(g.x0 - 8), "y": n(y),
                            "text-anchor": "end"], (cut ? [.el("title", text: name)] : []) + [.text(shown)])
    }

    private func targetLine(_ g: Geometry) -> Node {
        let x = g.x(target)
        // Near the right edge the label would leave the picture: anchor it at its end there.
        let end = target > 90
        return .group([
            .el("line", ["class": "target", "data-percent": n(target), "x1": n(x), "y1": n(g.top - 8), "x2": n(x),
                         "y2": n(g.plotBottom + 4)]),
            .el("text", ["class": "target-label", "x": n(x + (end ? 3 : 0)), "y": n(g.top - 11),
                         "text-anchor": end ? "end" : "middle"], text: targetLabel),
        ])
    }

    /// A coordinate with at most two decimals, no exponent: `123.45`, `98`.
    func n(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let m = hundredths.magnitude
        let whole = m / 100, fraction = m % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        return fraction % 10 == 0 ? "\(sign)\(whole).\(fraction / 10)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
