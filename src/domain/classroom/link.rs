//! An exercise in a link: the students' copy, compressed (raw DEFLATE, by the browser), in the URL
//! fragment as base64url: `https://…/#exercise=…`. The fragment never reaches a server.

/// What starts the fragment of an exercise link.
pub const PREFIX: &str = "#exercise=";

/// The longest link the app offers. Mail and chat tools, and some learning platforms, cut longer
/// ones; a longer exercise goes as a file.
pub const MAX_LINK: usize = 8_192;

/// The most bytes a link may unpack to, so that a crafted link cannot fill the memory.
pub const MAX_UNPACKED: usize = 8 * 1024 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url (RFC 4648 §5), without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b =
            [chunk.first(), chunk.get(1), chunk.get(2)].map(|b| u32::from(b.copied().unwrap_or(0)));
        let n = (b[0] << 16) | (b[1] << 8) | b[2];
        for i in 0..=chunk.len() {
            let six = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(
                ALPHABET.get(six as usize).copied().unwrap_or(b'A'),
            ));
        }
    }
    out
}

/// The bytes of base64url text (padding and line breaks allowed), or where it is not base64url.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in text.trim_end_matches('=').char_indices() {
        let value = match c {
            'A'..='Z' => u32::from(c) - u32::from('A'),
            'a'..='z' => u32::from(c) - u32::from('a') + 26,
            '0'..='9' => u32::from(c) - u32::from('0') + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            '\r' | '\n' => continue,
            other => {
                return Err(format!(
                    "the link is damaged: “{other}” at character {} is not part of one",
                    i + 1
                ))
            }
        };
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    if bits >= 6 {
        return Err("the link is damaged: it was cut short".into());
    }
    Ok(out)
}

/// The payload of an exercise link's fragment, if the fragment is one.
pub fn payload(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(PREFIX).filter(|p| !p.is_empty())
}
