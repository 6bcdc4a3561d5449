import ArgumentParser
import Foundation
import Ingest
import KPIMetrics
import Reports
import Store

/// `motcua verify`: recomputes a json report from its inputs and says whether it stands.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute a json report from the named files (or the store) and compare every figure.",
        discussion: """
            Prints OK, or each differing cell. Exit 0 when identical, 1 when a figure differs, 65 when \
            an input's SHA-256 does not match the report's manifest (the input is named), 66 when the \
            report or an input cannot be read.
            """)

    @Argument(help: "A report written by motcua report --format json.")
    var report: String

    @Argument(help: "The export files the report was made from (none: the store's imports, found by SHA-256).")
    var files: [String] = []

    @OptionGroup var store: StoreOptions

    func run() throws {
        let document = try readReport()
        let set = files.isEmpty ? try fromStore(document) : try fromFiles(document)
        let table = KPITable(period: document.period, basis: document.basis, target: document.target,
                             dossiers: set.dossiers, unitNames: set.unitNames)
        let manifest = ReportManifest(inputs: set.inputs, aliases: set.aliasUses)
        let recomputed = try ReportDocument(json: Data(table.json(manifest: manifest).utf8))
        let differences = document.differences(from: recomputed)
        if differences.isEmpty {
            Terminal.write("OK\n")
            return
        }
        Terminal.write(differences.map { $0 + "\n" }.joined())
        throw ExitCode(1)
    }

    private func readReport() throws -> ReportDocument {
        guard let data = FileManager.default.contents(atPath: report) else {
            Terminal.fail("\(report): cannot read the report")
            throw ExitCode(Exit.noInput)
        }
        do {
            return try ReportDocument(json: data)
        } catch {
            Terminal.fail("\(report): \(error.description)")
            throw ExitCode(Exit.noInput)
        }
    }

    private func fromFiles(_ document: ReportDocument) throws -> DossierSet {
        var hashes: [String: String] = [:]  // file → SHA-256
        for file in files {
            do {
                try checkInputFile(path: file, name: file)
                hashes[file] = try FileDigest.sha256(of: file, name: file)
            } catch {
                Terminal.fail(error.description)
                throw ExitCode(Exit.noInput)
            }
        }
        let expected = Set(document.inputs.map(\.sha256))
        for input in document.inputs where !hashes.values.contains(input.sha256) {
            let base = URL(fileURLWithPath: input.name).lastPathComponent
            if let file = files.first(where: { URL(fileURLWithPath: $0).lastPathComponent == base }) {
                hashMismatch("\(file): SHA-256 \(hashes[file] ?? "?") does not match the manifest's \(input.sha256) for \(input.name)")
            }
            hashMismatch("\(input.name): no FILE given has the manifest's SHA-256 \(input.sha256)")
        }
        for file in files where !expected.contains(hashes[file] ?? "") {
            hashMismatch("\(file): not an input of the report (SHA-256 \(hashes[file] ?? "?") is not in its manifest)")
        }
        let source = ExportFiles(paths: files, aliases: document.aliases)
        source.computesDigests = true
        return try readDossiers(from: source).0
    }

    private func fromStore(_ document: ReportDocument) throws -> DossierSet {
        let opened = try store.open(.read)
        let imports: [ImportRecord]
        do { imports = try opened.imports() } catch { throw StoreFailure(error) }
        var ids: Set<Int64> = []
        for input in document.inputs {
            let match = imports.first { $0.sha256 == input.sha256 }
            if match == nil {
                hashMismatch("\(input.name): no import in \(opened.name) has the manifest's SHA-256 \(input.sha256)")
            }
            if let id = match?.id { ids.insert(id) }
        }
        return try readDossiers(from: opened.dossiers(only: ids, aliases: document.aliases)).0
    }

    private func hashMismatch(_ message: String) -> Never {
        Terminal.fail(message)
        Self.exit(withError: ExitCode(Exit.dataError))
    }
}
