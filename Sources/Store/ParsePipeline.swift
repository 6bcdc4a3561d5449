import Foundation
import Ingest

/// Reads an export on a thread of its own and hands its rows over in batches, so that parsing
/// (one core) and SQLite's inserts (the other) overlap during an import.
///
/// The queue between the two is bounded: memory stays at a few batches whatever the file size.
final class ParsePipeline: @unchecked Sendable {
    /// What the reading thread sends.
    enum Message {
        case header(Header)
        case batch(Batch)
        case end(rowsRead: Int, blankRecords: Int)
        case failure(IngestError)
    }

    struct Header {
        var byteCount: Int
        var kind: ExportKind
        var encoding: SourceEncoding
        var delimiter: UInt8
        var ignoredColumns: [String]
    }

    /// Up to `Batch.capacity` rows: accepted ones (code bytes back to back, facts), rejected
    /// ones, and the text of unit spellings seen for the first time.
    struct Batch {
        static let capacity = 8192
        var codeBytes: [UInt8] = []
        var codeEnds: [Int] = []
        var facts: [RowFacts] = []
        var rejects: [Reject] = []
        /// The dossier code of each rejected row, when it could be read.
        var rejectCodes: [String?] = []
        /// MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc of each accepted row, back to back.
        var texts: [UInt8] = []
        var textEnds: [Int] = []
        var newSpellings: [(id: UnitRegistry.SpellingID, text: String)] = []
        /// How much of the file had been read when the batch was sent (0…1).
        var fraction = 0.0

        var rowCount: Int { facts.count + rejects.count }

        func code(_ index: Int) -> ArraySlice<UInt8> {
            codeBytes[(index == 0 ? 0 : codeEnds[index - 1])..<codeEnds[index]]
        }

        /// Descriptive field `k` (0–3, in `descriptiveFields` order) of accepted row `index`.
        func text(_ index: Int, _ k: Int) -> ArraySlice<UInt8> {
            let i = index * 4 + k
            // Each text is followed by a 0x1F separator (see `descriptiveKey`).
            return texts[(i == 0 ? 0 : textEnds[i - 1])..<(textEnds[i] - 1)]
        }

        /// The four descriptive fields of accepted row `index`, separators included: one
        /// contiguous key that tells apart "AB"+"C" from "A"+"BC".
        func descriptiveKey(_ index: Int) -> ArraySlice<UInt8> {
            let first = index * 4
            return texts[(first == 0 ? 0 : textEnds[first - 1])..<textEnds[first + 3]]
        }
    }

    /// The fields the store keeps as read, though no rule uses them.
    static let descriptiveFields: [CanonicalField] = [.maTTHC, .tenTTHC, .maLinhVuc, .tenLinhVuc]

    private let handOff = HandOff<Message>()

    /// Starts reading `path` at once.
    init(path: String, name: String, options: ImportOptions) {
        Thread.detachNewThread { [self] in read(path: path, name: name, options: options) }
    }

    /// The next message; blocks until the reader has one.
    func next() -> Message { handOff.receive() }

    /// Stops the reader (the import failed): it ends at its next batch.
    func cancel() { handOff.cancel() }

    private func send(_ message: Message) -> Bool { handOff.send(message) }

    private func read(path: String, name: String, options: ImportOptions) {
        do {
            let units = UnitRegistry()
            let reader = try ExportReader(path: path, name: name, encoding: options.encoding,
                                          delimiter: options.delimiter, units: units, readsOnItsOwnThread: false)
            let header = Header(byteCount: reader.byteCount, kind: reader.header.kind, encoding: reader.encoding,
                                delimiter: reader.delimiter, ignoredColumns: reader.header.ignored)
            guard send(.header(header)) else { return }
            var seen = Set<Int32>()
            var batch = Batch()
            while let row = try reader.nextRow() {
                switch row {
                case .accepted(let facts):
                    batch.codeBytes.append(contentsOf: reader.currentCode)
                    batch.codeEnds.append(batch.codeBytes.count)
                    batch.facts.append(facts)
                    for field in Self.descriptiveFields {
                        reader.withCurrentField(field) { batch.texts.append(contentsOf: $0) }
                        batch.texts.append(0x1F)
                        batch.textEnds.append(batch.texts.count)
                    }
                    if seen.insert(facts.unitSpelling.rawValue).inserted {
                        batch.newSpellings.append((facts.unitSpelling, units.text(of: facts.unitSpelling)))
                    }
                case .rejected(let reject):
                    batch.rejects.append(reject)
                    batch.rejectCodes.append(reader.currentCode.isEmpty ? nil : String(decoding: reader.currentCode, as: UTF8.self))
                }
                if batch.rowCount == Batch.capacity {
                    batch.fraction = header.byteCount > 0 ? min(1, Double(reader.currentByteOffset) / Double(header.byteCount)) : 1
                    guard send(.batch(batch)) else { return }
                    batch = Batch()
                }
            }
            if batch.rowCount > 0 { guard send(.batch(batch)) else { return } }
            _ = send(.end(rowsRead: reader.rowsRead, blankRecords: reader.blankRecords))
        } catch {
            _ = send(.failure(error))
        }
    }
}
