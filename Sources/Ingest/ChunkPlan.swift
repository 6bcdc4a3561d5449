#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How an export is cut into parts that threads of their own read at once.
///
/// A part starts just after a line feed near every `partSize` bytes: a guess that a record
/// starts there. The reader of the part before checks the guess (it reads on until the first
/// line start at or after the next part's start where no record is under way); when the guess
/// was wrong (the line feed was inside a quoted field), the part is read again from where the
/// part before really ended. UTF-16 files, and files with no line feed where a part would start
/// (CR-only line ends), are read as one part.
struct Chunking: Sendable {
    /// About how many bytes of the file each part holds.
    var partSize: Int
    /// How many bytes of the file one read takes.
    var readSize: Int
    /// How many threads read parts at once.
    var threads: Int

    /// How many batches a part's thread may hand over ahead of the consumer: about a part's
    /// worth, so that a thread reading the next part need not wait for the consumer to reach it.
    var depth: Int { max(4, min(64, partSize / (96 << 10) + 2)) }

    /// The smallest part a file is cut into so that every thread has some (``partSize(forFileOf:)``).
    static let smallestPart = 64 << 10

    /// Parts of 512 KiB: the batches held in flight are up to four parts' worth (``Pipeline``),
    /// 2 MiB less at the peak than parts of 1 MiB, at the same speed (the bench file, alternated).
    static let standard = Chunking(partSize: 1 << 19, readSize: DecodedInput.chunkSize,
                                   threads: ProcessInfo.processInfo.activeProcessorCount)
    /// The whole file as one part: what the parallel reader is compared with.
    static let whole = Chunking(partSize: .max, readSize: DecodedInput.chunkSize, threads: 1)

    /// The part size for a file of `size` bytes: `partSize`, or less for a file of under a few
    /// parts a thread, so that every thread has parts to read (a commune's monthly export of
    /// 1 MB was one part: it was read on one core, and 200 of them took twice one file of the
    /// same rows), but never under ``smallestPart``.
    func partSize(forFileOf size: Int) -> Int {
        guard threads > 1 else { return partSize }
        return min(partSize, max(Self.smallestPart, size / (threads * 4)))
    }

    /// The file offsets where parts after the first start: each just after a line feed, at or
    /// after `first` (where reading the header left off), before the end of the file.
    func starts(in file: InputFile, encoding: SourceEncoding, from first: Int) throws(IngestError) -> [Int] {
        let partSize = partSize(forFileOf: file.size)
        guard encoding != .utf16LE, encoding != .utf16BE, partSize < file.size else { return [] }
        var starts: [Int] = []
        var window = [UInt8](repeating: 0, count: min(max(partSize, 64), 1 << 16))
        var from = max(first, partSize)
        search: while from < file.size {
            // The first line feed at or after `from`.
            var at = from
            while true {
                guard at < file.size else { break search }
                let n = try file.read(into: &window, max: min(window.count, file.size - at), fileOffset: at)
                let hit = window.withUnsafeBufferPointer { buffer -> Int? in
                    guard let base = buffer.baseAddress, let found = memchr(base, 0x0A, n) else { return nil }
                    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                }
                if let hit {
                    at += hit
                    break
                }
                at += n
            }
            let start = at + 1
            guard start < file.size else { break }
            starts.append(start)
            from = max(start, from + partSize)
        }
        return starts
    }
}
