use formaction::form;

#[form]
union Number {
    int: u32,
    float: f32,
}

fn main() {}
