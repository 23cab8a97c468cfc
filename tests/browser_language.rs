//! The enhancement script's own checks in another language (issue 21): with a Norwegian
//! catalogue installed for the process (`messages::install`, so this is a test binary of its
//! own), the messages shown before a submission are the server's Norwegian ones, byte for byte.
//!
//! Needs what tests/browser.rs needs (Chromium, chromedriver, axe-core: `scripts/browser-deps.sh`).

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

#[allow(dead_code, reason = "the browser tests' modules, of which this target uses a part")]
#[path = "browser/app.rs"]
mod app;
#[allow(dead_code, reason = "the browser tests' modules, of which this target uses a part")]
#[path = "browser/checks.rs"]
mod checks;
#[allow(dead_code, reason = "the browser tests' modules, of which this target uses a part")]
#[path = "browser/harness.rs"]
mod harness;

use std::borrow::Cow;

use checks::{Case, Step, compare};
use formaction::FieldError;
use formaction::messages::{English, Messages, install};
use harness::{Js, Tab};

/// A few codes in Norwegian (bokmål), the others in English.
struct Norwegian;

impl Messages for Norwegian {
    fn message(&self, error: &FieldError) -> Cow<'static, str> {
        let param = |name: &str| error.param(name).map(|v| v.to_string().trim_matches('"').to_owned());
        match error.code() {
            "required" => "Dette feltet må fylles ut".into(),
            "too_short" => format!("Må være minst {} tegn", param("min").unwrap_or_default()).into(),
            "too_big" => format!("Må være høyst {}", param("max").unwrap_or_default()).into(),
            "invalid_email" => "Skriv inn en gyldig e-postadresse".into(),
            "mismatch" => format!("Må være lik «{}»", param("other").unwrap_or_default()).into(),
            "file_type" => "Denne filtypen godtas ikke".into(),
            _ => English.message(error),
        }
    }
}

async fn in_norwegian(tab: Tab) {
    compare(
        &tab,
        &[
            Case {
                field: "code",
                steps: &[Step::Type("code", "")],
                expected: &["Dette feltet må fylles ut"],
            },
            Case { field: "code", steps: &[Step::Type("code", "a")], expected: &["Må være minst 2 tegn"] },
            Case { field: "count", steps: &[Step::Type("count", "11")], expected: &["Må være høyst 10"] },
            Case {
                field: "email",
                steps: &[Step::Type("email", "ikke-en-adresse")],
                expected: &["Skriv inn en gyldig e-postadresse"],
            },
            Case {
                field: "confirm",
                steps: &[Step::Type("password", "hemmelig en"), Step::Type("confirm", "hemmelig to")],
                expected: &["Må være lik «Password»"],
            },
            Case {
                field: "note",
                steps: &[Step::File("note", "skann.pdf", b"%PDF-1.4\n")],
                expected: &["Denne filtypen godtas ikke"],
            },
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checks_in_another_language() {
    assert!(install(Norwegian).is_ok(), "installed before any message is produced");
    harness::run("checks_in_another_language", Js::On, in_norwegian).await;
}
