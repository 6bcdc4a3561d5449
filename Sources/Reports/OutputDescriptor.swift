/// Paths that name a descriptor the process already holds: `/dev/stdout`, `/dev/stderr`,
/// `/dev/fd/N`, `/proc/self/fd/N`.
///
/// Why: such a path leads to whatever the shell opened (`>> run.log`, a pipe, a terminal).
/// Opened again, a regular file would be truncated or renamed over, losing what the shell
/// appended before; the descriptor itself is written instead, at its own position.
public enum OutputDescriptor {
    public static func standard(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }
}
