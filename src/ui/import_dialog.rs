//! The preview shown before a loaded file changes anything: what it holds, and merge or replace.

use crate::domain::files::formats::labels::{target_name, target_named, LabelUse, TARGETS};
use crate::domain::state::saving::ImportRefusal;
use crate::domain::state::session::{PendingImport, SessionAction};
use crate::ui::bridge::{Dispatch, SessionView};
use crate::web::saving;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What [`import_dialog`] shows.
pub struct ImportDialogProps {
    /// The parsed file and its plan.
    pub import: Rc<PendingImport>,
    /// Whether the file is being read again after a label was mapped otherwise.
    pub rereading: bool,
    /// Why storage refused the import, when it did.
    pub refused: Option<ImportRefusal>,
    /// The session, to try the import in storage before it is carried out.
    pub session: SessionView,
}

/// Carries out the import (merged, or replacing) once storage has taken the state it leaves; when the
/// browser's storage is full, says so, offers a part that fits, and changes nothing.
fn confirm(session: &SessionView, dispatch: &Dispatch, replace: bool) -> Callback<MouseEvent> {
    let session = session.clone();
    dispatch.reform(move |_: MouseEvent| {
        match session.read().map(|s| saving::try_importing(&s, replace)) {
            Some(Err(refusal)) => SessionAction::RefuseImport(refusal),
            _ => SessionAction::ConfirmImport { replace },
        }
    })
}

/// Why storage refused the import, and the part of it that would fit, to keep with one click.
fn refusal(refused: &ImportRefusal, brought: usize, dispatch: &Dispatch) -> Html {
    let offer = refused.fitting.map(|count| {
        let onclick = dispatch.reform(move |_: MouseEvent| SessionAction::KeepFirstTexts(count));
        html! {
            <button data-testid="import-subset" {onclick}>
                {format!("Keep only the first {count} of the {brought} texts")}
            </button>
        }
    });
    let advice = if offer.is_some() {
        "Keep a part of the texts, which fits, then merge again; or download your work and remove \
         articles you added."
    } else {
        "Load a smaller part of the file, or download your work and remove articles you added."
    };
    html! {
        <div class="refused" role="alert" data-testid="import-refused">
            <p>{&refused.message}</p>
            <p>{advice}</p>
            {for offer}
        </div>
    }
}

/// The words for each target of [`TARGETS`] in the label picker.
fn target_words(name: &str) -> &str {
    match name {
        "other" => "other entity",
        "skip" => "left out",
        name => name,
    }
}

/// One of the file's labels: its name and count, and a picker of what it becomes.
fn label_row(used: &LabelUse, dispatch: &Dispatch) -> Html {
    let name = used.name.clone();
    let onchange = dispatch.reform(move |e: Event| {
        let picked = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
        let to = picked.as_deref().and_then(target_named).flatten();
        SessionAction::MapLabel {
            name: name.clone(),
            to,
        }
    });
    let chosen = target_name(used.to);
    let spans = if used.count == 1 { "span" } else { "spans" };
    html! {
        <li>
            {format!("{} ({} {spans}) → ", used.name, used.count)}
            <select data-label={used.name.clone()} aria-label={format!("What “{}” becomes", used.name)} {onchange}>
                {for TARGETS.iter().map(|(target, _)| html! {
                    <option value={*target} selected={*target == chosen}>{target_words(target)}</option>
                })}
            </select>
        </li>
    }
}

/// The picker of a Label Studio file's text field, shown when several of its tasks' fields hold the
/// text of their spans; a change reads the file again with the field picked.
fn text_field_picker(import: &PendingImport, dispatch: &Dispatch) -> Html {
    let fields = &import.plan.text_fields;
    let chosen = import.text_field.as_ref().or(fields.first());
    let onchange = dispatch.reform(|e: Event| {
        let picked = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
        SessionAction::PickTextField(picked.unwrap_or_default())
    });
    html! {
        <p data-testid="import-text-fields">
            <label>{"Text field "}
                <select data-testid="import-text-field" {onchange}>
                    {for fields.iter().map(|f| html! {
                        <option value={f.clone()} selected={Some(f) == chosen}>{f}</option>
                    })}
                </select>
            </label>
            <span class="meta">{" Several fields of the tasks hold the text of their spans: pick the text."}</span>
        </p>
    }
}

/// The import preview dialog.
pub fn import_dialog(props: &ImportDialogProps, dispatch: &Dispatch) -> Html {
    let plan = &props.import.plan;
    let merge = confirm(&props.session, dispatch, false);
    let replace = confirm(&props.session, dispatch, true);
    let cancel = dispatch.reform(|_: MouseEvent| SessionAction::CancelImport);
    let list = |title: &str, lines: &[String], testid: &'static str| {
        (!lines.is_empty()).then(|| {
            html! {
                <details data-testid={testid}>
                    <summary>{format!("{title} ({})", lines.len())}</summary>
                    <ul>{for lines.iter().map(|l| html! { <li>{l}</li> })}</ul>
                </details>
            }
        })
    };
    html! {
        <div class="backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-preview">
                <h2 id="import-title">{format!("Load {} ({})", props.import.file_name, plan.format.title())}</h2>
                <p data-testid="import-summary">
                    {format!("The file holds {} annotation(s): {} new, {} already here, {} in conflict with yours.",
                        plan.total, plan.new, plan.present, plan.conflicts)}
                </p>
                if plan.entities_total > 0 {
                    <p data-testid="import-entities">
                        {format!("It holds {} registry entr{}: {} new, {} already here, {} in conflict with yours.",
                            plan.entities_total, if plan.entities_total == 1 { "y" } else { "ies" },
                            plan.new_entities, plan.present_entities, plan.entity_conflicts)}
                    </p>
                }
                if plan.text_fields.len() > 1 {
                    {text_field_picker(&props.import, dispatch)}
                }
                {for list("Your own articles it brings (added with their text)", &plan.added_articles, "import-articles")}
                if !plan.labels.is_empty() {
                    <details open=true data-testid="import-labels">
                        <summary>{format!("Its labels, and what each becomes here ({})", plan.labels.len())}</summary>
                        <ul>{for plan.labels.iter().map(|used| label_row(used, dispatch))}</ul>
                        <p class="meta">{"A label left out is skipped. Your choices are kept for the next import."}</p>
                    </details>
                }
                {for props.refused.as_ref().map(|r| refusal(r, plan.added_count(), dispatch))}
                if props.rereading {
                    <p data-testid="import-rereading" role="status">{"Reading the file again with your choice…"}</p>
                }
                {for list("Articles that differ from the file's", &plan.warnings, "import-warnings")}
                {for list("Links or registry references to something neither here nor in the file (left out)", &plan.links_cut, "import-links-cut")}
                {for list("Found at another place in the text (re-anchored by their text)", &plan.reanchored, "import-reanchored")}
                {for list("Not found in the text (these will not be loaded)", &plan.not_found, "import-not-found")}
                <p class="meta">{"Merge adds the new ones; where the same annotation was changed in both, the \
                    later change wins. Replace removes every current annotation first. Both can be undone."}</p>
                <div class="buttons">
                    <button data-testid="import-merge" class="primary" onclick={merge} disabled={props.rereading}>{"Merge"}</button>
                    <button data-testid="import-replace" onclick={replace} disabled={props.rereading}>{"Replace all"}</button>
                    <button data-testid="import-cancel" onclick={cancel}>{"Cancel"}</button>
                </div>
            </div>
        </div>
    }
}
