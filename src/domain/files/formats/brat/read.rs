//! Reading brat files back: a zip of `.txt` and `.ann` files, or one `.ann` (see the parent module).

use crate::domain::files::formats::brat::lf::LfText;
use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::texts::FileText;
use crate::domain::files::formats::FormatError;
use crate::domain::files::formats::{error, zip, Incoming};
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use std::collections::HashMap;
use std::rc::Rc;

mod equiv;
mod extras;
mod lines;
use lines::read_lines;

/// Reads a zip of `.txt` and `.ann` files, such as the brat export (see [`read_files`]).
pub fn read_zip(
    bytes: &[u8],
    articles: &[Rc<Article>],
    labels: &LabelMap,
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let files = zip::read(bytes).or_else(|message| error("", message))?;
    let no_ann =
        "this zip holds no .ann file; a brat zip holds a .txt and an .ann file per document";
    read_files(files, no_ann, articles, labels, now)
}

/// Reads brat's `.txt` and `.ann` files (from a zip, or picked or dropped together, a folder's with
/// their paths), each with its name; other files are ignored, and so are macOS's `__MACOSX/` and `._`
/// copies. Without any `.ann` file, the error says `no_ann`.
///
/// Each `X.ann` goes with the `X.txt` beside it: to the article with the id `X` if the app has one,
/// else to the article whose text is exactly that of `X.txt`, else to a new own article of that text
/// titled `X` (a `.txt` too large for an article is skipped with a warning). Types are mapped by
/// `labels`. An `.ann` without its `.txt` is placed by its name alone. Offsets count
/// code points of the `.txt`, and the annotated text and its context are taken from it, so that the
/// import re-anchors annotations if our text differs from the file's.
pub fn read_files(
    files: Vec<(String, Vec<u8>)>,
    no_ann: &str,
    articles: &[Rc<Article>],
    labels: &LabelMap,
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter(|(name, _)| {
            let base = name.rsplit('/').next().unwrap_or_default();
            !name.starts_with("__MACOSX/") && !base.starts_with("._")
        })
        .collect();
    // Each `.txt` by its name without the extension (the first of a repeated name), so that finding
    // an `.ann`'s text takes the same time however many files the zip holds.
    let mut texts: HashMap<&str, (&str, &[u8])> = HashMap::new();
    for (name, data) in &files {
        if let Some(key) = strip_ext(name, ".txt") {
            texts.entry(key).or_insert((name.as_str(), data.as_slice()));
        }
    }
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
        let txt = texts
            .get(key)
            .map(|&(n, d)| utf8(n, d).map(|text| (n, text)))
            .transpose()?;
        let Some((txt_name, txt)) = txt else {
            match articles.iter().find(|a| a.id.as_str() == stem) {
                Some(article) => {
                    let what = format!("article \"{stem}\"");
                    let with = (labels, now);
                    read_lines(name, ann, article, article, &what, with, &mut incoming)?;
                }
                None => incoming.warnings.push(format!(
                    "{name}: there is no {key}.txt beside it and no article has the id \
                     \"{stem}\"; its annotations were skipped"
                )),
            }
            continue;
        };
        let file = FileText {
            id: Some(stem),
            text: txt,
            title: Some(stem),
        };
        let Some(article) = incoming.article_for(articles, file, now, txt_name) else {
            continue;
        };
        let article = &*article;
        let own;
        let mut lf = None;
        let source: &Article = if article.text == txt {
            article
        } else if let Some(text) = Some(LfText::of(&article.text)).filter(|t| t.text == txt) {
            // Our export with LF line ends: offsets count the text with LF line ends.
            lf = Some(text);
            own = Article::new(stem, "", txt.to_owned());
            &own
        } else {
            incoming.warnings.push(format!(
                "{txt_name} differs from the text of article \"{}\"; its annotations are placed \
                 by the text they select",
                article.id.as_str()
            ));
            own = Article::new(stem, "", txt.to_owned());
            &own
        };
        let from = incoming.records.len();
        let with = (labels, now);
        read_lines(name, ann, article, source, txt_name, with, &mut incoming)?;
        if let Some(lf) = lf {
            let records = incoming.records.get_mut(from..).unwrap_or_default();
            lf.restore(records.iter_mut().map(|(_, r)| r), source, article);
        }
    }
    if !any {
        return error("", no_ann);
    }
    Ok(incoming)
}

/// Reads one `.ann` file named `name` (`kyiv-post.ann`), for the article whose id is the name
/// without `.ann`; offsets count code points of that article's text.
pub fn read_ann(
    name: &str,
    text: &str,
    articles: &[Rc<Article>],
    labels: &LabelMap,
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
    read_lines(
        base,
        text,
        article,
        article,
        &what,
        (labels, now),
        &mut incoming,
    )?;
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
