"""spaCy reads both spaCy exports: every span lands on its tokens (Doc.char_span in strict mode), all
spans fit in doc.spans["sc"], the training tuples go into doc.ents without an overlap error, and a
DocBin made from them (tests/consumers/to_docbin.py, the recipe in docs/FORMATS.md) saves and loads unchanged.
Only spaCy's English tokenizer is used (spacy.blank("en")): no model is downloaded."""

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import spacy
from spacy.tokens import DocBin, SpanGroup

from common import TEXTS, ExportTest, article_of, one_layer, per_input, tag
from to_docbin import docs_from_tuples

NLP = spacy.blank("en")


def ents_of(doc):
    return [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


class SpacyJsonl(ExportTest):
    def lines(self):
        lines = self.export_lines(".spacy.jsonl")
        for i, line in enumerate(lines):
            self.assertIsNotNone(article_of(line["text"]), f"line {i + 1}: text is not a known article")
        return lines

    def test_offsets_slice_the_article_texts_to_every_annotation(self):
        found = set()
        for i, line in enumerate(self.lines()):
            article = article_of(line["text"])
            self.assertEqual(line.get("meta", {}).get("article", article), article, f"line {i + 1}")
            for j, span in enumerate(line["spans"]):
                start, end, label = span["start"], span["end"], span["label"]
                self.assertEqual(line["text"][start:end], TEXTS[article][start:end])
                found.add((article, start, end, label))
        self.assertEqual(found, self.expected_spans())

    def test_every_span_falls_on_spacy_tokens_and_fits_in_a_span_group(self):
        total = 0
        for i, line in enumerate(self.lines()):
            text = line["text"]
            doc = NLP.make_doc(text)
            spans = []
            for span in line["spans"]:
                s, e, label = span["start"], span["end"], span["label"]
                got = doc.char_span(s, e, label=label)
                self.assertIsNotNone(got, f"line {i + 1}: {label} {text[s:e]!r} ({s}-{e}) cuts a token")
                self.assertEqual(got.text, text[s:e])
                spans.append(got)
            doc.spans["sc"] = SpanGroup(doc, name="sc", spans=spans)
            self.assertEqual(len(doc.spans["sc"]), len(line["spans"]))
            total += len(spans)
        self.assertEqual(total, len(self.annotations))


class SpacyTuples(ExportTest):
    def data(self):
        return json.loads(self.export_text(".spacy-tuples.json"))

    def test_entities_are_one_layer_of_the_annotations_on_the_article_texts(self):
        found = set()
        for i, (text, annotations) in enumerate(self.data()):
            article = article_of(text)
            self.assertIsNotNone(article, f"item {i}: text is not a known article")
            for start, end, label in annotations["entities"]:
                found.add((article, start, end, label))
        kept = set()
        for article in TEXTS:
            mine = [a for a in self.annotations if a["article"] == article]
            kept |= {(article, a["start"], a["end"], tag(a)) for a in one_layer(mine)}
        self.assertEqual(found, kept)

    def test_entities_go_into_doc_ents_and_a_docbin_round_trips(self):
        data = self.data()
        docs = list(docs_from_tuples(NLP, data))
        self.assertEqual(sum(len(d.ents) for d in docs), sum(len(a["entities"]) for _, a in data))
        for doc, (text, annotations) in zip(docs, data):
            want = sorted((s, e, label, text[s:e]) for s, e, label in annotations["entities"])
            self.assertEqual(sorted(ents_of(doc)), want)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "train.spacy"
            DocBin(docs=docs).to_disk(path)
            back = list(DocBin().from_disk(path).get_docs(NLP.vocab))
        self.assertEqual([d.text for d in back], [d.text for d in docs])
        self.assertEqual([ents_of(d) for d in back], [ents_of(d) for d in docs])

    def test_the_readme_recipe_script_writes_a_docbin(self):
        self.export_bytes(".spacy-tuples.json")  # fails plainly if missing or empty
        source = self.export_path(".spacy-tuples.json")
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "train.spacy"
            script = Path(__file__).with_name("to_docbin.py")
            run = subprocess.run(
                [sys.executable, str(script), str(source), str(target)],
                capture_output=True,
                text=True,
            )
            self.assertEqual(run.returncode, 0, run.stderr)
            back = list(DocBin().from_disk(target).get_docs(NLP.vocab))
        want = sum(len(a["entities"]) for _, a in self.data())
        self.assertEqual(sum(len(d.ents) for d in back), want)
        self.assertIn(f"{len(back)} docs, {want} entities", run.stdout)


SpacyJsonlSeeds, SpacyJsonlEmoji = per_input(SpacyJsonl)
SpacyTuplesSeeds, SpacyTuplesEmoji = per_input(SpacyTuples)

if __name__ == "__main__":
    unittest.main()
