"""The brat export, a zip of <article>.txt and <article>.ann files and annotation.conf, read with
Python's zipfile and the pybrat reader: every .ann parses, each T line's text is its .txt's slice at
its offsets (Python str slicing counts code points, as brat does), the types are declared in
annotation.conf, and the spans are the input's annotations.

Offsets count the .txt as written, CRLF line ends included, as brat's server reads it. A .txt read in
Python's text mode (open(path) without newline="") has each CRLF turned into LF, which shifts every
offset after one: read brat .txt files with newline="" or from bytes. pybrat uses text mode, so
its texts are compared here modulo line ends and the offsets checked against the .txt itself.

Links are R lines (SaidBy, Source, FromQuote; Arg1 cites Arg2), which pybrat reads as relations;
claim attributes are A lines (Attribution, Check), which pybrat skips and which are read here by hand
and checked against annotation.conf; registry references are N lines (Reference T1 Registry:<id>) and
the mentions of one entry an Equiv line, which pybrat reads as references and relations. The exports
of na-convert carry no registry (its input files have none), so those are checked on the golden
files of the Rust tests: tests/fixtures/formats/fixture-brat/ and fixture-equiv.ann."""

import hashlib
import json
import re
import subprocess
import tempfile
import unittest
import zipfile
from io import BytesIO
from pathlib import Path

from pybrat.parser import BratParser

from common import ROOT, ExportTest, article_of, binary, per_input

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


RELATIONS = {"said_by": "SaidBy", "source": "Source", "from_quote": "FromQuote"}
GOLDEN = ROOT / "tests" / "fixtures" / "formats"


def parse(files):
    """pybrat's examples of {name: bytes} written into a temporary directory, errors raised."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files.items():
            (Path(tmp) / name).write_bytes(data)
        return BratParser(error="raise").parse(tmp, encoding="utf-8")


def conf_sections(conf):
    """{section: [line, ...]} of an annotation.conf, comments and blank lines left out."""
    sections, section = {}, None
    for line in conf.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            sections[section] = []
        elif line and not line.startswith("#"):
            sections[section].append(line)
    return sections


def attributes_by_hand(ann):
    """{(T id, type, value)} of the A lines of an .ann, as brat's standoff format defines them."""
    found = set()
    for line in ann.split("\n"):
        if line.startswith("A"):
            m = re.fullmatch(r"A\d+\t(\S+) (T\d+) (\S+)", line)
            assert m, f"not an attribute line: {line!r}"
            found.add((m[2], m[1], m[3]))
    return found


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


    def test_pybrat_reads_each_link_as_a_relation_from_the_quote_or_claim(self):
        files = {}
        for stem, (text, ann) in self.pairs().items():
            files[f"{stem}.txt"] = text.encode("utf-8")
            files[f"{stem}.ann"] = ann.encode("utf-8")
        relations = set()
        for example in parse(files):
            text = self.pairs()[example.id][0]
            article = article_of(text)
            for r in example.relations:
                ends = [(e.spans[0].start, e.spans[-1].end) for e in (r.arg1, r.arg2)]
                relations.add((article, ends[0], ends[1], r.type))
        want = {(a, f, t, RELATIONS[k]) for a, f, t, k in self.expected_link_spans()}
        self.assertEqual(relations, want)

    def test_claim_attributes_are_declared_attribute_lines(self):
        conf = conf_sections(self.members()["annotation.conf"].decode("utf-8"))
        declared = {}
        for line in conf["attributes"]:
            name, args = line.split("\t")
            self.assertIn("Arg:Claim", args)
            declared[name] = args.split("Value:")[1].split("|")
        ids = {a["id"]: a for a in self.annotations}
        found = set()
        for stem, (text, ann) in self.pairs().items():
            t_lines = dict(line.split("\t", 1) for line in ann.split("\n") if line.startswith("T"))
            notes = dict(
                (line.split("\t")[1].split(" ")[1], line.split("\t")[2])
                for line in ann.split("\n")
                if line.startswith("#") and "\tAnnotationId " in line
            )
            for t, kind, value in attributes_by_hand(ann):
                self.assertIn(value, declared[kind], f"{stem}.ann {t}")
                self.assertTrue(t_lines[t].startswith("Claim "), f"{stem}.ann {t}")
                found.add((notes[t], kind.lower(), value))
        self.assertEqual(found, self.expected_claim_attributes())
        self.assertTrue(set(ids) >= {i for i, _, _ in found})


