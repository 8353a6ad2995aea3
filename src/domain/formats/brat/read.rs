//! Reading brat files back: a zip of `.txt` and `.ann` files, or one `.ann` (see the parent module).

use super::{is_break, ID_COMMENT, NOTE_COMMENT};
use crate::domain::anchoring::CONTEXT_CHARS;
use crate::domain::annotation::Label;
use crate::domain::article::Article;
use crate::domain::formats::tags::label_of;
use crate::domain::formats::FormatError;
use crate::domain::formats::{error, find_article, generated_id, zip, Format, Incoming};
use crate::domain::records::AnnotationRecord;
use crate::domain::time::Timestamp;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Reads a zip of `.txt` and `.ann` files, such as the brat export.
///
/// Each `X.ann` goes with the `X.txt` beside it: to the article with the id `X` if the app has one,
/// else to the article whose text is exactly that of `X.txt`; a `.txt` that matches no article is
/// skipped with a warning. An `.ann` without its `.txt` is placed by its name alone. Offsets count
/// code points of the `.txt`, and the annotated text and its context are taken from it, so that the
/// import re-anchors annotations if our text differs from the file's.
pub fn read_zip(
    bytes: &[u8],
    articles: &[Rc<Article>],
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let files = zip::read(bytes).or_else(|message| error("", message))?;
    let files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter(|(name, _)| {
            let base = name.rsplit('/').next().unwrap_or_default();
            !name.starts_with("__MACOSX/") && !base.starts_with("._")
        })
        .collect();
    let mut incoming = Incoming::default();
    let mut any = false;
    for (name, data) in &files {
        let Some(key) = strip_ext(name, ".ann") else {
            continue;
        };
        any = true;
        let ann = utf8(name, data)?;
        let ann = ann.strip_prefix('\u{feff}').unwrap_or(ann);
        let stem = key.rsplit('/').next().unwrap_or_default();
        let txt = files
            .iter()
            .find(|(n, _)| strip_ext(n, ".txt") == Some(key))
            .map(|(n, d)| utf8(n, d).map(|text| (n.as_str(), text)))
            .transpose()?;
        let Some((txt_name, txt)) = txt else {
            match articles.iter().find(|a| a.id.as_str() == stem) {
                Some(article) => {
                    let what = format!("article \"{stem}\"");
                    read_lines(name, ann, article, article, &what, now, &mut incoming)?;
                }
                None => incoming.warnings.push(format!(
                    "{name}: there is no {key}.txt beside it and no article has the id \
                     \"{stem}\"; its annotations were skipped"
                )),
            }
            continue;
        };
        let Some(article) = find_article(articles, Some(stem), Some(txt)) else {
            incoming.warnings.push(format!(
                "{txt_name}: no article has the id \"{stem}\" or this text; its annotations were \
                 skipped (add the article, then import again)"
            ));
            continue;
        };
        let own;
        let source: &Article = if article.text == txt {
            article
        } else {
            incoming.warnings.push(format!(
                "{txt_name} differs from the text of article \"{}\"; its annotations are placed \
                 by the text they select",
                article.id.as_str()
            ));
            own = Article::new(stem, "", txt.to_owned());
            &own
        };
        read_lines(name, ann, article, source, txt_name, now, &mut incoming)?;
    }
    if !any {
        return error(
            "",
            "this zip holds no .ann file; a brat zip holds a .txt and an .ann file per document",
        );
    }
    Ok(incoming)
}

/// Reads one `.ann` file named `name` (`kyiv-post.ann`), for the article whose id is the name
/// without `.ann`; offsets count code points of that article's text.
pub fn read_ann(
    name: &str,
    text: &str,
    articles: &[Rc<Article>],
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = strip_ext(base, ".ann").unwrap_or(base);
    let Some(article) = articles.iter().find(|a| a.id.as_str() == stem) else {
        let ids: Vec<&str> = articles.iter().take(5).map(|a| a.id.as_str()).collect();
        let more = if articles.len() > ids.len() {
            ", …"
        } else {
            ""
        };
        return error(
            base,
            format!(
                "no article has the id \"{stem}\", so these annotations have no text to go on; \
                 name the file after its article (the articles here: {}{more}) or load it in a \
                 zip together with its .txt",
                ids.join(", ")
            ),
        );
    };
    let mut incoming = Incoming::default();
    let what = format!("article \"{stem}\"");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    read_lines(base, text, article, article, &what, now, &mut incoming)?;
    Ok(incoming)
}

