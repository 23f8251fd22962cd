import Hummingbird

/// A friendly page for any error on a browser page: a heading for the kind of problem, and the problem's detail.
struct ErrorPage {
    let chrome: Chrome
    let status: Int
    let heading: String
    let detail: String
}

extension WebRenderer {
    /// The problem as a page, keeping its status and headers (Retry-After, Allow).
    func errorPage(_ problem: Problem, context: AppRequestContext) throws -> Response {
        let heading =
            switch problem.status {
            case .notFound: "We can't find that page"
            case .forbidden: "That didn't work"
            case .badRequest, .contentTooLarge: "Something in the form needs a look"
            case .tooManyRequests: "Please wait a moment"
            default: "Sorry, something went wrong"
            }
        var response = try html(
            "pages/error",
            ErrorPage(
                chrome: Chrome(title: heading, context: context, assets: assets), status: Int(problem.status.code), heading: heading,
                detail: problem.detail),
            status: problem.status)
        for field in problem.headers { response.headers.append(field) }
        return response
    }
}
