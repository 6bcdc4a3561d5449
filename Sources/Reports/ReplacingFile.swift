import Foundation

/// A new file written beside the file it replaces and renamed over it once whole, so that
/// readers see the old file or the new one, never half of one: a fault leaves the old file as
/// it was, and a signal that ends the process leaves no hidden file behind (``PendingFiles``).
///
/// Every output motcua replaces goes through here (reports, listings, rejects, the stamps of
/// `run`). Foundation's atomic write, used before for reports, left its `.dat.nosync…` file
/// beside the report when a scheduler's time limit ended a run while it wrote.
public struct ReplacingFile {
    /// The file replaced (links followed: a link stays a link, the file it points to changes).
    let target: String
    /// The path as the user named it, for errors.
    let path: String
    /// The descriptor of the new file, open for writing.
    let descriptor: Int32
    /// The new file until ``commit()`` or ``discard()``.
    private(set) var pending: String?
    /// The permissions the file gets when renamed: those of the file it replaces, or a new
    /// file's. Until then it is mkstemp's, private: half a file is nobody's to read.
    private let mode: mode_t

    /// A new file to replace `target` (`path`, links resolved unless `followingLinks` is
    /// false); nil when its folder takes no new file but the target may be written (it is then
    /// written in place).
    static func open(replacing target: String, path: String, followingLinks: Bool = true) throws -> ReplacingFile? {
        let folder = (target as NSString).deletingLastPathComponent
        // A name of at most 255 bytes, whatever the target's: its first 200, cut between
        // characters, then seven more.
        var name = ""
        for character in (target as NSString).lastPathComponent {
            guard name.utf8.count + String(character).utf8.count <= 200 else { break }
            name.append(character)
        }
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            let refused = [EACCES, EPERM, EROFS].contains(errno)
            if refused, followingLinks, access(target, W_OK) == 0 { return nil }
            throw cannotWrite(path)
        }
        let pending = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        PendingFiles.add(pending)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return ReplacingFile(target: target, path: path, descriptor: descriptor, pending: pending,
                             mode: mode(replacing: target, followingLinks: followingLinks))
    }

    /// Writes `bytes` at `path` whole: a regular file (or one still to be made) is replaced, a
    /// pipe or a device written in place.
    ///
    /// `followingLinks`: a link at `path` is written through, the file it points to replaced
    /// (what a user's `--output` names); else the link itself is replaced, as a file of the
    /// program's own naming must be (`run`'s reports: a link planted in its reports folder must
    /// not make it overwrite the file the link names).
    public static func write(_ bytes: Data, to path: String, followingLinks: Bool = true) throws {
        // Whether the path leads to a regular file, asked of the kernel through every link: a
        // link to `/dev/stdout` on a pipe leads to the pipe.
        let replaceable = followingLinks ? OutputPath.isReplaceable(path) : OutputPath.isReplaceable(linkItself: path)
        let target = followingLinks ? OutputPath.resolvedLinks(path) : path
        if replaceable, var file = try open(replacing: target, path: path, followingLinks: followingLinks) {
            do {
                let handle = FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: true)
                try handle.write(contentsOf: bytes)
                file.written()
                try handle.close()
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
            return
        }
        let handle = FileHandle(fileDescriptor: try openInPlace(path, truncating: replaceable, followingLinks: followingLinks),
                                closeOnDealloc: true)
        defer { try? handle.close() }
        try handle.write(contentsOf: bytes)
    }

    /// `path` opened for writing where it is: a pipe or a device; or a file this user may
    /// write in a folder it may not add to (`truncating` it). A link is refused unless
    /// `followingLinks`.
    static func openInPlace(_ path: String, truncating: Bool, followingLinks: Bool = true) throws -> Int32 {
        let descriptor = Foundation.open(path, O_WRONLY | O_CLOEXEC | (truncating ? O_TRUNC : 0) | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { throw cannotWrite(path) }
        return descriptor
    }

    /// Gives the new file, written whole and still open, the permissions it keeps: by its
    /// descriptor, so that nobody who may write the folder can swap another file in for it.
    func written() {
        fchmod(descriptor, mode)
    }

    /// Renames the new file (``written()`` and closed) over the target.
    mutating func commit() throws {
        guard let pending else { return }
        guard rename(pending, target) == 0 else { throw Self.cannotWrite(path) }
        self.pending = nil
        PendingFiles.remove(pending)
    }

    /// Removes the new file: the target stays as it was.
    mutating func discard() {
        guard let pending else { return }
        self.pending = nil
        unlink(pending)
        PendingFiles.remove(pending)
    }

    static func cannotWrite(_ path: String) -> CocoaError {
        CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }

    /// The permissions of the file replaced, or those a new file gets under the umask (a link
    /// replaced, not followed, is no file to take them from).
    private static func mode(replacing target: String, followingLinks: Bool) -> mode_t {
        var status = stat()
        let found = followingLinks ? stat(target, &status) : lstat(target, &status)
        if found == 0, status.st_mode & S_IFMT == S_IFREG { return status.st_mode & 0o7777 }
        return 0o666 & ~processUmask()
    }

    /// The process's umask, read without changing it (`umask` sets it, for every thread, while
    /// it is read) where Linux tells it (`Umask:` in /proc/self/status, Linux 4.7 on).
    private static func processUmask() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
