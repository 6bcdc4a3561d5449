import Foundation
import Ingest
import KPIMetrics
import Reports
import Stores
import TOMLKit
import Wording

/// Everything an unattended run needs: where the store, inbox, archive and reports are, what
/// to write, and how to count. Read from `motcua.toml`; every key can also be given on the
/// command line, which wins.
public struct RunConfiguration: Sendable, Equatable {
    public var store = "motcua.sqlite"
    public var inbox = "inbox"
    public var archive = "archive"
    public var reports = "reports"
    public var formats: [ReportFormat] = [.csv, .json, .table]
    public var basis: PeriodBasis = .decree09
    public var target: Target = .onTimeDefault
    public var language: Language = .vi
    /// Which periods to write once closed.
    public var periods: [PeriodKind] = PeriodKind.allCases
    public var aliases = UnitAliases()

    public init() {}

    /// The kinds of period the reports cover.
    public enum PeriodKind: String, Sendable, CaseIterable, Codable {
        case quarter, half, nineMonths = "9m", year
    }

    /// Why a configuration cannot be used: one line naming the file and the key.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The TOML file, as written: every key optional.
    private struct File: Codable {
        var store, inbox, archive, reports: String?
        var formats: [String]?
        var basis: String?
        var target: Double?
        var lang: String?
        var periods: [String]?
        /// A name,unit CSV file of aliases, besides the table below.
        var units: String?
        var aliases: [String: String]?
    }

    /// Reads `motcua.toml` at `path`. Relative paths in it are relative to its folder.
    public init(file path: String) throws(Failure) {
        self.init()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): cannot read the configuration")
        }
        let file: File
        do {
            file = try TOMLDecoder().decode(File.self, from: String(decoding: data, as: UTF8.self))
        } catch {
            let reason = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            throw Failure(description: "\(path): not a valid motcua configuration: \(reason)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : base.appendingPathComponent(p).path }
        // A PostgreSQL URL is no path to resolve.
        if let v = file.store { store = StoreLocation.isPostgres(v) ? v : resolve(v) } else { store = resolve(store) }
        if let v = file.inbox { inbox = resolve(v) } else { inbox = resolve(inbox) }
        if let v = file.archive { archive = resolve(v) } else { archive = resolve(archive) }
        if let v = file.reports { reports = resolve(v) } else { reports = resolve(reports) }
        if let v = file.formats { formats = try Self.formats(v, in: path) }
        if let v = file.basis {
            guard let basis = PeriodBasis(rawValue: v) else { throw Failure(description: "\(path): basis must be decree09 or calendar, not '\(v)'") }
            self.basis = basis
        }
        if let v = file.target {
            guard let target = Target(String(format: "%g", v)) else { throw Failure(description: "\(path): target must be a percentage from 0 to 100") }
            self.target = target
        }
        if let v = file.lang {
            guard let language = Language(rawValue: v) else { throw Failure(description: "\(path): lang must be vi or en, not '\(v)'") }
            self.language = language
        }
        if let v = file.periods {
            periods = try v.map { (text: String) throws(Failure) -> PeriodKind in
                guard let kind = PeriodKind(rawValue: text.lowercased()) else {
                    throw Failure(description: "\(path): periods are quarter, half, 9m, year; not '\(text)'")
                }
                return kind
            }
        }
        if let v = file.units {
            let unitsPath = resolve(v)
            guard let text = FileManager.default.contents(atPath: unitsPath) else {
                throw Failure(description: "\(unitsPath): cannot read the unit aliases")
            }
            do { aliases = try UnitAliases(csv: String(decoding: text, as: UTF8.self)) } catch {
                throw Failure(description: "\(unitsPath):\(error.line): \(error.message)")
            }
        }
        for (name, unit) in (file.aliases ?? [:]).sorted(by: { $0.key < $1.key }) { aliases.add(name: name, unit: unit) }
    }

    static func formats(_ names: [String], in place: String) throws(Failure) -> [ReportFormat] {
        try names.map { (name: String) throws(Failure) -> ReportFormat in
            guard let format = ReportFormat(rawValue: name.lowercased()) else {
                throw Failure(description: "\(place): formats are \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")); not '\(name)'")
            }
            return format
        }
    }
}
