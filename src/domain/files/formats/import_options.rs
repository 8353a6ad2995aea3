//! What a person decides about reading a file for import, beside the file itself: what other tools'
//! labels become, and which of a Label Studio task's fields is its text.

use super::labels::LabelMap;
use serde::{Deserialize, Serialize};

/// How to read a file for import; the default maps labels by the defaults and leaves the text field
/// to the file. A serde type: it crosses to the web worker inside [`crate::domain::offload::Job`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// What foreign labels become.
    pub labels: LabelMap,
    /// Label Studio: the `data` field that holds each task's text, when several fit (see
    /// [`label_studio`](super::label_studio)); `None` lets the reader choose and say so.
    #[serde(default)]
    pub text_field: Option<String>,
}
