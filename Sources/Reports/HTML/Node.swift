/// A piece of an HTML page or of an SVG picture: an element with its attributes and children,
/// or text. Pages are built as a tree of these; `rendered` writes them, escaping every text
/// and attribute value there and nowhere else.
indirect enum Node {
    case element(String, attributes: [Attribute], children: [Node])
    case text(String)
    /// Several nodes side by side, with no element around them.
    case group([Node])

    /// An attribute; a nil value leaves it out (a class that applies only sometimes).
    struct Attribute {
        var name: String
        var value: String?
    }

    /// `<name attributes…>children…</name>`.
    static func el(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [Node] = []) -> Node {
        .element(name, attributes: attributes.map { Attribute(name: $0.key, value: $0.value) }, children: children)
    }

    /// `<name>children…</name>`.
    static func el(_ name: String, _ children: [Node]) -> Node {
        .element(name, attributes: [], children: children)
    }

    /// An element holding only text.
    static func el(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) -> Node {
        el(name, attributes, [.text(text)])
    }

    /// Class names that apply, space-separated; nil when none does.
    static func classes(_ names: String?...) -> String? {
        let applying = names.compactMap { $0 }
        return applying.isEmpty ? nil : applying.joined(separator: " ")
    }
}
