//! Names in the text: runs of capitalised words ("Volodymyr Zelensky", "Ministry of Defence"), split at
//! titles ("President", "Treasury Secretary"), with a likely kind, and the people among them that a
//! pronoun or a title ("the Ukrainian president") may refer to.

use super::speakers::is_speech_verb;
use super::text::Doc;
use crate::domain::model::names::EntityKind;
use crate::domain::model::registry::Entity;
use crate::domain::model::span::Span;
use std::rc::Rc;

/// Capitalised titles before a person's name; they are not part of it.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Vice", "Secretary", "Minister", "Prime", "Gen", "Gov", "Rep", "Sen", "Mr", "Mrs",
    "Ms", "Dr", "Prof", "Representative", "Senator", "Chancellor", "Ambassador", "Spokesman",
    "Spokeswoman", "Envoy", "Governor", "Mayor", "King", "Queen", "Pope", "Premier", "Lt", "Col",
    "Sgt", "Judge", "Sheikh", "Director", "Chairman", "Chairwoman", "Commissioner",
];

/// Lower-case words before a person's name that say it is a person.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "envoy", "president", "minister", "secretary",
    "senator", "founder", "chairman", "leader", "lawmaker", "representative", "adviser", "advisor",
    "aide", "director", "chief", "ambassador", "governor", "mayor", "analyst", "professor",
    "son-in-law", "prosecutor", "commander", "official", "economist", "general", "colleague",
    "premier", "head",
];

/// Capitalised words that often start a sentence and are no names.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "However", "Meanwhile", "While", "When",
    "Why", "What", "Which", "Who", "How", "It", "He", "She", "They", "We", "I", "You", "This",
    "That", "These", "Those", "There", "Despite", "After", "Before", "During", "Once", "Any",
    "Another", "Former", "Most", "Some", "Two", "Three", "Four", "Five", "For", "From", "To", "As",
    "If", "Its", "His", "Her", "Their", "Our", "My", "Your", "Though", "Although", "Rather",
    "Still", "Also", "So", "Then", "Now", "Today", "Updated", "Follow", "Short", "Url", "Bonus",
    "Pressed", "According", "Both", "Each", "Every", "Many", "Much", "Other", "Such", "Than",
    "With", "Without", "Under", "Over", "About", "Against", "Between", "Into", "By", "Of", "Not",
    "No", "Yes", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could",
    "Should", "Must", "May", "Might", "Here", "Where", "Even", "Just", "Only", "Please", "Let",
    "Oh", "Well", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "January", "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December", "Mr", "Mrs", "Ms", "Dr",
];

/// Adjectives of nationality or region; before a title ("Ukrainian President") they are no name.
#[rustfmt::skip]
const DEMONYMS: &[&str] = &[
    "Ukrainian", "Russian", "American", "European", "German", "French", "British", "Chinese",
    "Polish", "Italian", "Spanish", "Western", "Eastern", "Former", "US", "U.S", "U.S.", "UK", "EU",
    "Foreign", "Treasury", "State", "Defence", "Defense", "Finance", "Interior", "Justice",
    "Special", "Deputy", "Acting", "First", "Senior", "Chief", "Regional", "Federal",
];

/// Words of an organisation's name.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "Council", "Ministry", "House", "Post", "Times", "Press", "News", "Network", "Administration",
    "Association", "Agency", "Union", "Committee", "Party", "Office", "Staff", "Bank", "Fund",
    "Commission", "Parliament", "Congress", "Senate", "Department", "Corp", "Inc", "Company",
    "Group", "Institute", "University", "Survey", "Reuters", "Politico", "AP", "FT", "NATO", "UN",
    "Kremlin", "Pentagon", "Cabinet", "Government", "Court", "Army", "Forces", "Service", "Police",
    "Board", "Industry", "Organization", "Organisation", "Foundation", "Representatives",
    "Guardian", "Journal", "BBC", "CNN", "Telegram", "Bloomberg", "Tass", "TASS", "Interfax",
    "Business",
];

/// Words of an event's or other thing's name.
#[rustfmt::skip]
const OTHER_WORDS: &[&str] = &[
    "Conference", "Summit", "Forum", "Plan", "War", "Year", "Olympics", "Cup", "Act", "Treaty",
    "Agreement", "Accord", "Constitution", "Shadow", "Day", "Games",
];

