import BackCoachStorage
import Crypto
import Foundation

/// The application server's VAPID key pair, made on first use and kept in the database, so every app server signs
/// with the same key and browsers' subscriptions (bound to its public key) survive restarts.
actor VAPIDKeyring {
    static let storageName = "vapid-private-key"
    private let store: any BackCoachStore
    private var key: P256.Signing.PrivateKey?

    init(store: any BackCoachStore) {
        self.store = store
    }

    func privateKey() async throws -> P256.Signing.PrivateKey {
        if let key { return key }
        let proposed = Base64URL.encode(VAPIDKeys.rawPrivateKey(VAPIDKeys.generate()))
        let stored = try await store.serverKey(Self.storageName, proposed: proposed)
        guard let raw = Base64URL.decode(stored) else { throw VAPIDError.invalidPrivateKey }
        let loaded = try VAPIDKeys.privateKey(raw: raw)
        key = loaded
        return loaded
    }

    /// What `pushManager.subscribe` needs as `applicationServerKey`.
    func publicKey() async throws -> String {
        VAPIDKeys.applicationServerKey(try await privateKey().publicKey)
    }
}
