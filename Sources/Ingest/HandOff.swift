import Foundation

/// A bounded queue from one producing thread to one consuming thread.
///
/// Bounded, so that a fast producer (a CSV parser) never holds more than `depth` messages
/// ahead of a slow consumer: memory stays flat whatever the file size. The consumer cancels
/// when it gives up; the producer then sees `send` return false and stops.
final class HandOff<Message>: @unchecked Sendable {
    private let lock = NSLock()
    private let items = DispatchSemaphore(value: 0)
    private let slots: DispatchSemaphore
    private let depth: Int
    private var queue: [Message] = []
    private var cancelled = false

    init(depth: Int = 4) {
        self.depth = depth
        slots = DispatchSemaphore(value: depth)
    }

    /// Queues `message`, waiting while the queue is full; false once the consumer has gone.
    func send(_ message: Message) -> Bool {
        slots.wait()
        lock.lock()
        defer { lock.unlock() }
        if cancelled { return false }
        queue.append(message)
        items.signal()
        return true
    }

    /// The next message, waiting until there is one.
    func receive() -> Message {
        items.wait()
        lock.lock()
        let message = queue.removeFirst()
        lock.unlock()
        slots.signal()
        return message
    }

    /// True once the consumer has gone.
    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// The consumer is gone: drops what is queued and releases a producer waiting to send.
    func cancel() {
        lock.lock()
        cancelled = true
        queue.removeAll()
        lock.unlock()
        for _ in 0...depth { slots.signal() }
    }
}
