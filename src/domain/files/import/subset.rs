//! A part of a corpus: when the whole file does not fit in the browser's storage, the person may import
//! the texts it brings up to some count, in the file's order, with their annotations.

use super::ImportPlan;
use crate::domain::files::stored;
use crate::domain::model::annotation::Annotation;
use crate::domain::model::article::Article;
use std::collections::{HashMap, HashSet};

/// What each article adds to the saved state with its annotations among `annotations`.
pub(super) fn units(articles: &[Article], annotations: &[Annotation]) -> Vec<usize> {
    let mut on: HashMap<&str, Vec<&Annotation>> = HashMap::new();
    for a in annotations {
        on.entry(a.article.as_str()).or_default().push(a);
    }
    articles
        .iter()
        .map(|article| {
            let list = on.get(article.id.as_str()).map_or(&[][..], Vec::as_slice);
            stored::added_units(article, list)
        })
        .collect()
}

impl ImportPlan {
    /// How many own articles the file brings (see [`ImportPlan::added_articles`]).
    pub fn added_count(&self) -> usize {
        self.articles.len()
    }

    /// What the articles the file brings add to the saved state, with their annotations, in the
    /// quota's units (UTF-16 code units).
    pub fn added_units(&self) -> usize {
        self.article_units.iter().sum()
    }

    /// How many of the articles the file brings, taken in its order, fit in `budget` units with their
    /// annotations.
    pub fn fitting(&self, budget: usize) -> usize {
        let mut total = 0;
        self.article_units
            .iter()
            .take_while(|units| {
                total += **units;
                total <= budget
            })
            .count()
    }

    /// Narrows the plan to the first `count` articles the file brings: the others are left out with
    /// their annotations, and a warning says how many. What the file holds for the workspace's
    /// articles stays. Links never cross articles, so none is cut.
    pub fn keep_first_articles(&mut self, count: usize) {
        let brought = self.articles.len();
        if count >= brought {
            return;
        }
        let dropped: HashSet<String> = (self.articles.drain(count..))
            .map(|a| a.id.as_str().to_owned())
            .collect();
        let kept = |a: &Annotation| !dropped.contains(a.article.as_str());
        let left_out = self.merge.annotations.iter().filter(|a| !kept(a)).count();
        self.merge.annotations.retain(kept);
        self.replace.annotations.retain(kept);
        (self.per_article).retain(|(id, _)| !dropped.contains(id.as_str()));
        self.added_articles.truncate(count);
        self.article_units.truncate(count);
        self.total -= left_out;
        self.new = self.new.saturating_sub(left_out);
        self.warnings.push(format!(
            "only the first {count} of the {brought} texts it brings are imported, to fit in this \
             browser's storage; the other {} texts and their {left_out} annotation(s) are left out",
            brought - count,
        ));
    }
}
