//! Languages: Dutch by default, English second. Messages live in `locales/{nl,en}.ftl`
//! (Project Fluent); a test keeps both files in step so that no key is missing in either.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn parse(raw: &str) -> Option<Lang> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language in an `Accept-Language` header, by the listed order
    /// (browsers list by preference); Dutch when none matches.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut ranked: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let primary = tag.split('-').next()?;
                let lang = Lang::parse(primary)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, l)| *l).unwrap_or_default()
    }
}

const NL: &str = include_str!("../locales/nl.ftl");
const EN: &str = include_str!("../locales/en.ftl");

type Bundle = FluentBundle<FluentResource>;

/// The message catalogue of both languages, parsed once.
pub struct Catalog {
    nl: Bundle,
    en: Bundle,
    /// Every message that needs no argument, formatted once per language: a page asks for
    /// dozens of these on every view, and formatting them each time was a measurable part
    /// of the case page's work (docs/benchmarks.md).
    plain_nl: HashMap<String, String>,
    plain_en: HashMap<String, String>,
}

fn bundle(lang: &str, source: &str) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show up in HTML attributes and CSV; our arguments are
    // already in the page's direction.
    bundle.set_use_isolating(false);
    match FluentResource::try_new(source.to_string()) {
        Ok(resource) => {
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(?errors, lang, "duplicate messages in locale file");
            }
        }
        Err((resource, errors)) => {
            tracing::error!(?errors, lang, "syntax errors in locale file");
            let _ = bundle.add_resource(resource);
        }
    }
    bundle
}

/// The messages of `bundle` that format without arguments and without errors, formatted.
fn plain_messages(bundle: &Bundle, lang: Lang) -> HashMap<String, String> {
    let no_args = FluentArgs::new();
    Catalog::keys(lang)
        .into_iter()
        .filter_map(|key| {
            let pattern = bundle.get_message(&key)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&no_args), &mut errors);
            errors.is_empty().then(|| (key, text.into_owned()))
        })
        .collect()
}

impl Catalog {
    /// The shared catalogue.
    pub fn get() -> Arc<Catalog> {
        static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
        CATALOG
            .get_or_init(|| {
                let (nl, en) = (bundle("nl", NL), bundle("en", EN));
                Arc::new(Catalog {
                    plain_nl: plain_messages(&nl, Lang::Nl),
                    plain_en: plain_messages(&en, Lang::En),
                    nl,
                    en,
                })
            })
            .clone()
    }

    fn bundle(&self, lang: Lang) -> &Bundle {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }

    /// A message with arguments. A missing key shows the key itself (and a test guards that
    /// none is missing).
    pub fn message(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        if args.is_empty() {
            let plain = match lang {
                Lang::Nl => &self.plain_nl,
                Lang::En => &self.plain_en,
            };
            if let Some(text) = plain.get(key) {
                return text.clone();
            }
        }
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = lang.code(), "missing message");
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        text.into_owned()
    }

    /// Every message key in a language, for tests.
    pub fn keys(lang: Lang) -> Vec<String> {
        let source = match lang {
            Lang::Nl => NL,
            Lang::En => EN,
        };
        source
            .lines()
            .filter_map(|l| {
                let (key, _) = l.split_once(" =")?;
                let key = key.trim();
                (!key.is_empty() && !l.starts_with(' ') && !l.starts_with('#'))
                    .then(|| key.to_string())
            })
            .collect()
    }
}

/// A language bound to the catalogue: what templates call to get their words.
#[derive(Clone)]
pub struct Tr {
    pub lang: Lang,
    catalog: Arc<Catalog>,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr {
            lang,
            catalog: Catalog::get(),
        }
    }

    /// The message for `key`.
    pub fn t(&self, key: &str) -> String {
        self.catalog.message(self.lang, key, &[])
    }

    /// The message for `key` with one named argument.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.catalog.message(
            self.lang,
            key,
            &[(name, FluentValue::from(value.to_string()))],
        )
    }

    /// The message for `key` with any arguments.
    pub fn message(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.catalog.message(self.lang, key, args)
    }

    /// The message for `key` with a number (for plurals).
    pub fn tn(&self, key: &str, name: &str, value: impl std::borrow::Borrow<i64>) -> String {
        self.catalog.message(
            self.lang,
            key,
            &[(name, FluentValue::from(*value.borrow()))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn messages_formatted_once_are_those_formatted_each_time() {
        let catalog = Catalog::get();
        for lang in Lang::ALL {
            let bundle = catalog.bundle(lang);
            let plain = match lang {
                Lang::Nl => &catalog.plain_nl,
                Lang::En => &catalog.plain_en,
            };
            assert!(plain.len() > 100, "most messages need no argument");
            for key in Catalog::keys(lang) {
                let Some(pattern) = bundle.get_message(&key).and_then(|m| m.value()) else {
                    continue;
                };
                let mut errors = Vec::new();
                let each_time = bundle
                    .format_pattern(pattern, Some(&FluentArgs::new()), &mut errors)
                    .into_owned();
                assert_eq!(catalog.message(lang, &key, &[]), each_time, "{key}");
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let nl: BTreeSet<_> = Catalog::keys(Lang::Nl).into_iter().collect();
        let en: BTreeSet<_> = Catalog::keys(Lang::En).into_iter().collect();
        assert!(nl.len() > 50, "catalogue parsed: {}", nl.len());
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(
            only_nl.is_empty() && only_en.is_empty(),
            "only nl: {only_nl:?}; only en: {only_en:?}"
        );
    }

    #[test]
    fn every_message_formats_without_falling_back_to_its_key() {
        let tr_nl = Tr::new(Lang::Nl);
        for key in Catalog::keys(Lang::Nl) {
            assert_ne!(tr_nl.t(&key), key, "{key} formats");
        }
    }

    #[test]
    fn dutch_messages_are_not_left_in_english() {
        // Words that are the same in both languages are fine (Steunkring, e-mail, team);
        // a whole message identical to the English one is a missed translation.
        let allowed_same = [
            "app-name",
            "lang-switch-to-en",
            "lang-switch-to-nl",
            "nav-teams",
            "admin-teams-title",
            "admin-users-status",
            "case-field-team-id",
            "member-edit-title",
            "invite-code",
            "consent-category-plan",
            "case-tab-plan",
        ];
        let (nl, en) = (Tr::new(Lang::Nl), Tr::new(Lang::En));
        for key in Catalog::keys(Lang::Nl) {
            if allowed_same.contains(&key.as_str()) {
                continue;
            }
            assert_ne!(nl.t(&key), en.t(&key), "{key} is not translated into Dutch");
        }
    }

    /// Every message key the domain's consent and sharing rules can hand the interface exists.
    #[test]
    fn domain_message_keys_exist() {
        let nl: BTreeSet<_> = Catalog::keys(Lang::Nl).into_iter().collect();
        for key in steunkring_domain::consent::MESSAGE_KEYS
            .iter()
            .chain(steunkring_domain::sharing_guide::MESSAGE_KEYS)
            .chain(steunkring_domain::support_figure::MESSAGE_KEYS)
        {
            assert!(nl.contains(*key), "{key} is missing from the locale files");
        }
    }

    #[test]
    fn accept_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,nl;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("nl-NL,nl;q=0.9,en;q=0.8"),
            Lang::Nl
        );
        assert_eq!(Lang::from_accept_language("de-DE,fr;q=0.5"), Lang::Nl);
        assert_eq!(Lang::from_accept_language("de;q=1,en;q=0.4"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::Nl);
    }
}
