//! Reading CoNLL-2003 and other IOB files: one token a line with its tag in the last field (`B-PER`,
//! `I-PER`, `O`; IOB1, where `I-` may start a span, and IOBES's `E-` and `S-` too), fields separated
//! by spaces or tabs, a blank line between sentences, and `-DOCSTART-` lines between documents (a file
//! without them is one document).
//!
//! The format keeps no text, so each document's text is rebuilt from its tokens by one rule: tokens
//! are joined by one space, except that none goes before a token that closes (`.`, `,`, `;`, `:`, `!`,
//! `?`, `%`, `)`, `]`, `}`, `»`, `”`, `’`, and a token starting with an apostrophe such as `'s` or
//! `n't`), nor after one that opens (`(`, `[`, `{`, `«`, `“`, `‘`, `$`); sentences are joined by a line
//! break. The rebuilt text is rarely an article's text, so each document becomes an own article (or
//! finds the one an earlier import made of the same text). Spans are the tagged tokens, in code points
//! of that text; their labels go through the [`LabelMap`].

use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::texts::FileText;
use crate::domain::files::formats::{error, generated_id, Format, FormatError, Incoming};
use crate::domain::files::records::AnnotationRecord;
use crate::domain::model::article::Article;
use crate::domain::model::time::Timestamp;
use std::rc::Rc;

/// Tokens that take no space before them.
const CLOSING: [&str; 13] = [
    ".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "»", "”", "’",
];
/// Tokens that take no space after them.
const OPENING: [&str; 7] = ["(", "[", "{", "«", "“", "‘", "$"];

/// A span of tagged tokens while a document is rebuilt: its label name and code points.
struct Tagged {
    name: String,
    start: usize,
    end: usize,
    /// The line of its first token.
    line: usize,
}

/// One document being rebuilt: its text, its length in code points, its spans.
#[derive(Default)]
struct Document {
    text: String,
    len: usize,
    spans: Vec<Tagged>,
    /// The span whose tokens are being read.
    open: Option<Tagged>,
    /// Whether the previous token opens (takes no space after it).
    after_opening: bool,
    /// Whether the sentence so far has a token.
    in_sentence: bool,
    /// The line of its first token.
    first_line: usize,
}

impl Document {
    /// Adds `token` tagged `tag`, from line `n`.
    fn token(&mut self, token: &str, tag: &str, n: usize) -> Result<(), String> {
        if self.text.is_empty() {
            self.first_line = n;
        }
        let gap = if self.text.is_empty() {
            ""
        } else if !self.in_sentence {
            "\n"
        } else if self.after_opening
            || CLOSING.contains(&token)
            || token.starts_with(['\'', '’'])
            || token == "n't"
        {
            ""
        } else {
            " "
        };
        self.push(gap);
        let start = self.len;
        self.push(token);
        self.in_sentence = true;
        self.after_opening = OPENING.contains(&token);
        self.tag(tag, start, n)
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.len += s.chars().count();
    }

    /// Follows `tag` for the token that starts at `start` and ends at the text's end.
    fn tag(&mut self, tag: &str, start: usize, n: usize) -> Result<(), String> {
        if tag == "O" {
            self.close();
            return Ok(());
        }
        let Some((prefix, name)) = tag.split_once('-').filter(|(_, name)| !name.is_empty()) else {
            return Err(format!(
                "\"{tag}\" is not an IOB tag: use O, or B-, I-, E- or S- and a type, such as B-PER"
            ));
        };
        let continues = self.open.as_ref().is_some_and(|o| o.name == name);
        match prefix {
            "B" | "S" => self.close(),
            "I" | "E" if continues => {}
            "I" | "E" => self.close(),
            _ => {
                return Err(format!(
                    "\"{tag}\" starts with \"{prefix}-\"; an IOB tag starts with B-, I-, E- or S-"
                ))
            }
        }
        let end = self.len;
        match &mut self.open {
            Some(open) => open.end = end,
            None => {
                self.open = Some(Tagged {
                    name: name.to_owned(),
                    start,
                    end,
                    line: n,
                })
            }
        }
        if matches!(prefix, "E" | "S") {
            self.close();
        }
        Ok(())
    }

    /// Ends the open span, if any.
    fn close(&mut self) {
        self.spans.extend(self.open.take());
    }

    /// Ends the sentence (a blank line).
    fn end_sentence(&mut self) {
        self.close();
        self.in_sentence = false;
        self.after_opening = false;
    }
}

/// Reads a CoNLL / IOB file.
pub fn read(
    text: &str,
    articles: &[Rc<Article>],
    labels: &LabelMap,
    now: Timestamp,
) -> Result<Incoming, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut incoming = Incoming::default();
    let mut doc = Document::default();
    for (index, line) in text.lines().enumerate() {
        let n = index + 1;
        let mut fields = line.split_whitespace();
        let Some(token) = fields.next() else {
            doc.end_sentence();
            continue;
        };
        if token == "-DOCSTART-" {
            finish(
                std::mem::take(&mut doc),
                articles,
                labels,
                now,
                &mut incoming,
            );
            continue;
        }
        let Some(tag) = fields.next_back() else {
            return error(
                format!("line {n}"),
                format!("\"{token}\" has no tag: a CoNLL line is a token and its tag, such as \"Kyiv B-LOC\""),
            );
        };
        doc.token(token, tag, n)
            .or_else(|m| error(format!("line {n}"), m))?;
    }
    finish(doc, articles, labels, now, &mut incoming);
    Ok(incoming)
}

/// Adds `doc`'s article and spans to `incoming`; an empty document adds nothing.
fn finish(
    mut doc: Document,
    articles: &[Rc<Article>],
    labels: &LabelMap,
    now: Timestamp,
    incoming: &mut Incoming,
) {
    doc.close();
    if doc.text.is_empty() {
        return;
    }
    let file = FileText {
        id: None,
        text: &doc.text,
        title: None,
    };
    let place = format!("the document at line {}", doc.first_line);
    let Some(article) = incoming.article_for(articles, file, now, &place) else {
        return;
    };
    let source = crate::domain::files::formats::indexed(&article, &doc.text);
    for span in doc.spans {
        let Some(label) = incoming.labels.count(&span.name, labels) else {
            continue;
        };
        let record = AnnotationRecord {
            id: generated_id(Format::Conll, &article.id, span.start, span.end, label),
            article: article.id.as_str().to_owned(),
            start: span.start,
            end: span.end,
            created: now,
            updated: now,
            ..AnnotationRecord::labelled(label)
        };
        let path = format!("line {}", span.line);
        incoming.records.push((path, record.with_context(&source)));
    }
}
