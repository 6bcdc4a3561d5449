internal import CXlsxWriter
import Foundation

/// libxlsxwriter could not make the workbook.
public struct XLSXWriteError: Error, CustomStringConvertible, Sendable {
    public var reason: String

    public var description: String { "cannot write the workbook: \(reason)" }
}

typealias Format = UnsafeMutablePointer<lxw_format>

/// A workbook being written through libxlsxwriter. Cell writes remember the first error;
/// `finish` returns the workbook's bytes, or throws that error.
///
/// libxlsxwriter 1.1.4 (Debian's) writes only to a named file (its `output_buffer` option came
/// later), so the workbook goes to an anonymous temporary file, opened by its descriptor's
/// name: nothing is left behind, whatever happens.
final class Workbook {
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let scratch: UnsafeMutablePointer<FILE>
    private var firstError = LXW_NO_ERROR

    init() throws(XLSXWriteError) {
        guard let scratch = tmpfile() else {
            throw XLSXWriteError(reason: "no temporary file (\(String(cString: strerror(errno))))")
        }
        #if os(Linux)
        let path = "/proc/self/fd/\(fileno(scratch))"
        #else
        let path = "/dev/fd/\(fileno(scratch))"
        #endif
        guard let workbook = path.withCString({ workbook_new($0) }) else {
            fclose(scratch)
            throw XLSXWriteError(reason: "libxlsxwriter could not start a workbook (out of memory?)")
        }
        self.scratch = scratch
        self.workbook = workbook
    }

    deinit {
        // Only when `finish` was never reached.
        if let workbook { _ = workbook_close(workbook) }
        fclose(scratch)
    }

    func record(_ error: lxw_error) {
        if error != LXW_NO_ERROR, firstError == LXW_NO_ERROR { firstError = error }
    }

    /// The title, and the creation time (seconds since 1970, UTC) that the zip entries carry too.
    func setProperties(title: String, created: Int) {
        guard let workbook else { return }
        var properties = lxw_doc_properties()
        let copy = strdup(title)
        defer { free(copy) }
        properties.title = copy
        properties.created = time_t(created)
        record(workbook_set_properties(workbook, &properties))
    }

    func addSheet(_ name: String) -> Sheet {
        let sheet = name.withCString { workbook_add_worksheet(workbook, $0) }
        if sheet == nil { record(LXW_ERROR_SHEETNAME_ALREADY_USED) }
        return Sheet(sheet: sheet, book: self)
    }

    /// A new cell format, set up by `configure`; nil when the workbook is gone or out of memory
    /// (the cell is then written unformatted).
    func format(_ configure: (Format) -> Void) -> Format? {
        guard let workbook, let format = workbook_add_format(workbook) else { return nil }
        configure(format)
        return format
    }

    /// Writes the workbook and returns its bytes.
    func finish() throws(XLSXWriteError) -> Data {
        guard let workbook else { throw XLSXWriteError(reason: "already finished") }
        self.workbook = nil
        let closed = workbook_close(workbook)
        let error = firstError != LXW_NO_ERROR ? firstError : closed
        guard error == LXW_NO_ERROR else { throw XLSXWriteError(reason: String(cString: lxw_strerror(error))) }
        var bytes = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        rewind(scratch)
        while true {
            let count = fread(&buffer, 1, buffer.count, scratch)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        guard ferror(scratch) == 0 else { throw XLSXWriteError(reason: "cannot read the workbook back") }
        return bytes
    }
}
