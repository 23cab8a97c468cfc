use formaction::FormView;
use formaction::{BoundAction, form};

#[form]
struct Invoice {
    customer: String,
    amount: f64,
}

fn show(view: &FormView<'_, Invoice>) {
    let _ = &view.custmer;
}

fn main() {
    let view = FormView::<Invoice>::empty(BoundAction::unbound("invoice"));
    show(&view);
}
