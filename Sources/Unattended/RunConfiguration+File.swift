import Commands
import Foundation
import Ingest
import Metrics
import Reports
import TOMLKit
import Wording

extension RunConfiguration {
    /// Every key of `motcua.toml`.
    public static let keys = ["store", "inbox", "archive", "reports", "formats", "basis", "target", "lang", "periods",
                              "provisional", "compare", "reporting-unit", "receiving-unit", "units", "aliases"]

    /// Reads `motcua.toml` at `path`: relative paths in it are relative to its folder; a number
    /// may be written as an integer or a decimal; an unknown key, or a value of the wrong type
    /// or outside its vocabulary, is an error naming the key and the file.
    public init(file path: String, language: Language = .vi) throws(ConfigurationError) {
        self.init()
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigurationError(file: path, reason: .unreadable) }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: path, reason: .syntax(error.description, line: error.source.begin.line))
        } catch {
            throw ConfigurationError(file: path, reason: .syntax(String(describing: error), line: nil))
        }
        let file = TOMLFile(path: path, table: table)
        if let unknown = table.keys.first(where: { !Self.keys.contains($0) }) {
            throw ConfigurationError(file: path, reason: .unknownKey(unknown))
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : base.appendingPathComponent(p).path }
        store = resolve(try file.string("store") ?? store)
        inbox = resolve(try file.string("inbox") ?? inbox)
        archive = resolve(try file.string("archive") ?? archive)
        reports = resolve(try file.string("reports") ?? reports)
        if let v = try file.strings("formats") { formats = try v.map { text throws(ConfigurationError) in try file.choice("formats", text, ReportFormat.init) } }
        if let v = try file.string("basis") { basis = try file.choice("basis", v, PeriodBasis.init) }
        if let v = try file.number("target") {
            guard let target = Target(v) else { throw ConfigurationError(file: path, reason: .badValue(key: "target", value: v, allowed: "0–100")) }
            self.target = target
        }
        if let v = try file.string("lang") { self.language = try file.choice("lang", v, Language.init) }
        if let v = try file.strings("periods") { periods = try v.map { text throws(ConfigurationError) in try file.choice("periods", text, PeriodKind.init) } }
        if let v = try file.bool("provisional") { provisional = v }
        if let v = try file.string("compare") {
            comparison = v.lowercased() == "none" ? nil : try file.choice("compare", v, Comparison.init, extra: ["none"])
        }
        reportingUnit = try file.string("reporting-unit")
        receivingUnit = try file.string("receiving-unit")
        if let v = try file.string("units") {
            do { aliases = try Inputs.aliases(from: resolve(v)) } catch {
                throw ConfigurationError(file: path, reason: .units(error.message(language)))
            }
        }
        if let entries = table["aliases"] {
            guard let aliasTable = entries.table else { throw ConfigurationError(file: path, reason: .wrongType(key: "aliases", expected: .configTable)) }
            for key in aliasTable.keys.sorted() {
                guard let unit = aliasTable[key]?.string else {
                    throw ConfigurationError(file: path, reason: .wrongType(key: "aliases.\(key)", expected: .configString))
                }
                aliases.add(name: key, unit: unit)
            }
        }
    }
}

/// The values of a parsed configuration file, read by type, a wrong type an error naming the key.
private struct TOMLFile {
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
        if let int = value.int { return String(int) }
        if let double = value.double { return String(format: "%g", double) }
        throw wrong(key, .configNumber)
    }

    func bool(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw wrong(key, .configBool) }
        return flag
    }

    /// `text` read by `make` (lower-cased), or an error listing the values `Value` takes.
    func choice<Value: CaseIterable & RawRepresentable>(_ key: String, _ text: String, _ make: (String) -> Value?,
                                                        extra: [String] = []) throws(ConfigurationError) -> Value
    where Value.RawValue == String {
        if let value = make(text.lowercased()) { return value }
        let allowed = (Value.allCases.map(\.rawValue) + extra).joined(separator: ", ")
        throw ConfigurationError(file: path, reason: .badValue(key: key, value: text, allowed: allowed))
    }

    private func wrong(_ key: String, _ expected: Phrase) -> ConfigurationError {
        ConfigurationError(file: path, reason: .wrongType(key: key, expected: expected))
    }
}
