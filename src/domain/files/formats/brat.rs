//! brat standoff: a zip holding, per article, `<id>.txt` (its text, UTF-8, exactly) and `<id>.ann`
//! (its annotations), and one `annotation.conf` for the collection; and reading such files back.
//!
//! An `.ann` file has one line per annotation, in text order, then its comments (`\t` is a tab):
//!
//! ```text
//! T1\tPlace 3 7\tKyiv
//! #1\tAnnotationId T1\te-kyiv
//! T2\tOther 225 251\tMunich Security Conference
//! #2\tAnnotatorNotes T2\tHeld every February, in Munich; see "MSC" and its report.
//! #3\tAnnotationId T2\te-msc
//! ```
//!
//! - Offsets are Unicode code points of the `.txt`, end exclusive: brat reads the text as Python
//!   `str` and counts its characters, so an emoji or a flag before a span shifts nothing.
//! - The brat types are `Claim`, `Quote`, `Person`, `Organization`, `Place` and `Other` (brat types
//!   cannot hold spaces, so the entity kind is the type); `annotation.conf` declares them and allows
//!   any two annotations to overlap, as they may here. On reading, the tags of other tools (`PER`,
//!   `ORG`, `LOC`, `GPE`, `MISC`...) are accepted too, in any case.
//! - brat reads an `.ann` file with Python's `str.splitlines`, so a line break is any character
//!   that ends a line there: `\n`, `\r`, `\v`, `\f`, `\x1c`–`\x1e`, U+0085, U+2028 and U+2029
//!   (`is_break`). No `.ann` line written holds one, and the reader splits lines the same way.
//! - A note is an `AnnotatorNotes` comment, as brat writes it; its tabs and line breaks become
//!   spaces, since an `.ann` line cannot hold them.
//! - Our annotation id is an `AnnotationId` comment. brat attributes take values from a declared
//!   list, so an id cannot be one; a comment of any type is valid brat, shown with the annotation,
//!   and ignored by tools that do not know it. An id holding a line break is left out, and a file
//!   without ids gets [`generated_id`](super::generated_id)s.
//! - brat's text-bound annotations cannot hold a line break, so a span across lines is written as
//!   discontinuous fragments split at each run of line breaks (`T1\tClaim 0 5;6 10\ttext text`,
//!   fragment texts joined by a space, as brat checks). The reader joins the fragments back into
//!   one span from the first start to the last end. Line breaks at the very ends of a span are left
//!   outside it; a span of line breaks only cannot be written and is listed as dropped.
//! - Times are not kept: read annotations are dated at the import.
//! - brat's server reads a `.txt` with universal newlines, so with CR LF line ends every offset after
//!   the first CR LF is one off in brat itself. [`export_with`] `lf_line_ends` writes each `.txt`
//!   with LF line ends and counts the offsets in that text (`brat/lf.rs`); reading such a zip back
//!   puts the spans on the article's own offsets.
//!
//! After the `T` lines and their comments come the links, claim attributes and registry references
//! (written in `brat/relations.rs`; `annotation.conf` declares their types and values):
//!
//! ```text
//! R1\tSaidBy Arg1:T2 Arg2:T3
//! A1\tAttribution T4 attributed
//! A2\tCheck T4 disputed
//! N1\tReference T3 Registry:ent-zelensky\tVolodymyr Zelensky
//! *\tEquiv T3 T9
//! ```
//!
//! - A link is a relation from the quote or claim (Arg1) to its source (Arg2), typed `SaidBy`,
//!   `Source` or `FromQuote`.
//! - Claim attributes are multi-valued brat attributes `Attribution` (`attributed`, `unattributed`,
//!   `outlet`) and `Check` (`supported`, `disputed`, `false`; an unchecked claim has none).
//! - A registry reference is a normalisation to the database `Registry`, the entry's id and name (an
//!   id holding a space cannot be written and is listed as dropped). The entry's aliases and
//!   rejected mentions are the registry's own and are not written.
//! - The mentions of one entry within a document are also an equivalence, so that brat and tools
//!   without normalisations group them. The type is `Equiv`, brat's conventional name, rather than
//!   another one: the pybrat reader accepts no other.
//!
//! Reading takes all of these back (see `read/extras.rs`); events (`E`) are skipped with a warning.

use super::{preview_of, zip, Body, Doc};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use std::collections::HashMap;

mod lf;
mod relations;
use lf::LfText;
pub use relations::{attribute_type, relation_type, EQUIV, REFERENCE_DB};

/// The collection's configuration, written as `annotation.conf`.
pub const CONF: &str = "\
# brat configuration of a News Annotator export: one entity type per label.
# Each annotation's note is an AnnotatorNotes comment, its News Annotator id an AnnotationId comment.
# A mention's registry entry is a normalisation: N1<TAB>Reference T1 Registry:<entry id><TAB><name>
# (to pick entries in brat's editor, declare a Registry database in tools.conf [normalization]).
[entities]
Claim
Quote
Person
Organization
Place
Other

[relations]
# Any annotation may overlap any other, as in News Annotator.
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>
# Links: Arg1 (a quote or a claim) comes from Arg2 (its source).
SaidBy\tArg1:Quote, Arg2:Person|Organization|Place|Other
Source\tArg1:Claim, Arg2:Person|Organization|Place|Other
FromQuote\tArg1:Claim, Arg2:Quote
# The mentions of one registry entry within a document.
Equiv\tArg1:Person|Organization|Place|Other, Arg2:Person|Organization|Place|Other, <REL-TYPE>:symmetric-transitive

