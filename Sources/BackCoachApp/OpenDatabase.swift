import BackCoachStorage
import BackCoachStorageFluent
import BackCoachStorageSQLite
import Logging
import ServiceLifecycle

/// Opens the database at `location` with its adapter: GRDB for the embedded SQLite file, FluentKit for PostgreSQL.
/// The rest of the app sees only `StoreDatabase` and the store ports.
public func openDatabase(_ location: DatabaseLocation, logger: Logger) throws -> any StoreDatabase & Service {
    switch location {
    case .sqlite(let path): try SQLiteDatabase(path: path)
    case .postgres(let url): try FluentDatabase(postgresURL: url, logger: logger)
    }
}
