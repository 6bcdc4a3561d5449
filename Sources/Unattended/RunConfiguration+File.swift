import Commands
import Foundation
import Ingest
import KPIMetrics
import Reports
import Stores
import TOMLKit
import Wording

extension RunConfiguration {
    /// Every key of `motcua.toml`.
    public static let keys = ["store", "inbox", "archive", "reports", "formats", "basis", "target", "lang", "periods",
                              "provisional", "compare", "reporting-unit", "receiving-unit", "units", "aliases",
                              "tables", "catalogue", "goals", "by"]

    /// Reads `motcua.toml` at `path`: relative paths in it are relative to its folder; a number
    /// may be written as an integer or a decimal; an unknown key, a value of the wrong type or
    /// outside its vocabulary, or an empty list, is an error naming the key and the file.
    ///
    /// `language` is the one given to the command (`--lang`, `MOTCUA_LANG`); without it, the
    /// file's own `lang` words its errors (``ConfigurationError/language``).
    public init(file path: String, language: Language? = nil) throws(ConfigurationError) {
        self.init()
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigurationError(file: path, reason: .unreadable) }
        // The parser reads a C string: it would stop at a NUL byte, and the keys after it would
        // be ignored; a byte that is not UTF-8 would be replaced without a word.
        if let bad = Self.firstNonText(data) {
            throw ConfigurationError(file: path, reason: .notText(line: 1 + data.prefix(bad).count { $0 == 0x0A }))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: path, reason: .syntax(error.description, line: error.source.begin.line))
        } catch {
            throw ConfigurationError(file: path, reason: .syntax(String(describing: error), line: nil))
        }
        let asked = table["lang"]?.string.flatMap { Language(rawValue: $0.lowercased()) }
        do {
            try read(TOMLFile(path: path, table: table), language: language ?? asked ?? .vi)
        } catch {
            var error = error
            error.language = asked
            throw error
        }
    }

    /// The offset of the first byte that is a NUL or not UTF-8, if any.
    static func firstNonText(_ data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == 0 { return offset }
                offset += scalar.count
            case .error:
                return offset
            case .emptyInput:
                return nil
            }
        }
    }

    /// Sets every key `file` gives.
    private mutating func read(_ file: TOMLFile, language: Language) throws(ConfigurationError) {
        let (path, table) = (file.path, file.table)
        if let unknown = table.keys.first(where: { !Self.keys.contains($0) }) {
            throw ConfigurationError(file: path, reason: .unknownKey(unknown))
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : base.appendingPathComponent(p).path }
        // A PostgreSQL URL is no path to resolve.
        let given = try file.string("store")
        storeFromFile = given != nil
        let store = given ?? store
        self.store = StoreLocation.isPostgres(store) ? store : resolve(store)
        inbox = resolve(try file.string("inbox") ?? inbox)
        archive = resolve(try file.string("archive") ?? archive)
        reports = resolve(try file.string("reports") ?? reports)
        if let v = try file.choices("formats", ReportFormat.init) { formats = v }
        if let v = try file.string("basis") { basis = try file.choice("basis", v, PeriodBasis.init) }
        if let v = try file.number("target") {
            guard let target = Target(v) else { throw ConfigurationError(file: path, reason: .badValue(key: "target", value: v, allowed: "0–100")) }
            self.target = target
        }
        if let v = try file.string("lang") { self.language = try file.choice("lang", v, Language.init) }
        if let v = try file.choices("periods", PeriodKind.init) { periods = v }
        if let v = try file.bool("provisional") { provisional = v }
        if let v = try file.string("compare") {
            comparison = v.lowercased() == "none" ? nil : try file.choice("compare", v, Comparison.init, extra: ["none"])
        }
        reportingUnit = try file.string("reporting-unit")
        receivingUnit = try file.string("receiving-unit")
        if let v = try file.string("units") {
            let units = resolve(v)
            do {
                let read = try Inputs.units(from: units)
                aliases = read.aliases
                hierarchy = read.hierarchy
                try useUnitsFile(units)
            } catch {
                throw ConfigurationError(file: path, reason: .units(error.message(language)))
            }
        }
        if let v = try file.string("by") { rollUp = try Self.rollUp(v, file: path) }
        if let v = try file.choices("tables", ReportTable.init, allowed: Self.tableNames) {
            if let wrong = v.first(where: { $0 == .form06a || $0 == .resolution }) {
                throw ConfigurationError(file: path, reason: .badValue(key: "tables", value: wrong.rawValue, allowed: Self.tableNames))
            }
            tables = v
        }
        if let v = try file.string("catalogue") { catalogue = resolve(v) }
        try readGoals(file)
        if let entries = table["aliases"] {
            guard let aliasTable = entries.table else { throw ConfigurationError(file: path, reason: .wrongType(key: "aliases", expected: .configTable)) }
            var given: [String: (name: String, unit: String)] = [:]
            for key in aliasTable.keys.sorted() {
                guard let unit = aliasTable[key]?.string else {
                    throw ConfigurationError(file: path, reason: .wrongType(key: "aliases.\(key)", expected: .configString))
                }
                // Two spellings of one name given two units: neither is chosen silently.
                if let earlier = given[key.normalizedKey], earlier.unit.normalizedKey != unit.normalizedKey {
                    throw ConfigurationError(file: path, reason: .aliasConflict(first: earlier.name, second: key))
                }
                given[key.normalizedKey] = (key, unit)
                aliases.add(name: key, unit: unit)
            }
        }
        try checkRollUp(file: path)
        try checkFormats(file: path)
        try checkFolders(file: path, configuration: path)
        // A key no listed table uses would be ignored: refused, naming the tables that use it.
        if !tables.contains(.plan), let other = goals.given.first(where: { $0 != .onTime }) {
            throw ConfigurationError(file: path, reason: .unusedKey(key: "goals.\(other.name)", tables: ReportTable.plan.rawValue))
        }
        if catalogue != nil, !tables.contains(where: \.isService) {
            throw ConfigurationError(file: path, reason: .unusedKey(key: "catalogue", tables: "plan, index766"))
        }
    }

    /// The tables `run` writes, as its errors list them.
    static let tableNames = "kpi, plan, index766"

    /// Reads `by`: `unit` (no roll-up), `parent` or `level=<level>`; anything else (`field`, a
    /// level outside the vocabulary) is an error listing the values it takes.
    public static func rollUp(_ text: String, file: String) throws(ConfigurationError) -> RollUp? {
        if text.normalizedKey == "unit" { return nil }
        guard let rollUp = RollUp(argument: text) else {
            throw ConfigurationError(file: file, reason: .badValue(key: "by", value: text, allowed: byValues.joined(separator: ", ")))
        }
        return rollUp
    }
}

