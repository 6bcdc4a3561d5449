import Foundation
import Synchronization

/// The files that writers have made beside their targets and not yet renamed over them. When a
/// signal ends the process (SIGTERM from a scheduler's time limit, a clerk's Ctrl-C, SIGHUP,
/// SIGPIPE from a closed pipe on standard output, SIGXCPU or SIGXFSZ from a job's limits), they
/// are removed first, so that no hidden, half-written file is left beside the outputs: a
/// rejects file holds the raw rows, personal data included.
///
/// The handler does only what a signal handler may (`unlink`, `signal`, `raise`): it reads
/// paths from buffers allocated once and never freed, then lets the signal's default action
/// end the process, with the status it would have had. Only a signal whose action is the
/// default is taken: one the process was started with ignored (`nohup`), or handled by a host
/// program, is never touched. (Dispatch's signal sources were tried: on Linux they lose a
/// signal that reaches a thread not blocking it.)
public enum PendingFiles {
    /// How many files can be pending at once (a bit of ``used`` each): a command writes one
    /// rejects file and one output at a time. A file past them is written all the same, only
    /// not removed on a signal.
    static let capacity = UInt16.bitWidth
    /// The longest path kept, with its terminating zero (PATH_MAX).
    static let pathBytes = 4096

    /// `capacity` buffers of `pathBytes`.
    nonisolated(unsafe) private static let paths = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathBytes)
    /// Bit n set while buffer n holds a pending path: set after the path is written, cleared
    /// before the buffer is written again. Atomic, released by the writers and acquired by the
    /// handler, so that a handler that sees a bit set (on any thread) sees the whole path, not
    /// a store the compiler or the processor moved after it. (A handler that runs while another
    /// thread removes a file and adds the next in the same buffer may still read a mix of the
    /// two names, which names no file.)
    private static let used = Atomic<UInt16>(0)
    private static let lock = NSLock()
    nonisolated(unsafe) private static var handling = false

    /// The signals that end a process and leave it the time to remove its pending files.
    static let endingSignals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXCPU, SIGXFSZ]

    /// Records `path` as pending: removed if a signal ends the process before ``remove(_:)``.
    public static func add(_ path: String) {
        let bytes = Array(path.utf8CString)
        guard bytes.count <= pathBytes else { return }
        lock.withLock {
            let taken = used.load(ordering: .relaxed)
            guard let slot = (0..<capacity).first(where: { taken & 1 << $0 == 0 }) else { return }
            bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                (paths + slot * pathBytes).update(from: base, count: source.count)
            }
            used.bitwiseOr(1 << slot, ordering: .releasing)
            if !handling {
                handling = true
                takeSignals()
            }
        }
    }

    /// `path` was renamed or removed: it is no longer this process's to remove.
    public static func remove(_ path: String) {
        lock.withLock {
            let taken = used.load(ordering: .relaxed)
            for slot in 0..<capacity where taken & 1 << slot != 0 && String(cString: paths + slot * pathBytes) == path {
                used.bitwiseAnd(~(1 << slot), ordering: .releasing)
            }
        }
    }

    /// Whether `path` is pending now.
    static func isPending(_ path: String) -> Bool {
        lock.withLock {
            let taken = used.load(ordering: .relaxed)
            return (0..<capacity).contains { taken & 1 << $0 != 0 && String(cString: paths + $0 * pathBytes) == path }
        }
    }

    private static func takeSignals() {
        for number in endingSignals where actsByDefault(number) {
            signal(number, PendingFiles.handle)
        }
    }

    /// Whether `number`'s action is the default one (SIG_DFL, nil here): read without changing it.
    private static func actsByDefault(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
        return current.__sigaction_handler.sa_handler == nil && current.sa_flags & SA_SIGINFO == 0
        #else
        return current.__sigaction_u.__sa_handler == nil && current.sa_flags & SA_SIGINFO == 0
        #endif
    }

    /// The handler: removes the pending files, then the default action ends the process once
    /// the handler returns (the signal stays blocked until then).
    private static let handle: @convention(c) (Int32) -> Void = { number in
        let taken = PendingFiles.used.load(ordering: .acquiring)
        for slot in 0..<PendingFiles.capacity where taken & 1 << slot != 0 {
            unlink(PendingFiles.paths + slot * PendingFiles.pathBytes)
        }
        signal(number, SIG_DFL)
        raise(number)
    }
}
