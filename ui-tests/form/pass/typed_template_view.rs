// The typed views of a form's fields, in an askama template and in plain Rust: a field,
// a nested group and a list of groups, each by its Rust name.
use askama::Template;
use formaction::FormView;
use formaction::{BoundAction, form};

#[form]
struct Address {
    city: String,
}

#[form]
struct Line {
    description: String,
}

#[form]
struct Invoice {
    #[field(label = "Customer name")]
    customer: String,
    address: Address,
    lines: Vec<Line>,
}

#[derive(Template)]
#[template(
    source = "<label for='{{ form.customer.id }}'>{{ form.customer.label() }}</label>\
              <input name='{{ form.address.city.name }}'>\
              {% for (key, line) in form.lines.rows() %}{{ key }}{{ line.description.name }}{% endfor %}",
    ext = "html"
)]
struct InvoicePage<'a> {
    form: FormView<'a, Invoice>,
}

fn label(fields: &InvoiceFields<'_>) -> &'static str {
    fields.customer.label()
}

fn main() {
    let form = FormView::<Invoice>::empty(BoundAction::unbound("invoice"));
    assert_eq!(label(&form), "Customer name");
    let html = InvoicePage { form }.render().unwrap();
    assert!(html.contains("Customer name"), "{html}");
    assert!(html.contains("address.city"), "{html}");
}
