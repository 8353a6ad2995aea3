//! Zip archives: [`read`] unpacks any common zip through the `zip` crate; [`write`] makes the brat
//! export.
//!
//! [`read`] takes files stored as they are or deflated, as `zip -r`, Python's `zipfile`, macOS Finder,
//! Windows Explorer and streaming tools (data descriptors) make them, ZIP64 included. Folders are left
//! out and a backslash in a name is read as `/`. An encrypted file, or one compressed another way
//! (bzip2, LZMA, …), is refused by name with what to do instead. The files may unpack to at most
//! [`MAX_UNPACKED`] bytes together, counted while unpacking, so a zip bomb or a false size is refused
//! before it fills the memory.
//!
//! [`write`] stores every file as is (method 0, "stored"), with its CRC-32, a local header, the
//! central directory and the end record; names are UTF-8 (flag bit 11) and every file is dated
//! 1980-01-01 00:00, the earliest DOS time, so the same files always give the same bytes. There is no
//! ZIP64: at most 65,535 files of under 4 GiB each, far beyond an export.

use ::zip::result::ZipError;
use ::zip::ZipArchive;
use std::io::{Cursor, Read};

/// The most bytes the files of one zip may unpack to together (and the largest zip read): 64 MiB,
/// several times a whole workspace's export, whose articles hold at most 5 MiB each.
pub const MAX_UNPACKED: usize = 64 * 1024 * 1024;

/// The signature of a local file header.
const LOCAL: u32 = 0x0403_4b50;
/// The signature of a central directory header.
const CENTRAL: u32 = 0x0201_4b50;
/// The signature of the end of central directory record.
const END: u32 = 0x0605_4b50;
/// Version 2.0, which every unzip tool reads.
const VERSION: u16 = 20;
/// Flag bit 11: the name is UTF-8.
const UTF8_NAME: u16 = 0x0800;
/// 1980-01-01 as a DOS date: year offset 0, month 1, day 1.
const DOS_DATE: u16 = (1 << 5) | 1;

/// A zip archive of `files` (name, content), in this order, all stored without compression.
pub fn write(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len();
        let crc = crc32fast::hash(data);
        let header = |out: &mut Vec<u8>| {
            put16(out, VERSION);
            put16(out, UTF8_NAME);
            put16(out, 0); // method: stored
            put16(out, 0); // time: 00:00:00
            put16(out, DOS_DATE);
            put32(out, crc);
            put32(out, size32(data.len())); // compressed size
            put32(out, size32(data.len())); // uncompressed size
            put16(out, size16(name.len()));
            put16(out, 0); // extra field length
        };
        put32(&mut out, LOCAL);
        header(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, CENTRAL);
        put16(&mut central, VERSION); // made by: MS-DOS, version 2.0
        header(&mut central);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, size32(offset));
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len();
    out.extend_from_slice(&central);
    put32(&mut out, END);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the disk where the central directory starts
    put16(&mut out, size16(files.len()));
    put16(&mut out, size16(files.len()));
    put32(&mut out, size32(central.len()));
    put32(&mut out, size32(central_offset));
    put16(&mut out, 0); // comment length
    out
}

/// The files of a zip archive (name, content) in central directory order, folders left out; of a
/// name listed twice, the last file's content in the first one's place.
///
/// Errors say what is wrong in words: a damaged or cut archive, an encrypted file or one compressed
/// in a way this app does not unpack (by name), a checksum that does not match, too much to unpack.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    unpack(bytes, MAX_UNPACKED)
}

/// [`read`], with the files allowed to unpack to at most `max` bytes together.
fn unpack(bytes: &[u8], max: usize) -> Result<Vec<(String, Vec<u8>)>, String> {
    if bytes.len() > max {
        return Err(too_large(max));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&opening(&e)))?;
    let mut files = Vec::new();
    let mut left = max;
    for index in 0..archive.len() {
        let listed = archive
            .name_for_index(index)
            .unwrap_or_default()
            .replace('\\', "/");
        let mut file = archive
            .by_index(index)
            .map_err(|e| unreadable(&listed, &e))?;
        let name = file_name(file.name_raw(), file.name());
        if name.ends_with('/') {
            continue;
        }
        // One byte past what is left, so that a file that fills it exactly is read to its end (where
        // its checksum is checked), and one that does not fit is seen to overflow.
        let mut data = Vec::new();
        let limit = u64::try_from(left).unwrap_or(u64::MAX).saturating_add(1);
        file.by_ref()
            .take(limit)
            .read_to_end(&mut data)
            .map_err(|e| unpacking(&name, &e))?;
        left = left.checked_sub(data.len()).ok_or_else(|| too_large(max))?;
        files.push((name, data));
    }
    Ok(files)
}

/// The name of a file in the zip: its bytes when they are UTF-8 (as from Linux, macOS and Python,
/// with or without the UTF-8 flag), else as the crate decodes it (code page 437, as old Windows
/// tools write); with `/` for any `\`.
fn file_name(raw: &[u8], decoded: &str) -> String {
    std::str::from_utf8(raw)
        .unwrap_or(decoded)
        .replace('\\', "/")
}

/// Why the crate could not open the archive, in words.
fn opening(error: &ZipError) -> String {
    match error {
        ZipError::InvalidArchive(why) if why == "Could not find EOCD" => {
            "it has no end record that fits the file".into()
        }
        ZipError::InvalidArchive(why) => format!("its directory is broken: {why}"),
        ZipError::UnsupportedArchive(why) => format!("it is of a kind this app cannot read: {why}"),
        ZipError::Io(_) => "its directory is cut short".into(),
        other => other.to_string(),
    }
}

/// The message for the file `name` that cannot be opened: encrypted, compressed another way, or its
/// header damaged.
fn unreadable(name: &str, error: &ZipError) -> String {
    match error {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) => {
            format!("{name} is encrypted; unzip the files and load the .ann files one by one")
        }
        ZipError::UnsupportedArchive(_) => format!(
            "{name} is compressed in a way this app cannot unpack (it reads stored and deflated \
             files, as zip tools make by default); unzip the files and load the .ann files one by one"
        ),
        ZipError::Io(_) => damaged(&format!("{name} lies outside the file")),
        other => damaged(&format!("the header of {name} is broken: {other}")),
    }
}

/// The message for the file `name` whose content failed to unpack.
fn unpacking(name: &str, error: &std::io::Error) -> String {
    if error.to_string().contains("checksum") {
        format!("{name} is damaged: its checksum does not match its content")
    } else {
        damaged(&format!("{name} cannot be unpacked: {error}"))
    }
}

/// The message for an archive that is, or unpacks to, more than `max` bytes.
fn too_large(max: usize) -> String {
    format!(
        "the files in this zip come to more than {} MiB, more than this app reads at once; load \
         fewer at a time",
        max / (1024 * 1024)
    )
}

/// The message for an archive that cannot be read, with the `detail` of why.
fn damaged(detail: &str) -> String {
    format!("this zip file is damaged or cut short ({detail}); make it again and load it again")
}

/// Appends `value`, little-endian.
fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// Appends `value`, little-endian.
fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// A size or offset as the 32 bits zip has for it (larger ones, which no export reaches, saturate).
fn size32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A count or name length as the 16 bits zip has for it (larger ones saturate).
fn size16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
#[path = "../../tests/formats/zip.rs"]
mod tests;
