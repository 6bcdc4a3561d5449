import TestSupport
import Ingest
import Testing
@testable import KPIMetrics

/// One rule of kpi-rules.md per test, on dossiers built by hand, for 2023-Q1 (decree 09:
/// 15/12/2022 – 14/03/2023).
@Suite struct DossierClassTests {
    private func classes(_ d: Dossier) -> DossierClass { DossierClass(d, in: q1) }

    @Test func finishedOnTheDueDayAfterTheDueHourIsLate() {
        let d = dossier(.returned, received: moment(2023, 1, 5, 8), due: moment(2023, 1, 10, 17),
                        finished: moment(2023, 1, 10, 17, 0, 1))
        #expect(classes(d) == [.receivedNew, .receivedDirect, .resolved, .resolvedLate])
    }

    @Test func finishedOnTheDueDayBeforeTheDueHourIsOnTime() {
        let d = dossier(.processed, received: moment(2023, 1, 5, 8), due: moment(2023, 1, 10, 17),
                        finished: moment(2023, 1, 10, 9))
        #expect(classes(d).contains(.resolvedOnTime))
        #expect(!classes(d).contains(.resolvedEarly) && !classes(d).contains(.resolvedLate))
    }

    @Test func finishedTheDayBeforeTheDueDayIsEarlyEvenLateAtNight() {
        let d = dossier(.processed, received: moment(2023, 1, 5, 8), due: moment(2023, 1, 10, 0, 30),
                        finished: moment(2023, 1, 9, 23, 59))
        #expect(classes(d).contains(.resolvedEarly))
    }

    @Test func aDateOnlyDeadlineRunsToTheEndOfItsDay() {
        // Due "10/01/2023" is read as 23:59:59; finished at 18:00 that day: on time.
        let d = dossier(.processed, received: moment(2023, 1, 5, 8), due: moment(2023, 1, 10, 23, 59, 59),
                        finished: moment(2023, 1, 10, 18))
        #expect(classes(d).contains(.resolvedOnTime))
    }

    @Test func noDeadlineIsOnTime() {
        let d = dossier(.returned, received: moment(2023, 1, 5), finished: moment(2023, 3, 1))
        #expect(classes(d).contains(.resolvedOnTime))
    }

    @Test func withdrawnAndStoppedAreResolvedWithoutResult() {
        for status in [Status.withdrawn, .stopped] {
            let d = dossier(status, received: moment(2023, 1, 5), due: moment(2023, 1, 6),
                            finished: moment(2023, 1, 20), digitisedResult: true)
            #expect(classes(d) == [.receivedNew, .receivedDirect, .resolved, .resolvedLate, .resolvedWithoutResult])
        }
    }

    @Test func digitisedResultCountsOnlyForStatus9And10() {
        let d9 = dossier(.processed, received: moment(2023, 1, 5), finished: moment(2023, 1, 6), digitisedResult: true)
        #expect(classes(d9).contains(.resolvedWithDigitalResult))
        let d9no = dossier(.processed, received: moment(2023, 1, 5), finished: moment(2023, 1, 6))
        #expect(!classes(d9no).contains(.resolvedWithDigitalResult))
    }

    @Test func waitingForTheApplicantIsNeverOverdue() {
        for status in [Status.awaitingSupplement, .awaitingFinancialObligation] {
            let d = dossier(status, received: moment(2023, 1, 5), due: moment(2023, 1, 10))
            #expect(classes(d) == [.receivedNew, .receivedDirect, .pending])
        }
        let processing = dossier(.processing, received: moment(2023, 1, 5), due: moment(2023, 1, 10))
        #expect(classes(processing) == [.receivedNew, .receivedDirect, .pending, .pendingOverdue])
        let accepted = dossier(.accepted, received: moment(2023, 1, 5), due: moment(2023, 3, 15))
        #expect(!classes(accepted).contains(.pendingOverdue), "due on the first moment after the period is not overdue")
    }

    @Test func registeredAndNotAcceptedAreNotCounted() {
        #expect(classes(dossier(.registered, received: moment(2023, 1, 5))).isEmpty)
        #expect(classes(dossier(.notAccepted, received: moment(2023, 1, 5))).isEmpty)
    }

    @Test func carryOverAcrossPeriods() {
        // Received in Q4 2022 (decree 09), finished in Q1 2023: carried over, then resolved.
        let d = dossier(.returned, received: moment(2022, 12, 14, 16), due: moment(2023, 1, 5), finished: moment(2023, 1, 4))
        #expect(classes(d) == [.carriedOver, .resolved, .resolvedEarly])
        // Finished before the period: nowhere.
        let done = dossier(.returned, received: moment(2022, 12, 1), finished: moment(2022, 12, 14, 23))
        #expect(classes(done).isEmpty)
        // Still open at the end: carried over and pending.
        let open = dossier(.processing, received: moment(2022, 11, 1))
        #expect(classes(open) == [.carriedOver, .pending])
        // Received after the period: nowhere.
        #expect(classes(dossier(.processing, received: moment(2023, 3, 15))).isEmpty)
    }

    @Test func theFourteenthAndTheFifteenth() {
        let on14 = dossier(.processing, received: moment(2023, 3, 14, 23, 59))
        #expect(classes(on14).contains(.receivedNew))
        let on15 = dossier(.processing, received: moment(2023, 3, 15))
        #expect(!classes(on15).contains(.receivedNew))
        let finished15 = dossier(.returned, received: moment(2023, 3, 1), finished: moment(2023, 3, 15, 7))
        #expect(classes(finished15) == [.receivedNew, .receivedDirect, .pending], "finished after the period: pending in it")
    }

    @Test func channelsAndDigitisedDossiers() {
        let online = dossier(.accepted, received: moment(2023, 2, 1), channel: .online, digitisedDossier: true)
        #expect(classes(online) == [.receivedNew, .receivedOnline, .receivedDigitised, .pending])
        let postal = dossier(.accepted, received: moment(2023, 2, 1), channel: .postal)
        #expect(classes(postal).contains(.receivedPostal))
    }

    /// An open status keeps a dossier pending whatever dates it carries.
    @Test func onlyFinishedStatusesResolve() {
        let d = dossier(.processing, received: moment(2023, 1, 5), finished: moment(2023, 1, 6))
        #expect(classes(d) == [.receivedNew, .receivedDirect, .pending])
    }
}