[events]

[attributes]
# How a claim is presented, and what checking it found.
Attribution\tArg:Claim, Value:attributed|unattributed|outlet
Check\tArg:Claim, Value:unchecked|supported|disputed|false
";

/// The comment type that carries our annotation id.
const ID_COMMENT: &str = "AnnotationId";
/// The comment type brat's editor writes notes as.
const NOTE_COMMENT: &str = "AnnotatorNotes";

/// The brat type of a label: `Claim`, `Quote`, `Person`, `Organization`, `Place`, `Other`.
pub fn type_name(label: Label) -> &'static str {
    match label {
        Label::Entity(kind) => kind.title(),
        other => other.name().title(),
    }
}

/// Writes the docs as a zip of `annotation.conf` and, per article, `<id>.txt` and `<id>.ann`; the
/// preview shows the first lines of the first `.ann` that has any. Each `.txt` is the article's exact
/// text.
pub fn export(docs: &[Doc]) -> Body {
    export_with(docs, false)
}

/// [`export`], with each `.txt` written with LF line ends (every CR LF and lone CR an LF) and the
/// offsets counted in that text when `lf_line_ends` is on, as brat's server reads `.txt` files.
pub fn export_with(docs: &[Doc], lf_line_ends: bool) -> Body {
    let mut files = vec![("annotation.conf".to_owned(), CONF.as_bytes().to_vec())];
    let mut preview = String::new();
    let mut dropped = Vec::new();
    for doc in docs {
        let text = if lf_line_ends {
            LfText::of(&doc.article.text)
        } else {
            LfText::exact(&doc.article.text)
        };
        let ann = ann_file(doc, &text, &mut dropped);
        if preview.is_empty() {
            preview = preview_of(&ann);
        }
        let id = doc.article.id.as_str();
        files.push((format!("{id}.txt"), text.text.into_bytes()));
        files.push((format!("{id}.ann"), ann.into_bytes()));
    }
    Body {
        bytes: zip::write(&files),
        preview,
        dropped,
    }
}

/// The `.ann` file of one article, with offsets in `text` (the `.txt` written); spans brat cannot hold
/// are added to `dropped`.
fn ann_file(doc: &Doc, text: &LfText, dropped: &mut Vec<String>) -> String {
    let article = &doc.article;
    let mut out = String::new();
    let (mut t, mut comment) = (0, 0);
    let mut t_of: HashMap<&str, usize> = HashMap::new();
    for a in &doc.annotations {
        let fragments = fragments(article, a);
        if fragments.is_empty() {
            dropped.push(format!(
                "{}: the {} at {} holds only line breaks, which brat cannot mark",
                a.id.as_str(),
                a.label,
                a.span
            ));
            continue;
        }
        t += 1;
        t_of.insert(a.id.as_str(), t);
        let offsets: Vec<String> = fragments
            .iter()
            .map(|&(s, e)| format!("{} {}", text.offset(s), text.offset(e)))
            .collect();
        let words: Vec<&str> = fragments
            .iter()
            .map(|&(s, e)| article.slice(s, e))
            .collect();
        out.push_str(&format!(
            "T{t}\t{} {}\t{}\n",
            type_name(a.label),
            offsets.join(";"),
            words.join(" ")
        ));
        if !a.note.is_empty() {
            comment += 1;
            out.push_str(&format!(
                "#{comment}\t{NOTE_COMMENT} T{t}\t{}\n",
                one_line(&a.note)
            ));
        }
        if !a.id.as_str().contains(is_break) {
            comment += 1;
            out.push_str(&format!(
                "#{comment}\t{ID_COMMENT} T{t}\t{}\n",
                a.id.as_str()
            ));
        }
    }
    relations::write(doc, &t_of, &mut out, dropped);
    out
}

/// Whether `c` ends a line for brat, which reads an `.ann` file with Python's `str.splitlines`: `\n`,
/// `\r`, `\v`, `\f`, `\x1c`, `\x1d`, `\x1e`, U+0085 (NEL), U+2028 and U+2029 (line and paragraph
/// separators).
fn is_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The span of `a` as fragments between runs of line breaks, in code points of the article.
fn fragments(article: &Article, a: &Annotation) -> Vec<(usize, usize)> {
    let start = a.span.start();
    let mut out = Vec::new();
    let mut from = None;
    let mut at = start;
    for c in article.slice(start, a.span.end()).chars() {
        if is_break(c) {
            if let Some(f) = from.take() {
                out.push((f, at));
            }
        } else if from.is_none() {
            from = Some(at);
        }
        at += 1;
    }
    if let Some(f) = from {
        out.push((f, at));
    }
    out
}

/// `text` with tabs and line breaks ([`is_break`], a CR LF pair counting as one) turned into spaces.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ")
        .chars()
        .map(|c| if c == '\t' || is_break(c) { ' ' } else { c })
        .collect()
}

mod read;
pub use read::{read_ann, read_files, read_zip};

#[cfg(test)]
#[path = "../../tests/formats/brat.rs"]
mod tests;
