import BackCoachCore
import BackCoachStorage
import Foundation

/// One-line ways to put a screen or a session in a store, for arranging a test. They go through `changeProgram`,
/// the only way the app writes either.
extension HealthRecordStore {
    func addScreen(_ screen: ScreenRecord, program: ProgramRecord?, for user: UserID) async throws {
        try await changeProgram(for: user, on: screen.date) { _ in ProgramChange(program: program, screen: screen, result: ()) }
    }

    func addSession(_ log: SessionLog, program: ProgramRecord?, for user: UserID) async throws {
        try await changeProgram(for: user, on: log.date) { _ in ProgramChange(program: program, session: log, result: ()) }
    }
}
