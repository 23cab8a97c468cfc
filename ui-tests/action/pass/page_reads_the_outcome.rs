// A page reads the outcome of its action: the form's values and errors, the action's state, and
// the flash message of a redirect.
use axum::Router;
use axum::response::Html;
use formaction::FormView;
use formaction::{ActionError, ActionState, Flash, FormState, action, form, page, RouterExt};

#[form]
struct Search {
    #[validate(length(min = 2))]
    query: String,
}

#[action]
async fn search(#[form] search: Search) -> Result<ActionState<usize>, ActionError> {
    Ok(ActionState(search.query.len()))
}

async fn show(state: FormState<Search>, found: Option<ActionState<usize>>, flash: Flash) -> Html<String> {
    let form = FormView::from_state(&state, search::bind());
    let found = found.map(|ActionState(count)| count).unwrap_or_default();
    Html(format!("{}{form}{found}{}", form.query.label(), flash.into_message().unwrap_or_default()))
}

fn main() {
    let _app: Router = Router::new().page("/", page(show).action::<search>());
}