class BratGolden(unittest.TestCase):
    """The golden brat files of the Rust tests (the formats fixture with its registry), read with
    pybrat: links, registry references and equivalences as pybrat reads them, attributes by hand."""

    maxDiff = None

    def golden(self, name):
        return (GOLDEN / name).read_bytes()

    def examples(self, ann_name="fixture-brat/fixture.ann"):
        files = {
            "fixture.txt": self.golden("fixture-brat/fixture.txt"),
            "fixture.ann": self.golden(ann_name),
        }
        if ann_name.startswith("fixture-brat/"):
            files["second.txt"] = self.golden("fixture-brat/second.txt")
            files["second.ann"] = self.golden("fixture-brat/second.ann")
        return {e.id: e for e in parse(files)}

    def test_links_are_relations_between_the_mentions_we_wrote(self):
        fixture = self.examples()["fixture"]
        got = {(r.type, r.arg1.mention, r.arg2.mention) for r in fixture.relations}
        quote = "“For me, it is crucial to connect security guarantees with investment,”"
        self.assertEqual(
            got,
            {
                ("SaidBy", quote, "Volodymyr Zelensky"),
                ("Source", "Scott Bessent, the US Treasury Secretary, called the deal “historic”", "Scott Bessent"),
                ("FromQuote", "the deal “historic”. Zelensky’s office disagreed.", quote),
            },
        )
        conf = conf_sections(self.golden("fixture-brat/annotation.conf").decode("utf-8"))
        declared = {line.split("\t")[0] for line in conf["relations"]}
        self.assertTrue({r.type for r in fixture.relations} <= declared)
        self.assertIn("Equiv", declared)

    def test_registry_references_are_normalisations(self):
        examples = self.examples()
        got = {
            (id, e.mention, ref.rid, ref.eid, ref.entry)
            for id, example in examples.items()
            for e in example.entities
            for ref in e.references
        }
        self.assertEqual(
            got,
            {
                ("fixture", "Kyiv", "Registry", "ent-kyiv", "Kyiv"),
                ("fixture", "Volodymyr Zelensky", "Registry", "ent-zelensky", "Volodymyr Zelensky"),
                ("second", "Kyiv", "Registry", "ent-kyiv", "Kyiv"),
            },
        )

    def test_the_mentions_of_one_entry_are_an_equivalence(self):
        fixture = self.examples("fixture-equiv.ann")["fixture"]
        equiv = {(r.arg1.mention, r.arg2.mention) for r in fixture.relations if r.type == "Equiv"}
        self.assertEqual(equiv, {("Volodymyr Zelensky", "Zelensky")})

    def test_claim_attributes_are_the_values_we_wrote(self):
        ann = self.golden("fixture-brat/fixture.ann").decode("utf-8")
        mentions = {
            line.split("\t")[0]: line.split("\t")[2] for line in ann.split("\n") if line.startswith("T")
        }
        got = {(mentions[t], kind, value) for t, kind, value in attributes_by_hand(ann)}
        historic = "Scott Bessent, the US Treasury Secretary, called the deal “historic”"
        disagreed = "the deal “historic”. Zelensky’s office disagreed."
        self.assertEqual(
            got,
            {
                (historic, "Attribution", "attributed"),
                (historic, "Check", "disputed"),
                (disagreed, "Attribution", "outlet"),
                (disagreed, "Check", "supported"),
            },
        )


# Every line end Python's str.splitlines knows but \n and \r: brat reads .ann files with it.
PYTHON_LINE_ENDS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
LINES_TEXT = "Kyiv\r\n" + "".join(f"w{i}{end}" for i, end in enumerate(PYTHON_LINE_ENDS)) + "end.\r\nSaid Zelensky."


