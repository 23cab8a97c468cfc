//! Writing the code: the item with our attributes removed, then `FromForm` and `Form` (or
//! `FromFieldValue` and `Choices` for an enum) inside `const _: () = { ... };`.
//!
//! The generated functions only call the runtime (`rules::length(...)`, `child_name(...)`); the
//! logic lives there, where it is tested once.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Expr, ExprLit, ExprUnary, Lit, LitStr, UnOp};

use super::ast::{Choices, Field, Form, Input};
use super::attr::{Default, Rule, RuleKind, strip_our_attributes};
use super::types::Kind;
use crate::paths::{Paths, respan};

pub(crate) fn input(item: &DeriveInput, input: &Input<'_>, paths: &Paths) -> TokenStream {
    let cleaned = strip_our_attributes(item);
    let (impls, fields_struct) = match input {
        Input::Struct(form) => {
            let (paths_struct, paths_impls) = paths_of_fields(item, form, paths);
            let (impls, fields_struct) = (form_impls(form, paths), fields_struct(item, form, paths));
            (quote!(#impls #paths_impls), quote!(#fields_struct #paths_struct))
        }
        Input::Choices(choices) => (choice_impls(choices, paths), TokenStream::new()),
    };
    quote! {
        #cleaned
        #fields_struct
        #[doc(hidden)]
        const _: () = {
            #impls
        };
    }
}

/// `NewInvoice` -> `NewInvoiceFields`.
fn fields_ident(ident: &syn::Ident) -> syn::Ident {
    format_ident!("{}Fields", ident)
}

/// The struct of typed field views for templates: one public field per form field, so a misspelt
/// name in a template is a compile error.
fn fields_struct(item: &DeriveInput, form: &Form<'_>, p: &Paths) -> TokenStream {
    let vis = &item.vis;
    let ident = form.ident;
    let fields_ident = fields_ident(ident);
    let doc = format!(
        "The fields of [`{ident}`] as views for a template: `form.<field>.label()`, `.value()`, `.errors`..."
    );
    let fields = form.fields.iter().map(|field| {
        let field_ident = field.ident;
        let ty = field.ty;
        let field_doc = format!("The view of `{}`.", field.html_name());
        let view_of = respan(p.view_of_type(), ty.span());
        // The whole field spanned at its type, as every other use of the type: one that cannot be
        // read from a form is then reported there by each use, identically, and shown once.
        let field_ident = respan(quote!(#field_ident), ty.span());
        quote_spanned! {ty.span()=>
            #[doc = #field_doc]
            pub #field_ident: #view_of<'__fa, #ty>
        }
    });
    quote! {
        #[doc = #doc]
        #[allow(dead_code, reason = "read by templates, which may use only some fields")]
        #vis struct #fields_ident<'__fa> {
            #(#fields,)*
            #[doc(hidden)]
            pub __fa_lifetime: ::core::marker::PhantomData<&'__fa ()>,
        }
    }
}

/// The typed paths of the fields, for the errors an action finds: `<Name>Paths` (one public field
/// per form field), and `Name::paths()` with `FormPaths` behind it, so a misspelt field in
/// `ActionError::field(Name::paths().emial, ..)` is a compile error.
fn paths_of_fields(item: &DeriveInput, form: &Form<'_>, p: &Paths) -> (TokenStream, TokenStream) {
    let vis = &item.vis;
    let ident = form.ident;
    let paths_ident = format_ident!("{}Paths", ident);
    let doc = format!(
        "The paths of [`{ident}`]'s fields, for the errors an action finds: `ActionError::field({ident}::paths().<field>, ..)`."
    );
    let (form_paths, paths_of_type, paths_of, child_name) =
        (p.form_paths(), p.paths_of_type(), p.paths_of(), p.child_name());
    let fields = form.fields.iter().map(|field| {
        let ty = field.ty;
        let field_doc = format!("The path of `{}`.", field.html_name());
        let paths_of_type = respan(paths_of_type.clone(), ty.span());
        let field_ident = field.ident;
        let field_ident = respan(quote!(#field_ident), ty.span());
        quote_spanned! {ty.span()=>
            #[doc = #field_doc]
            pub #field_ident: #paths_of_type<#ty>
        }
    });
    let inits: Vec<_> = form
        .fields
        .iter()
        .map(|field| {
            let ty = field.ty;
            let html = field.html_name();
            let paths_of = respan(paths_of.clone(), ty.span());
            let field_ident = field.ident;
            let field_ident = respan(quote!(#field_ident), ty.span());
            quote_spanned! {ty.span()=>
                #field_ident: #paths_of::<#ty>(#child_name(__fa_prefix, #html))
            }
        })
        .collect();
    let paths_struct = quote! {
        #[doc = #doc]
        #[allow(dead_code, reason = "read by actions, which may use only some fields")]
        #vis struct #paths_ident<'__fa> {
            #(#fields,)*
            #[doc(hidden)]
            pub __fa_lifetime: ::core::marker::PhantomData<&'__fa ()>,
        }
    };
    let fn_doc = format!(
        "The typed paths of [`{ident}`]'s fields (`{ident}::paths().<field>`), for `ActionError::field`."
    );
    let impls = quote! {
        #[automatically_derived]
        impl #form_paths for #ident {
            type Paths<'__fa> = #paths_ident<'__fa>;

            fn paths_at<'__fa>(__fa_prefix: &::core::primitive::str) -> #paths_ident<'__fa> {
                #paths_ident {
                    #(#inits,)*
                    __fa_lifetime: ::core::marker::PhantomData,
                }
            }
        }

        impl #ident {
            #[doc = #fn_doc]
            #[allow(dead_code, reason = "used by actions that put errors on fields")]
            #[must_use]
            #vis fn paths<'__fa>() -> #paths_ident<'__fa> {
                // The struct made here rather than by `paths_at`: a field whose type cannot be
                // read from a form is then reported once, at the field, and not here again.
                let __fa_prefix = "";
                #paths_ident {
                    #(#inits,)*
                    __fa_lifetime: ::core::marker::PhantomData,
                }
            }
        }
    };
    (paths_struct, impls)
}

fn form_impls(form: &Form<'_>, p: &Paths) -> TokenStream {
    let ident = form.ident;
    let (from_form, form_trait, parse_cx, option, some) =
        (p.from_form(), p.form(), p.parse_cx(), p.option(), p.some());
    let (form_data, shape, form_schema, once_lock, vec) =
        (p.form_data(), p.shape(), p.form_schema(), p.once_lock(), p.vec());

    let names = (0..form.fields.len()).map(|i| format_ident!("__fa_name{i}")).collect::<Vec<_>>();
    let values = (0..form.fields.len()).map(|i| format_ident!("__fa_value{i}")).collect::<Vec<_>>();

    let child_name = p.child_name();
    let name_lets = form.fields.iter().zip(&names).map(|(field, name)| {
        let html = field.html_name();
        quote!(let #name = #child_name(__fa_prefix, #html);)
    });

    let parse_lets = form.fields.iter().zip(&names).zip(&values).map(|((field, name), value)| {
        let ty = field.ty;
        let as_from_form = as_from_form(ty, p);
        let read = quote_spanned!(ty.span()=> #as_from_form::from_form(__fa_cx, &#name));
        if field.options.disabled.is_some() {
            // Browsers never send a disabled control, and a value sent all the same is not the
            // user's to choose: the field is its default (`valid.rs` makes sure it has one).
            let default_value = match &field.options.default {
                Some((_, Default::Expr(expr))) => quote!(#expr),
                _ => quote_spanned!(ty.span()=> <#ty as ::core::default::Default>::default()),
            };
            return quote! {
                let _ = &#name;
                let #value: #option<#ty> = #some(#default_value);
            };
        }
        match &field.options.default {
            None => quote!(let #value: #option<#ty> = #read;),
            Some((_, default)) => {
                let is_blank = quote_spanned!(ty.span()=> #as_from_form::is_blank(__fa_cx.data(), &#name));
                let default_value = match default {
                    Default::Trait => {
                        quote_spanned!(ty.span()=> <#ty as ::core::default::Default>::default())
                    }
                    Default::Expr(expr) => quote!(#expr),
                };
                quote! {
                    let #value: #option<#ty> = if #is_blank {
                        #some(#default_value)
                    } else {
                        #read
                    };
                }
            }
        }
    });

    let checks: Vec<(TokenStream, Vec<(usize, TokenStream)>)> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| field_checks(form, i, field, &names, &values, p))
        .collect();
    // Each field's own rules run right after it parses, so errors come out in field order;
    // `must_match` needs both fields, so it runs as soon as the later of the two is read.
    let per_field = parse_lets.zip(&checks).enumerate().map(|(i, (parse, (own, _)))| {
        let cross =
            checks.iter().flat_map(|(_, cross)| cross).filter(|(after, _)| *after == i).map(|(_, c)| c);
        quote!(#parse #own #(#cross)*)
    });

    let construct = form.fields.iter().zip(&values).map(|(field, value)| {
        let ident = field.ident;
        quote!(#ident: #value?)
    });

    let schema_checks = form.schema_rules.iter().map(|rule| {
        let function = &rule.function;
        let options = rule_options(rule.message.as_ref(), rule.code.as_ref(), p);
        let rules = p.rules();
        // Through `rule_result`, so a function that returns something else is told what to return.
        let rule_result = respan(p.rule_result(), function.span());
        let call = quote_spanned!(function.span()=> #rule_result(#function(&__fa_form)));
        // At the top level a failure is a form-level error; in a group or a list item it is the
        // group's own (`lines[1]`), so the page can show it by that row.
        let run = quote! {{
            let __fa_result = #call;
            if __fa_prefix.is_empty() {
                #rules::schema(__fa_cx, __fa_result, #options);
            } else {
                #rules::custom(__fa_cx, __fa_prefix, __fa_result, #options);
            }
        }};
        if rule.skip_on_field_errors {
            quote!(if __fa_valid && __fa_cx.errors().len() == __fa_errors_before { #run })
        } else {
            run
        }
    });

    let schema_fields = form.fields.iter().map(|field| {
        let schema = field_schema(field, p);
        let client = client_errors(form, field, p);
        quote!({ let mut __fa_field = #schema; #client __fa_field })
    });
    let (group_kind, view_cx, form_fields) = (p.group_kind(), p.view_cx(), p.form_fields());
    let fields_ident = fields_ident(form.ident);
    let writes = form.fields.iter().map(|field| {
        let ty = field.ty;
        let ident = field.ident;
        let html = field.html_name();
        let as_from_form = as_from_form(ty, p);
        quote_spanned!(ty.span()=> #as_from_form::write(&self.#ident, &#child_name(__fa_prefix, #html), __fa_out);)
    });
    let field_view_inits = form.fields.iter().enumerate().map(|(index, field)| {
        let ty = field.ty;
        let ident = field.ident;
        let view_of = respan(p.view_of(), ty.span());
        let ident = respan(quote!(#ident), ty.span());
        quote_spanned! {ty.span()=>
            #ident: #view_of::<#ty>(__fa_cx, __fa_cx.field(__fa_prefix, &__fa_schema.fields[#index]))
        }
    });
    let group_is_blank = p.group_is_blank();

    quote! {
        #[automatically_derived]
        impl #from_form for #ident {
            #[allow(clippy::unnecessary_cast, reason = "rule bounds are the user's literals, cast as a rule takes them")]
            fn from_form(__fa_cx: &mut #parse_cx<'_>, __fa_prefix: &::core::primitive::str) -> #option<Self> {
                #(#name_lets)*
                #[allow(unused_mut, reason = "stays true when the form has no rules")]
                let mut __fa_valid = true;
                // Errors recorded before this group, to tell whether a nested group's rules failed.
                let __fa_errors_before = __fa_cx.errors().len();
                #(#per_field)*
                let __fa_form = Self { #(#construct,)* };
                #(#schema_checks)*
                let _ = (__fa_valid, __fa_errors_before);
                #some(__fa_form)
            }

            fn is_blank(__fa_data: &#form_data, __fa_prefix: &::core::primitive::str) -> ::core::primitive::bool {
                #group_is_blank(__fa_data, __fa_prefix)
            }

            fn shape() -> #shape {
                #shape::group(<Self as #form_trait>::schema)
            }

            type Kind = #group_kind<Self>;

            fn write(&self, __fa_prefix: &::core::primitive::str, __fa_out: &mut #form_data) {
                #(#writes)*
            }
        }

        #[automatically_derived]
        impl #form_trait for #ident {
            #[allow(clippy::unnecessary_cast, reason = "rule bounds are the user's literals, cast as a rule takes them")]
            fn schema() -> &'static #form_schema {
                static __FA_SCHEMA: #once_lock<#form_schema> = #once_lock::new();
                __FA_SCHEMA.get_or_init(|| #form_schema::new(#vec![#(#schema_fields),*]))
            }
        }

        #[automatically_derived]
        impl #form_fields for #ident {
            type Fields<'__fa> = #fields_ident<'__fa>;

            fn fields<'__fa>(__fa_cx: &#view_cx<'__fa>, __fa_prefix: &::core::primitive::str) -> Self::Fields<'__fa> {
                let __fa_schema = <Self as #form_trait>::schema();
                #fields_ident {
                    #(#field_view_inits,)*
                    __fa_lifetime: ::core::marker::PhantomData,
                }
            }
        }
    }
}

/// The rule checks of one field, run on its value when it parsed: its own rules, and those that
/// compare it with another field (`must_match`).
fn field_checks(
    form: &Form<'_>,
    index: usize,
    field: &Field<'_>,
    names: &[syn::Ident],
    values: &[syn::Ident],
    p: &Paths,
) -> (TokenStream, Vec<(usize, TokenStream)>) {
    let name = &names[index];
    let value = &values[index];
    let rules = p.rules();
    let some = p.some();
    let mut checks = Vec::new();
    let mut cross = Vec::new();

    // `length(min = 1, message = "Enter the customer's name")`: the message is meant for the
    // empty field too, which fails as `required` before any rule runs.
    let length_message = field.rules.iter().find_map(|rule| match &rule.kind {
        RuleKind::Length { min: Some(_), .. } | RuleKind::Length { equal: Some(_), .. } => {
            rule.message.as_ref()
        }
        _ => None,
    });
    if let Some(message) = length_message {
        checks.push(quote! {
            if #value.is_none() {
                #rules::required_message(__fa_cx, &#name, #message);
            }
        });
    }

    for rule in &field.rules {
        let options = rule_options(rule.message.as_ref(), rule.code.as_ref(), p);
        let check = match &rule.kind {
            RuleKind::Nested => continue,
            RuleKind::Required if !field.kind.optional => {
                // A checkbox (`valid.rs` allows no other plain field): it must be ticked.
                checks.push(quote! {
                    if let #some(__fa_v) = &#value {
                        __fa_valid &= #rules::ticked(__fa_cx, &#name, *__fa_v, #options);
                    }
                });
                continue;
            }
            RuleKind::Required => {
                // On the Option itself, not on what is inside.
                checks.push(quote! {
                    if let #some(__fa_v) = &#value {
                        __fa_valid &= #rules::required(__fa_cx, &#name, __fa_v, #options);
                    }
                });
                continue;
            }
            RuleKind::MustMatch { other } => {
                let Some(other_index) = form.fields.iter().position(|f| f.ident == other.value().as_str())
                else {
                    continue;
                };
                let other_field = &form.fields[other_index];
                let other_value = &values[other_index];
                let label = other_field.label();
                let this = inner_pattern(field, quote!(__fa_v), p);
                let that = inner_pattern(other_field, quote!(__fa_other), p);
                let check = quote_spanned! {rule.key.span()=>
                    if let (#some(#this), #some(#that)) = (&#value, &#other_value) {
                        __fa_valid &= #rules::must_match(__fa_cx, &#name, __fa_v, __fa_other, #label, #options);
                    }
                };
                cross.push((index.max(other_index), check));
                continue;
            }
            kind => rule_call(field, rule, kind, &options, name, p),
        };
        let pattern = inner_pattern(field, quote!(__fa_v), p);
        checks.push(quote! {
            if let #some(#pattern) = &#value {
                __fa_valid &= #check;
            }
        });
    }

    // `accept` and `max_size` are checked on the server too: the browser's are a convenience.
    let accept = field.options.accept.as_ref();
    let max_size = field.options.max_size.as_ref().map(|(_, bytes)| bytes);
    if accept.is_some() || max_size.is_some() {
        let none = p.none();
        let accept = accept.map_or_else(|| quote!(#none), |accept| quote!(#some(#accept)));
        let max_size = max_size.map_or_else(|| quote!(#none), |bytes| quote!(#some(#bytes)));
        let as_from_form = as_from_form(field.ty, p);
        checks.push(quote! {
            if #value.is_some() {
                __fa_valid &= #rules::file(__fa_cx, &#name, #as_from_form::LIST, #accept, #max_size);
            }
        });
    }

    if let Some(scale) = &field.options.scale {
        let options = rule_options(None, None, p);
        checks.push(quote! {
            if #value.is_some() {
                __fa_valid &= #rules::scale(__fa_cx, &#name, #scale, #options);
            }
        });
    }
    (quote!(#(#checks)*), cross)
}

/// `__fa_v` for a plain field, `Some(__fa_v)` for an `Option` field: rules look inside `Option`
/// and skip `None`, as validator does.
fn inner_pattern(field: &Field<'_>, binding: TokenStream, p: &Paths) -> TokenStream {
    if field.kind.optional {
        let some = p.some();
        quote!(#some(#binding))
    } else {
        binding
    }
}

fn rule_call(
    field: &Field<'_>,
    rule: &Rule,
    kind: &RuleKind,
    options: &TokenStream,
    name: &syn::Ident,
    p: &Paths,
) -> TokenStream {
    let rules = p.rules();
    let some = p.some();
    let none = p.none();
    let inner = field.kind.inner;
    let opt_u64 = |expr: &Option<Expr>| match expr {
        Some(expr) => quote_spanned!(expr.span()=> #some((#expr) as ::core::primitive::u64)),
        None => quote!(#none),
    };
    let opt_bound = |expr: &Option<Expr>| match expr {
        Some(expr) => {
            let expr = number_for(expr, field);
            quote!(#some(#expr))
        }
        None => quote!(#none),
    };
    let span = rule.key.span();
    match kind {
        RuleKind::Email => quote_spanned!(span=> #rules::email(__fa_cx, &#name, __fa_v, #options)),
        RuleKind::Url => quote_spanned!(span=> #rules::url(__fa_cx, &#name, __fa_v, #options)),
        RuleKind::NonControlCharacter => {
            quote_spanned!(span=> #rules::non_control_character(__fa_cx, &#name, __fa_v, #options))
        }
        RuleKind::Ip { version } => {
            let version = match version {
                Some(v) => quote!(#some(#v)),
                None => quote!(#none),
            };
            quote_spanned!(span=> #rules::ip(__fa_cx, &#name, __fa_v, #version, #options))
        }
        RuleKind::Length { min, max, equal } => {
            let (min, max, equal) = (opt_u64(min), opt_u64(max), opt_u64(equal));
            let as_from_form = as_from_form(inner, p);
            quote_spanned! {span=>
                #rules::length(__fa_cx, &#name, __fa_v, #as_from_form::LIST, #min, #max, #equal, #options)
            }
        }
        RuleKind::Range { min, max, exclusive_min, exclusive_max }
            if matches!(field.kind.kind, Kind::Integer | Kind::Float) =>
        {
            // On a number, each bound is first given the field's type, so a bound of another type
            // (`min = "one"` on a `u32`) is reported at the bound: "expected `u32`, found `&str`".
            let mut lets = Vec::new();
            let mut bound = |expr: &Option<Expr>, binding: &str| match expr {
                Some(expr) => {
                    let binding = format_ident!("__fa_{}", binding);
                    let value = number_for(expr, field);
                    lets.push(quote_spanned!(expr.span()=> let #binding: #inner = #value;));
                    quote!(#some(#binding))
                }
                None => quote!(#none),
            };
            let (min, max) = (bound(min, "min"), bound(max, "max"));
            let (exclusive_min, exclusive_max) =
                (bound(exclusive_min, "exclusive_min"), bound(exclusive_max, "exclusive_max"));
            let call = quote_spanned! {span=>
                #rules::range(__fa_cx, &#name, __fa_v, #min, #max, #exclusive_min, #exclusive_max, #options)
            };
            quote!({ #(#lets)* #call })
        }
        RuleKind::Range { min, max, exclusive_min, exclusive_max } => {
            let (min, max) = (opt_bound(min), opt_bound(max));
            let (exclusive_min, exclusive_max) = (opt_bound(exclusive_min), opt_bound(exclusive_max));
            quote_spanned! {span=>
                #rules::range(__fa_cx, &#name, __fa_v, #min, #max, #exclusive_min, #exclusive_max, #options)
            }
        }
        RuleKind::Regex { path } => {
            quote_spanned!(path.span()=> #rules::regex(__fa_cx, &#name, __fa_v, &(#path), #options))
        }
        RuleKind::Contains { pattern } => {
            quote_spanned!(span=> #rules::contains(__fa_cx, &#name, __fa_v, #pattern, #options))
        }
        RuleKind::DoesNotContain { pattern } => {
            quote_spanned!(span=> #rules::does_not_contain(__fa_cx, &#name, __fa_v, #pattern, #options))
        }
        RuleKind::Custom { function } => {
            let rule_result = respan(p.rule_result(), function.span());
            let call = quote_spanned!(function.span()=> #rule_result(#function(__fa_v)));
            quote!(#rules::custom(__fa_cx, &#name, #call, #options))
        }
        RuleKind::Required | RuleKind::MustMatch { .. } | RuleKind::Nested => quote!(true),
    }
}

/// A bound for `range` on this field: an integer literal on a float field is written as a float
/// (`range(min = 1)` on an `f64` means `1.0`, as people expect).
fn number_for(expr: &Expr, field: &Field<'_>) -> TokenStream {
    let is_int_literal = match expr {
        Expr::Lit(ExprLit { lit: Lit::Int(_), .. }) => true,
        Expr::Unary(ExprUnary { op: UnOp::Neg(_), expr, .. }) => {
            matches!(&**expr, Expr::Lit(ExprLit { lit: Lit::Int(_), .. }))
        }
        _ => false,
    };
    if is_int_literal && field.kind.kind == Kind::Float {
        let inner = field.kind.inner;
        quote_spanned!(expr.span()=> (#expr) as #inner)
    } else {
        expr.to_token_stream()
    }
}

fn rule_options(message: Option<&LitStr>, code: Option<&LitStr>, p: &Paths) -> TokenStream {
    let rule_options = p.rule_options();
    let some = p.some();
    let none = p.none();
    let message = message.map_or_else(|| quote!(#none), |m| quote!(#some(#m)));
    let code = code.map_or_else(|| quote!(#none), |c| quote!(#some(#c)));
    quote!(#rule_options { message: #message, code: #code })
}

/// The `FieldSchema` of one field: shaped by its type, then its rules, then its options.
fn field_schema(field: &Field<'_>, p: &Paths) -> TokenStream {
    let (field_schema, some, none, as_regex) = (p.field_schema(), p.some(), p.none(), p.as_regex());
    let ty = field.ty;
    let as_from_form = as_from_form(ty, p);
    let html = field.html_name();
    let label = field.label();
    let mut steps = Vec::new();
    let to_string = |expr: &Expr| {
        let expr = number_for(expr, field);
        quote!(#some(::std::string::ToString::to_string(&(#expr))))
    };
    for rule in &field.rules {
        let step = match &rule.kind {
            RuleKind::Length { min, max, equal } => {
                let u = |e: &Option<Expr>| {
                    e.as_ref()
                        .map_or_else(|| quote!(#none), |e| quote!(#some((#e) as ::core::primitive::u64)))
                };
                let (min, max, equal) = (u(min), u(max), u(equal));
                // On a list, `length` counts items, not the characters of each input.
                quote_spanned! {ty.span()=>
                    if !#as_from_form::LIST {
                        __fa_field.apply_length(#min, #max, #equal);
                    }
                }
            }
            RuleKind::Range { min, max, .. } => {
                let s = |e: &Option<Expr>| e.as_ref().map_or_else(|| quote!(#none), &to_string);
                let (min, max) = (s(min), s(max));
                quote!(__fa_field.apply_range(#min, #max);)
            }
            RuleKind::Email => quote!(__fa_field.apply_email();),
            RuleKind::Url => quote!(__fa_field.apply_url();),
            // `required` on an `Option`: the server refuses `None`, so the browser requires it too;
            // on a `bool`, the box must be ticked, and the browser says so too.
            RuleKind::Required => quote!(__fa_field.constraints.required = true;),
            RuleKind::Regex { path } => {
                quote!(__fa_field.apply_regex(#as_regex::as_regex(&(#path)).as_str());)
            }
            _ => continue,
        };
        steps.push(step);
    }
    let o = &field.options;
    let str_option =
        |value: &Option<LitStr>| value.as_ref().map_or_else(|| quote!(#none), |v| quote!(#some(#v)));
    let (help, placeholder) = (str_option(&o.help), str_option(&o.placeholder));
    if let Some(scale) = &o.scale {
        steps.push(quote!(__fa_field.apply_scale(#scale);));
    }
    if let Some(step) = &o.step {
        steps.push(quote!(__fa_field.apply_step(::std::string::ToString::to_string(#step));));
    }
    if o.secret.is_some() {
        steps.push(quote!(__fa_field.apply_secret();));
    }
    if o.textarea.is_some() {
        steps.push(quote!(__fa_field.apply_textarea();));
    }
    if o.radio.is_some() {
        steps.push(quote!(__fa_field.apply_radio();));
    }
    if o.select.is_some() {
        steps.push(quote!(__fa_field.apply_select();));
    }
    if let Some(accept) = &o.accept {
        steps.push(quote!(__fa_field.apply_accept(#accept);));
    }
    if o.default.is_some() {
        steps.push(quote!(__fa_field.apply_default();));
    }
    if o.hidden.is_some() {
        steps.push(quote!(__fa_field.apply_hidden();));
    }
    if let Some(input) = &o.input {
        steps.push(quote!(__fa_field.apply_input(#input);));
    }
    if let Some(autocomplete) = &o.autocomplete {
        // As browsers read it: lowercase, one space between tokens.
        let tokens = autocomplete.value().to_ascii_lowercase();
        let tokens = tokens.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        steps.push(quote!(__fa_field.autocomplete = #some(#tokens);));
    }
    if let Some(inputmode) = &o.inputmode {
        steps.push(quote!(__fa_field.inputmode = #some(#inputmode);));
    }
    if o.readonly.is_some() {
        steps.push(quote!(__fa_field.apply_readonly();));
    }
    if o.disabled.is_some() {
        // What the field shows when nothing is given for it (after a submission, which never
        // holds it): its default, as text.
        let form_data = p.form_data();
        let default_value = match &o.default {
            Some((_, Default::Expr(expr))) => quote!(#expr),
            _ => quote_spanned!(ty.span()=> <#ty as ::core::default::Default>::default()),
        };
        steps.push(quote! {
            let mut __fa_out = #form_data::new();
            #as_from_form::write(&(#default_value), "v", &mut __fa_out);
            __fa_field.apply_disabled(__fa_out.text("v").map(::std::borrow::ToOwned::to_owned));
        });
    }
    let mut extra = Vec::new();
    for (prefix, list) in [("data", &o.data), ("aria", &o.aria)] {
        for (ident, value) in list {
            let name = ident.to_string();
            let name = name.strip_prefix("r#").unwrap_or(&name).replace('_', "-");
            if prefix == "aria" && name == "describedby" {
                steps.push(quote!(__fa_field.described_by = #some(#value);));
            } else {
                let name = format!("{prefix}-{name}");
                extra.push(quote!((#name, #value)));
            }
        }
    }
    if !extra.is_empty() {
        steps.push(quote!(__fa_field.attributes = &[#(#extra),*];));
    }
    let shape = quote_spanned!(ty.span()=> #as_from_form::shape());
    quote! {{
        let mut __fa_field = #field_schema::new(#html, #label, #shape);
        __fa_field.help = #help;
        __fa_field.placeholder = #placeholder;
        #(#steps)*
        __fa_field
    }}
}

fn choice_impls(choices: &Choices<'_>, p: &Paths) -> TokenStream {
    let ident = choices.ident;
    let (option, some) = (p.option(), p.some());
    let (from_field_value, choices_trait, choice, field_error, shape, result, ok, err) = (
        p.from_field_value(),
        p.choices(),
        p.choice(),
        p.field_error(),
        p.shape(),
        p.result(),
        p.ok(),
        p.err(),
    );
    let values: Vec<String> = choices.variants.iter().map(|v| v.value()).collect();
    let labels: Vec<String> = choices.variants.iter().map(|v| v.label()).collect();
    let variants: Vec<&syn::Ident> = choices.variants.iter().map(|v| v.ident).collect();
    let indices = 0..variants.len();
    quote! {
        #[automatically_derived]
        impl #from_field_value for #ident {
            fn from_text(__fa_text: &::core::primitive::str) -> #result<Self, #field_error> {
                match __fa_text.trim() {
                    #(#values => #ok(Self::#variants),)*
                    _ => #err(#field_error::new("invalid_choice")),
                }
            }

            fn shape() -> #shape {
                #shape::select(<Self as #choices_trait>::CHOICES)
            }

            fn to_text(&self) -> #option<::std::string::String> {
                #some(::std::string::ToString::to_string(<Self as #choices_trait>::value(self)))
            }
        }

        #[automatically_derived]
        impl #choices_trait for #ident {
            const CHOICES: &'static [#choice] = &[#(#choice { value: #values, label: #labels }),*];

            fn choice(&self) -> &'static #choice {
                match self {
                    #(Self::#variants => &<Self as #choices_trait>::CHOICES[#indices],)*
                }
            }
        }
    }
}

/// `<T as FromForm>`, every token spanned at the field's type `T`: an error about the type is then
/// reported there, and as the same error at every use, which the compiler shows once.
fn as_from_form(ty: &syn::Type, p: &Paths) -> TokenStream {
    let span = ty.span();
    let from_form = respan(p.from_form(), span);
    quote_spanned!(span=> <#ty as #from_form>)
}

/// The errors the server records when `field` fails a check the browser can make too, built by
/// the same runtime functions the rules call, with the rules' own `message` and `code`, in the
/// order the server records them (see `FieldSchema::client_errors`).
fn client_errors(form: &Form<'_>, field: &Field<'_>, p: &Paths) -> TokenStream {
    let (rules, some, none) = (p.rules(), p.some(), p.none());
    let as_from_form = as_from_form(field.ty, p);
    let mut errors: Vec<(TokenStream, TokenStream)> = Vec::new();
    let options = |rule: &Rule| rule_options(rule.message.as_ref(), rule.code.as_ref(), p);

    // Empty: the rule `required` (on an `Option` or a checkbox), else the type's own `required`;
    // either takes the message of `length(min = ..., message = ...)` when it has none of its own.
    let required = field.rules.iter().find(|rule| matches!(rule.kind, RuleKind::Required));
    let required = required.map_or_else(|| rule_options(None, None, p), options);
    let length_message = field.rules.iter().find_map(|rule| match &rule.kind {
        RuleKind::Length { min: Some(_), .. } | RuleKind::Length { equal: Some(_), .. } => {
            rule.message.as_ref()
        }
        _ => None,
    });
    let mut missing = quote!(#required.apply(#rules::missing()));
    if let Some(message) = length_message {
        missing = quote! {{
            let __fa_e = #missing;
            if __fa_e.custom_message().is_none() { __fa_e.with_message(#message) } else { __fa_e }
        }};
    }
    errors.push((quote!("valueMissing"), missing));

    let u64_of = |expr: &Option<Expr>| {
        expr.as_ref().map_or_else(|| quote!(#none), |e| quote!(#some((#e) as ::core::primitive::u64)))
    };
    let inner = field.kind.inner;
    let bound = |expr: &Expr| {
        let value = number_for(expr, field);
        if matches!(field.kind.kind, Kind::Integer | Kind::Float) {
            quote!({ let __fa_b: #inner = #value; __fa_b })
        } else {
            quote!((#value))
        }
    };
    let mut last = Vec::new();
    for rule in &field.rules {
        let o = options(rule);
        match &rule.kind {
            RuleKind::Length { min, max, equal } => {
                let (min_given, max_given) =
                    (min.is_some() || equal.is_some(), max.is_some() || equal.is_some());
                let (min, max, equal) = (u64_of(min), u64_of(max), u64_of(equal));
                let error = |length: TokenStream| quote!(#o.apply(#rules::length_error(#as_from_form::LIST, #min, #max, #equal, #length)));
                if min_given {
                    errors.push((quote!("tooShort"), error(quote!(0))));
                }
                if max_given {
                    errors.push((quote!("tooLong"), error(quote!(::core::primitive::u64::MAX))));
                }
            }
            RuleKind::Range { min, max, .. } => {
                if let Some(min) = min {
                    let min = bound(min);
                    errors.push((quote!("rangeUnderflow"), quote!(#o.apply(#rules::too_small(&#min)))));
                }
                if let Some(max) = max {
                    let max = bound(max);
                    errors.push((quote!("rangeOverflow"), quote!(#o.apply(#rules::too_big(&#max)))));
                }
            }
            RuleKind::Email => {
                errors.push((quote!("typeMismatch"), quote!(#o.apply(#rules::invalid_email()))))
            }
            RuleKind::Url => errors.push((quote!("typeMismatch"), quote!(#o.apply(#rules::invalid_url())))),
            RuleKind::Regex { .. } => {
                errors.push((quote!("patternMismatch"), quote!(#o.apply(#rules::invalid_format()))));
            }
            RuleKind::MustMatch { other } => {
                let Some(other_field) = form.fields.iter().find(|f| f.ident == other.value().as_str()) else {
                    continue;
                };
                let key = format!("={}", other_field.html_name());
                let label = other_field.label();
                last.push((quote!(#key), quote!(#o.apply(#rules::mismatch(#label)))));
            }
            _ => {}
        }
    }
    if let Some(accept) = &field.options.accept {
        errors.push((quote!("accept"), quote!(#rules::file_type(#accept))));
    }
    if let Some((_, bytes)) = &field.options.max_size {
        let key = format!("<{bytes}");
        errors.push((quote!(#key), quote!(#rules::file_too_large(#bytes))));
    }
    if let Some(scale) = &field.options.scale {
        let o = rule_options(None, None, p);
        errors.push((quote!("stepMismatch"), quote!(#o.apply(#rules::too_many_decimals(#scale)))));
    }
    errors.extend(last);
    let calls = errors.iter().map(|(key, error)| quote!(__fa_field.client_error(#key, #error);));
    let live = field.options.live.as_ref().map(|_| quote!(__fa_field.live = true;));
    quote!(#(#calls)* #live)
}
