// `#[action(crate = path)]`, like `#[form(crate = path)]`: the runtime re-exported under another
// name.
mod my {
    pub use formaction as fa;
}

#[my::fa::form(crate = my::fa)]
struct Note {
    text: String,
}

#[my::fa::action(crate = my::fa)]
async fn save(#[bind] id: u64, #[form] note: Note) -> Result<my::fa::Redirect, my::fa::ActionError> {
    Ok(my::fa::Redirect::to(format!("/notes/{id}?{}", note.text)))
}

async fn show() -> axum::response::Html<String> {
    axum::response::Html(save::bind(7).url())
}

fn main() {
    use my::fa::RouterExt;
    let _app: axum::Router = axum::Router::new().page("/", my::fa::page(show).action::<save>());
}
