import Hummingbird

/// Every route of the app, mounted in one place.
public func buildRouter(_ dependencies: WebDependencies, renderer: WebRenderer) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    // Outermost first: every response, errors included, gets the security headers and a logged line.
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    let routeTable = RouteTable()
    router.add(middleware: ProblemMiddleware(renderer: renderer, routes: routeTable))

    let services = dependencies.services
    SystemController(dependencies: dependencies).addPublicRoutes(to: router)
    ContentController(content: dependencies.content, search: services.search).addPublicRoutes(to: router)
    let accounts = AccountController(accounts: services.accounts)
    accounts.addPublicRoutes(to: router)
    let recovery = RecoveryController(recovery: services.recovery, accounts: services.accounts, publicBaseURL: dependencies.publicBaseURL)
    recovery.addPublicRoutes(to: router)
    let calendar = CalendarController(calendar: services.calendar)
    calendar.addPublicRoutes(to: router)
    let exports = ExportController(exports: services.exports)
    exports.addPublicRoutes(to: router)

    // Everything under /api/v1/me belongs to the token's user alone.
    let me = router.group("/api/v1/me").add(middleware: TokenAuthenticator(accounts: services.accounts))
    accounts.addRoutes(to: me)
    recovery.addRoutes(to: me)
    ProfileController(profile: services.profile, program: services.program).addRoutes(to: me)
    ProgramController(services: services).addRoutes(to: me)
    TrackingController(checkins: services.checkins, progress: services.progress, today: services.today).addRoutes(to: me)
    exports.addRoutes(to: me)
    calendar.addRoutes(to: me)

    // Web pages: signed in by cookie (never the API, so cookies can't be used to call it cross-site).
    AssetController(assets: renderer.assets).addRoutes(to: router)
    FigureController(figures: dependencies.figures).addRoutes(to: router)
    let pages = router.group().add(middleware: WebSessionMiddleware(accounts: services.accounts))
    AuthPagesController(
        accounts: services.accounts, recovery: services.recovery, program: services.program, publicBaseURL: dependencies.publicBaseURL,
        renderer: renderer
    ).addRoutes(to: pages)
    OnboardingController(program: services.program, content: services.content, figures: dependencies.figures, renderer: renderer)
        .addRoutes(to: pages)
    SessionPagesController(services: services, figures: dependencies.figures, renderer: renderer).addRoutes(to: pages)
    TrackingPagesController(checkins: services.checkins, progress: services.progress, today: services.today, renderer: renderer)
        .addRoutes(to: pages)
    LearnPagesController(content: dependencies.content, search: services.search, figures: dependencies.figures, renderer: renderer)
        .addRoutes(to: pages)
    SettingsController(services: services, publicBaseURL: dependencies.publicBaseURL, renderer: renderer).addRoutes(to: pages)
    routeTable.load(router.routes.map { ($0.method, $0.path.components.map { "\($0)" }) })
    return router
}
