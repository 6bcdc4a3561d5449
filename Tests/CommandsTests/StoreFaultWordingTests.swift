import Commands
import Store
import Testing
import Wording

/// A store server's faults are worded in the reader's language, the server's and the system's
/// own words kept as they said them, and all of them exit 74.
@Suite struct StoreFaultWordingTests {
    static let serverSaid = "password authentication failed for user \"importer\""

    static let faults: [ServerFault] = [
        .invalidURL(.notAURL), .invalidURL(.noHost), .invalidURL(.noUser), .invalidURL(.portOutOfRange),
        .invalidURL(.slashInDatabaseName), .invalidURL(.unknownTLSMode(allowed: ["disable", "require"])),
        .invalidURL(.unknownParameter("password")), .unreadableRootCertificate("/khong-co/ca.pem"),
        .cannotConnect(.refused), .cannotConnect(.timedOut), .cannotConnect(.unresolvableHost("EAI_NONAME")),
        .cannotConnect(.noAddress), .cannotConnect(.untrustedCertificate), .cannotConnect(.certificateForAnotherHost),
        .cannotConnect(.tls("handshake failure")), .cannotConnect(.other("network is unreachable")),
        .cannotConnect(.unknown), .cannotSetUpTLS(.tls("no cipher")), .tlsNotOffered, .passwordNeeded,
        .authenticationFailed(serverMessage: nil), .authenticationFailed(serverMessage: serverSaid), .connectionLost,
        .sessionEnded(serverMessage: "terminating connection due to administrator command"),
    ]

    static func message(_ fault: ServerFault, _ language: Language) -> String {
        StoreError(path: "postgresql://reader@db/motcua", kind: .server(fault)).message(language)
    }

    @Test(arguments: faults)
    func everyFaultIsOneLineInEachLanguageNamingTheStore(fault: ServerFault) {
        let error = StoreError(path: "postgresql://reader@db/motcua", kind: .server(fault))
        #expect(error.exitStatus == 74)
        let (vi, en) = (Self.message(fault, .vi), Self.message(fault, .en))
        for text in [vi, en] {
            #expect(text.hasPrefix("postgresql://reader@db/motcua: "), "\(text)")
            #expect(!text.contains("\n") && !text.contains("{") && !text.contains("}"), "\(text)")
        }
        // Every fault has words of motcua's own, so the two languages differ.
        #expect(vi != en)
    }

    @Test func theServersAndTheSystemsWordsAreKeptAsTheySaidThem() {
        for language in Language.allCases {
            #expect(Self.message(.authenticationFailed(serverMessage: Self.serverSaid), language).hasSuffix(Self.serverSaid))
            #expect(Self.message(.cannotConnect(.other("network is unreachable")), language).hasSuffix("network is unreachable"))
            #expect(Self.message(.cannotConnect(.unresolvableHost("EAI_NONAME")), language).contains("(EAI_NONAME)"))
            #expect(Self.message(.unreadableRootCertificate("/khong-co/ca.pem"), language).hasSuffix("/khong-co/ca.pem"))
            #expect(Self.message(.invalidURL(.unknownParameter("password")), language).contains("'password'"))
            #expect(Self.message(.invalidURL(.unknownTLSMode(allowed: ["disable", "require"])), language).contains("disable, require"))
        }
    }

    @Test func aRefusedConnectionInBothLanguages() {
        #expect(Self.message(.cannotConnect(.refused), .en).hasSuffix("cannot connect: connection refused"))
        #expect(Self.message(.cannotConnect(.refused), .vi).hasSuffix("không kết nối được: máy chủ từ chối kết nối"))
        #expect(Self.message(.connectionLost, .vi).hasSuffix("mất kết nối tới máy chủ"))
    }
}
