import BackCoachStorage
import Crypto
import Foundation
import Synchronization

@testable import BackCoachServices

/// A push service in the test process: it holds the browser's private keys, so it can open what the server sends,
/// and can be told to answer with another status (410: the subscription is gone).
final class PushServiceStandIn: PushTransport, Sendable {
    struct Received: Sendable {
        let endpoint: String
        let headers: [String: String]
        let payload: [String: String]
    }

    let browserKey = P256.KeyAgreement.PrivateKey()
    let authSecret = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
    private let state = Mutex<(received: [Received], statuses: [Int])>(([], []))

    var p256dh: String { Base64URL.encode(browserKey.publicKey.x963Representation) }
    var auth: String { Base64URL.encode(authSecret) }
    var received: [Received] { state.withLock { $0.received } }

    /// The next answers, in order; 201 after they run out.
    func answer(_ statuses: Int...) { state.withLock { $0.statuses += statuses } }

    func post(to url: URL, headers: [(String, String)], body: Data) async throws -> Int {
        let plaintext = try WebPushEncryption.decrypt(body: body, subscriberPrivateKey: browserKey, authSecret: authSecret)
        let payload = try JSONDecoder().decode([String: String].self, from: plaintext)
        let message = Received(
            endpoint: url.absoluteString, headers: Dictionary(headers, uniquingKeysWith: { _, last in last }), payload: payload)
        return state.withLock { state in
            state.received.append(message)
            return state.statuses.isEmpty ? 201 : state.statuses.removeFirst()
        }
    }
}

/// A clock the test moves.
final class MovableClock: Sendable {
    private let moment: Mutex<Date>
    init(_ start: Date) { moment = Mutex(start) }
    var now: Date { moment.withLock { $0 } }
    func set(_ date: Date) { moment.withLock { $0 = date } }
}
