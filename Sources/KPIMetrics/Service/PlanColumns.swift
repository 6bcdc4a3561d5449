import Foundation

/// The plan's five service targets (service-index.md, "The plan table"), each defined once:
/// its machine name, its numerator and denominator, its default goal. Every format loops over
/// `PlanTarget.allCases`.
public enum PlanTarget: String, CaseIterable, Sendable {
    case onTime = "on_time"
    case eligibleOnline = "eligible_online"
    case digitisedResult = "digitised_result"
    case satisfied
    case electronicRouting = "electronic_routing"

    public var name: String { rawValue }

    public var fraction: (numerator: ServiceCount, denominator: ServiceCount) {
        switch self {
        case .onTime: return (.onTimeNumerator, .resolved)
        case .eligibleOnline: return (.eligibleOnlineNumerator, .eligibleOnlineDenominator)
        case .digitisedResult: return (.digitisedResultNumerator, .digitisedResultDenominator)
        case .satisfied: return (.satisfiedNumerator, .satisfiedDenominator)
        case .electronicRouting: return (.routingNumerator, .routingDenominator)
        }
    }

    /// The plan's goal, in percent.
    public var defaultGoal: Target {
        switch self {
        case .onTime: return .onTimeDefault
        case .eligibleOnline, .digitisedResult: return Target(scaled: 100, divisor: 1)
        case .satisfied, .electronicRouting: return Target(scaled: 95, divisor: 1)
        }
    }
}

/// The goal of each target: the plan's, unless configured (`--goal`, `[goals]`, `--target`).
public struct Goals: Hashable, Sendable {
    private var values: [PlanTarget: Target] = [:]

    public init() {}

    public subscript(target: PlanTarget) -> Target {
        get { values[target] ?? target.defaultGoal }
        set { values[target] = newValue }
    }

    /// The goals given, when they differ from the plan's.
    public var isDefault: Bool { values.allSatisfy { $0.value == $0.key.defaultGoal } }

    /// The targets whose goal was given (rather than left at the plan's), in the plan's order.
    public var given: [PlanTarget] { PlanTarget.allCases.filter { values[$0] != nil } }
}

/// One target of one row of the plan table.
public struct PlanFigure: Sendable, Equatable {
    public var target: PlanTarget
    public var numerator: Int
    public var denominator: Int
    public var goal: Target

    /// No value when the denominator is 0.
    public var rate: Percentage? { Percentage(numerator, of: denominator) }

    /// The exact rate is at least the goal; nil when the rate has no value.
    public var met: Bool? { rate.map { !$0.isBelow(goal) } }
}

extension ServiceCounts {
    /// The plan's five figures of this row, in the table's order.
    public func plan(_ goals: Goals) -> [PlanFigure] {
        PlanTarget.allCases.map { target in
            PlanFigure(target: target, numerator: self[target.fraction.numerator],
                       denominator: self[target.fraction.denominator], goal: goals[target])
        }
    }
}

/// Why a goal given on the command line or in the configuration cannot be taken.
public enum GoalError: Error, Equatable, Sendable {
    /// Not `NAME=PERCENT` with a known name and a plain decimal from 0 to 100.
    case invalid(String)
    /// The same goal given twice (`--target` is on_time's).
    case twice(String)
}

extension Goals {
    /// Sets `name`'s goal from its decimal text; a goal already set is an error, never a
    /// silent choice.
    public mutating func set(_ name: String, _ value: String) throws(GoalError) {
        guard let target = PlanTarget(rawValue: name),
              value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let goal = Target(value) else {
            throw .invalid("\(name)=\(value)")
        }
        if values[target] != nil { throw .twice(name) }
        values[target] = goal
    }

    /// The goals of `--target T` (on_time) and each `--goal NAME=PERCENT`.
    public init(target: String?, assignments: [String]) throws(GoalError) {
        self.init()
        if let target { try set(PlanTarget.onTime.name, target) }
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .invalid(assignment) }
            try set(String(parts[0]).trimmingCharacters(in: .whitespaces), String(parts[1]).trimmingCharacters(in: .whitespaces))
        }
    }
}
