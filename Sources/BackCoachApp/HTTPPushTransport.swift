import AsyncHTTPClient
import BackCoachServices
import Foundation
import NIOCore

/// Posts push messages with async-http-client. Redirects are not followed: a push service answers where it is, and a
/// subscription's address is hers to give, so the server never lets it lead somewhere else.
final class HTTPPushTransport: PushTransport {
    let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(20)))
    )

    func post(to url: URL, headers: [(String, String)], body: Data) async throws -> Int {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        // The answer's body says nothing the status doesn't; read it so the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }

    func shutdown() async {
        try? await client.shutdown()
    }
}
