"""What every consumer test shares: the article texts, the input files, and the exports made of them.

scripts/consumers.sh converts two News Annotator files to every format with na-convert, into
target/consumers/ (or $NA_CONSUMERS_DIR), each export named after its input:
- tests/fixtures/native-export.json: six annotations on two of the bundled articles (seeds/), nested
  and overlapping among them;
- tests/consumers/emoji-export.json: twelve on tests/consumers/articles/emoji-news.txt (read with
  `--articles`), whose flag, emojis and skin tone put code points, UTF-16 units and bytes apart, with a
  combining accent, Chinese, curly quotes, CRLF line ends, nested and crossing spans, a note with a
  comma, a double quote and a line break, and links (two quotes said by people, a claim from an
  organisation, a claim from a quote) and claim attributes.
Each test reads an export with the tool people would use and checks its offsets against the article
files, read as UTF-8: Python's str indices count Unicode code points, as our exports do.

A class of checks becomes one TestCase per input through `per_input`.
"""

import json
import os
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXPORTS = Path(os.environ.get("NA_CONSUMERS_DIR", ROOT / "target" / "consumers"))

# Our labels and entity kinds as the tags the foreign formats use (src/domain/files/formats/tags.rs).
TAGS = {
    ("claim", None): "CLAIM",
    ("quote", None): "QUOTE",
    ("entity", "person"): "PERSON",
    ("entity", "organization"): "ORG",
    ("entity", "place"): "LOC",
    ("entity", "other"): "MISC",
}


def read_texts():
    """Article id -> text: the seeds by seeds/manifest.json, then tests/consumers/articles/<id>.txt,
    decoded from UTF-8 and nothing else (line ends kept)."""
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    texts = {
        entry["id"]: (ROOT / "seeds" / entry["file"]).read_bytes().decode("utf-8")
        for entry in manifest
    }
    for path in sorted((HERE / "articles").glob("*.txt")):
        texts[path.stem] = path.read_bytes().decode("utf-8")
    return texts


TEXTS = read_texts()


def binary():
    """na-convert: $NA_CONVERT, else ${CARGO_TARGET_DIR:-target}/release/na-convert (scripts/consumers.sh
    builds it)."""
    if os.environ.get("NA_CONVERT"):
        return Path(os.environ["NA_CONVERT"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", "target"))
    return (target if target.is_absolute() else ROOT / target) / "release" / "na-convert"


class Input:
    """One input file of scripts/consumers.sh and its annotations."""

    def __init__(self, name, path):
        self.name = name
        self.path = path
        self.stem = path.stem
        self.annotations = json.loads(path.read_text(encoding="utf-8"))["annotations"]


INPUTS = [
    Input("Seeds", ROOT / "tests" / "fixtures" / "native-export.json"),
    Input("Emoji", HERE / "emoji-export.json"),
]


# The link between two labels (src/domain/model/attributes.rs, LinkKind::between).
KINDS = {("quote", "entity"): "said_by", ("claim", "entity"): "source", ("claim", "quote"): "from_quote"}


def tag(annotation):
    """The tag of one of our annotations: CLAIM, QUOTE, PERSON, ORG, LOC or MISC."""
    return TAGS[(annotation["label"], annotation["kind"])]


def one_layer(annotations):
    """The spans a format without overlaps keeps: by start, the longer first, each kept only if it
    overlaps no span kept before ("the earlier span wins, then the longer")."""
    kept = []
    for a in sorted(annotations, key=lambda a: (a["start"], -a["end"])):
        if all(a["end"] <= k["start"] or a["start"] >= k["end"] for k in kept):
            kept.append(a)
    return kept


def article_of(text):
    """The id of the article whose text is exactly `text`, or None."""
    return next((id for id, known in TEXTS.items() if known == text), None)


def per_input(checks):
    """One TestCase per input for the check methods of `checks`: <Name>Seeds, <Name>Emoji."""
    return [
        type(
            f"{checks.__name__}{i.name}",
            (checks, unittest.TestCase),
            {"input": i, "__module__": checks.__module__},
        )
        for i in INPUTS
    ]


class ExportTest:
    """Helpers for checks of one export of `self.input` (set by `per_input`)."""

    maxDiff = None
    input = None

    @property
    def annotations(self):
        return self.input.annotations

    def expected_spans(self):
        """{(article, start, end, tag)} of the input file."""
        return {(a["article"], a["start"], a["end"], tag(a)) for a in self.annotations}

    def expected_links(self):
        """{(from id, source id, kind)} of the input's links."""
        by_id = {a["id"]: a for a in self.annotations}
        return {
            (a["id"], a["source"], KINDS[(a["label"], by_id[a["source"]]["label"])])
            for a in self.annotations
            if a.get("source")
        }

    def expected_link_spans(self):
        """{(article, (start, end) of the one that cites, (start, end) of its source, kind)}."""
        by_id = {a["id"]: a for a in self.annotations}
        return {
            (by_id[f]["article"], (by_id[f]["start"], by_id[f]["end"]), (by_id[t]["start"], by_id[t]["end"]), k)
            for f, t, k in self.expected_links()
        }

    def expected_claim_attributes(self):
        """{(id, attribute, value)}: attributions, and check statuses other than unchecked."""
        out = set()
        for a in self.annotations:
            if a.get("attribution"):
                out.add((a["id"], "attribution", a["attribution"]))
            if a.get("check", "unchecked") != "unchecked":
                out.add((a["id"], "check", a["check"]))
        return out

    def export_path(self, extension):
        """Where scripts/consumers.sh put this input's export with this extension."""
        return EXPORTS / f"{self.input.stem}{extension}"

    def export_bytes(self, extension):
        path = self.export_path(extension)
        if not path.exists():
            self.fail(f"{path} is missing: run bash scripts/consumers.sh")
        data = path.read_bytes()
        if not data:
            self.fail(f"{path.name} is empty: its exporter writes nothing")
        return data

    def export_text(self, extension):
        return self.export_bytes(extension).decode("utf-8")

    def export_lines(self, extension):
        """The JSON value of each non-empty line."""
        return [json.loads(line) for line in self.export_text(extension).splitlines() if line.strip()]

    def assert_slices(self, article, start, end, expected_text, where):
        """The text of `article` sliced at [start, end) is `expected_text`."""
        self.assertIn(article, TEXTS, f"{where}: unknown article {article!r}")
        self.assertIsInstance(start, int, f"{where}: start")
        self.assertIsInstance(end, int, f"{where}: end")
        self.assertTrue(0 <= start < end <= len(TEXTS[article]), f"{where}: {start}-{end}")
        self.assertEqual(TEXTS[article][start:end], expected_text, f"{where}: {start}-{end}")
