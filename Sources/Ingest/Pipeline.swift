import Foundation

/// Batches made on threads of their own and handed to one consumer in order, through bounded
/// queues: how reading overlaps with what is done with what is read.
///
/// Each producer runs on a thread of its own and sends batches through a queue of `depth`; the
/// consumer takes every batch of the first producer, then every batch of the second, and so
/// on. Producers over consecutive chunks of one file therefore yield the file's batches in
/// file order while they run side by side, and memory stays at a few batches per producer
/// whatever the file size. `cancel` (or letting go of the pipeline) stops every producer at its
/// next send.
public final class Pipeline<Batch>: @unchecked Sendable {
    /// Makes batches and passes each to `send`, which waits while the queue is full and returns
    /// false once the consumer has gone (the producer should then return).
    public typealias Producer = @Sendable (_ send: (Batch) -> Bool) throws(IngestError) -> Void

    private enum Message {
        case batch(Batch)
        case end
        case failure(IngestError)
    }

    private let queues: [HandOff<Message>]
    private var current = 0

    /// Starts every producer at once.
    public init(depth: Int = 4, producers: [Producer]) {
        queues = producers.map { _ in HandOff<Message>(depth: depth) }
        for (queue, produce) in zip(queues, producers) {
            Thread.detachNewThread {
                do throws(IngestError) {
                    try produce { queue.send(.batch($0)) }
                    _ = queue.send(.end)
                } catch {
                    _ = queue.send(.failure(error))
                }
            }
        }
    }

    /// One producer.
    public convenience init(depth: Int = 4, producer: @escaping Producer) {
        self.init(depth: depth, producers: [producer])
    }

    deinit { cancel() }

    /// The next batch in order, waiting for it; nil once every producer has ended. A producer's
    /// error is thrown where its batches stop, and ends the pipeline.
    public func next() throws(IngestError) -> Batch? {
        while current < queues.count {
            switch queues[current].receive() {
            case .batch(let batch):
                return batch
            case .end:
                current += 1
            case .failure(let error):
                cancel()
                current = queues.count
                throw error
            }
        }
        return nil
    }

    /// The consumer gives up: every producer stops at its next send.
    public func cancel() {
        for queue in queues { queue.cancel() }
    }
}
