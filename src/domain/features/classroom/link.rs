//! An exercise in a link: the students' copy, compressed (raw DEFLATE, by the browser), in the URL
//! fragment as base64url: `https://…/#exercise=…`. The fragment never reaches a server.

use base64::engine::{general_purpose, GeneralPurpose};
use base64::{alphabet, Engine};

/// What starts the fragment of an exercise link.
pub const PREFIX: &str = "#exercise=";

/// The longest link the app offers. Mail and chat tools, and some learning platforms, cut longer
/// ones; a longer exercise goes as a file.
pub const MAX_LINK: usize = 8_192;

/// The most bytes a link may unpack to, so that a crafted link cannot fill the memory.
pub const MAX_UNPACKED: usize = 8 * 1024 * 1024;

/// base64url without padding (RFC 4648 §5) that, reading, ignores the unused bits of the last
/// character, as the app's links have always been read.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    general_purpose::NO_PAD.with_decode_allow_trailing_bits(true),
);

/// `bytes` in base64url (RFC 4648 §5), without padding.
pub fn encode(bytes: &[u8]) -> String {
    BASE64URL.encode(bytes)
}

/// The bytes of base64url text, or where it is not base64url. Padding, line breaks and the
/// standard alphabet's `+` and `/` are accepted too, as a mail tool may have changed a link.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let mut url = String::with_capacity(text.len());
    for (i, c) in text.trim_end_matches('=').char_indices() {
        match c {
            '\r' | '\n' => {}
            '+' => url.push('-'),
            '/' => url.push('_'),
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' => url.push(c),
            // Every character before this one is ASCII, so its byte index counts characters.
            other => {
                return Err(format!(
                    "the link is damaged: “{other}” at character {} is not part of one",
                    i + 1
                ))
            }
        }
    }
    // Every character is now of the alphabet, so only a lone last character can be wrong.
    BASE64URL
        .decode(url)
        .map_err(|_| "the link is damaged: it was cut short".into())
}

/// The payload of an exercise link's fragment, if the fragment is one.
pub fn payload(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(PREFIX).filter(|p| !p.is_empty())
}
