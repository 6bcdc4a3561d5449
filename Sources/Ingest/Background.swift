import Foundation

/// A value made on a thread of its own and waited for where it is needed: a file's hash while
/// the file is read, the next file opened while this one's rows are taken.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Set once, by the making thread, before `done` is signalled.
    private var result: Result<Value, IngestError>?

    /// Starts making the value at once.
    init(_ make: @escaping @Sendable () throws(IngestError) -> Value) {
        Thread.detachNewThread { [self] in
            result = Result { () throws(IngestError) -> Value in try make() }
            done.signal()
        }
    }

    /// Waits for the value, or throws what making it threw.
    func value() throws(IngestError) -> Value {
        done.wait()
        done.signal()
        guard let result else { preconditionFailure("signalled before the value was made") }
        return try result.get()
    }
}
