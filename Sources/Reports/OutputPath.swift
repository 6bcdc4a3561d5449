import Foundation

/// Where an output path leads, for the writers that must not replace what it names: a link
/// is written through to its target, and only a regular file is replaced by a rename.
public enum OutputPath {
    /// `path` with its links followed (`realpath`): the file a link points to, so that the
    /// atomic rename lands there and not on the link. A path still to be made is its folder's
    /// real path and its name; one that cannot be resolved stays as given.
    public static func resolvedLinks(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // A link whose target is still to be made: the target, relative to the link's folder,
        // link after link (as the kernel would, up to its 40).
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            let folder = (current as NSString).deletingLastPathComponent
            current = target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
        }
        return path
    }

    /// Whether `path` is a regular file or still to be made: what a new file renamed over it
    /// may replace. A pipe, a device or a folder is not.
    public static func isReplaceable(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) != 0 || status.st_mode & S_IFMT == S_IFREG
    }

    /// The same for `path` itself, a link not followed: a link is replaced by the rename.
    public static func isReplaceable(linkItself path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) != 0 || [S_IFREG, S_IFLNK].contains(status.st_mode & S_IFMT)
    }
}
