//! Every runtime path the generated code uses, in one place. Generated code reaches the runtime
//! only through `::formaction::__private` (or the `crate = ...` path a user gave), so a user's own
//! `struct Option;` or a module named `formaction` cannot change what it means.

use proc_macro2::TokenStream;
use quote::quote;

/// The root of the runtime crate, `::formaction` unless overridden with `#[form(crate = path)]`.
#[derive(Clone)]
pub(crate) struct Paths {
    root: TokenStream,
}

macro_rules! private_paths {
    ($($name:ident => $($segment:ident)::+;)*) => {
        impl Paths {
            $(
                #[allow(clippy::wrong_self_convention, reason = "each method is named after the runtime item it spells")]
                pub(crate) fn $name(&self) -> TokenStream {
                    let root = &self.root;
                    quote!(#root::__private$(::$segment)+)
                }
            )*
        }
    };
}

private_paths! {
    option => Option;
    some => Some;
    none => None;
    ok => Ok;
    err => Err;
    result => Result;
    vec => vec;
    once_lock => OnceLock;
    as_regex => AsRegex;
    from_form => FromForm;
    from_field_value => FromFieldValue;
    parse_cx => ParseCx;
    child_name => child_name;
    group_is_blank => group_is_blank;
    choice => Choice;
    choices => Choices;
    field_schema => FieldSchema;
    form_schema => FormSchema;
    shape => Shape;
    rules => rules;
    rule_options => RuleOptions;
    field_error => FieldError;
    form => Form;
    form_data => FormData;
    action => Action;
    action_config => ActionConfig;
    bound_action => BoundAction;
    box_future => BoxFuture;
    outcome => Outcome;
    answer => Answer;
    no_form => NoForm;
    open_bound => open_bound;
    intent => intent;
    from_request_parts => FromRequestParts;
    parts => Parts;
    serialize => Serialize;
    deserialize_owned => DeserializeOwned;
    duration => Duration;
    boxed => Box;
    field_view => FieldView;
    group_view => GroupView;
    list_view => ListView;
    view_cx => ViewCx;
}

impl Paths {
    pub(crate) fn new(root: Option<syn::Path>) -> Self {
        let root = match root {
            Some(path) => quote!(#path),
            None => quote!(::formaction),
        };
        Paths { root }
    }
}
