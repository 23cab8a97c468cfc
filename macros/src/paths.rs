//! Every runtime path the generated code uses, in one place. Generated code reaches the runtime
//! only through `::formaction::__private` (or the `crate = ...` path a user gave), so a user's own
//! `struct Option;` or a module named `formaction` cannot change what it means.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;

/// The root of the runtime crate, `::formaction` unless overridden with `#[form(crate = path)]` or
/// `#[action(crate = path)]`.
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
    action_id => action_id;
    action_id_text => action_id_text;
    action_config => ActionConfig;
    bound_action => BoundAction;
    box_future => BoxFuture;
    outcome => Outcome;
    no_form => NoForm;
    parts => Parts;
    duration => Duration;
    boxed => Box;
    view_cx => ViewCx;
    view_of_type => ViewOf;
    view_of => view_of;
    form_fields => FormFields;
    group_kind => kind::Group;
    action_argument => ActionArgument;
    bind_argument => bind_argument;
    form_argument => FormArgument;
    action_result => action_result;
    rule_result => rule_result;
    probe => Probe;
    bound_probe => Bound;
    bound_unchecked => BoundUnchecked;
    form_step => FormStep;
    form_step_unchecked => FormStepUnchecked;
    finish => Finish;
    finish_unchecked => FinishUnchecked;
    form_paths => FormPaths;
    paths_of_type => PathsOf;
    paths_of => paths_of;
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

/// `tokens` with every span set to `span`, for a runtime path written where the user's token is
/// (`u64: ActionArgument<S>`): a path's own spans would otherwise make the compiler point at the
/// macro's call instead.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(group) => {
                let mut respanned = proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                respanned.set_span(span);
                TokenTree::Group(respanned)
            }
            mut other => {
                other.set_span(span);
                other
            }
        })
        .collect()
}