/// `name` without the extension `ext` (matched in any case), if it has it and something before it.
fn strip_ext<'a>(name: &'a str, ext: &str) -> Option<&'a str> {
    let cut = name.len().checked_sub(ext.len()).filter(|&c| c > 0)?;
    let (stem, end) = (name.get(..cut)?, name.get(cut..)?);
    end.eq_ignore_ascii_case(ext).then_some(stem)
}

/// The text of the zipped file `name`, or an error at the first byte that is not UTF-8.
fn utf8<'a>(name: &str, data: &'a [u8]) -> Result<&'a str, FormatError> {
    std::str::from_utf8(data).or_else(|e| {
        error(
            format!("{name} byte {}", e.valid_up_to()),
            "the file is not UTF-8 text; save it as UTF-8 and load it again",
        )
    })
}

/// One `T` line, read.
struct TextBound {
    line: usize,
    label: Label,
    start: usize,
    end: usize,
    /// The text the line says it marks, or else the text its offsets select.
    exact: String,
    /// Whether its fragments were joined over text that is not a line break.
    bridged: bool,
    note: Vec<String>,
    id: Option<String>,
}

/// What kind of line a skipped id letter starts, for the warning.
fn skipped_kind(letter: char) -> &'static str {
    match letter {
        'R' => "relation",
        'E' => "event",
        'A' | 'M' => "attribute",
        'N' => "normalisation",
        _ => "equivalence",
    }
}

/// Reads the `.ann` text `ann` (file `name`) for `article`; offsets count code points of `source`
/// (the `.txt`, or the article itself), called `what` in errors. Adds records and warnings to `out`.
fn read_lines(
    name: &str,
    ann: &str,
    article: &Article,
    source: &Article,
    what: &str,
    now: Timestamp,
    out: &mut Incoming,
) -> Result<(), FormatError> {
    let mut spans: Vec<TextBound> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut comments: Vec<(usize, &str, &str, &str)> = Vec::new();
    let mut skipped: Vec<(char, usize)> = Vec::new();
    let mut skipped_ids: HashSet<&str> = HashSet::new();
    for (index, raw) in ann.split('\n').enumerate() {
        let n = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{name} line {n}");
        let Some((id, rest)) = line.split_once('\t') else {
            return error(
                at(),
                "a brat line starts with an id and a tab, such as \"T1<tab>Person 0 13<tab>Angela \
                 Merkel\"",
            );
        };
        match id.chars().next() {
            Some('T') => {
                if let Some(first) = by_id.get(id).and_then(|&i| spans.get(i)) {
                    return error(
                        at(),
                        format!("{id} is used twice (first on line {})", first.line),
                    );
                }
                let t = text_bound(rest, n, source, what).or_else(|m| error(at(), m))?;
                if t.bridged {
                    out.warnings.push(format!(
                        "{}: {id}'s fragments were joined into one span, with the text between them",
                        at()
                    ));
                }
                by_id.insert(id, spans.len());
                spans.push(t);
            }
            Some('#') => {
                let (data, tail) = rest.split_once('\t').unwrap_or((rest, ""));
                let mut words = data.split_whitespace();
                match (words.next(), words.next(), words.next()) {
                    (Some(kind), Some(target), None) => comments.push((n, kind, target, tail)),
                    _ => {
                        return error(
                            at(),
                            format!(
                                "\"{data}\" should be a comment type and the id it is for, such \
                                 as \"AnnotatorNotes T1\""
                            ),
                        )
                    }
                }
            }
            Some(letter @ ('R' | 'E' | 'A' | 'M' | 'N' | '*')) => {
                skipped.push((letter, n));
                skipped_ids.insert(id);
            }
            _ => {
                return error(
                    at(),
                    format!(
                        "\"{id}\" is not a brat annotation id: ids start with T (text), R, E, A, \
                         M, N, * or # (a note)"
                    ),
                )
            }
        }
    }
    for (n, kind, target, tail) in comments {
        let Some(t) = by_id.get(target).and_then(|&i| spans.get_mut(i)) else {
            if skipped_ids.contains(&target) {
                continue;
            }
            return error(
                format!("{name} line {n}"),
                format!("the comment is for {target}, which this file does not have"),
            );
        };
        match kind {
            NOTE_COMMENT => t.note.push(tail.to_owned()),
            ID_COMMENT if !tail.is_empty() => t.id = Some(tail.to_owned()),
            ID_COMMENT => {}
            other => out.warnings.push(format!(
                "{name} line {n}: the {other} comment on {target} was skipped; this app reads \
                 {NOTE_COMMENT} as the note"
            )),
        }
    }
    warn_skipped(name, &skipped, out);
    for t in spans {
        out.records.push((
            format!("{name} line {}", t.line),
            record(t, article, source, now),
        ));
    }
    Ok(())
}

