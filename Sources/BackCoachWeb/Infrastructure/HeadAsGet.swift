import HTTPTypes
import Hummingbird

/// Answers HEAD like GET without the body (RFC 9110 §9.3.2), for every page, feed and /healthz, whose `Allow` lists
/// it. It wraps the whole router, because a route is chosen before any router middleware runs.
public struct HeadAsGet<Builder: HTTPResponderBuilder>: HTTPResponderBuilder {
    let builder: Builder

    public init(_ builder: Builder) {
        self.builder = builder
    }

    public func buildResponder() -> Responder {
        Responder(inner: builder.buildResponder())
    }

    public struct Responder: HTTPResponder {
        let inner: Builder.Responder

        public func respond(to request: Request, context: Builder.Responder.Context) async throws -> Response {
            guard request.method == .head else { return try await inner.respond(to: request, context: context) }
            var head = request.head
            head.method = .get
            var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
            if let length = response.body.contentLength { response.headers[.contentLength] = String(length) }
            response.body = .init()
            return response
        }
    }
}
