use formaction::form;

#[form]
struct Invoice {
    customer: String,
    amount: f64,
}

fn label(fields: &InvoiceFields<'_>) -> &'static str {
    fields.amout.label()
}

fn main() {}
