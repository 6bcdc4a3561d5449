import NIOCore
import PostgresNIO

/// The cells of one result row read in order, straight from their binary form: what a report
/// reads for a million dossiers. postgres-nio's generic `decode` of a tuple costs more per row
/// than the rest of the report; these read an integer, a flag or a text where it stands.
struct RowCells {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) { cells = row.makeIterator() }

    private mutating func next() throws -> PostgresCell {
        guard let cell = cells.next() else { throw UnexpectedReply("a row with fewer columns than asked for") }
        return cell
    }

    /// An `int2`, `int4` or `int8` cell; nil when NULL.
    mutating func integer() throws -> Int64? {
        let cell = try next()
        guard let bytes = cell.bytes else { return nil }
        guard cell.format == .binary else { throw UnexpectedReply("an integer not in binary form") }
        switch (cell.dataType, bytes.readableBytes) {
        case (.int8, 8): return bytes.getInteger(at: bytes.readerIndex, as: Int64.self)
        case (.int4, 4): return bytes.getInteger(at: bytes.readerIndex, as: Int32.self).map(Int64.init)
        case (.int2, 2): return bytes.getInteger(at: bytes.readerIndex, as: Int16.self).map(Int64.init)
        default: throw UnexpectedReply("column \(cell.columnName) is not an integer")
        }
    }

    mutating func requiredInteger() throws -> Int64 {
        guard let value = try integer() else { throw UnexpectedReply("a NULL where a number must be") }
        return value
    }

    mutating func boolean() throws -> Bool {
        guard let value = try optionalBoolean() else { throw UnexpectedReply("a NULL where a flag must be") }
        return value
    }

    /// A `bool` cell; nil when NULL.
    mutating func optionalBoolean() throws -> Bool? {
        let cell = try next()
        if cell.bytes == nil { return nil }
        guard cell.dataType == .bool, cell.format == .binary, let bytes = cell.bytes, bytes.readableBytes == 1,
              let byte = bytes.getInteger(at: bytes.readerIndex, as: UInt8.self) else {
            throw UnexpectedReply("column \(cell.columnName) is not a flag")
        }
        return byte != 0
    }

    /// A text cell; nil when NULL.
    mutating func text() throws -> String? {
        let cell = try next()
        guard let bytes = cell.bytes else { return nil }
        return String(buffer: bytes)
    }

    /// A text cell's UTF-8 bytes (read them with `withUnsafeReadableBytes`: no `String`).
    mutating func textBytes() throws -> ByteBuffer {
        let cell = try next()
        guard let bytes = cell.bytes else { throw UnexpectedReply("column \(cell.columnName) is NULL") }
        return bytes
    }
}