/// Places the rules know by name.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "Ukraine", "Russia", "US", "U.S", "U.S.", "USA", "America", "United States", "China", "Europe",
    "Germany", "Munich", "Kyiv", "Kiev", "Moscow", "Washington", "Ohio", "Kursk", "Donbas",
    "Luhansk", "Donetsk", "Mykolaiv", "Rostov", "Australia", "Canada", "North Korea", "New York",
    "Crimea", "Kharkiv", "Odesa", "Odessa", "Poland", "France", "Britain", "UK", "Brussels",
    "London", "Paris", "Berlin", "Beijing", "Iran", "Israel", "Gaza", "Turkey", "India", "Japan",
    "Belarus", "Georgia", "MUNICH", "KYIV", "Zaporizhzhia", "Kherson", "Lviv", "Dnipro",
    "Novoshakhtinsk",
];

/// One name: a run of capitalised words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct NameRun {
    /// Its first token.
    pub first: usize,
    /// One past its last token.
    pub last: usize,
    /// Its code points (a possessive "’s" left out).
    pub span: Span,
    /// Its text.
    pub text: String,
    /// The title words before it, in lower case ("ukrainian", "president"); empty when none.
    pub title: Vec<String>,
    /// Its likely kind.
    pub kind: EntityKind,
    /// Whether it is a sentence's first name or the subject of a speech verb.
    pub subject: bool,
    /// Whether it lies inside a quote (a pronoun outside does not refer to it).
    pub quoted: bool,
}

/// The names of one text, and who is a person.
pub(super) struct People {
    /// Every name, in text order.
    pub runs: Vec<NameRun>,
}

fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

fn possessive(text: &str) -> Option<&str> {
    text.strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .or_else(|| text.strip_suffix('’'))
}

