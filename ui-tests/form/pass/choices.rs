// A unit enum of choices: values in snake_case, labels in words, both overridable.
use formaction::{Choices, FromFieldValue, form};

#[form]
#[derive(Debug, PartialEq)]
enum Status {
    InProgress,
    #[field(rename = "done", label = "Finished")]
    Completed,
}

fn main() {
    assert_eq!(Status::CHOICES.len(), 2);
    assert_eq!(Status::InProgress.value(), "in_progress");
    assert_eq!(Status::InProgress.label(), "In progress");
    assert_eq!(Status::Completed.value(), "done");
    assert_eq!(Status::from_text("done").unwrap(), Status::Completed);
}
