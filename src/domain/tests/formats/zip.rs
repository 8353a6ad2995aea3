//! Tests of the zip reader and writer: exact bytes for a small archive, zips made by Python (stored and
//! deflated) read back, round trips, and hostile archives refused in words without a panic. Zips that
//! the `zip` command and Python make in the test itself are in `brat_producers.rs`.

use super::*;

/// `[("a", b"a")]` as Python's `zipfile` would store it, but dated 1980-01-01 and with the UTF-8 flag.
/// The CRC-32 of "a" is 0xE8B7BE43 (zlib.crc32(b"a")).
const ONE_FILE: [u8; 101] = [
    // local header
    0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00, 0x43, 0xbe,
    0xb7, 0xe8, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, b'a', b'a',
    // central directory header
    0x50, 0x4b, 0x01, 0x02, 0x14, 0x00, 0x14, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x21, 0x00,
    0x43, 0xbe, 0xb7, 0xe8, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, b'a',
    // end record: 1 entry, directory of 47 bytes at 32
    0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x2f, 0x00, 0x00, 0x00,
    0x20, 0x00, 0x00, 0x00, 0x00, 0x00,
];

/// Made by Python 3's `zipfile` (ZIP_STORED): a folder `dir/`, `dir/a.txt` holding
/// "Kyiv — “hi”\n" and `ü.ann` (UTF-8 name flag) holding "T1\tPlace 0 4\tKyiv\n".
const PYTHON_STORED: [u8; 324] = [
    0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x39, 0xa6, 0x58, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x64, 0x69,
    0x72, 0x2f, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x39, 0xa6, 0x58,
    0x58, 0xf0, 0x45, 0x06, 0x12, 0x00, 0x00, 0x00, 0x12, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00,
    0x64, 0x69, 0x72, 0x2f, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x4b, 0x79, 0x69, 0x76, 0x20, 0xe2, 0x80,
    0x94, 0x20, 0xe2, 0x80, 0x9c, 0x68, 0x69, 0xe2, 0x80, 0x9d, 0x0a, 0x50, 0x4b, 0x03, 0x04, 0x14,
    0x00, 0x00, 0x08, 0x00, 0x00, 0x05, 0x39, 0xa6, 0x58, 0x14, 0x17, 0xb2, 0x1a, 0x12, 0x00, 0x00,
    0x00, 0x12, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0xc3, 0xbc, 0x2e, 0x61, 0x6e, 0x6e, 0x54,
    0x31, 0x09, 0x50, 0x6c, 0x61, 0x63, 0x65, 0x20, 0x30, 0x20, 0x34, 0x09, 0x4b, 0x79, 0x69, 0x76,
    0x0a, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x39, 0xa6,
    0x58, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x64,
    0x69, 0x72, 0x2f, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,
    0x39, 0xa6, 0x58, 0x58, 0xf0, 0x45, 0x06, 0x12, 0x00, 0x00, 0x00, 0x12, 0x00, 0x00, 0x00, 0x09,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x22, 0x00, 0x00,
    0x00, 0x64, 0x69, 0x72, 0x2f, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03,
    0x14, 0x00, 0x00, 0x08, 0x00, 0x00, 0x05, 0x39, 0xa6, 0x58, 0x14, 0x17, 0xb2, 0x1a, 0x12, 0x00,
    0x00, 0x00, 0x12, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x80, 0x01, 0x5b, 0x00, 0x00, 0x00, 0xc3, 0xbc, 0x2e, 0x61, 0x6e, 0x6e, 0x50, 0x4b,
    0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x03, 0x00, 0x9d, 0x00, 0x00, 0x00, 0x91, 0x00,
    0x00, 0x00, 0x00, 0x00,
];

/// Made by Python 3's `zipfile` (ZIP_DEFLATED): `a.txt` holding 35 times "a".
const PYTHON_DEFLATED: [u8; 113] = [
    0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x05, 0x39, 0xa6, 0x58, 0xbe, 0x0a,
    0x5c, 0x18, 0x05, 0x00, 0x00, 0x00, 0x23, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x61, 0x2e,
    0x74, 0x78, 0x74, 0x4b, 0x4c, 0x24, 0x08, 0x00, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00,
    0x00, 0x00, 0x08, 0x00, 0x05, 0x39, 0xa6, 0x58, 0xbe, 0x0a, 0x5c, 0x18, 0x05, 0x00, 0x00, 0x00,
    0x23, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x05, 0x06, 0x00,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x33, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x00,
    0x00,
];

fn files(list: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
    list.iter()
        .map(|(n, d)| ((*n).to_owned(), d.to_vec()))
        .collect()
}