impl People {
    /// Finds the names of `doc`; `registry` tells the kinds of the entries' names.
    pub fn new(doc: &Doc, registry: &[Rc<Entity>]) -> People {
        let mut runs = Vec::new();
        for (index, &(a, b)) in doc.sentences.iter().enumerate() {
            let _ = index;
            let mut i = a;
            while i < b {
                if !doc.tok(i).is_capital() {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < b {
                    let t = &doc.tok(j);
                    let joins =
                        matches!(t.text.as_str(), "of" | "for" | "de" | "von" | "van" | "al")
                            && doc
                                .tokens
                                .get(j + 1)
                                .is_some_and(|n| n.is_capital() && j + 1 < b);
                    if possessive(&doc.tok(j - 1).text).is_some() || !(t.is_capital() || joins) {
                        break;
                    }
                    j += 1;
                }
                split_titles(doc, i, j, a, &mut runs);
                i = j;
            }
        }
        let mut people = People { runs };
        people.settle_kinds(doc, registry);
        people
    }

    /// The name whose last token is just before token `t`.
    pub fn ending_before(&self, t: usize) -> Option<&NameRun> {
        self.runs.iter().find(|r| r.last == t)
    }

    /// The names that lie in tokens `[a, b)`.
    pub fn within(&self, a: usize, b: usize) -> impl Iterator<Item = &NameRun> {
        self.runs
            .iter()
            .filter(move |r| a <= r.first && r.last <= b)
    }

    /// The nearest person before code point `pos` that a pronoun may refer to: a subject first (a
    /// sentence's first name, or a speaker), else any person, within `floor..pos`.
    pub fn person_before(&self, pos: usize, floor: usize, kind: EntityKind) -> Option<&NameRun> {
        let before = |r: &&NameRun| {
            r.span.end() <= pos && r.span.start() >= floor && r.kind == kind && !r.quoted
        };
        self.runs
            .iter()
            .filter(before)
            .rfind(|r| r.subject)
            .or_else(|| self.runs.iter().rfind(before))
    }

    /// The nearest person before `pos` whose title holds every one of `words` ("ukrainian",
    /// "president"), then the nearest mention of the same person's last name before `pos`.
    pub fn titled_before(&self, pos: usize, words: &[String]) -> Option<&NameRun> {
        let people = || {
            self.runs
                .iter()
                .filter(|r| r.span.end() <= pos && r.kind == EntityKind::Person)
        };
        let head = words.last()?;
        let person = people()
            .rfind(|r| words.iter().all(|w| r.title.contains(w)))
            .or_else(|| people().rfind(|r| r.title.contains(head)))?;
        let last = person.text.split_whitespace().last().unwrap_or_default();
        self.runs
            .iter()
            .filter(|r| r.span.end() <= pos && !r.quoted)
            .rfind(|r| r.text.split_whitespace().last() == Some(last))
            .or(Some(person))
    }

    /// Gives every name its likely kind, and marks subjects.
    fn settle_kinds(&mut self, doc: &Doc, registry: &[Rc<Entity>]) {
        let titled: Vec<String> = self
            .runs
            .iter()
            .filter(|r| !r.title.is_empty() || r.text.contains(' '))
            .filter_map(|r| r.text.split_whitespace().last().map(str::to_owned))
            .collect();
        let speakers: Vec<String> = self
            .runs
            .iter()
            .filter(|r| speaks_after(doc, r.last))
            .map(|r| r.text.clone())
            .collect();
        for r in &mut self.runs {
            r.kind = kind_of(&r.text, &r.title, registry, &titled, &speakers);
            let (a, _) = doc.sentence(doc.sentence_of(r.first));
            let opening = doc
                .toks(a, r.first)
                .iter()
                .all(|t| t.is_capital() || !t.is_word() || ROLES.contains(&t.lower().as_str()));
            r.subject = opening || speaks_after(doc, r.last);
        }
    }
}

/// Whether a speech verb follows token `t` (after an adverb or two).
fn speaks_after(doc: &Doc, t: usize) -> bool {
    doc.tokens
        .iter()
        .skip(t)
        .take(3)
        .take_while(|w| w.is_word())
        .any(|w| is_speech_verb(&w.lower()))
}

/// The likely kind of a name with the title words `title`.
pub(super) fn kind_of(
    text: &str,
    title: &[String],
    registry: &[Rc<Entity>],
    persons: &[String],
    speakers: &[String],
) -> EntityKind {
    if let Some(e) = registry.iter().find(|e| e.names().any(|n| n == text)) {
        return e.kind;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.iter().any(|w| ORG_WORDS.contains(w)) {
        EntityKind::Organization
    } else if words.iter().any(|w| OTHER_WORDS.contains(w)) {
        EntityKind::Other
    } else if PLACES.contains(&text) || words.last().is_some_and(|w| PLACES.contains(w)) {
        EntityKind::Place
    } else if !title.is_empty()
        || words.len() > 1
        || persons.iter().any(|p| p == text)
        || speakers.iter().any(|s| s == text)
    {
        EntityKind::Person
    } else {
        EntityKind::Other
    }
}

/// Splits the capitalised tokens `[i, j)` at titles into names, dropping a sentence's first word when
/// it is no name, and pushes them.
fn split_titles(doc: &Doc, i: usize, j: usize, sentence: usize, out: &mut Vec<NameRun>) {
    let mut title: Vec<String> = doc
        .tokens
        .get(i.wrapping_sub(1))
        .filter(|t| i > sentence && ROLES.contains(&t.lower().as_str()))
        .map(|t| vec![t.lower()])
        .unwrap_or_default();
    let mut start = i;
    let opening = |k: usize| {
        k == sentence
            || doc
                .toks(sentence, k)
                .iter()
                .all(|t| !t.is_word() || STOP.contains(&t.text.as_str()))
    };
    let mut k = i;
    while k < j {
        let word = doc.tok(k).text.as_str();
        let next_title = doc
            .tokens
            .get(k + 1)
            .is_some_and(|n| k + 1 < j && is_title(&n.text));
        let no_name = STOP.contains(&word)
            || (k == start && opening(k) && doc.has_lowercase(word))
            || (k == start && DEMONYMS.contains(&word) && (next_title || k + 1 == j));
        let titled = is_title(word) || (DEMONYMS.contains(&word) && next_title);
        if titled || (k == start && no_name) {
            if start < k {
                push_run(doc, start, k, &title, out);
                title.clear();
            }
            if titled {
                title.push(word.to_lowercase());
            }
            start = k + 1;
        }
        k += 1;
    }
    push_run(doc, start, j, &title, out);
}

fn push_run(doc: &Doc, first: usize, last: usize, title: &[String], out: &mut Vec<NameRun>) {
    let mut last = last;
    while last > first && !doc.tok(last - 1).is_capital() {
        last -= 1;
    }
    if last <= first {
        return;
    }
    let start = doc.tok(first).start;
    let final_word = &doc.tok(last - 1);
    let end = match possessive(&final_word.text) {
        Some(stem) => final_word.start + stem.chars().count(),
        None => final_word.end,
    };
    let Ok(span) = Span::new(start, end) else {
        return;
    };
    out.push(NameRun {
        first,
        last,
        span,
        text: doc.slice(start, end),
        title: title.to_vec(),
        kind: EntityKind::Other,
        subject: false,
        quoted: doc
            .quoted
            .iter()
            .any(|q| q.words >= super::quotes::QUOTE_WORDS && q.start <= start && end <= q.end),
    });
}
