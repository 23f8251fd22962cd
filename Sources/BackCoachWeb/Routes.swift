import Hummingbird

/// Every route of the app, mounted in one place.
public func buildRouter(_ dependencies: WebDependencies, renderer: WebRenderer) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    // Outermost first: every response, errors included, gets the security headers and a logged line.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    let routeTable = RouteTable()
    router.add(middleware: ProblemMiddleware(renderer: renderer, routes: routeTable))

    SystemController(dependencies: dependencies).addPublicRoutes(to: router)
    ContentController(content: dependencies.content).addPublicRoutes(to: router)
    let accounts = AccountController(dependencies: dependencies)
    accounts.addPublicRoutes(to: router)
    let calendar = CalendarController(dependencies: dependencies)
    calendar.addPublicRoutes(to: router)
    let exports = ExportController(dependencies: dependencies)
    exports.addPublicRoutes(to: router)

    // Everything under /api/v1/me belongs to the token's user alone.
    let me = router.group("/api/v1/me").add(middleware: TokenAuthenticator(accounts: dependencies.store))
    accounts.addRoutes(to: me)
    ProgramController(dependencies: dependencies).addRoutes(to: me)
    TrackingController(dependencies: dependencies).addRoutes(to: me)
    exports.addRoutes(to: me)
    calendar.addRoutes(to: me)

    // Web pages: signed in by cookie (never the API, so cookies can't be used to call it cross-site).
    AssetController(assets: renderer.assets).addRoutes(to: router)
    FigureController(figures: dependencies.figures).addRoutes(to: router)
    let pages = router.group().add(middleware: WebSessionMiddleware(dependencies: dependencies))
    AuthPagesController(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
    OnboardingController(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
    SessionPagesController(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
    TrackingPagesController(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
    LearnPagesController(content: dependencies.content, figures: dependencies.figures, renderer: renderer).addRoutes(to: pages)
    SettingsController(dependencies: dependencies, renderer: renderer).addRoutes(to: pages)
    routeTable.load(router.routes.map { ($0.method, $0.path.components.map { "\($0)" }) })
    return router
}
