//! The page's Arabic font, served from the binary (no network at run time): Noto Naskh Arabic,
//! Arabic subset, regular and bold, as `web/build.mjs` copies them from the npm package
//! `@fontsource/noto-naskh-arabic` into `web/dist/fonts/` (SIL Open Font License 1.1, see
//! `web/fonts/NOTICE.md`). `app.css` names them by these paths.
use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Each font file the page's stylesheet refers to, by its name under `/assets/fonts/`.
pub const FONTS: [(&str, &[u8]); 2] = [
    (
        "noto-naskh-arabic-arabic-400-normal.woff2",
        include_bytes!("../../../web/dist/fonts/noto-naskh-arabic-arabic-400-normal.woff2"),
    ),
    (
        "noto-naskh-arabic-arabic-700-normal.woff2",
        include_bytes!("../../../web/dist/fonts/noto-naskh-arabic-arabic-700-normal.woff2"),
    ),
];

/// `GET /assets/fonts/{name}`: a font of [`FONTS`], cached for a week (a font changes only with
/// the package, and then a stale copy still draws the same letters); 404 for any other name.
pub async fn font(Path(name): Path<String>) -> Response {
    match FONTS.iter().find(|(n, _)| *n == name) {
        Some((_, bytes)) => {
            ([(header::CONTENT_TYPE, "font/woff2"), (header::CACHE_CONTROL, "public, max-age=604800")], *bytes)
                .into_response()
        }
        None => crate::ApiError::NotFound(format!("no font {name:?}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_is_woff2_and_the_stylesheet_names_each() {
        let css = include_str!("../../../web/dist/app.css");
        for (name, bytes) in FONTS {
            assert_eq!(&bytes[..4], b"wOF2", "{name} is WOFF2");
            assert!(css.contains(&format!("/assets/fonts/{name}")), "app.css loads {name}");
        }
    }
}