extension RunConfiguration {
    /// The `[goals]` table: `name = percent` for each target; on_time's is `target` (both
    /// given is an error, never a silent choice).
    fileprivate mutating func readGoals(_ file: TOMLFile) throws(ConfigurationError) {
        guard let entry = file.table["goals"] else { return }
        guard let goalTable = entry.table else { throw ConfigurationError(file: file.path, reason: .wrongType(key: "goals", expected: .configTable)) }
        let names = PlanTarget.allCases.map(\.name).joined(separator: ", ")
        for key in goalTable.keys.sorted() {
            guard let value = goalTable[key].flatMap(TOMLFile.numberText) else {
                throw ConfigurationError(file: file.path, reason: .wrongType(key: "goals.\(key)", expected: .configNumber))
            }
            if key == PlanTarget.onTime.name {
                guard file.table["target"] == nil, let goal = Target(value) else {
                    throw ConfigurationError(file: file.path, reason: .badValue(key: "goals.on_time", value: value, allowed: "target"))
                }
                target = goal
                continue
            }
            do { try goals.set(key, value) } catch {
                throw ConfigurationError(file: file.path, reason: .badValue(key: "goals.\(key)", value: value, allowed: names))
            }
        }
    }
}

/// The values of a parsed configuration file, read by type, a wrong type an error naming the key.
fileprivate struct TOMLFile {
    let path: String
    let table: TOMLTable

    func string(_ key: String) throws(ConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw wrong(key, .configString) }
        return text
    }

    func strings(_ key: String) throws(ConfigurationError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw wrong(key, .configStrings) }
        var out: [String] = []
        for element in array {
            guard let text = element.string else { throw wrong(key, .configStrings) }
            out.append(text)
        }
        return out
    }

    /// A number written as an integer (`98`) or a decimal (`97.5`), as text.
    func number(_ key: String) throws(ConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = Self.numberText(value) else { throw wrong(key, .configNumber) }
        return text
    }

    /// An integer or a decimal as text; nil for any other value. A decimal as the shortest
    /// text that reads back as it (`97.5`, `97.123456789`), never rounded: a target motcua
    /// cannot take is refused as on the command line, not changed into one it can.
    static func numberText(_ value: any TOMLValueConvertible) -> String? {
        if let int = value.int { return String(int) }
        return value.double.map(\.description)
    }

    /// A list of values read by `make`, each an error listing the values when unknown; an
    /// empty list is an error too (a job told to write nothing would write nothing, silently).
    func choices<Value: CaseIterable & RawRepresentable>(_ key: String, _ make: (String) -> Value?,
                                                         allowed: String? = nil) throws(ConfigurationError) -> [Value]?
    where Value.RawValue == String {
        guard let texts = try strings(key) else { return nil }
        let values = allowed ?? Value.allCases.map(\.rawValue).joined(separator: ", ")
        guard !texts.isEmpty else {
            throw ConfigurationError(file: path, reason: .badValue(key: key, value: "[]", allowed: values))
        }
        return try texts.map { text throws(ConfigurationError) in try choice(key, text, make, allowed: values) }
    }

    func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw wrong(key, .configBool) }
        return flag
    }

    /// `text` read by `make` (lower-cased), or an error listing the values `Value` takes.
    /// `allowed`: the values the error lists, when not all of `Value`'s.
    func choice<Value: CaseIterable & RawRepresentable>(_ key: String, _ text: String, _ make: (String) -> Value?,
                                                        extra: [String] = [], allowed: String? = nil) throws(ConfigurationError) -> Value
    where Value.RawValue == String {
        if let value = make(text.lowercased()) { return value }
        let allowed = allowed ?? (Value.allCases.map(\.rawValue) + extra).joined(separator: ", ")
        throw ConfigurationError(file: path, reason: .badValue(key: key, value: text, allowed: allowed))
    }

    private func wrong(_ key: String, _ expected: Phrase) -> ConfigurationError {
        ConfigurationError(file: path, reason: .wrongType(key: key, expected: expected))
    }
}
