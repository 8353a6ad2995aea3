//! HTML character references: `&amp;`, `&#233;`, `&#xE9;` and a table of common named ones.

/// The named references decoded, by name (case-sensitive, as in HTML). Others stay as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("shy", '\u{AD}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("prime", '′'),
    ("Prime", '″'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("micro", 'µ'),
    ("para", '¶'),
    ("sect", '§'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("curren", '¤'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("iacute", 'í'),
    ("igrave", 'ì'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ograve", 'ò'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("oelig", 'œ'),
    ("scaron", 'š'),
    ("szlig", 'ß'),
    ("uacute", 'ú'),
    ("ugrave", 'ù'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("zcaron", 'ž'),
    ("Aacute", 'Á'),
    ("Agrave", 'À'),
    ("Acirc", 'Â'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("Ccedil", 'Ç'),
    ("Eacute", 'É'),
    ("Egrave", 'È'),
    ("Ecirc", 'Ê'),
    ("Iacute", 'Í'),
    ("Ntilde", 'Ñ'),
    ("Oacute", 'Ó'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Scaron", 'Š'),
    ("Uacute", 'Ú'),
    ("Uuml", 'Ü'),
    ("Zcaron", 'Ž'),
];

/// What `&#128;`–`&#159;` mean in HTML (the Windows-1252 characters; 0 where HTML keeps the number).
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// `text` with its character references decoded. Numeric ones may omit the `;`; a zero, surrogate or
/// out-of-range number gives U+FFFD. Named ones need the `;`, except `&amp`, `&lt`, `&gt`, `&quot`,
/// `&nbsp`, `&copy` and `&reg` before a character that is not a letter, digit or `=` (as browsers read
/// old pages). Anything else, `&` included, stays as written.
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of a reference at the start of `after` (the text after `&`), and how many bytes of
/// `after` it used.
fn reference(after: &str) -> Option<(char, usize)> {
    if let Some(number) = after.strip_prefix('#') {
        let (hex, digits) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (true, hex),
            None => (false, number),
        };
        let radix = if hex { 16 } else { 10 };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return None;
        }
        let value = digits
            .get(..len)
            .and_then(|d| u32::from_str_radix(d, radix).ok())
            .unwrap_or(u32::MAX);
        let semicolon = usize::from(digits.get(len..).is_some_and(|r| r.starts_with(';')));
        let used = 1 + usize::from(hex) + len + semicolon;
        return Some((from_number(value), used));
    }
    let len = after
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(after.len());
    let name = after.get(..len)?;
    let next = after.get(len..).and_then(|r| r.chars().next());
    let c = NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?;
    match next {
        Some(';') => Some((c, len + 1)),
        Some(n) if n.is_ascii_alphanumeric() || n == '=' => None,
        _ if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") => {
            Some((c, len))
        }
        _ => None,
    }
}

/// The character for a numeric reference, as HTML reads it.
fn from_number(value: u32) -> char {
    let mapped = match value {
        0x80..=0x9F => WINDOWS_1252
            .get((value - 0x80) as usize)
            .copied()
            .filter(|&m| m != 0)
            .unwrap_or(value),
        _ => value,
    };
    match mapped {
        0 => '\u{FFFD}',
        _ => char::from_u32(mapped).unwrap_or('\u{FFFD}'),
    }
}