/// One warning per kind of skipped line, with the count and the first line.
fn warn_skipped(name: &str, skipped: &[(char, usize)], out: &mut Incoming) {
    let mut kinds: Vec<&str> = Vec::new();
    for &(letter, _) in skipped {
        let kind = skipped_kind(letter);
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    for kind in kinds {
        let lines: Vec<usize> = skipped
            .iter()
            .filter(|(l, _)| skipped_kind(*l) == kind)
            .map(|&(_, n)| n)
            .collect();
        let first = lines.first().copied().unwrap_or_default();
        let count = lines.len();
        let plural = if count == 1 { "" } else { "s" };
        out.warnings.push(format!(
            "{name}: {count} {kind} line{plural} skipped (the first on line {first}); this app \
             reads text-bound annotations (T) and their notes (#) only"
        ));
    }
}

/// Reads `Type start end[;start end…]<tab>text`, the part of line `n` after the id.
fn text_bound(rest: &str, n: usize, source: &Article, what: &str) -> Result<TextBound, String> {
    let (data, words) = match rest.split_once('\t') {
        Some((data, words)) => (data, Some(words)),
        None => (rest, None),
    };
    let Some((kind, offsets)) = data.split_once(' ') else {
        return Err(format!(
            "\"{data}\" should be a type and offsets, such as \"Person 0 13\""
        ));
    };
    let label = label_of(kind).map_err(|_| {
        format!(
            "\"{kind}\" is not a type this app reads (Claim, Quote, Person, Organization, Place, \
             Other, or PER, ORG, LOC, GPE, MISC)"
        )
    })?;
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let mut numbers = fragment.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(start)), Some(Ok(end)), None) =
            (numbers.next(), numbers.next(), numbers.next())
        else {
            return Err(format!(
                "\"{fragment}\" should be a start and an end offset, such as \"0 13\""
            ));
        };
        if start > end {
            return Err(format!("the fragment \"{fragment}\" ends before it starts"));
        }
        if end > source.char_len {
            return Err(format!(
                "the offset {end} is past the end of {what} ({} characters)",
                source.char_len
            ));
        }
        fragments.push((start, end));
    }
    let start = fragments.iter().map(|f| f.0).min().unwrap_or_default();
    let end = fragments.iter().map(|f| f.1).max().unwrap_or_default();
    if start == end {
        return Err(format!("\"{offsets}\" selects no text"));
    }
    let joined: Vec<&str> = fragments.iter().map(|&(s, e)| source.slice(s, e)).collect();
    let joined = joined.join(" ");
    let bridged = fragments.len() > 1 && {
        let mut sorted = fragments.clone();
        sorted.sort_unstable();
        sorted
            .windows(2)
            .any(|w| matches!(w, [(_, a), (b, _)] if !source.slice(*a, *b).chars().all(is_break)))
    };
    let exact = match words {
        Some(words) if words != joined => words.to_owned(),
        _ => source.slice(start, end).to_owned(),
    };
    Ok(TextBound {
        line: n,
        label,
        start,
        end,
        exact,
        bridged,
        note: Vec::new(),
        id: None,
    })
}

/// The record of a read `T` line; the annotated text and context come from `source`.
fn record(t: TextBound, article: &Article, source: &Article, now: Timestamp) -> AnnotationRecord {
    AnnotationRecord {
        id: t
            .id
            .unwrap_or_else(|| generated_id(Format::Brat, &article.id, t.start, t.end, t.label)),
        article: article.id.as_str().to_owned(),
        label: t.label.name().name().to_owned(),
        kind: t.label.kind().map(|k| k.name().to_owned()),
        note: t.note.join("\n"),
        start: t.start,
        end: t.end,
        exact: t.exact,
        prefix: source
            .slice(t.start.saturating_sub(CONTEXT_CHARS), t.start)
            .to_owned(),
        suffix: source
            .slice(t.end, t.end.saturating_add(CONTEXT_CHARS))
            .to_owned(),
        created: now.to_string(),
        updated: now.to_string(),
        ..AnnotationRecord::default()
    }
}
