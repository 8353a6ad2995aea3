"""The CoNLL-2003 IOB2 export, read three ways: by spaCy's own converter (`python -m spacy convert
FILE DIR -c ner`, whose DocBin must hold exactly the file's B-/I- runs), by seqeval's strict IOB2 scheme
(every I-X continues a B-X or I-X of its sentence), and by a plain reading here that lays the tokens
back on the article text: the tokens are the text less its whitespace, in order, so each run of B-/I- tags
has code point offsets, which must be those of the annotations CoNLL keeps (one layer: the earlier span
wins, then the longer), widened to whole tokens."""

import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import spacy
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Entities
from spacy.tokens import DocBin

from common import TEXTS, ExportTest, per_input, one_layer, tag

TAG = re.compile(r"O|[BI]-(CLAIM|QUOTE|PERSON|ORG|LOC|MISC)")


def read_conll(text):
    """[(docstart line or None, [sentence, ...])], a sentence being [(token, tag), ...]."""
    docs = []
    sentence = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line.startswith("-DOCSTART-"):
            docs.append((line, []))
            continue
        if not line.strip():
            if sentence:
                if not docs:
                    docs.append((None, []))
                docs[-1][1].append(sentence)
                sentence = []
            continue
        columns = line.split(" ")
        if len(columns) != 2 or not all(columns):
            raise AssertionError(f"line {number}: {line!r} is not `token TAG`")
        sentence.append((columns[0], columns[1]))
    if sentence:
        if not docs:
            docs.append((None, []))
        docs[-1][1].append(sentence)
    return [(start, sentences) for start, sentences in docs if sentences]


def runs(tags):
    """[(tag, first, last)] of the B-/I- runs in `tags` (token indices, last inclusive)."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("B-"):
            out.append([t[2:], i, i])
        elif t.startswith("I-") and out and out[-1][2] == i - 1 and out[-1][0] == t[2:]:
            out[-1][2] = i
    return [tuple(r) for r in out]


def place(tokens):
    """(article, [(start, end)]): the article the tokens spell, less whitespace, and each token's offsets."""
    joined = "".join(tokens)
    for article, text in TEXTS.items():
        if "".join(text.split()) != joined:
            continue
        offsets, at = [], 0
        for token in tokens:
            start = text.index(token, at)
            assert text[at:start].strip() == "", f"{token!r} at {start} skips {text[at:start]!r}"
            offsets.append((start, start + len(token)))
            at = start + len(token)
        assert text[at:].strip() == ""
        return article, offsets
    raise AssertionError(f"the tokens {' '.join(tokens[:8])} … spell no known article")


class Conll(ExportTest):
    def docs(self):
        return read_conll(self.export_text(".conll"))

    def test_every_line_is_a_token_and_an_iob2_tag(self):
        lines = 0
        for _, sentences in self.docs():
            for sentence in sentences:
                for token, t in sentence:
                    self.assertRegex(t, TAG, token)
                    self.assertFalse(any(c.isspace() for c in token), repr(token))
                    lines += 1
        self.assertGreater(lines, 0)

    def test_every_inside_tag_continues_an_entity_of_its_type_in_its_sentence(self):
        for d, (_, sentences) in enumerate(self.docs()):
            for s, sentence in enumerate(sentences):
                previous = "O"
                for i, (token, t) in enumerate(sentence):
                    if t.startswith("I-"):
                        self.assertIn(
                            previous,
                            ("B-" + t[2:], t),
                            f"doc {d} sentence {s} token {i} {token!r}: {t} after {previous}",
                        )
                    previous = t

    def test_seqeval_reads_the_same_entities_in_strict_iob2_as_leniently(self):
        sentences = [[t for _, t in s] for _, doc in self.docs() for s in doc]
        strict = Entities(sentences, scheme=IOB2, suffix=False).entities
        for i, tags in enumerate(sentences):
            lenient = {(t, a, b + 1) for t, a, b in get_entities(tags)}
            self.assertEqual({(e.tag, e.start, e.end) for e in strict[i]}, lenient, f"sentence {i}")
        self.assertGreater(sum(len(e) for e in strict), 0)

    def test_tokens_spell_the_article_texts_and_entities_are_the_kept_annotations_widened_to_tokens(self):
        found = set()
        articles = []
        for _, sentences in self.docs():
            tokens = [tok for s in sentences for tok, _ in s]
            tags = [t for s in sentences for _, t in s]
            article, offsets = place(tokens)
            articles.append(article)
            for t, first, last in runs(tags):
                found.add((article, offsets[first][0], offsets[last][1], t))
            widened = set()
            mine = [a for a in self.annotations if a["article"] == article]
            for a in one_layer(mine):
                start = max(s for s, e in offsets if s <= a["start"])
                end = min(e for s, e in offsets if e >= a["end"])
                widened.add((article, start, end, tag(a)))
            self.assertEqual({f for f in found if f[0] == article}, widened, article)
        annotated = sorted({a["article"] for a in self.annotations})
        self.assertEqual(sorted(articles), annotated)

    def test_spacy_convert_reads_the_file_into_the_same_entities(self):
        source = self.export_path(".conll")
        want = []
        for _, sentences in self.docs():
            tokens = [tok for s in sentences for tok, _ in s]
            tags = [t for s in sentences for _, t in s]
            want += [(" ".join(tokens[a : b + 1]), t) for t, a, b in runs(tags)]
        with tempfile.TemporaryDirectory() as tmp:
            run = subprocess.run(
                [sys.executable, "-m", "spacy", "convert", str(source), tmp, "-c", "ner"],
                capture_output=True,
                text=True,
            )
            self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
            docbin = Path(tmp) / (source.stem + ".spacy")
            docs = list(DocBin().from_disk(docbin).get_docs(spacy.blank("xx").vocab))
        got = [(e.text, e.label_) for d in docs for e in d.ents]
        self.assertEqual(got, want)
        self.assertGreater(len(got), 0)

    def test_spacy_convert_takes_the_document_markers_as_markers_not_words(self):
        # spaCy's converter splits documents only at the line "-DOCSTART- -X- O O"; any other
        # -DOCSTART- line (such as "-DOCSTART- O") becomes a word of the training text.
        starts = [start for start, _ in self.docs() if start is not None]
        for line in starts:
            self.assertEqual(line, "-DOCSTART- -X- O O")
        with tempfile.TemporaryDirectory() as tmp:
            run = subprocess.run(
                [sys.executable, "-m", "spacy", "convert", str(self.export_path(".conll")), tmp, "-c", "ner"],
                capture_output=True,
                text=True,
            )
            self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
            docs = list(DocBin().from_disk(next(Path(tmp).glob("*.spacy"))).get_docs(spacy.blank("xx").vocab))
        words = [t.text for d in docs for t in d]
        self.assertNotIn("-DOCSTART-", words)
        self.assertEqual(len(docs), len(self.docs()))


ConllSeeds, ConllEmoji = per_input(Conll)

if __name__ == "__main__":
    unittest.main()