#[test]
fn a_one_file_archive_has_exactly_the_expected_bytes() {
    assert_eq!(write(&files(&[("a", b"a")])), ONE_FILE);
}

#[test]
fn an_empty_archive_is_just_the_end_record() {
    let bytes = write(&[]);
    assert_eq!(
        bytes,
        [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    );
    assert_eq!(read(&bytes), Ok(vec![]));
}

#[test]
fn a_zip_made_by_python_reads_back_without_its_folder() {
    assert_eq!(
        read(&PYTHON_STORED),
        Ok(files(&[
            ("dir/a.txt", "Kyiv — “hi”\n".as_bytes()),
            ("ü.ann", b"T1\tPlace 0 4\tKyiv\n"),
        ]))
    );
}

#[test]
fn a_deflated_file_is_unpacked() {
    assert_eq!(read(&PYTHON_DEFLATED), Ok(files(&[("a.txt", &[b'a'; 35])])));
}

#[test]
fn a_file_compressed_another_way_is_refused_by_name_with_what_to_do() {
    // Method 12 (bzip2), which this app does not unpack.
    let mut bytes = PYTHON_DEFLATED;
    bytes[8] = 12;
    bytes[40 + 10] = 12;
    assert_eq!(
        read(&bytes),
        Err(
            "a.txt is compressed in a way this app cannot unpack (it reads stored and deflated \
             files, as zip tools make by default); unzip the files and load the .ann files one by one"
                .into()
        )
    );
}

#[test]
fn files_round_trip_in_order_with_utf8_names() {
    let list = files(&[
        ("kyiv-post.txt", "🇺🇦 Kyiv — “quoted”\r\n".as_bytes()),
        ("kyiv-post.ann", b"T1\tPlace 3 7\tKyiv\n"),
        ("empty.ann", b""),
        ("dir/ü ñ 中文.txt", &[0, 255, 1, 254]),
    ]);
    let bytes = write(&list);
    assert_eq!(read(&bytes), Ok(list));
    // The UTF-8 flag is set in the local header of every file.
    assert_eq!(bytes[6..8], [0x00, 0x08]);
}

#[test]
fn a_changed_byte_fails_the_checksum() {
    let mut bytes = write(&files(&[("a.ann", b"T1\tPlace 0 4\tKyiv\n")]));
    bytes[30 + 5 + 3] ^= 1;
    assert_eq!(
        read(&bytes),
        Err("a.ann is damaged: its checksum does not match its content".into())
    );
}

#[test]
fn cut_and_broken_archives_are_refused_in_words() {
    let bytes = write(&files(&[("a.ann", b"T1\tPlace 0 4\tKyiv\n")]));
    assert_eq!(
        read(&bytes[..bytes.len() - 1]),
        Err(
            "this zip file is damaged or cut short (its directory is cut short); make it again \
             and load it again"
                .into()
        )
    );
    for cut in [
        &bytes[..40],
        b"",
        b"PK\x03\x04",
        b"PK\x03\x04 and then some text",
    ] {
        assert_eq!(
            read(cut),
            Err(
                "this zip file is damaged or cut short (it has no end record that fits the file); \
                 make it again and load it again"
                    .into()
            )
        );
    }
}

#[test]
fn sizes_and_offsets_past_the_buffer_are_refused() {
    let good = write(&files(&[("a.ann", b"T1\tPlace 0 4\tKyiv\n")]));
    let central = 30 + 5 + 18;
    let end = good.len() - 22;
    let patched = |at: usize, value: u32| {
        let mut b = good.clone();
        b[at..at + 4].copy_from_slice(&value.to_le_bytes());
        b
    };
    // A huge size in the central directory (both sizes, so they agree): only the bytes there are
    // read, and they are not the file.
    let mut huge = patched(central + 20, 0x7fff_ffff);
    huge[central + 24..central + 28].copy_from_slice(&0x7fff_ffffu32.to_le_bytes());
    assert_eq!(
        read(&huge),
        Err("a.ann is damaged: its checksum does not match its content".into())
    );
    // A local header offset far past the end.
    assert!(read(&patched(central + 42, 0xffff_fff0))
        .unwrap_err()
        .contains("it has no end record that fits the file"));
    // A central directory offset past the end, and the ZIP64 marker without a ZIP64 record.
    for at in [0x7fff_0000, u32::MAX] {
        assert_eq!(
            read(&patched(end + 16, at)),
            Err(
                "this zip file is damaged or cut short (its directory is broken: Invalid CDFH \
                 offset in EOCD); make it again and load it again"
                    .into()
            )
        );
    }
}

/// A zip of `names`, each a directory entry pointing at the one deflated file of `size` × "x".
fn bomb(names: &[&str], size: usize) -> Vec<u8> {
    use ::zip::write::{SimpleFileOptions, ZipWriter};
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    zip.start_file(names[0], options).unwrap();
    std::io::Write::write_all(&mut zip, &vec![b'x'; size]).unwrap();
    let one = zip.finish().unwrap().into_inner();
    // The one central directory header, copied under each name (all of the first one's length).
    let dir = u32::from_le_bytes(one[one.len() - 6..one.len() - 2].try_into().unwrap()) as usize;
    let header = &one[dir..one.len() - 22];
    let mut out = one[..dir].to_vec();
    for name in names {
        assert_eq!(name.len(), names[0].len());
        out.extend_from_slice(&header[..46]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&header[46 + name.len()..]);
    }
    let count = (names.len() as u16).to_le_bytes();
    let dir_len = ((out.len() - dir) as u32).to_le_bytes();
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&[count[0], count[1], count[0], count[1]]);
    out.extend_from_slice(&dir_len);
    out.extend_from_slice(&(dir as u32).to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[test]
fn what_a_zip_unpacks_to_is_capped_however_small_the_zip() {
    // Three entries of 100,000 bytes from one deflated stream of a few hundred bytes.
    let bytes = bomb(&["a.txt", "b.txt", "c.txt"], 100_000);
    assert!(bytes.len() < 2_000, "{} bytes", bytes.len());
    let unpacked = unpack(&bytes, 300_000).unwrap();
    assert_eq!(unpacked.len(), 3);
    assert!(unpacked
        .iter()
        .all(|(_, data)| data == &vec![b'x'; 100_000]));
    assert_eq!(
        unpack(&bytes, 299_999),
        Err(
            "the files in this zip come to more than 0 MiB, more than this app reads at once; \
             load fewer at a time"
                .into()
        )
    );
    // One file alone larger than the cap.
    assert!(unpack(&bomb(&["a.txt"], 100_000), 99_999).is_err());
    // The cap the app uses, and an archive larger than it.
    assert_eq!(read(&bytes).map(|f| f.len()), Ok(3));
    let mut big = write(&files(&[("a.txt", b"x")]));
    big.resize(MAX_UNPACKED + 1, 0);
    assert_eq!(
        read(&big),
        Err(
            "the files in this zip come to more than 64 MiB, more than this app reads at once; \
             load fewer at a time"
                .into()
        )
    );
}

#[test]
fn folders_are_left_out_and_backslashes_read_as_slashes() {
    let bytes = write(&files(&[
        ("brat/", b""),
        ("brat\\a.ann", b"x"),
        ("brat\\sub\\", b""),
    ]));
    assert_eq!(read(&bytes), Ok(files(&[("brat/a.ann", b"x")])));
}

#[test]
fn a_name_listed_twice_is_read_once_with_the_last_content() {
    let bytes = write(&files(&[("a.txt", b"1"), ("b.txt", b"2"), ("a.txt", b"3")]));
    assert_eq!(read(&bytes), Ok(files(&[("a.txt", b"3"), ("b.txt", b"2")])));
}

#[test]
fn an_encrypted_file_is_refused_by_name() {
    let mut bytes = write(&files(&[("secret.ann", b"x")]));
    let central = 30 + 10 + 1;
    bytes[central + 8] |= 1;
    assert_eq!(
        read(&bytes),
        Err("secret.ann is encrypted; unzip the files and load the .ann files one by one".into())
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_files_round_trip(
            named in proptest::collection::btree_map(
                "[a-zA-Z0-9ü中🙂 ._-]{0,19}[a-zA-Z0-9ü中🙂 ._-]",
                proptest::collection::vec(any::<u8>(), 0..200),
                0..6,
            )
        ) {
            let list: Vec<(String, Vec<u8>)> = named.into_iter().collect();
            prop_assert_eq!(read(&write(&list)), Ok(list));
        }

        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read(&bytes);
        }

        #[test]
        fn any_damage_to_a_real_archive_reads_without_panic(
            at in 0usize..200,
            value in any::<u8>(),
            cut in 0usize..200,
        ) {
            let mut bytes = write(&[
                ("fixture.txt".to_owned(), "🇺🇦 Kyiv\n".as_bytes().to_vec()),
                ("fixture.ann".to_owned(), b"T1\tPlace 3 7\tKyiv\n".to_vec()),
            ]);
            let len = bytes.len();
            bytes[at % len] = value;
            bytes.truncate(len - cut % len);
            let _ = read(&bytes);
        }
    }
}
