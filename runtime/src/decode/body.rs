//! Reading a submission's body: at most its action's limit, each piece counted against the
//! process's body budget as it arrives (see [`budget`](crate::budget)).

use std::borrow::Cow;

use axum::body::Body;
use bytes::{Bytes, BytesMut};
use http::header::CONTENT_LENGTH;
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use http_body_util::{BodyExt as _, LengthLimitError, Limited};

use crate::budget::{Exhausted, Held};
use crate::problem::Problem;

/// Why a body was not read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// Larger than the action's limit, in bytes (as declared, or as it came): 413.
    TooLarge(usize),
    /// The process's body budget had no room for it: 503, try again.
    Busy(Exhausted),
    /// Cut off, or otherwise not read: 400.
    Unreadable(axum::BoxError),
}

impl Problem for BodyError {
    fn status(&self) -> StatusCode {
        match self {
            BodyError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            BodyError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            BodyError::Unreadable(_) => StatusCode::BAD_REQUEST,
        }
    }

    fn message(&self) -> Cow<'_, str> {
        match self {
            BodyError::TooLarge(limit) => {
                Cow::Owned(format!("the body is larger than this action's limit of {limit} bytes"))
            }
            BodyError::Busy(_) => {
                Cow::Borrowed("the server is receiving too many submissions at once: try again in a moment")
            }
            BodyError::Unreadable(_) => Cow::Borrowed("the body could not be read"),
        }
    }

    fn localized(&self) -> Option<(&'static str, Vec<(&'static str, serde_json::Value)>)> {
        Some(match self {
            BodyError::TooLarge(limit) => ("refusal-body-too-large", vec![("limit", (*limit as u64).into())]),
            BodyError::Busy(_) => ("refusal-busy", vec![]),
            BodyError::Unreadable(_) => ("refusal-body-unreadable", vec![]),
        })
    }

    fn header(&self) -> Option<(HeaderName, HeaderValue)> {
        matches!(self, BodyError::Busy(_)).then(|| (http::header::RETRY_AFTER, HeaderValue::from_static("1")))
    }

    fn log(&self, action: &str) {
        match self {
            BodyError::TooLarge(_) => {
                tracing::info!(action, status = 413, "action refused: body over the limit");
            }
            BodyError::Busy(exhausted) if exhausted.alone => tracing::warn!(
                action,
                status = 503,
                budget = exhausted.limit,
                "action refused: this body alone is larger than the body budget, which must be at least the largest body_limit"
            ),
            BodyError::Busy(exhausted) => tracing::info!(
                action,
                status = 503,
                budget = exhausted.limit,
                "action refused: the body budget is in use"
            ),
            BodyError::Unreadable(error) => {
                tracing::info!(action, status = 400, %error, "action refused: body could not be read");
            }
        }
    }
}

/// Refuses a body whose `Content-Length` is over `limit` before any of it is read.
pub(crate) fn check_length(headers: &HeaderMap, limit: usize) -> Result<(), BodyError> {
    let declared =
        headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(length) if length > limit as u64 => Err(BodyError::TooLarge(limit)),
        _ => Ok(()),
    }
}

/// The whole body, at most `limit` bytes, counted in `held` as it arrives (see [`read_body`]).
pub(crate) async fn read(body: Body, limit: usize, held: &mut Held<'_>) -> Result<Bytes, BodyError> {
    read_body(body, limit, held).await.map_err(|error| {
        if error.is::<LengthLimitError>() {
            BodyError::TooLarge(limit)
        } else {
            match error.downcast::<Exhausted>() {
                Ok(exhausted) => BodyError::Busy(*exhausted),
                Err(error) => BodyError::Unreadable(error),
            }
        }
    })
}

/// The whole body, at most `limit` bytes (a longer one is a [`LengthLimitError`]), each piece
/// counted in `held` as it arrives (one the budget has no room for is [`Exhausted`]). A body of
/// one piece, what a form post usually is, comes back as that piece: nothing is collected into a
/// list of pieces first, nor copied. Trailers are ignored.
async fn read_body(body: Body, limit: usize, held: &mut Held<'_>) -> Result<Bytes, axum::BoxError> {
    let mut body = Limited::new(body, limit);
    let mut first = Bytes::new();
    let mut joined: Option<BytesMut> = None;
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame?.into_data() else { continue };
        if data.is_empty() {
            continue;
        }
        held.grow(data.len())?;
        match &mut joined {
            Some(joined) => joined.extend_from_slice(&data),
            None if first.is_empty() => first = data,
            None => {
                let mut both = BytesMut::with_capacity(first.len() + data.len());
                both.extend_from_slice(&first);
                both.extend_from_slice(&data);
                joined = Some(both);
            }
        }
    }
    Ok(joined.map_or(first, BytesMut::freeze))
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use super::*;

    fn pieces(pieces: &[&'static str]) -> Body {
        let frames =
            pieces.iter().map(|piece| Ok::<_, Infallible>(bytes::Bytes::from_static(piece.as_bytes())));
        Body::from_stream(futures_util::stream::iter(frames.collect::<Vec<_>>()))
    }

    /// `body` read with a budget of its own, large enough.
    async fn read(body: Body, limit: usize) -> Result<bytes::Bytes, axum::BoxError> {
        let budget = crate::budget::Budget::new(1 << 20);
        read_body(body, limit, &mut budget.hold()).await
    }

    #[tokio::test]
    async fn pieces_are_joined_in_order_and_a_single_one_is_kept_whole() {
        let one = bytes::Bytes::from_static(b"name=Ada");
        let read_one = read(Body::from(one.clone()), 100).await.unwrap();
        assert_eq!(read_one, one);
        assert_eq!(read_one.as_ptr(), one.as_ptr(), "a body of one piece is not copied");
        assert_eq!(read(pieces(&["a=1", "", "&b=2", "&c=3"]), 100).await.unwrap(), "a=1&b=2&c=3");
        assert_eq!(read(pieces(&["", "x"]), 100).await.unwrap(), "x");
        assert_eq!(read(Body::empty(), 100).await.unwrap(), "");
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_a_length_limit_error_in_one_piece_or_several() {
        for body in [pieces(&["a=12345"]), pieces(&["a=1", "234", "5"])] {
            let error = read(body, 6).await.unwrap_err();
            assert!(error.is::<http_body_util::LengthLimitError>(), "{error}");
        }
        assert_eq!(read(pieces(&["a=1", "234"]), 6).await.unwrap(), "a=1234");
    }

    #[tokio::test]
    async fn each_piece_counts_against_the_budget_as_it_arrives() {
        let budget = crate::budget::Budget::new(10);
        let mut other = budget.hold();
        other.grow(4).unwrap();
        let mut held = budget.hold();
        assert_eq!(read_body(pieces(&["a=1", "234"]), 100, &mut held).await.unwrap(), "a=1234");
        // 4 + 6 bytes: the budget is full, so a further piece finds no room.
        let mut more = budget.hold();
        let error = read_body(pieces(&["b"]), 100, &mut more).await.unwrap_err();
        assert!(error.is::<crate::budget::Exhausted>(), "{error}");
        drop(held);
        assert_eq!(read_body(pieces(&["b=1", "23"]), 100, &mut more).await.unwrap(), "b=123");
    }
}
