//! The app in English, German and Arabic: its own texts in `locales/*.ftl` beside formaction's
//! (field errors, the error summary, refusals), the language from `Accept-Language`, and a
//! switch that works with JavaScript off: a link that stores the choice in a cookie.

use axum::extract::Query;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use formaction::messages::{Language, Languages};
use serde::Deserialize;

/// The cookie that keeps a visitor's choice.
pub const COOKIE: &str = "lang";

/// The languages offered, English first (the language of a browser that asks for none of them).
pub const OFFERED: [(&str, &str); 3] = [("en", "English"), ("de", "Deutsch"), ("ar", "العربية")];

/// The app's languages: formaction's catalogues for these three, with the app's own texts added.
pub fn languages() -> Languages {
    let tags: Vec<&str> = OFFERED.iter().map(|(tag, _)| *tag).collect();
    let languages = Languages::new()
        .enable(&tags)
        .and_then(|languages| languages.add_ftl("en", include_str!("../locales/en.ftl")))
        .and_then(|languages| languages.add_ftl("de", include_str!("../locales/de.ftl")))
        .and_then(|languages| languages.add_ftl("ar", include_str!("../locales/ar.ftl")));
    // The files are the app's own, checked by a test: one that does not parse is a bug.
    languages.expect("the app's catalogues parse").cookie(COOKIE).pages_translated()
}

/// `GET /language?set=de`.
#[derive(Deserialize)]
pub struct Switch {
    set: Option<String>,
}

/// `GET /language?set=<tag>`: stores the choice for a year and goes back to the page the link was
/// on (its path, from `Referer`; the list when there is none).
pub async fn switch(Query(switch): Query<Switch>, headers: HeaderMap) -> Response {
    let Some((tag, _)) = OFFERED.iter().find(|(tag, _)| Some(*tag) == switch.set.as_deref()) else {
        return (StatusCode::BAD_REQUEST, "This app is offered in English, Deutsch and العربية.")
            .into_response();
    };
    let back = headers.get(header::REFERER).and_then(|referer| referer.to_str().ok()).and_then(own_path);
    let location = HeaderValue::from_str(back.unwrap_or("/invoices"))
        .unwrap_or_else(|_| HeaderValue::from_static("/invoices"));
    let cookie = format!("{COOKIE}={tag}; Path=/; Max-Age=31536000; SameSite=Lax");
    let cookie = HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static("lang=en"));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location), (header::SET_COOKIE, cookie)]).into_response()
}

/// The path (and query) of a `Referer`, when it is a path of this site: never another site
/// (`//host`), never a backslash some browsers read as a slash.
fn own_path(referer: &str) -> Option<&str> {
    let after_scheme = referer.split_once("://")?.1;
    let path = &after_scheme[after_scheme.find('/')?..];
    (!path.starts_with("//") && !path.contains('\\')).then_some(path)
}

/// What every page's template needs of the language: its `lang` and `dir`, its texts, the switch.
pub trait Texts {
    /// The page's language.
    fn lang(&self) -> Language;

    /// The app's text `id` in the page's language.
    fn t(&self, id: &str) -> String {
        self.lang().text(id, &[])
    }

    /// The languages of the switch: tag, name, and whether it is the page's.
    fn offered(&self) -> Vec<(&'static str, &'static str, bool)> {
        OFFERED.iter().map(|&(tag, name)| (tag, name, tag == self.lang().tag())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogues_parse_and_have_the_same_ids() {
        let ids = |source: &str| -> Vec<String> {
            let mut ids: Vec<String> = source
                .lines()
                .filter(|line| !line.starts_with('#') && !line.starts_with(' '))
                .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.to_owned()))
                .collect();
            ids.sort();
            ids
        };
        let _ = languages();
        let english = ids(include_str!("../locales/en.ftl"));
        assert!(english.len() > 50);
        assert_eq!(ids(include_str!("../locales/de.ftl")), english);
        assert_eq!(ids(include_str!("../locales/ar.ftl")), english);
    }

    #[test]
    fn only_this_sites_paths_are_gone_back_to() {
        assert_eq!(own_path("http://127.0.0.1:3000/invoices/new?x=1"), Some("/invoices/new?x=1"));
        assert_eq!(own_path("https://evil.test//evil.test/x"), None);
        assert_eq!(own_path("http://x/a\\b"), None);
        assert_eq!(own_path("http://host"), None);
        assert_eq!(own_path("not a url"), None);
    }
}
