//! The command line of `na-convert`: its `--help` text and reading the arguments into a [`Command`].

use crate::domain::files::formats::labels::LabelMap;
use crate::domain::files::formats::{ExportOptions, Format, ImportOptions};

/// The `--help` text.
pub const USAGE: &str = "\
na-convert: convert, check and merge News Annotator annotation files, offline.

Usage:
  na-convert convert --to FORMAT [--lf] [--out DIR] [--articles DIR]
                     [--labels MAP] [--text-field NAME] FILE...
  na-convert validate [--articles DIR] [--labels MAP] [--text-field NAME]
                      FILE...
  na-convert merge --to FORMAT [--lf] --out FILE [--articles DIR]
                   [--labels MAP] [--text-field NAME] FILE...
  na-convert class --exercise FILE [--out DIR] [--articles DIR] SUBMISSION...
  na-convert suggest [--articles DIR] [--out FILE] FILE_OR_ARTICLE_ID...
  na-convert suggest --score GOLD.jsonl
  na-convert first-screen
  na-convert --help

Commands:
  convert   Reads each FILE and writes it in FORMAT into DIR (default: the
            current directory), one output per input, named after the input:
            its name less its format's extension, plus FORMAT's
            (kyiv.doccano.jsonl -> kyiv.conll). Two inputs that would give the
            same output name are refused, and so is overwriting an input.
  validate  Reads each FILE and prints one line for it:
              ok FILE: FORMAT, N annotations (M re-anchored, K not found)
              error FILE: WHERE: WHAT
  merge     Merges the annotations of every FILE, in the order given, into
            one file, as the app's Load file > Merge does: an annotation
            already there (same id and content, or the same span and label)
            counts once; of two versions of one id, the later `updated` wins
            (on a tie, the earlier file's). Prints one line per input, then
            writes FILE.
  class     Compares students' submissions for an exercise, as the app's
            Classroom view does: prints one line per submission (ok, or
            left out and why), then writes into DIR (default: the current
            directory) class-table.csv (each student's matched, missed and
            extra spans, precision, recall and F1 against the teacher's key,
            per label, exact and overlap) and agreement.csv (Krippendorff's
            alpha and the mean pairwise F1 among students, per label).
  suggest   Runs the suggestion engine (the app's Suggestions) on each
            bundled article named by its id (kyiv-post, ...) or on each .txt
            FILE (an own article: id from its text, title from its name), and
            writes every suggestion accepted as News Annotator JSON to stdout,
            or to FILE with --out: quotes, claims and mentions as annotations,
            each quote's or claim's speaker as its `source` link. Prints one
            line per input to stderr (to stdout with --out): ok NAME: N
            quotes, M claims, K mentions.
            With --score, reads a JSONL of labelled paragraphs (id, text,
            registry, quotes, claims, mentions; code points, end
            exclusive), runs the engine on each text and prints precision and
            recall per kind (exact, and by overlap), then the bars: quotes of
            5+ words, their speakers, and registry mentions.
  first-screen
            Prints the HTML of the app's first screen on a first visit (the
            first bundled article open, no annotations): the build writes it
            into dist/index.html, so the article shows before the app loads.

Options:
  --to FORMAT     The format to write: native, w3c, doccano, label-studio,
                  brat, spacy, spacy-tuples, prodigy, conll, csv.
  --lf            With --to brat: write each .txt with LF line ends (every
                  CRLF and lone CR an LF) and count the offsets in that text,
                  as brat's server reads .txt files with universal newlines.
                  Without it the .txt is the exact text, and in brat itself
                  every offset after a CRLF is one off.
  --out DIR|FILE  convert: the directory to write into (made if missing);
                  merge and suggest: the file to write.
  --score FILE    suggest: score the engine on a labelled JSONL FILE.
  --exercise FILE class: the exercise, the teacher's copy (with the key)
                  for class-table.csv.
  --articles DIR  Also read against every DIR/<id>.txt (UTF-8): an article
                  with id and title <id>. The five bundled articles are always
                  there.
  --labels MAP    What other tools' labels become: NAME=TARGET pairs joined
                  by commas, TARGET one of claim, quote, person, organization,
                  place, other, skip (PER=person,DATE=skip). Without it, and
                  for names it leaves out, the defaults apply: ours, CoNLL
                  (PER, ORG, LOC, MISC), OntoNotes and spaCy (PERSON, ORG, GPE,
                  LOC, FAC, NORP, EVENT, ...; DATE, MONEY and other numbers are
                  skipped). A skipped label is listed with its count.
  --text-field NAME
                  Label Studio: the task data's field that holds the text,
                  when several fields fit the spans (a warning names them;
                  without this option the first one is read). A task where
                  NAME does not fit is read from its own field.
  -h, --help      Prints this text.

Inputs may be in any format the app imports: News Annotator JSON, W3C Web
Annotation JSON-LD, doccano JSONL, Label Studio JSON, spaCy and Prodigy JSONL,
CoNLL / IOB, brat (.ann, or a zip of .txt and .ann files); the format is told
from the content. An annotation whose
text is no longer at its offsets is found again by its text and context, or
reported as not found and left out. A text that is not among the articles (a
doccano, Label Studio, spaCy, CoNLL or brat corpus) becomes an article of its
own, with an id made from its hash, so no --articles is needed. Each output
holds the articles that have annotations in it, and each format's offsets are
in the unit it states (Unicode code points for all but CoNLL, which has none).

Exit status: 0 when every input was read; 1 when an input could not be read
(validate still checks the others; convert and merge then write nothing;
class writes its tables from the submissions it could read); 2 for a usage
error.
";

/// A command line, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `--help`: print [`USAGE`].
    Help,
    /// Convert each file into `out` (a directory).
    Convert {
        /// The format to write.
        to: Format,
        /// How to write it (`--lf`).
        options: ExportOptions,
        /// The directory to write into; `None` for the current one.
        out: Option<String>,
        /// A directory of `<id>.txt` articles.
        articles: Option<String>,
        /// What foreign labels become (`--labels`), and a Label Studio file's text field
        /// (`--text-field`).
        reading: ImportOptions,
        /// The inputs.
        files: Vec<String>,
    },
    /// Check each file.
    Validate {
        /// A directory of `<id>.txt` articles.
        articles: Option<String>,
        /// What foreign labels become (`--labels`), and a Label Studio file's text field
        /// (`--text-field`).
        reading: ImportOptions,
        /// The inputs.
        files: Vec<String>,
    },
    /// Compare the submissions for an exercise; write the tables into `out` (a directory).
    Class {
        /// The exercise file.
        exercise: String,
        /// The directory to write into; `None` for the current one.
        out: Option<String>,
        /// A directory of `<id>.txt` articles.
        articles: Option<String>,
        /// The submissions.
        files: Vec<String>,
    },
    /// `first-screen`: print the first visit's screen as HTML.
    FirstScreen,
    /// Suggest annotations for articles (by id) and text files.
    Suggest {
        /// The file to write; `None` for stdout.
        out: Option<String>,
        /// A directory of `<id>.txt` articles.
        articles: Option<String>,
        /// Article ids and text files, as given.
        targets: Vec<String>,
    },
    /// Score the suggestion engine on a labelled JSONL file.
    Score {
        /// The labelled file.
        gold: String,
    },
    /// Merge all files into `out` (a file).
    Merge {
        /// The format to write.
        to: Format,
        /// How to write it (`--lf`).
        options: ExportOptions,
        /// The file to write.
        out: String,
        /// A directory of `<id>.txt` articles.
        articles: Option<String>,
        /// What foreign labels become (`--labels`), and a Label Studio file's text field
        /// (`--text-field`).
        reading: ImportOptions,
        /// The inputs.
        files: Vec<String>,
    },
}

