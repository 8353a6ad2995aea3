//! Zip archives without compression: enough to write the brat export and read it (or a zip of the
//! same kind) back.
//!
//! [`write`] stores every file as is (method 0, "stored"), with its CRC-32, a local header, the
//! central directory and the end record; names are UTF-8 (flag bit 11) and every file is dated
//! 1980-01-01 00:00, the earliest DOS time, so the same files always give the same bytes. There is no
//! ZIP64: at most 65,535 files of under 4 GiB each, far beyond an export.
//!
//! [`read`] walks the central directory and accepts stored files only: a compressed (deflated) or
//! encrypted file is refused by name, with what to do instead. Every size and offset is checked
//! against the buffer before use, and the files together may not hold more bytes than the archive
//! itself (stored files cannot), so a hostile archive can neither make the reader panic nor make it
//! allocate more than the input's size. Offsets here are byte offsets into the archive, as the zip
//! format defines them; the text inside is not looked at.

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
/// Bytes of a local header before the name.
const LOCAL_LEN: usize = 30;
/// Bytes of a central directory header before the name.
const CENTRAL_LEN: usize = 46;
/// Bytes of the end record without its comment.
const END_LEN: usize = 22;

/// The CRC-32 (IEEE 802.3, as zip, gzip and PNG use) of `data`, computed bit by bit: no table, so
/// nothing to store in the wasm, and fast enough for an article a millisecond at a time.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A zip archive of `files` (name, content), in this order, all stored without compression.
pub fn write(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len();
        let crc = crc32(data);
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

/// The files of a zip archive (name, content) in central directory order, folders left out.
///
/// Errors say what is wrong in words: a damaged or cut archive, a compressed or encrypted file (by
/// name), a checksum that does not match.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let end = find_end(bytes).ok_or_else(|| damaged("it has no end record"))?;
    let count = usize::from(le16(bytes, end + 10).ok_or_else(|| damaged("its end record is cut"))?);
    let dir_size = le32(bytes, end + 12).ok_or_else(|| damaged("its end record is cut"))?;
    let dir_offset = le32(bytes, end + 16).ok_or_else(|| damaged("its end record is cut"))?;
    if dir_size == u32::MAX || dir_offset == u32::MAX {
        return Err("this zip is in the ZIP64 form, which this app cannot read".into());
    }
    let mut at = dir_offset as usize;
    if at.saturating_add(dir_size as usize) > end {
        return Err(damaged("its central directory lies outside the file"));
    }
    let mut files = Vec::new();
    let mut total = 0usize;
    for _ in 0..count {
        let entry = central_entry(bytes, at)?;
        at = entry.next;
        let Some(name) = bytes.get(entry.name.clone()) else {
            return Err(damaged("a file name lies outside the file"));
        };
        let name = String::from_utf8_lossy(name).into_owned();
        if name.ends_with('/') && entry.size == 0 {
            continue;
        }
        let data = entry_data(bytes, &entry, &name)?;
        total = total.saturating_add(data.len());
        if total > bytes.len() {
            return Err(damaged("its files overlap"));
        }
        files.push((name, data.to_vec()));
    }
    Ok(files)
}

/// One central directory header, its fields checked and turned into positions.
struct Entry {
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    local: usize,
    name: std::ops::Range<usize>,
    next: usize,
}

/// The central directory header at `at`.
fn central_entry(bytes: &[u8], at: usize) -> Result<Entry, String> {
    let cut = || damaged("its central directory is cut short");
    if le32(bytes, at) != Some(CENTRAL) {
        return Err(damaged("its central directory is broken"));
    }
    let field16 = |offset: usize| le16(bytes, at.saturating_add(offset)).ok_or_else(cut);
    let field32 = |offset: usize| le32(bytes, at.saturating_add(offset)).ok_or_else(cut);
    let name_len = usize::from(field16(28)?);
    let extra_len = usize::from(field16(30)?);
    let comment_len = usize::from(field16(32)?);
    let name_start = at.saturating_add(CENTRAL_LEN);
    let next = name_start.saturating_add(name_len + extra_len + comment_len);
    if next > bytes.len() {
        return Err(cut());
    }
    Ok(Entry {
        flags: field16(8)?,
        method: field16(10)?,
        crc: field32(16)?,
        compressed: field32(20)?,
        size: field32(24)?,
        local: field32(42)? as usize,
        name: name_start..name_start + name_len,
        next,
    })
}

/// The content of `entry`, after its local header; refused when compressed, encrypted or damaged.
fn entry_data<'a>(bytes: &'a [u8], entry: &Entry, name: &str) -> Result<&'a [u8], String> {
    if entry.flags & 1 != 0 {
        return Err(format!(
            "{name} is encrypted; unzip the files and load the .ann files one by one"
        ));
    }
    if entry.method != 0 {
        return Err(format!(
            "{name} is compressed, and this app reads only zips whose files are stored as they \
             are (as its own brat export is); unzip the files and load the .ann files one by one"
        ));
    }
    if entry.size == u32::MAX || entry.compressed == u32::MAX {
        return Err(format!(
            "{name} is in the ZIP64 form, which this app cannot read"
        ));
    }
    if entry.compressed != entry.size {
        return Err(damaged(&format!("{name} has two different sizes")));
    }
    let cut = || damaged(&format!("{name} lies outside the file"));
    if le32(bytes, entry.local) != Some(LOCAL) {
        return Err(damaged(&format!("the header of {name} is missing")));
    }
    let name_len = usize::from(le16(bytes, entry.local.saturating_add(26)).ok_or_else(cut)?);
    let extra_len = usize::from(le16(bytes, entry.local.saturating_add(28)).ok_or_else(cut)?);
    let start = entry.local.saturating_add(LOCAL_LEN + name_len + extra_len);
    let data = bytes
        .get(start..start.saturating_add(entry.size as usize))
        .ok_or_else(cut)?;
    if crc32(data) != entry.crc {
        return Err(format!(
            "{name} is damaged: its checksum does not match its content"
        ));
    }
    Ok(data)
}

/// Where the end record starts: the last signature that leaves room for the record and its comment.
fn find_end(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(END_LEN)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last).rev().find(|&at| {
        le32(bytes, at) == Some(END)
            && le16(bytes, at + 20).is_some_and(|c| at + END_LEN + usize::from(c) <= bytes.len())
    })
}

/// The message for an archive that cannot be read, with the `detail` of why.
fn damaged(detail: &str) -> String {
    format!("this zip file is damaged or cut short ({detail}); make it again and load it again")
}

/// The little-endian `u16` at `at`, if the buffer holds it.
fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

/// The little-endian `u32` at `at`, if the buffer holds it.
fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

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
#[path = "../tests/formats/zip.rs"]
mod tests;
