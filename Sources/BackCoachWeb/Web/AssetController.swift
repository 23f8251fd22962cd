import Hummingbird

/// Serves bundled assets, the web manifest and the service worker (which must live at the root to control every page).
struct AssetController {
    let assets: Assets

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.asset) { request, context in
            guard let response = assets.response(context.parameters.get("name") ?? "", versioned: request.uri.queryParameters["v"] != nil)
            else {
                throw Problem.notFound("There is no such file.")
            }
            return response
        }
        router.get(PagePath.manifest) { _, _ in
            guard let response = assets.response("manifest.webmanifest", versioned: false) else { throw Problem.notFound("No manifest.") }
            return response
        }
        router.get(PagePath.serviceWorker) { _, _ in
            guard var response = assets.response("sw.js", versioned: false) else { throw Problem.notFound("No service worker.") }
            response.headers[.init("Service-Worker-Allowed")!] = "/"
            return response
        }
    }
}
