import Hummingbird

/// Every route of the app, mounted in one place.
public func buildRouter(_ dependencies: WebDependencies, renderer: WebRenderer) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    // Outermost first: every response, errors included, gets the security headers and a logged line.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    let routeTable = RouteTable()
    router.add(middleware: ProblemMiddleware(renderer: renderer, routes: routeTable))

    let services = dependencies.services
    // The JSON API, health, metrics and feeds: generated from openapi.yaml, handled by `APIHandler`.
    try APIHandler.mount(on: router, dependencies: dependencies)

    // Web pages: signed in by cookie (never the API, so cookies can't be used to call it cross-site).
    AssetController(assets: renderer.assets).addRoutes(to: router)
    FigureController(figures: dependencies.figures).addRoutes(to: router)
    let pages = router.group().add(middleware: WebSessionMiddleware(accounts: services.accounts, publicBaseURL: dependencies.publicBaseURL))
    AuthPagesController(
        accounts: services.accounts, recovery: services.recovery, program: services.program, publicBaseURL: dependencies.publicBaseURL,
        renderer: renderer
    ).addRoutes(to: pages)
    OnboardingPagesController(
        program: services.program, drafts: services.intakeDrafts, runningCheck: services.runningCheck, content: services.content,
        figures: dependencies.figures, renderer: renderer
    )
    .addRoutes(to: pages)
    SessionPagesController(services: services, figures: dependencies.figures, renderer: renderer).addRoutes(to: pages)
    TrackingPagesController(checkins: services.checkins, progress: services.progress, today: services.today, renderer: renderer)
        .addRoutes(to: pages)
    LearnPagesController(content: dependencies.content, search: services.search, figures: dependencies.figures, renderer: renderer)
        .addRoutes(to: pages)
    SettingsPagesController(services: services, publicBaseURL: dependencies.publicBaseURL, renderer: renderer).addRoutes(to: pages)
    SharingPagesController(shares: services.shares, renderer: renderer).addRoutes(to: pages)
    ClinicianPagesController(services: services, renderer: renderer).addRoutes(to: pages)
    routeTable.load(router.routes.map { ($0.method, $0.path.components.map { "\($0)" }) })
    return router
}
