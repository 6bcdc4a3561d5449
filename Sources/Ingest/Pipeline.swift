import Foundation

/// Batches made on threads of their own and handed to one consumer in order, through bounded
/// queues: how reading overlaps with what is done with what is read.
///
/// Each producer sends batches through a queue of `depth`; the consumer takes every batch of
/// the first producer, then every batch of the second, and so on. Producers run on `threads`
/// threads: producer k on thread k mod `threads`, after producer k − `threads` has ended and once
/// the consumer has reached producer k − `threads` − 1 (so at most `threads` + 2 producers'
/// batches are held: one more than the threads need to run side by side, so that a thread done
/// with its part goes on while the consumer still waits for a slower part before it; with one
/// fewer a core idled a tenth of the time). Producers over
/// consecutive chunks of one file therefore yield the file's batches in file order while they
/// run side by side, and memory stays at a few parts' batches whatever the file size. `skip` drops one producer;
/// `cancel` (or letting go of the pipeline) stops every producer at its next send.
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
    private var skipped: [Bool]
    private var current = 0 {
        didSet { gate.advance(to: current) }
    }
    /// Producer k starts once the consumer has reached producer k − `window` + 1: at most
    /// `window` producers' batches are held at once, however far ahead the threads could run.
    private let gate: StartGate

    /// Starts the first `threads` producers at once (every producer when `threads` is nil).
    /// `ahead`: how many producers' batches may be held at once, when not `threads` + 2 (a
    /// consumer that takes nothing until it has done work of its own lets every producer run).
    public init(depth: Int = 4, threads: Int? = nil, ahead: Int? = nil, producers: [Producer]) {
        let queues = producers.map { _ in HandOff<Message>(depth: depth) }
        self.queues = queues
        skipped = Array(repeating: false, count: producers.count)
        let threads = max(1, min(threads ?? producers.count, producers.count))
        let gate = StartGate(window: ahead ?? (threads == producers.count ? producers.count : threads + 2))
        self.gate = gate
        for thread in 0..<threads {
            let mine = Array(stride(from: thread, to: producers.count, by: threads))
            Thread.detachNewThread {
                for k in mine {
                    gate.wait(toStart: k)
                    if queues[k].isCancelled { continue }
                    do throws(IngestError) {
                        let produce = producers[k]
                        try produce { queues[k].send(.batch($0)) }
                        _ = queues[k].send(.end)
                    } catch {
                        _ = queues[k].send(.failure(error))
                    }
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
            if skipped[current] {
                current += 1
                continue
            }
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

    /// The consumer will not read producer `index` (one it has not reached): the producer
    /// stops at its next send, and `next` passes over it.
    public func skip(_ index: Int) {
        guard index > current || (index == current && index < queues.count) else { return }
        skipped[index] = true
        queues[index].cancel()
    }

    /// The consumer gives up: every producer stops at its next send.
    public func cancel() {
        for queue in queues { queue.cancel() }
        gate.advance(to: Int.max / 2)
    }
}

/// Where the consumer of a ``Pipeline`` is, for producers waiting to start.
private final class StartGate: @unchecked Sendable {
    private let condition = NSCondition()
    private let window: Int
    private var reached = 0

    init(window: Int) { self.window = window }

    /// Waits until producer `k` may start.
    func wait(toStart k: Int) {
        condition.lock()
        while k >= reached + window { condition.wait() }
        condition.unlock()
    }

    func advance(to position: Int) {
        condition.lock()
        reached = max(reached, position)
        condition.broadcast()
        condition.unlock()
    }
}
