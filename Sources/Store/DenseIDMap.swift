/// Values by a table's integer id, for look-ups made once per stored row: an array indexed by
/// id when the ids are small (SQLite's are 1, 2, 3… unless set by hand), a dictionary
/// otherwise. A hashed look-up a row cost a report over `current` a twentieth of its time. Both
/// stores read their rows through one.
public struct DenseIDMap<Value>: Sendable where Value: Sendable {
    private var dense: [Value?] = []
    private var sparse: [Int64: Value] = [:]
    /// Ids below this are kept in `dense` (at most a megabyte or two, whatever one id is).
    private static var denseLimit: Int64 { 1 << 16 }

    public init() {}

    public subscript(id: Int64) -> Value? {
        get {
            if id >= 0, id < dense.count { return dense[Int(id)] }
            return sparse[id]
        }
        set {
            guard id >= 0, id < Self.denseLimit else {
                sparse[id] = newValue
                return
            }
            if id >= dense.count { dense += Array(repeating: nil, count: Int(id) + 1 - dense.count) }
            dense[Int(id)] = newValue
        }
    }
}
