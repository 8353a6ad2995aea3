//! Tests of `sha256`.

use super::*;

fn hex(data: impl AsRef<[u8]>) -> String {
    hex_digest(data.as_ref())
}

#[test]
fn fips_180_examples() {
    assert_eq!(
        hex(""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        hex("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    assert_eq!(
        hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    );
    assert_eq!(
        hex("a".repeat(1_000_000)),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
}

#[test]
fn lengths_around_the_padding_edges() {
    // 55 bytes fit the length in the same block, 56 need a second one; 64 is exactly one block.
    for (len, expected) in [
        (
            55,
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
        ),
        (
            56,
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
        ),
        (
            63,
            "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
        ),
        (
            64,
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
        ),
        (
            65,
            "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
        ),
    ] {
        assert_eq!(hex("a".repeat(len)), expected, "{len} bytes");
    }
}

#[test]
fn digest_is_the_bytes_of_the_hex() {
    let bytes = digest(b"abc");
    assert_eq!(bytes[0], 0xba);
    assert_eq!(bytes[31], 0xad);
}

#[test]
fn seed_article_hashes_are_unchanged() {
    // The hashes that `sha256sum seeds/<file>` prints, as the export fixture lists them.
    let fixture = include_str!("../../../tests/fixtures/native-export.json");
    for (text, expected) in [
        (
            include_str!("../../../seeds/000_65abf12ab916bebf.txt"),
            "9bc92496087accbbc85acc1f25da5e8e4fb3d0d1359f4e22a91afdbd3f5326f9",
        ),
        (
            include_str!("../../../seeds/001_066be8eb47512928.txt"),
            "779f980c388c1557cee647642c696bf93b2be0d627befa1f702d9fe6bd1a307e",
        ),
        (
            include_str!("../../../seeds/002_7b1e3c34a99ec616.txt"),
            "0c1aa7ea64258060f6293157f12302604cc952c0f3712d0a5af77b3c5a09665c",
        ),
        (
            include_str!("../../../seeds/003_d5caa7359e3878d4.txt"),
            "0062f305f1fdb4d89ae86653052276f9ef7e862e824a38436a320622e4d29bdf",
        ),
        (
            include_str!("../../../seeds/004_380562526dcc32a4.txt"),
            "ca71f375838f495c10a03794ab25cc9f33a53d416d442199a2e818536ee84527",
        ),
    ] {
        assert_eq!(hex(text), expected);
        assert!(fixture.contains(expected), "{expected} not in the fixture");
    }
}
