//! What each choice writes: merge takes the new and the newer, replace takes the whole file; each cuts
//! the links that would not fit after it, with a line each.

use super::{fits, link_line, Links};
use crate::domain::files::import::{Choice, Class, Placed};
use crate::domain::model::annotation::Annotation;
use crate::domain::model::names::AnnotationId;
use std::collections::HashMap;
use std::rc::Rc;

impl Links<'_> {
    /// Merge: the new annotations and entries and the newer versions of conflicting ones. A link whose
    /// target the workspace keeps in a version it no longer fits is cut, and so is a link of the
    /// workspace's to an annotation whose newer version it no longer fits (that annotation is written
    /// without it); one line each.
    pub fn merge(&self, placed: &[Placed]) -> Choice {
        let taken = |class: Class| matches!(class, Class::New | Class::Conflict { newer: true });
        let mut choice = Choice {
            entities: self
                .entities
                .iter()
                .filter(|(_, class)| taken(*class))
                .map(|(e, _)| e.clone())
                .collect(),
            ..Choice::default()
        };
        let selected: Vec<&Placed> = placed.iter().filter(|p| taken(p.class)).collect();
        let batch: HashMap<&AnnotationId, &Annotation> = selected
            .iter()
            .map(|p| (&p.annotation.id, &p.annotation))
            .collect();
        for p in &selected {
            let mut a = self.remapped(&p.annotation).into_owned();
            if let Some(s) = a.attrs.source.clone() {
                let target = batch
                    .get(&s)
                    .copied()
                    .or_else(|| self.ws.annotation(&s).map(|t| &**t));
                let why = match target {
                    Some(target) => fits(&a, target).err(),
                    None => Some(format!("\"{}\" is not here", s.as_str())),
                };
                if let Some(why) = why {
                    let line = link_line(&p.path, "is cut on merge", &a, &s, &why);
                    choice.cut.push(line);
                    a.attrs.source = None;
                }
            }
            choice.annotations.push(a);
        }
        // The workspace's links to annotations whose article or label the merge changes (only those two
        // decide whether a link fits).
        let changed: Vec<&Placed> = selected
            .iter()
            .copied()
            .filter(|p| {
                self.ws.annotation(&p.annotation.id).is_some_and(|have| {
                    have.article != p.annotation.article || have.label != p.annotation.label
                })
            })
            .collect();
        if !changed.is_empty() {
            let mut linking: HashMap<AnnotationId, Vec<Rc<Annotation>>> = HashMap::new();
            for have in self.ws.all() {
                if let Some(s) = &have.attrs.source {
                    linking.entry(s.clone()).or_default().push(have.clone());
                }
            }
            for p in changed {
                for from in linking.get(&p.annotation.id).into_iter().flatten() {
                    if batch.contains_key(&from.id) {
                        continue;
                    }
                    if let Err(why) = fits(from, &p.annotation) {
                        let line = format!(
                            "{}: the link from \"{}\" here to \"{}\" is cut on merge: {why}",
                            p.path,
                            from.id.as_str(),
                            p.annotation.id.as_str()
                        );
                        choice.cut.push(line);
                        let mut kept = Annotation::clone(from);
                        kept.attrs.source = None;
                        choice.annotations.push(kept);
                    }
                }
            }
        }
        choice
    }

    /// Replace: every placed annotation and entry of the file, which are then the only ones; links and
    /// registry references to what only the workspace has are cut, one line each.
    pub fn replace(&self, placed: &[Placed]) -> Choice {
        let mut choice = Choice {
            entities: self.entities.iter().map(|(e, _)| e.clone()).collect(),
            ..Choice::default()
        };
        for p in placed {
            let mut a = p.annotation.clone();
            if let Some(s) = a.attrs.source.clone() {
                if !self.index.contains_key(&s) {
                    let why = format!("\"{}\" is not in the file", s.as_str());
                    choice
                        .cut
                        .push(link_line(&p.path, "is cut on replace", &a, &s, &why));
                    a.attrs.source = None;
                }
            }
            if let Some(e) = a.attrs.entity.clone() {
                if !self.file_entities.contains(&e) {
                    choice.cut.push(format!(
                        "{}: the registry entry \"{}\" of \"{}\" is cut on replace: it is not in \
                         the file",
                        p.path,
                        e.as_str(),
                        a.id.as_str()
                    ));
                    a.attrs.entity = None;
                }
            }
            choice.annotations.push(a);
        }
        choice
    }
}