class BratLineEnds(unittest.TestCase):
    """A text holding every line end Python knows, and CRLFs, exported by na-convert to brat, with and
    without --lf, then read as brat does: each .ann split with str.splitlines, and the .txt as bytes
    (the exact text) or, with --lf, in Python's text mode (universal newlines, as brat's server)."""

    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="na-brat-lines-")
        folder = Path(cls.folder.name)
        (folder / "articles").mkdir()
        (folder / "articles" / "lines.txt").write_bytes(LINES_TEXT.encode("utf-8"))
        whole = LINES_TEXT.index("end.") + 3
        zelensky = LINES_TEXT.index("Zelensky")
        cls.spans = [(0, whole, "claim", None, "one" + PYTHON_LINE_ENDS + "two"),
                     (zelensky, zelensky + 8, "entity", "person", "")]
        annotations = [
            {"id": f"a{n}", "article": "lines", "label": label, "kind": kind, "note": note,
             "start": start, "end": end, "exact": LINES_TEXT[start:end],
             "created": "2026-11-24T10:00:00.000Z", "updated": "2026-11-24T10:00:00.000Z"}
            for n, (start, end, label, kind, note) in enumerate(cls.spans)
        ]
        source = {"format": "news-annotator", "version": 1, "exported": "2026-11-24T10:00:00.000Z",
                  "offsets": "unicode-code-points, end-exclusive", "annotations": annotations,
                  "articles": [{"id": "lines", "title": "lines", "length": len(LINES_TEXT),
                                "sha256": hashlib.sha256(LINES_TEXT.encode("utf-8")).hexdigest()}]}
        (folder / "lines.json").write_text(json.dumps(source), encoding="utf-8")
        cls.zips, cls.failure = {}, None
        if not binary().exists():
            cls.failure = f"{binary()} is missing: run bash scripts/consumers.sh"
            return
        for name, flags in (("exact", []), ("lf", ["--lf"])):
            out = folder / name
            run = subprocess.run(
                [binary(), "convert", "--to", "brat", *flags, "--out", out,
                 "--articles", folder / "articles", folder / "lines.json"],
                capture_output=True, text=True)
            if run.returncode != 0:
                cls.failure = f"na-convert exited with {run.returncode}:\n{run.stdout}{run.stderr}"
                return
            cls.zips[name] = (out / "lines.brat.zip").read_bytes()

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def setUp(self):
        if self.failure:
            self.fail(self.failure)

    def read(self, name):
        """(text as brat's server has it, [.ann line, ...] as str.splitlines gives them)."""
        with zipfile.ZipFile(BytesIO(self.zips[name])) as z:
            txt, ann = z.read("lines.txt"), z.read("lines.ann").decode("utf-8")
        text = txt.decode("utf-8") if name == "exact" else open_text_mode(txt)
        return text, ann.splitlines()

    def check(self, name, want):
        text, lines = self.read(name)
        t_lines = [line for line in lines if line.startswith("T")]
        notes = [line.split("\t")[2] for line in lines if "\tAnnotatorNotes " in line]
        for line in lines:
            self.assertRegex(line, r"^(T\d+\t\w+ \d+ \d+(;\d+ \d+)*\t[^\t]+|#\d+\t\w+ T\d+\t[^\t]*)$")
        found = []
        for line in t_lines:
            _, kind_offsets, mention = line.split("\t")
            fragments = [tuple(map(int, f.split(" "))) for f in kind_offsets.split(" ", 1)[1].split(";")]
            self.assertEqual(" ".join(text[s:e] for s, e in fragments), mention, line)
            for s, e in fragments:
                self.assertFalse(any(c in text[s:e] for c in "\r\n" + PYTHON_LINE_ENDS), line)
            found.append((fragments[0][0], fragments[-1][1]))
        self.assertEqual(found, want)
        self.assertEqual(notes, ["one" + " " * len(PYTHON_LINE_ENDS) + "two"])

    def test_each_ann_line_read_with_splitlines_is_one_whole_annotation_line(self):
        # Fragments break at Kyiv's CRLF and at each of the eight other line ends: ten in all.
        text, lines = self.read("exact")
        self.assertEqual(text, LINES_TEXT)
        self.assertEqual(lines[0].split("\t")[1].count(";"), 1 + len(PYTHON_LINE_ENDS))
        self.check("exact", [(s, e) for s, e, *_ in self.spans])

    def test_with_lf_the_offsets_fit_the_txt_as_brats_server_reads_it(self):
        text, _ = self.read("lf")
        self.assertNotIn("\r", text)
        # Each offset loses one per CRLF before it: one before the end of the claim, two before Zelensky.
        (claim_start, claim_end, *_), (z_start, z_end, *_) = self.spans
        self.check("lf", [(claim_start, claim_end - 1), (z_start - 2, z_end - 2)])


def open_text_mode(data):
    """The bytes of a .txt read as brat's server reads it: Python's text mode, universal newlines."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_bytes(data)
        with open(path, encoding="utf-8") as f:
            return f.read()


BratSeeds, BratEmoji = per_input(Brat)

if __name__ == "__main__":
    unittest.main()
