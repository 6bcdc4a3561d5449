import NIOCore
import PostgresNIO

/// The cells of one result row read in order, straight from their binary form: what a report
/// reads for a million dossiers. postgres-nio's generic `decode` of a tuple costs more per row
/// than the rest of the report; these read a text (or a `bytea`, a packed state) where it stands.
struct RowCells {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) { cells = row.makeIterator() }

    private mutating func next() throws -> PostgresCell {
        guard let cell = cells.next() else { throw UnexpectedReply("a row with fewer columns than asked for") }
        return cell
    }

    /// A text cell; nil when NULL.
    mutating func text() throws -> String? {
        let cell = try next()
        guard let bytes = cell.bytes else { return nil }
        return String(buffer: bytes)
    }

    /// A `bytea` cell's bytes; nil when NULL.
    mutating func bytea() throws -> ByteBuffer? {
        try next().bytes
    }

    /// A text cell's UTF-8 bytes, or a `bytea` cell's bytes (read them with `withUnsafeReadableBytes`: no `String`).
    mutating func textBytes() throws -> ByteBuffer {
        let cell = try next()
        guard let bytes = cell.bytes else { throw UnexpectedReply("column \(cell.columnName) is NULL") }
        return bytes
    }
}
