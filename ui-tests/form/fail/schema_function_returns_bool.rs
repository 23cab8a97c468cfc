use formaction::form;

fn dates_in_order(booking: &Booking) -> bool {
    booking.from <= booking.to
}

#[form]
#[validate(schema(function = dates_in_order))]
struct Booking {
    from: u32,
    to: u32,
}

fn main() {}
