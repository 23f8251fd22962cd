import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// Calendar feed, exports, pain ceiling, voice, and deleting the account.
struct SettingsPagesController {
    let services: Services
    let publicBaseURL: String
    let renderer: WebRenderer

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.settings, use: page)
        router.post(PagePath.settingsCeiling, use: ceiling)
        router.post(PagePath.settingsPlace, use: place)
        router.post(PagePath.settingsCalendar, use: rotate)
        router.post(PagePath.settingsDelete, use: delete)
        router.post(PagePath.settingsPassword, use: changePassword)
        router.post(PagePath.settingsRecoveryCodes, use: newRecoveryCodes)
        router.post(PagePath.settingsEmail, use: changeEmail)
        router.post(PagePath.settingsSchedule, use: schedule)
        ReminderPages(services: services, settings: self).addRoutes(to: router)
        router.get(PagePath.settingsExportCSV) { _, context in
            ExportFile.csv.response(Data(try await services.exports.csv(for: try context.requireWebUser()).utf8))
        }
        router.get(PagePath.settingsExportFHIR) { _, context in
            ExportFile.fhir.response(try await services.exports.fhir(for: try context.requireWebUser()))
        }
    }

    func model(
        _ user: User, _ context: AppRequestContext, calendarURL: String? = nil, message: String? = nil, error: String? = nil,
        newCodes: [String] = [], typedSchedule: ProgramService.Schedule? = nil, typedReminders: ReminderService.View? = nil,
        remindersMessage: String? = nil, remindersError: ServiceError? = nil
    ) async throws -> SettingsPage {
        let schedule = try await services.program.scheduleIfPlanned(for: user)
        let reminders: ReminderService.View
        if let typedReminders { reminders = typedReminders } else { reminders = try await services.reminders.view(for: user) }
        return SettingsPage.make(
            user, calendarURL: calendarURL ?? services.calendar.link(for: user).url,
            highestPainCeiling: try await services.profile.highestPainCeiling(for: user),
            codesLeft: try await services.recovery.codesLeft(for: user), contacts: services.profile.contacts(for: user),
            // A refused choice comes back as she made it, with her sessions a week from the saved schedule.
            schedule: schedule.map { saved in
                typedSchedule.map { .init(weekdays: $0.weekdays, time: $0.time, sessionsPerWeek: saved.sessionsPerWeek) } ?? saved
            }, reminders: RemindersView(reminders, zone: user.timeZone, message: remindersMessage, error: remindersError), message: message,
            error: error, newCodes: newCodes, context: context, assets: renderer.assets)
    }

    @Sendable func place(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(PlaceForm.self, context: context)
        do {
            let updated = try await services.profile.setPlace(country: form.country ?? "", timeZone: form.timeZone, for: user)
            let name = updated.country.flatMap(ProfileService.countryName)
            return try renderer.html(
                "pages/settings",
                try await model(updated, context, message: name.map { "Saved. You will see the numbers for \($0)." } ?? "Saved."))
        } catch let error as ServiceError {
            return try renderer.html("pages/settings", try await model(user, context, error: error.message), status: .badRequest)
        }
    }

    /// Her session days (none: spread through the week) and time, in one save.
    @Sendable func schedule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let typed = ProgramService.Schedule(
            weekdays: form.all("day").compactMap { Int($0) }, time: form["time"] ?? "", sessionsPerWeek: 0)
        do {
            let days = try form.all("day").map { text in
                guard let day = Int(text) else { throw ServiceError.invalid("Choose days from the list.", field: "weekdays") }
                return day
            }
            _ = try await services.program.setSchedule(weekdays: days, time: form["time"] ?? "", for: user)
            return try renderer.html("pages/settings", try await model(user, context, message: "Your session days are saved."))
        } catch let error as ServiceError {
            return try renderer.html(
                "pages/settings", try await model(user, context, error: error.message, typedSchedule: typed), status: Problem(error).status)
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let changed = request.uri.queryParameters["password"] == "changed"
        let recovered = request.uri.queryParameters["recovered"] == "1"
        let reminders = request.uri.queryParameters["reminders"].flatMap { ReminderPages.savedMessages[String($0)] }
        return try renderer.html(
            "pages/settings",
            try await model(
                try context.requireWebUser(), context,
                message: changed
                    ? "Your password is changed. You are signed out everywhere else."
                    : (recovered ? "Your new password is set. The code you used no longer works; make a new set below." : nil),
                remindersMessage: reminders))
    }

    @Sendable func ceiling(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(PainLimitForm.self, context: context)
        let value = form.ceiling ?? ""
        do {
            guard value == "default" || Int(value) != nil else {
                throw ServiceError.invalid("Please choose a pain limit from 0 to 10.", field: "ceiling")
            }
            let updated = try await services.profile.setPainCeiling(value == "default" ? nil : Int(value), for: user)
            return try renderer.html("pages/settings", try await model(updated, context, message: "Your pain limit is saved."))
        } catch let error as ServiceError {
            return try renderer.html("pages/settings", try await model(user, context, error: error.message), status: .badRequest)
        }
    }

    @Sendable func rotate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        _ = try await request.csrfCheckedForm(ButtonForm.self, context: context)
        let link = try await services.calendar.rotate(for: user)
        return try renderer.html(
            "pages/settings",
            try await model(user, context, calendarURL: link.url, message: "You have a new calendar link. The old one no longer works."))
    }

    /// Every other browser and token is signed out; this browser gets a new session so she stays signed in here.
    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(PasswordChangeForm.self, context: context)
        do {
            try await services.accounts.changePassword(current: form.current, new: form.new, for: user)
        } catch let error as ServiceError {
            return try renderer.html("pages/settings", try await model(user, context, error: error.message), status: .badRequest)
        }
        let cookie = try await services.accounts.startWebSession(for: user.id)
        let secure = Cookies.isSecure(request, publicBaseURL: publicBaseURL)
        return Response(
            status: .seeOther,
            headers: [
                .location: PagePath.settings + "?password=changed",
                .setCookie: Cookies.header(Cookies.session, cookie, maxAge: Int(AccountService.webSessionLifetime), secure: secure),
            ])
    }

    @Sendable func changeEmail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(EmailChangeForm.self, context: context)
        do {
            let updated = try await services.accounts.changeEmail(to: form.email, password: form.password, for: user)
            return try renderer.html("pages/settings", try await model(updated, context, message: "Your e-mail is now \(updated.email)."))
        } catch let error as ServiceError {
            return try renderer.html("pages/settings", try await model(user, context, error: error.message), status: Problem(error).status)
        }
    }

    /// A new set of recovery codes, shown this once; the old set stops working.
    @Sendable func newRecoveryCodes(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        _ = try await request.csrfCheckedForm(ButtonForm.self, context: context)
        let codes = try await services.recovery.newCodes(for: user)
        return try renderer.html(
            "pages/settings",
            try await model(
                user, context, message: "Here are your new recovery codes. Write them down now: they are shown only once.", newCodes: codes)
        )
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(DeleteAccountForm.self, context: context)
        guard (form.confirm ?? "").trimmed.uppercased() == "DELETE" else {
            return try renderer.html(
                "pages/settings", try await model(user, context, error: "To delete your account, type DELETE in the box."),
                status: .badRequest)
        }
        _ = try await services.accounts.deleteAccount(user.id)
        let secure = Cookies.isSecure(request, publicBaseURL: publicBaseURL)
        return Response(
            status: .seeOther,
            headers: [.location: PagePath.home + "?deleted=1", .setCookie: Cookies.header(Cookies.session, "", maxAge: 0, secure: secure)])
    }
}
