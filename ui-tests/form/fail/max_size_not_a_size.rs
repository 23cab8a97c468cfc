use formaction::{UploadedFile, form};

#[form]
struct Profile {
    #[field(max_size = "2 MB")]
    avatar: UploadedFile,
}

fn main() {}
