//! Request bodies that fail clearly: every refusal names the field and says why, in the
//! caller's language, and nothing half-parsed reaches a handler.

use crate::error::ApiError;
use crate::i18n::{Lang, Tr};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

/// The largest body any request may carry.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// A JSON body, parsed with the path of the offending field on error.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = crate::auth::request_lang(req.headers());
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::bad_request(lang, "body_too_large", "error-body-too-large")
                    .with_field("body", Tr::new(lang).t("error-body-too-large"))
            } else {
                ApiError::bad_request(lang, "unreadable_body", "error-unreadable-body")
            }
        })?;
        parse_json(lang, &bytes).map(ApiJson)
    }
}

/// Parses JSON bytes into `T`, turning every failure into a 400 or 422 that names the field.
pub fn parse_json<T: DeserializeOwned>(lang: Lang, bytes: &[u8]) -> Result<T, ApiError> {
    let tr = Tr::new(lang);
    if std::str::from_utf8(bytes).is_err() {
        return Err(
            ApiError::bad_request(lang, "invalid_utf8", "error-invalid-utf8")
                .with_field("body", tr.t("error-invalid-utf8")),
        );
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de);
    if value.is_ok() && de.end().is_err() {
        return Err(
            ApiError::bad_request(lang, "malformed_json", "error-malformed-json")
                .with_field("body", tr.t("error-malformed-json")),
        );
    }
    value.map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return ApiError::bad_request(lang, "malformed_json", "error-malformed-json")
                .with_field("body", tr.t("error-malformed-json"));
        }
        let text = inner.to_string();
        let (field, key) = classify(&path, &text);
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_input",
            lang,
            "error-invalid-input",
        );
        e.fields.insert(field, tr.t(key));
        e
    })
}

/// Maps serde's English message to a field name and a message key.
fn classify(path: &str, text: &str) -> (String, &'static str) {
    let join = |name: &str| {
        if path.is_empty() || path == "." {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    let quoted = |t: &str| t.split('`').nth(1).map(str::to_string);
    if text.starts_with("missing field") {
        let name = quoted(text).unwrap_or_default();
        return (join(&name), "error-required");
    }
    let field = if path.is_empty() || path == "." {
        "body".to_string()
    } else {
        path.to_string()
    };
    if text.starts_with("unknown field") {
        // serde's path already ends at the unknown field itself.
        return (field, "error-unknown-field");
    }
    if text.starts_with("unknown variant") {
        return (field, "error-unknown-value");
    }
    if text.starts_with("invalid type") {
        return (field, "error-wrong-type");
    }
    (field, "error-invalid-value")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        name: String,
        ring: u8,
        kind: Kind,
        inner: Option<Inner>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Supportive,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        when: String,
    }

    fn fields(body: &str) -> (StatusCode, Vec<String>) {
        match parse_json::<Probe>(Lang::En, body.as_bytes()) {
            Ok(_) => (StatusCode::OK, vec![]),
            Err(e) => (e.status, e.fields.keys().cloned().collect()),
        }
    }

    #[test]
    fn every_kind_of_bad_json_names_its_field() {
        assert_eq!(
            fields(r#"{"name":"a","ring":1,"kind":"supportive"}"#).0,
            StatusCode::OK
        );
        assert_eq!(
            fields(r#"{"name":"a","ring":1"#),
            (StatusCode::BAD_REQUEST, vec!["body".into()])
        );
        assert_eq!(
            fields(r#"{"name":"a","ring":"x","kind":"supportive"}"#),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["ring".into()])
        );
        assert_eq!(
            fields(r#"{"name":"a","ring":1,"kind":"hostile"}"#),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["kind".into()])
        );
        assert_eq!(
            fields(r#"{"ring":1,"kind":"supportive"}"#),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["name".into()])
        );
        assert_eq!(
            fields(r#"{"name":"a","ring":1,"kind":"supportive","inner":{}}"#),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["inner.when".into()])
        );
        assert_eq!(
            fields(r#"{"name":"a","ring":1,"kind":"supportive","x":1}"#),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["x".into()])
        );
        assert_eq!(
            fields(r#"{"name":"a","ring":300,"kind":"supportive"}"#),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["ring".into()])
        );
        assert_eq!(
            fields(r#"{"name":"a","ring":1,"kind":"supportive"} trailing"#).0,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn invalid_utf8_is_refused() {
        let e = parse_json::<Probe>(Lang::Nl, b"{\"name\":\"\xff\"}").expect_err("refused");
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert_eq!(e.code, "invalid_utf8");
    }
}
