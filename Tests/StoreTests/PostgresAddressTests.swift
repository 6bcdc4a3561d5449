import Testing
import Store
import PostgresStore
import Stores

/// How a `postgresql://` URL is read, and that its password never shows.
@Suite struct PostgresAddressTests {
    @Test func aFullURL() throws {
        let address = try PostgresAddress("postgresql://nhap_lieu:m%40t%20kh%E1%BA%A9u@db.tinh.gov.vn:6543/motcua?sslmode=verify-full",
                                          environment: [:])
        #expect(address.user == "nhap_lieu")
        #expect(address.host == "db.tinh.gov.vn")
        #expect(address.port == 6543)
        #expect(address.database == "motcua")
        #expect(address.tls == .verifyFull)
        #expect(address.description == "postgresql://nhap_lieu@db.tinh.gov.vn:6543/motcua")
        #expect(!address.description.contains("kh"), "the password is not shown")
    }

    @Test func defaultsAreLibpqs() throws {
        let address = try PostgresAddress("postgres://bao_cao@127.0.0.1", environment: [:])
        #expect(address.port == 5432)
        #expect(address.database == "bao_cao", "the database is named after the user")
        #expect(address.tls == .prefer)
        #expect(address.description == "postgresql://bao_cao@127.0.0.1:5432/bao_cao")
        let fromEnvironment = try PostgresAddress("postgresql://db:5433/motcua", environment: ["PGUSER": "chu_kho", "PGPASSWORD": "x"])
        #expect(fromEnvironment.user == "chu_kho")
        #expect(fromEnvironment.description == "postgresql://chu_kho@db:5433/motcua")
    }

    @Test func anIPv6Host() throws {
        let address = try PostgresAddress("postgresql://u@[::1]:5432/motcua", environment: [:])
        #expect(address.host == "::1")
        #expect(address.description == "postgresql://u@[::1]:5432/motcua")
    }

    /// A malformed URL is an error that names no part of it (it may hold a password).
    @Test(arguments: [
        "postgresql://u:bi-mat@h:5432/db?sslmode=sometimes",
        "postgresql://u:bi-mat@h:5432/db?password=bi-mat",
        "postgresql://u:bi-mat@:5432/db",
        "postgresql://u:bi-mat@h:99999/db",
        "postgresql://u:bi-mat@h:5432/db/more",
    ])
    func malformedURLs(url: String) {
        #expect {
            try PostgresAddress(url, environment: [:])
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            guard case .server(.invalidURL) = error.kind else { return false }
            return error.exitStatus == 74 && !error.description.contains("bi-mat") && error.path == "postgresql://…"
        }
    }

    @Test func theLocationChoosesTheEngine() throws {
        #expect(StoreLocation.isPostgres("postgresql://u@h/db"))
        #expect(StoreLocation.isPostgres("postgres://u@h/db"))
        #expect(!StoreLocation.isPostgres("motcua.sqlite"))
        #expect(!StoreLocation.isPostgres("/srv/postgresql/motcua.sqlite"))
        guard case .sqlite(let path) = try StoreLocation("kho/postgresql.sqlite") else {
            Issue.record("a path is an SQLite store")
            return
        }
        #expect(path == "kho/postgresql.sqlite")
        let location = try StoreLocation("postgresql://u:bi-mat@h:1/db")
        #expect(location.description == "postgresql://u@h:1/db")
    }
}
