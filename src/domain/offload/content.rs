//! A loaded file's content as a job carries it to the web worker.

use serde::{Deserialize, Serialize};

/// A loaded file's content on its way to the worker: its bytes, or, for a file the person picked or
/// dropped (which may be large), the address of the browser's own copy (`URL.createObjectURL`), which
/// the worker reads itself, so that the page never copies it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileContent {
    /// The bytes themselves.
    Bytes(#[serde(with = "serde_bytes")] Vec<u8>),
    /// The browser's copy.
    Kept {
        /// Its `blob:` address.
        url: String,
        /// Its size in bytes.
        size: usize,
    },
    /// Files picked or dropped together (a folder's, with their paths): brat's `.txt` and `.ann`
    /// pairs. Each is `Bytes` or `Kept`.
    Files(Vec<(String, FileContent)>),
}

impl FileContent {
    /// The size in bytes.
    pub fn size(&self) -> usize {
        match self {
            FileContent::Bytes(bytes) => bytes.len(),
            FileContent::Kept { size, .. } => *size,
            FileContent::Files(files) => files.iter().map(|(_, f)| f.size()).sum(),
        }
    }

    /// The `blob:` addresses of the browser's copies it names.
    pub fn kept_urls(&self) -> Vec<&str> {
        match self {
            FileContent::Bytes(_) => Vec::new(),
            FileContent::Kept { url, .. } => vec![url.as_str()],
            FileContent::Files(files) => files.iter().flat_map(|(_, f)| f.kept_urls()).collect(),
        }
    }

    /// The copies it names in the browser (`Kept`), each to be fetched as `Bytes` by the worker.
    pub fn kept_mut(&mut self) -> Vec<&mut FileContent> {
        match self {
            FileContent::Bytes(_) => Vec::new(),
            FileContent::Kept { .. } => vec![self],
            FileContent::Files(files) => files.iter_mut().flat_map(|(_, f)| f.kept_mut()).collect(),
        }
    }

    /// The name and bytes of each of `Files`, once every one is `Bytes`; `None` otherwise.
    pub(super) fn into_files(self) -> Option<Vec<(String, Vec<u8>)>> {
        let FileContent::Files(files) = self else {
            return None;
        };
        let bytes = |(name, f)| match f {
            FileContent::Bytes(bytes) => Some((name, bytes)),
            _ => None,
        };
        files.into_iter().map(bytes).collect()
    }
}
