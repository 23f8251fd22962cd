import FluentKit

/// Every migration, in order. Never edit a shipped migration: add a new one.
public enum BackCoachMigrations {
    static let all: [any Migration] = [
        M0001_CreateUsers(), M0002_CreateAPITokens(), M0003_CreateIntakesAndPrograms(), M0004_CreateScreens(),
        M0005_CreateSessionLogs(), M0006_CreateCheckins(), M0007_CreateLoginFailures(), M0008_CreateWebSessions(),
        M0009_CreateAccountRecovery(), M0010_AddPlaceToUsers(), M0011_CreateIntakeDrafts(), M0012_AddRolesToUsers(),
        M0013_CreateShares(), M0014_IndexPSFSCheckins(), M0015_CompressSessionLogs(), M0016_CreateReminders(),
        M0017_KeyCheckinsByDay(),
    ]
}
