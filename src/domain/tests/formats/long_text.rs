//! Regression tests: files with many spans far into a long text are read in time linear in their size.
//! The readers cut each span's text and context from the file's copy of the text by walking it from
//! its start (W3C, doccano, Label Studio), and Label Studio converted UTF-16 offsets the same way, so
//! 5,000 spans at the end of a 1.6-million-character text took minutes.

use crate::domain::files::formats::ImportOptions;

use crate::domain::files::formats::{detect, docs, export, Format, Incoming, Scope};
use crate::domain::fixtures::ann;
use crate::domain::model::article::Article;
use crate::domain::model::names::Label;
use crate::domain::model::time::Timestamp;
use crate::domain::state::workspace::{Action, Workspace};
use serde_json::Value;

const NOW: Timestamp = Timestamp(1_795_514_400_000);

/// Far more than a linear read takes (in baselines, `crate::domain::timing`); the old reads took
/// minutes.
const BOUND: f64 = 40.0;

/// An article of 1.6 million code points (a flag in every 8), with 5,000 quotes of "Kyiv"
/// in its last tenth.
fn workspace() -> Workspace {
    let text = "Kyiv 🇺🇦 ".repeat(200_000);
    let mut ws = Workspace::new(vec![Article::new("long", "Long", text)]);
    let annotations = (0..5_000)
        .map(|i| {
            let start = 8 * (180_000 + i * 3);
            ann(&format!("q{i}"), "long", start, start + 4, Label::Quote)
        })
        .collect();
    let import = Action::Import {
        articles: Vec::new(),
        entities: Vec::new(),
        annotations,
        replace: false,
    };
    ws.apply(import).unwrap();
    ws
}

/// Offsets of Label Studio's spans (`value.start`, `value.end` beside `labels`) in UTF-16 code units
/// of `text`, as some Label Studio versions write them.
pub fn utf16_offsets(value: &mut Value, text: &str) {
    let mut units = vec![0_u64];
    for c in text.chars() {
        units.push(units.last().unwrap() + c.len_utf16() as u64);
    }
    fn convert(v: &mut Value, units: &[u64]) {
        match v {
            Value::Object(members) => {
                let span = members.contains_key("labels");
                for (k, x) in members.iter_mut() {
                    match x.as_u64() {
                        Some(n) if span && (k == "start" || k == "end") => {
                            *x = Value::from(units[n as usize]);
                        }
                        _ => convert(x, units),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| convert(i, units)),
            _ => {}
        }
    }
    convert(value, &units);
}

/// Reads `bytes` as `name` against `ws` within [`BOUND`] baselines: every span is "Kyiv".
fn read_in_time(name: &str, bytes: &[u8], ws: &Workspace) -> Incoming {
    let (_, incoming) = crate::domain::timing::within(name, BOUND, || {
        detect::read(name, bytes, ws.articles(), &ImportOptions::default(), NOW).unwrap()
    });
    assert_eq!(incoming.records.len(), 5_000);
    assert!(incoming.records.iter().all(|(_, r)| r.exact == "Kyiv"));
    incoming
}

#[test]
fn many_spans_far_into_a_long_text_are_read_in_linear_time() {
    let ws = workspace();
    let all = docs(&ws, &Scope::everything());
    for (name, format) in [
        ("long.jsonld", Format::W3c),
        ("long.jsonl", Format::Doccano),
        ("long.json", Format::LabelStudio),
    ] {
        read_in_time(name, &export(format, &all, NOW).bytes, &ws);
    }
}

#[test]
fn label_studio_utf16_offsets_far_into_a_long_text_convert_in_linear_time() {
    let ws = workspace();
    let file = export(Format::LabelStudio, &docs(&ws, &Scope::everything()), NOW).bytes;
    let mut value: Value = serde_json::from_slice(&file).unwrap();
    utf16_offsets(&mut value, &ws.articles()[0].text);
    let converted = serde_json::to_string_pretty(&value).unwrap();
    assert_ne!(converted.as_bytes(), &file[..]);
    let incoming = read_in_time("long.json", converted.as_bytes(), &ws);
    assert!(incoming
        .warnings
        .iter()
        .any(|w| w.contains("5000 span(s) had offsets counted in UTF-16")));
}
