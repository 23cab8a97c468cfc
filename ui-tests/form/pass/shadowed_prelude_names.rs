// The generated code compiles without a warning under `deny(warnings, unused_qualifications)`,
// with the user's own `Option`, `Some`, `Result`... in scope: it names nothing by a short path.
#![deny(warnings, unused_qualifications)]

use formaction::{Form, FormData, form};

#[allow(dead_code)]
struct Option;
#[allow(dead_code)]
struct Some;
#[allow(dead_code)]
struct None;
#[allow(dead_code)]
struct Result;
#[allow(dead_code)]
struct Ok;
#[allow(dead_code)]
struct Err;
#[allow(dead_code)]
struct Box;
#[allow(dead_code)]
struct Vec;
#[allow(dead_code)]
struct Default;
#[allow(dead_code)]
struct From;
#[allow(dead_code)]
struct Into;
#[allow(dead_code)]
struct ToString;

#[allow(unused_macros)]
macro_rules! vec {
    ($($tt:tt)*) => {
        compile_error!("the user's own vec!")
    };
}

#[allow(unused_macros)]
macro_rules! panic {
    ($($tt:tt)*) => {
        compile_error!("the user's own panic!")
    };
}

fn reserved(name: &str) -> core::result::Result<(), validator::ValidationError> {
    if name == "root" {
        core::result::Result::Err(validator::ValidationError::new("reserved"))
    } else {
        core::result::Result::Ok(())
    }
}

#[form]
enum Role {
    Reader,
    Writer,
}

#[form]
struct Member {
    #[validate(length(min = 1, max = 20), custom(function = reserved))]
    name: String,
    #[validate(range(min = 18))]
    age: u8,
    #[field(default)]
    admin: bool,
    role: core::option::Option<Role>,
    #[validate(length(max = 3))]
    tags: std::vec::Vec<String>,
}

fn main() {
    let data = FormData::from_pairs([("name", "Ada"), ("age", "36")]);
    let member = Member::parse(&data).unwrap();
    assert_eq!(member.name, "Ada");
    let _ = (member.age, member.admin, member.role, member.tags);
    let _ = Role::Reader;
    let _ = Role::Writer;
}
