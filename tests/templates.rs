//! askama through formaction: templates derived through the re-export (`formaction::askama`, no
//! askama dependency named), and the runtime's markup (a form, a field, its attributes, a bound
//! action's hidden input and button attributes) printed as it is by `{{ x }}`, with or without
//! `|safe`, its values escaped once.

use formaction::askama::Template;
use formaction::{BoundAction, Form, FormData, FormView, form};

#[form]
#[derive(Debug)]
struct Profile {
    #[validate(email)]
    email: String,
    #[validate(length(min = 1, max = 20))]
    name: String,
}

#[derive(Template)]
#[template(
    source = "{{ form }}|{{ form.email }}|<input{{ form.email.attributes() }}>|{{ done.hidden_input() }}|<button {{ done.button_attributes() }}>",
    ext = "html",
    askama = formaction::askama
)]
struct Plain<'a> {
    form: FormView<'a, Profile>,
    done: BoundAction,
}

#[derive(Template)]
#[template(
    source = "{{ form|safe }}|{{ form.email|safe }}|<input{{ form.email.attributes()|safe }}>|{{ done.hidden_input()|safe }}|<button {{ done.button_attributes()|safe }}>",
    ext = "html",
    askama = formaction::askama
)]
struct Safe<'a> {
    form: FormView<'a, Profile>,
    done: BoundAction,
}

#[test]
fn the_runtimes_markup_prints_the_same_with_or_without_safe_escaped_once() {
    let values = FormData::from_pairs([("email", "<ada>\"&'"), ("name", "")]);
    let errors = Profile::parse(&values).expect_err("both fields are invalid");
    // One sealing, cloned: each sealing has its own nonce.
    let sealed = BoundAction::new("done", &(7, "<row>"));
    let done = || sealed.clone();
    let view = || FormView::<Profile>::new(&values, &errors, BoundAction::unbound("save"));

    let plain = Plain { form: view(), done: done() }.render().expect("rendered");
    let safe = Safe { form: view(), done: done() }.render().expect("rendered");
    assert_eq!(plain, safe);

    // Each piece is the runtime's own text: escaped once, by the runtime, never again by askama.
    let form = view();
    let done = done();
    let expected = format!(
        "{form}|{}|<input{}>|{}|<button {}>",
        form.email,
        form.email.attributes(),
        done.hidden_input(),
        done.button_attributes()
    );
    assert_eq!(plain, expected);
    assert!(plain.contains(r#"value="&#60;ada&#62;&#34;&#38;&#39;""#), "{plain}");
    assert!(!plain.contains("&#38;#"), "escaped twice: {plain}");
    assert!(plain.contains(r#"<input type="hidden" name="$bound" value=""#), "{plain}");
    assert!(plain.contains(r#"<button formaction="?_action=done" name="$bound" value=""#), "{plain}");
}

#[test]
fn text_of_ones_own_is_still_escaped() {
    #[derive(Template)]
    #[template(source = "<p>{{ note }}</p>", ext = "html", askama = formaction::askama)]
    struct Note<'a> {
        note: &'a str,
    }
    let html = Note { note: "<script>" }.render().expect("rendered");
    assert_eq!(html, "<p>&#60;script&#62;</p>");
}
