//! Files dropped on the page with their folders walked: each file with its path inside what was
//! dropped (`news/x.ann`), through the browser's `webkitGetAsEntry` entries.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

/// The entries of a drop. Take them while the drop event is handled: afterwards they are gone.
pub fn entries(data: &DataTransfer) -> Vec<FileSystemEntry> {
    let items = data.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

/// Whether a folder is among the entries.
pub fn has_folder(entries: &[FileSystemEntry]) -> bool {
    entries.iter().any(FileSystemEntry::is_directory)
}

/// Every file under `entries`, with its path, folders walked in their order, depth first.
pub async fn walk(entries: Vec<FileSystemEntry>) -> Result<Vec<(String, File)>, String> {
    let mut out = Vec::new();
    let mut stack: Vec<FileSystemEntry> = entries.into_iter().rev().collect();
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_owned();
        if entry.is_directory() {
            let children = read_folder(entry.unchecked_ref())
                .await
                .map_err(|e| failed(&path, &e))?;
            stack.extend(children.into_iter().rev());
        } else {
            let file = file_of(entry.unchecked_ref())
                .await
                .map_err(|e| failed(&path, &e))?;
            out.push((path, file));
        }
    }
    Ok(out)
}

/// The message for an entry at `path` that could not be read.
fn failed(path: &str, e: &JsValue) -> String {
    format!("{path} could not be read ({e:?})")
}

/// A callback-taking browser call as a future: `call` gets the success and error callbacks.
async fn called(
    call: impl FnOnce(&Function, &Function) -> Result<(), JsValue>,
) -> Result<JsValue, JsValue> {
    let mut call = Some(call);
    let promise = Promise::new(&mut |ok, fail| {
        if let Some(call) = call.take() {
            if let Err(e) = call(&ok, &fail) {
                let _ = fail.call1(&JsValue::NULL, &e);
            }
        }
    });
    JsFuture::from(promise).await
}

/// Every entry of a folder: its reader gives them in batches until an empty one.
async fn read_folder(folder: &FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, JsValue> {
    let reader = folder.create_reader();
    let mut all = Vec::new();
    loop {
        let batch: Array =
            called(|ok, fail| reader.read_entries_with_callback_and_callback(ok, fail))
                .await?
                .unchecked_into();
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
    }
}

/// The file of a file entry.
async fn file_of(entry: &FileSystemFileEntry) -> Result<File, JsValue> {
    let file = called(|ok, fail| {
        entry.file_with_callback_and_callback(ok, fail);
        Ok(())
    })
    .await?;
    Ok(file.unchecked_into())
}
