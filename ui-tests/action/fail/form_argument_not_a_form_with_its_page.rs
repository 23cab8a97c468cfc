// The newcomer's page, with `#[form]` forgotten on `Signup`: each place that uses it as a form
// says the same thing once (the `#[form]` argument, and making the view); the template's struct
// naming `FormView<'a, Signup>`, building it and rendering it add nothing.
use axum::Router;
use axum::response::{IntoResponse, Response};
use formaction::{ActionError, FormState, FormView, HtmlPage, Redirect, RouterExt, action, page};

struct Signup {
    email: String,
}

#[derive(askama::Template)]
#[template(source = "{{ form|safe }}", ext = "html")]
struct SignupPage<'a> {
    form: FormView<'a, Signup>,
}

#[action]
async fn signup(#[form] input: Signup) -> Result<Redirect, ActionError> {
    let _ = input.email;
    Ok(Redirect::to("/"))
}

async fn show(state: FormState<Signup>) -> Response {
    let form = FormView::from_state(&state, signup::bind());
    HtmlPage::new(SignupPage { form }).into_response()
}

fn main() {
    let _app: Router = Router::new().page("/", page(show).action::<signup>());
}
