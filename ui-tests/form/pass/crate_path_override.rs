// `#[form(crate = path)]`: the runtime re-exported under another name, and no `formaction` in
// scope by that name.
mod my {
    pub use formaction as fa;
}

use my::fa::Form as _;

#[my::fa::form(crate = my::fa)]
#[derive(Debug, PartialEq)]
enum Size {
    Small,
    Large,
}

#[my::fa::form(crate = my::fa)]
struct Order {
    #[validate(length(min = 1))]
    name: String,
    size: Size,
}

fn main() {
    let data = my::fa::FormData::from_pairs([("name", "Ada"), ("size", "large")]);
    let order = Order::parse(&data).unwrap();
    assert_eq!(order.size, Size::Large);
    assert_eq!(order.name, "Ada");
}
