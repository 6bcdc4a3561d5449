extension Language {
    /// Every phrase's text in this language.
    public var phrases: [Phrase: String] {
        switch self {
        case .vi: return Phrase.vietnamese
        case .en: return Phrase.english
        }
    }

    /// The phrase's text (a missing text, which a test rules out, reads as the phrase's key).
    public subscript(_ phrase: Phrase) -> String {
        phrases[phrase] ?? phrase.rawValue
    }

    /// The phrase with its `{slot}`s filled from `arguments` (a slot left without an argument
    /// stays as written, which the tests catch).
    public subscript(_ phrase: Phrase, _ arguments: [Slot: String]) -> String {
        Self.fill(self[phrase], arguments)
    }

    static func fill(_ template: String, _ arguments: [Slot: String]) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                  let slot = Slot(rawValue: String(rest[rest.index(after: open)..<close])),
                  let value = arguments[slot] else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension Phrase {
    /// The `{slot}` names a text uses, in order of appearance (known slots or not).
    public static func slots(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
