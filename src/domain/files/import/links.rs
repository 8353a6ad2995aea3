//! The links (`source`) and registry references (`entity`) of a file's annotations: which can be kept,
//! and what each choice, merge or replace, must cut so that the workspace accepts it with nothing stale.

use super::{fail, Class, ImportError, Placed};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::attributes::LinkKind;
use crate::domain::model::names::{AnnotationId, ArticleId, EntityId, Label};
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use crate::domain::state::workspace::Workspace;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

mod choices;

/// What deciding about links needs to know of the file and the workspace.
pub(super) struct Links<'w> {
    ws: &'w Workspace,
    /// Placed annotations of the file by id: their index.
    index: HashMap<AnnotationId, usize>,
    /// File ids of annotations the workspace has under another id (same span and label): that id.
    alias: HashMap<AnnotationId, AnnotationId>,
    /// The file's registry entries and how each relates to the workspace.
    entities: Vec<(Entity, Class)>,
    file_entities: HashSet<EntityId>,
}

impl<'w> Links<'w> {
    /// Looks at the placed annotations and entries of a file, to be imported into `ws`.
    pub fn new(placed: &[Placed], entities: Vec<(Entity, Class)>, ws: &'w Workspace) -> Links<'w> {
        let index = placed
            .iter()
            .enumerate()
            .map(|(i, p)| (p.annotation.id.clone(), i))
            .collect();
        // Only annotations that others link to need the workspace's id; the index of every span is built
        // only if one of them is there under another id.
        let targets: HashSet<&AnnotationId> = placed
            .iter()
            .filter_map(|p| p.annotation.attrs.source.as_ref())
            .collect();
        let mut spans: Option<HashMap<(ArticleId, Span, Label), AnnotationId>> = None;
        let mut alias = HashMap::new();
        for p in placed.iter().filter(|p| targets.contains(&p.annotation.id)) {
            let a = &p.annotation;
            if ws.annotation(&a.id).is_some() || !ws.has_span(&a.article, a.span, a.label) {
                continue;
            }
            let spans = spans.get_or_insert_with(|| {
                let mut map = HashMap::new();
                for have in ws.all() {
                    map.entry((have.article.clone(), have.span, have.label))
                        .or_insert_with(|| have.id.clone());
                }
                map
            });
            if let Some(id) = spans.get(&(a.article.clone(), a.span, a.label)) {
                alias.insert(a.id.clone(), id.clone());
            }
        }
        let file_entities = entities.iter().map(|(e, _)| e.id.clone()).collect();
        Links {
            ws,
            index,
            alias,
            entities,
            file_entities,
        }
    }

    /// Cuts, whatever the choice, each link to an annotation that is neither in the file (placed) nor
    /// in the workspace or cannot be linked to there, and each reference to a registry entry in neither;
    /// one line each. A link within the file that cannot be (a quote said by a claim) refuses the file.
    /// `in_records` tells whether an id is one of the file's records, placed or not.
    pub fn cut_dangling(
        &self,
        placed: &mut [Placed],
        in_records: impl Fn(&str) -> bool,
    ) -> Result<Vec<String>, ImportError> {
        let mut lines = Vec::new();
        let mut cuts: Vec<(usize, bool, bool)> = Vec::new();
        for (i, p) in placed.iter().enumerate() {
            let a = &p.annotation;
            let path = &p.path;
            let mut cut_source = false;
            if let Some(s) = &a.attrs.source {
                let why = match self.index.get(s).and_then(|&j| placed.get(j)) {
                    Some(target) => {
                        if let Err(why) = fits(a, &target.annotation) {
                            return fail(&format!("{path}.source"), why);
                        }
                        None
                    }
                    None if in_records(s.as_str()) => Some(format!(
                        "\"{}\" was skipped, its text is not in the article",
                        s.as_str()
                    )),
                    None => match self.ws.annotation(s) {
                        Some(target) => fits(a, target).err(),
                        None => Some(format!(
                            "\"{}\" is neither in the file nor here",
                            s.as_str()
                        )),
                    },
                };
                if let Some(why) = why {
                    lines.push(link_line(path, "was cut", a, s, &why));
                    cut_source = true;
                }
            }
            let mut cut_entity = false;
            if let Some(e) = &a.attrs.entity {
                if !self.file_entities.contains(e) && self.ws.entity(e).is_none() {
                    lines.push(format!(
                        "{path}: the registry entry \"{}\" of \"{}\" was cut: it is neither in the \
                         file nor here",
                        e.as_str(),
                        a.id.as_str()
                    ));
                    cut_entity = true;
                }
            }
            if cut_source || cut_entity {
                cuts.push((i, cut_source, cut_entity));
            }
        }
        for (i, source, entity) in cuts {
            if let Some(p) = placed.get_mut(i) {
                if source {
                    p.annotation.attrs.source = None;
                }
                if entity {
                    p.annotation.attrs.entity = None;
                }
            }
        }
        Ok(lines)
    }

    /// The annotation with its source named as the workspace names it, when the file's source is an
    /// annotation the workspace has under another id.
    pub fn remapped<'a>(&self, a: &'a Annotation) -> Cow<'a, Annotation> {
        match a.attrs.source.as_ref().and_then(|s| self.alias.get(s)) {
            Some(ours) => {
                let mut a = a.clone();
                a.attrs.source = Some(ours.clone());
                Cow::Owned(a)
            }
            None => Cow::Borrowed(a),
        }
    }
}

/// `path: the link from "a" to "s" <how>: why`.
pub(super) fn link_line(
    path: &str,
    how: &str,
    a: &Annotation,
    s: &AnnotationId,
    why: &str,
) -> String {
    format!(
        "{path}: the link from \"{}\" to \"{}\" {how}: {why}",
        a.id.as_str(),
        s.as_str()
    )
}

/// Whether `a` may name `target` as its source: another annotation of the same article whose label
/// its label may cite; if not, why.
pub(super) fn fits(a: &Annotation, target: &Annotation) -> Result<(), String> {
    let t = target.id.as_str();
    if target.id == a.id {
        return Err("an annotation cannot be its own source".into());
    }
    if target.article != a.article {
        return Err(format!(
            "\"{t}\" is in article \"{}\", not in \"{}\"",
            target.article.as_str(),
            a.article.as_str()
        ));
    }
    if LinkKind::between(a.label, target.label).is_none() {
        let rule = LinkKind::rule(a.label);
        return Err(format!(
            "\"{t}\" is {} {}, and {rule}",
            article_of(target.label),
            target.label.name().name()
        ));
    }
    Ok(())
}

/// "a" or "an" before the label's name.
fn article_of(label: Label) -> &'static str {
    match label {
        Label::Entity(_) => "an",
        Label::Claim | Label::Quote => "a",
    }
}
