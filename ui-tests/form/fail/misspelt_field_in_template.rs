use askama::Template;
use formaction::FormView;
use formaction::{BoundAction, form};

#[form]
struct Invoice {
    customer: String,
    amount: f64,
}

#[derive(Template)]
#[template(source = "<label for='{{ form.custmer.id }}'>{{ form.customer.label() }}</label>", ext = "html")]
struct InvoicePage<'a> {
    form: FormView<'a, Invoice>,
}

fn main() {
    let page = InvoicePage { form: FormView::empty(BoundAction::unbound("invoice")) };
    let _ = page.render();
}
