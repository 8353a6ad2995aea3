//! The annotations of a W3C file, each with its path, whatever holds them: a collection and its
//! embedded pages, a page, a list, or the file itself.

use super::{at, cut};
use crate::domain::files::formats::fields::read_file;
use crate::domain::files::formats::objects::Object;
use crate::domain::files::formats::shapes::{Loose, ObjectOr};
use crate::domain::files::formats::sniff::{is_a, Shape};
use crate::domain::files::formats::w3c::{Annotation, Collection, Page};
use crate::domain::files::formats::{error, FormatError};

/// Each annotation of the file `text` with its path (empty for a file of one annotation), in file
/// order. The file's outside is looked at first, then the file read as what it is.
pub(super) fn items(text: &str) -> Result<Vec<(String, Annotation)>, FormatError> {
    let mut out = Vec::new();
    match read_file::<Shape>(text)? {
        Shape::List(_) => {
            let items: Vec<Object<Annotation>> = read_file(text)?;
            let each = items.into_iter().enumerate();
            out.extend(each.map(|(i, Object(item))| (format!("[{i}]"), item)));
        }
        Shape::Object(keys) if is_a(keys.kind.as_ref(), "AnnotationCollection") => {
            collection(read_file(text)?, &mut out)?;
        }
        Shape::Object(keys) if is_a(keys.kind.as_ref(), "AnnotationPage") => {
            page(read_file(text)?, "", &mut out);
        }
        Shape::Object(_) => out.push((String::new(), read_file(text)?)),
        Shape::Plain(other) => {
            return error(
                "",
                format!(
                    "a W3C Web Annotation file holds an AnnotationCollection, an AnnotationPage, \
                     an Annotation or a list of annotations, not {}",
                    other.shown()
                ),
            )
        }
    }
    Ok(out)
}

/// The annotations of the pages of `collection`, from its first through each page's `next`.
fn collection(
    collection: Collection,
    out: &mut Vec<(String, Annotation)>,
) -> Result<(), FormatError> {
    let mut path = "first".to_owned();
    let mut next = collection.first;
    while let Some(this) = next {
        match this {
            ObjectOr::Object(mut p) => {
                next = p.next.take().map(|n| *n);
                page(p, &path, out);
                path.push_str(".next");
            }
            ObjectOr::Plain(Loose::Text(iri)) => {
                return error(
                    path,
                    format!(
                        "the page is at \"{}\", not in this file; save the whole collection with \
                         its pages embedded and load that",
                        cut(&iri)
                    ),
                )
            }
            ObjectOr::Plain(other) => {
                return error(
                    path,
                    format!("must be an AnnotationPage, not {}", other.shown()),
                )
            }
        }
    }
    Ok(())
}

/// The annotations of the `AnnotationPage` at `path`.
fn page(page: Page, path: &str, out: &mut Vec<(String, Annotation)>) {
    let items_path = at(path, "items");
    let each = page.items.into_iter().enumerate();
    out.extend(each.map(|(i, item)| (format!("{items_path}[{i}]"), item)));
}
