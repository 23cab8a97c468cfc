// Every rule of `#[validate(...)]`, with `message` and `code`, on the types each applies to.
use std::sync::LazyLock;

use formaction::{Form, FormData, form};
use regex::Regex;
use validator::ValidationError;

static SLUG: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[a-z-]+$").unwrap());

fn not_reserved(name: &str) -> Result<(), ValidationError> {
    if name == "admin" { Err(ValidationError::new("reserved")) } else { Ok(()) }
}

fn dates_in_order(booking: &Booking) -> Result<(), ValidationError> {
    if booking.nights > 0 { Ok(()) } else { Err(ValidationError::new("no_nights")) }
}

#[form]
struct Guest {
    #[validate(length(min = 1))]
    name: String,
}

#[form]
#[validate(schema(function = dates_in_order, skip_on_field_errors = false, message = "Check the dates", code = "dates"))]
struct Booking {
    #[validate(email(message = "Enter your email"))]
    email: String,
    #[validate(url(code = "bad_url"))]
    website: Option<String>,
    #[validate(length(min = 2, max = 40), custom(function = not_reserved))]
    name: String,
    #[validate(length(equal = 5))]
    postcode: String,
    #[validate(range(min = 1, max = 30))]
    nights: u32,
    #[validate(range(exclusive_min = 0, exclusive_max = 100))]
    discount: f64,
    #[validate(regex(path = *SLUG))]
    slug: String,
    #[validate(contains(pattern = "@"))]
    handle: String,
    #[validate(does_not_contain(pattern = "<"))]
    note: String,
    #[field(secret)]
    #[validate(length(min = 8))]
    password: String,
    #[field(secret)]
    #[validate(must_match(other = "password", message = "The passwords differ"))]
    confirm: String,
    #[validate(required)]
    arrival: Option<String>,
    // A checkbox that must be ticked.
    #[validate(required)]
    terms: bool,
    #[validate(non_control_character)]
    remarks: String,
    #[validate(ip)]
    address: String,
    #[validate(ip(v4))]
    gateway: Option<String>,
    #[validate(ip(v6))]
    resolver: Option<String>,
    #[validate(nested)]
    guest: Guest,
    #[validate(length(max = 3))]
    extras: Vec<String>,
}

fn main() {
    let data = FormData::from_pairs([
        ("email", "ada@example.com"),
        ("name", "Ada"),
        ("postcode", "12345"),
        ("nights", "2"),
        ("discount", "5"),
        ("slug", "ada-lovelace"),
        ("handle", "@ada"),
        ("note", "hi"),
        ("password", "correct horse"),
        ("confirm", "correct horse"),
        ("arrival", "noon"),
        ("remarks", "none"),
        ("address", "127.0.0.1"),
        ("guest.name", "Charles"),
        ("terms", "on"),
    ]);
    assert!(Booking::parse(&data).is_ok());
    let mut unticked = data.clone();
    unticked.remove("terms");
    let Err(errors) = Booking::parse(&unticked) else { panic!("the box must be ticked") };
    assert_eq!(errors.field("terms")[0].code(), "required");
}