/// Reads the arguments after the program name; `Err` is a usage error, in words.
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut rest = args.iter();
    let command = match rest.next().map(String::as_str) {
        None => {
            return Err(
                "no command given (convert, validate, merge, class, suggest or first-screen)"
                    .into(),
            )
        }
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("first-screen") => {
            return match rest.next().map(String::as_str) {
                None => Ok(Command::FirstScreen),
                Some("-h" | "--help") => Ok(Command::Help),
                Some(other) => Err(format!("first-screen takes no arguments (got {other})")),
            }
        }
        Some(c @ ("convert" | "validate" | "merge" | "class" | "suggest")) => c,
        Some(other) => {
            return Err(format!(
                "unknown command \"{other}\" (the commands are convert, validate, merge, class, \
                 suggest and first-screen)"
            ))
        }
    };
    let mut to = None;
    let mut out = None;
    let mut articles = None;
    let mut exercise = None;
    let mut gold = None;
    let mut labels = None;
    let mut text_field = None;
    let mut lf = false;
    let mut files = Vec::new();
    let mut only_files = false;
    while let Some(arg) = rest.next() {
        if only_files || !arg.starts_with('-') {
            files.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let mut value = |slot: &mut Option<String>| -> Result<(), String> {
            let v = match inline.clone() {
                Some(v) => v,
                None => rest
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))?,
            };
            if slot.replace(v).is_some() {
                return Err(format!("{name} is given twice"));
            }
            Ok(())
        };
        match name {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--to" if !matches!(command, "validate" | "class" | "suggest") => value(&mut to)?,
            "--score" if command == "suggest" => value(&mut gold)?,
            "--lf" if !matches!(command, "validate" | "class" | "suggest") => {
                if inline.is_some() {
                    return Err("--lf takes no value".into());
                }
                lf = true;
            }
            "--exercise" if command == "class" => value(&mut exercise)?,
            "--out" if command != "validate" => value(&mut out)?,
            "--articles" => value(&mut articles)?,
            "--labels" if !matches!(command, "class" | "suggest") => value(&mut labels)?,
            "--text-field" if !matches!(command, "class" | "suggest") => value(&mut text_field)?,
            _ => return Err(format!("{command} has no option {name}")),
        }
    }
    if command == "suggest" {
        return match (gold, files.is_empty()) {
            (Some(gold), true) if out.is_none() && articles.is_none() => {
                Ok(Command::Score { gold })
            }
            (Some(_), _) => Err("suggest --score takes only the labelled FILE".into()),
            (None, true) => Err("suggest needs at least one FILE or article id".into()),
            (None, false) => Ok(Command::Suggest {
                out,
                articles,
                targets: files,
            }),
        };
    }
    if files.is_empty() {
        return Err(format!("{command} needs at least one FILE"));
    }
    let format = |to: Option<String>| -> Result<Format, String> {
        let key = to.ok_or_else(|| format!("{command} needs --to FORMAT"))?;
        Format::from_key(&key).ok_or_else(|| {
            let keys: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
            format!(
                "\"{key}\" is not a format; the formats are {}",
                keys.join(", ")
            )
        })
    };
    let reading = ImportOptions {
        labels: LabelMap::parse(labels.as_deref().unwrap_or_default())?,
        text_field,
    };
    let options = ExportOptions { lf_line_ends: lf };
    let format = |to: Option<String>| -> Result<Format, String> {
        let format = format(to)?;
        if lf && format != Format::Brat {
            return Err(format!(
                "--lf is for --to brat (it writes brat's .txt files with LF line ends), not for \
                 --to {}",
                format.key()
            ));
        }
        Ok(format)
    };
    Ok(match command {
        "validate" => Command::Validate {
            articles,
            reading,
            files,
        },
        "class" => Command::Class {
            exercise: exercise.ok_or("class needs --exercise FILE")?,
            out,
            articles,
            files,
        },
        "merge" => Command::Merge {
            to: format(to)?,
            options,
            out: out.ok_or("merge needs --out FILE")?,
            articles,
            reading,
            files,
        },
        _ => Command::Convert {
            to: format(to)?,
            options,
            out,
            articles,
            reading,
            files,
        },
    })
}

#[cfg(test)]
#[path = "../../tests/batch_args.rs"]
mod tests;
