import BackCoachContent
import BackCoachCore

/// Learn: the articles, and the exercises by pillar.
struct LearnPage {
    let chrome: Chrome
    let articles: [ArticleLink]
    let pillars: [PillarGroup]

    struct ArticleLink {
        let slug: String
        let title: String
        let summary: String
    }

    struct PillarGroup {
        let title: String
        let exercises: [ExerciseLink]
    }

    struct ExerciseLink {
        let id: String
        let title: String
        let ref: String
    }

    static func make(_ content: ContentLibrary, context: AppRequestContext, assets: Assets) -> LearnPage {
        let groups = Pillar.allCases.map { pillar in
            PillarGroup(
                title: pillar.title,
                exercises: content.catalogue.exercises.filter { $0.pillar == pillar }.map { .init(id: $0.id, title: $0.title, ref: $0.ref) }
            )
        }
        return LearnPage(
            chrome: Chrome(title: "Learn", context: context, section: .learn, assets: assets),
            articles: content.articles.map { .init(slug: $0.slug, title: $0.title, summary: $0.summary) }, pillars: groups)
    }
}
