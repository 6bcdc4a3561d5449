import Foundation

/// Reading an HTML page back in tests: entities, matches, nesting.
public enum HTMLReading {
    public static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every match of `pattern` in `text`, as its capture groups (0: the whole match).
    public static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { i in
                let r = match.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
        }
    }

    /// Tags nest properly: every opened element is closed, in order (void elements and `/>`
    /// apart; the stylesheet is not markup). Returns the first fault, or nil.
    public static func nestingFault(_ html: String) -> String? {
        let voids: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]
        var stack: [String] = []
        var text = html
        if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") {
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: "")
        }
        for m in matches(#"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*?)?)(/?)>"#, in: text) {
            let closing = !m[1].isEmpty, name = m[2].lowercased(), selfClosing = !m[4].isEmpty
            if closing {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else if !selfClosing && !voids.contains(name) {
                stack.append(name)
            }
        }
        return stack.isEmpty ? nil : "unclosed: \(stack)"
    }

    /// The document as XML (doctype dropped, void elements closed), for an XML parser.
    public static func asXML(_ html: String) -> String {
        var xml = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        for m in matches(#"<meta [^>]*[^/]>"#, in: xml) {
            xml = xml.replacingOccurrences(of: m[0], with: String(m[0].dropLast()) + "/>")
        }
        return xml
    }
}
