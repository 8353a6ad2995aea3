"""The brat export, a zip of <article>.txt and <article>.ann files and annotation.conf, read with
Python's zipfile and the pybrat reader: every .ann parses, each T line's text is its .txt's slice at
its offsets (Python str slicing counts code points, as brat does), the types are declared in
annotation.conf, and the spans are the input's annotations.

Offsets count the .txt as written, CRLF line ends included, as brat's server reads it. A .txt read in
Python's text mode (open(path) without newline="") has each CRLF turned into LF, which shifts every
offset after one: read brat .txt files with newline="" or from bytes. pybrat uses text mode, so
its texts are compared here modulo line ends and the offsets checked against the .txt itself."""

import tempfile
import unittest
import zipfile
from io import BytesIO
from pathlib import Path

from pybrat.parser import BratParser

from common import ExportTest, article_of, per_input

# brat type names (which the exporter chooses) to our tags, ignoring case.
TYPES = {
    "claim": "CLAIM",
    "quote": "QUOTE",
    "person": "PERSON",
    "organization": "ORG",
    "organisation": "ORG",
    "org": "ORG",
    "place": "LOC",
    "location": "LOC",
    "loc": "LOC",
    "other": "MISC",
    "misc": "MISC",
}


class Brat(ExportTest):
    def members(self):
        with zipfile.ZipFile(BytesIO(self.export_bytes(".brat.zip"))) as z:
            self.assertIsNone(z.testzip(), "a member's CRC is wrong")
            return {info.filename: z.read(info) for info in z.infolist()}

    def pairs(self):
        """{stem: (text, ann)} for every .ann, with its .txt."""
        members = self.members()
        anns = sorted(n for n in members if n.endswith(".ann"))
        self.assertTrue(anns, "the zip holds no .ann file")
        out = {}
        for name in anns:
            stem = name[: -len(".ann")]
            self.assertIn(stem + ".txt", members, f"{name} has no .txt beside it")
            out[stem] = (members[stem + ".txt"].decode("utf-8"), members[name].decode("utf-8"))
        return out

    def declared_entities(self):
        conf = self.members().get("annotation.conf")
        self.assertIsNotNone(conf, "the zip has no annotation.conf")
        types, section = set(), None
        for line in conf.decode("utf-8").splitlines():
            line = line.strip()
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1]
            elif line and not line.startswith("#") and section == "entities":
                types.add(line.split()[0].lstrip("!"))
        return types

    def test_each_txt_is_an_article_named_by_its_id(self):
        for stem, (text, _) in self.pairs().items():
            self.assertEqual(article_of(text), Path(stem).name, stem)

    def test_pybrat_parses_every_ann_and_each_mention_is_its_txt_slice(self):
        with tempfile.TemporaryDirectory() as tmp:
            for stem, (text, ann) in self.pairs().items():
                (Path(tmp) / f"{stem}.txt").write_bytes(text.encode("utf-8"))
                (Path(tmp) / f"{stem}.ann").write_bytes(ann.encode("utf-8"))
            examples = BratParser(error="raise").parse(tmp, encoding="utf-8")
        self.assertEqual(len(examples), len(self.pairs()))
        declared = self.declared_entities()
        pairs = self.pairs()
        found = set()
        for example in examples:
            # pybrat opens the .txt in Python's text mode, which turns CRLF into LF and so shifts
            # every offset after a CRLF (brat itself reads the bytes as they are). Its .ann parse is
            # what is checked here; offsets are checked against the .txt as written.
            text = pairs[example.id][0]
            self.assertEqual(example.text, text.replace("\r\n", "\n").replace("\r", "\n"))
            article = article_of(text)
            self.assertIsNotNone(article, example.id)
            for entity in example.entities:
                pieces = [text[s.start : s.end] for s in entity.spans]
                self.assertEqual(entity.mention, " ".join(pieces), f"{example.id} {entity.id}")
                self.assertIn(entity.type, declared, f"{example.id} {entity.id}")
                tag = TYPES.get(entity.type.lower())
                self.assertIsNotNone(tag, f"{entity.type} is not one of our labels")
                found.add((article, entity.spans[0].start, entity.spans[-1].end, tag))
        self.assertEqual(found, self.expected_spans())

    def test_each_t_line_read_by_hand_slices_its_txt(self):
        lines = 0
        for stem, (text, ann) in self.pairs().items():
            for number, line in enumerate(ann.split("\n"), 1):
                if not line.startswith("T"):
                    continue
                id, kind_and_offsets, mention = line.split("\t")
                _, offsets = kind_and_offsets.split(" ", 1)
                pieces = []
                for fragment in offsets.split(";"):
                    start, end = (int(x) for x in fragment.split(" "))
                    pieces.append(text[start:end])
                self.assertEqual(" ".join(pieces), mention, f"{stem}.ann line {number}")
                lines += 1
        self.assertEqual(lines, len(self.annotations))

    def test_notes_are_kept_as_annotator_notes(self):
        noted = [a for a in self.annotations if a["note"]]
        notes = [
            line.split("\t")[2]
            for _, ann in self.pairs().values()
            for line in ann.split("\n")
            if line.startswith("#") and "\tAnnotatorNotes " in line
        ]
        want = [" ".join(a["note"].split()) for a in noted]
        self.assertEqual(sorted(" ".join(n.split()) for n in notes), sorted(want))
        self.assertTrue(want)


BratSeeds, BratEmoji = per_input(Brat)

if __name__ == "__main__":
    unittest.main()
