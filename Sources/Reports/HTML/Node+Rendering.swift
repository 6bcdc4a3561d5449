extension Node {
    /// The tree as HTML text: text and attribute values escaped; HTML's void elements without an
    /// end tag; empty SVG elements closed with `/>`; the CSS of `style` as it is. Block elements
    /// end their line, so that the page's source reads one block a line.
    var rendered: String {
        var out = ""
        render(into: &out, inSVG: false)
        return out
    }

    private static let void: Set = ["meta", "link", "br", "hr", "img", "input"]
    /// Elements whose content starts on a line of its own.
    private static let containers: Set = ["html", "head", "body", "header", "section", "footer", "table", "thead",
                                          "tbody", "tfoot", "svg", "style"]
    /// Elements followed by a line break (in a picture, only its groups).
    private static let blocks: Set = containers.union(["meta", "title", "h1", "h2", "p", "div", "tr"])
    private static let pictureBlocks: Set = ["svg", "g"]

    private func render(into out: inout String, inSVG: Bool) {
        switch self {
        case .text(let text):
            out += Self.escape(text)
        case .group(let nodes):
            for node in nodes { node.render(into: &out, inSVG: inSVG) }
        case .element(let name, let attributes, let children):
            let svg = inSVG || name == "svg"
            out += "<" + name
            for attribute in attributes {
                guard let value = attribute.value else { continue }
                out += " " + attribute.name + "=\"" + Self.escape(value) + "\""
            }
            if Self.void.contains(name) {
                out += ">"
            } else if svg && children.isEmpty {
                out += "/>"
            } else {
                out += ">"
                if Self.containers.contains(name) { out += "\n" }
                if name == "style" {
                    // Raw text: CSS is not markup, and is ours, never from the data.
                    for case .text(let css) in children { out += css }
                } else {
                    for child in children { child.render(into: &out, inSVG: svg) }
                }
                out += "</" + name + ">"
            }
            if svg ? Self.pictureBlocks.contains(name) : Self.blocks.contains(name) { out += "\n" }
        }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Node {
    /// A whole HTML5 document with `root` (the `html` element).
    static func document(_ root: Node) -> String {
        "<!DOCTYPE html>\n" + root.rendered
    }
}
