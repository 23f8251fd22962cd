import BackCoachStorage
import Testing

@Suite("Storage contract")
struct StoreContractTests {
    @Test("In-memory store", arguments: StoreContract.names)
    func inMemory(check: String) async throws {
        try await StoreContract.checks[check]!(StoreFactory.inMemory())
    }

    @Test("SQLite store", arguments: StoreContract.names)
    func sqlite(check: String) async throws {
        try await StoreFactory.withSQLite { try await StoreContract.checks[check]!($0) }
    }

    @Test(
        "PostgreSQL store", .enabled(if: StoreFactory.postgresURL != nil, "set BACKCOACH_TEST_POSTGRES_URL"), arguments: StoreContract.names
    )
    func postgres(check: String) async throws {
        try await StoreContract.checks[check]!(StoreFactory.postgres())
    }
}
