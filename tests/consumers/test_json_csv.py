"""doccano JSONL, Label Studio JSON, Prodigy JSONL, W3C Web Annotation JSON-LD and CSV, read with
Python's json and csv modules: every offset pair slices the article text (read as UTF-8, sliced in code
points) to the text of the input's annotation, and each file holds exactly the input's annotations;
doccano, Label Studio and W3C also hold exactly its links, and the last two its claim attributes."""

import csv
import io
import json
import unittest

from common import TEXTS, ExportTest, article_of, per_input, tag


class Doccano(ExportTest):
    def test_entities_slice_the_article_texts_to_every_annotation(self):
        found = set()
        for i, line in enumerate(self.export_lines(".doccano.jsonl")):
            article = article_of(line["text"])
            self.assertIsNotNone(article, f"line {i + 1}: text is not a known article")
            self.assertEqual(line.get("article", article), article, f"line {i + 1}")
            ids = [e["id"] for e in line["entities"]]
            self.assertEqual(len(ids), len(set(ids)), f"line {i + 1}: repeated entity ids")
            for e in line["entities"]:
                start, end = e["start_offset"], e["end_offset"]
                self.assertEqual(line["text"][start:end], TEXTS[article][start:end])
                found.add((article, start, end, e["label"]))
        self.assertEqual(found, self.expected_spans())

    def test_relations_join_each_quote_or_claim_to_its_source(self):
        found = set()
        for line in self.export_lines(".doccano.jsonl"):
            article = article_of(line["text"])
            spans = {e["id"]: (e["start_offset"], e["end_offset"]) for e in line["entities"]}
            ids = [r["id"] for r in line["relations"]]
            self.assertEqual(len(ids), len(set(ids)), "repeated relation ids")
            for r in line["relations"]:
                found.add((article, spans[r["from_id"]], spans[r["to_id"]], r["type"]))
        self.assertEqual(found, self.expected_link_spans())


class LabelStudio(ExportTest):
    def tasks(self):
        tasks = json.loads(self.export_text(".label-studio.json"))
        self.assertIsInstance(tasks, list)
        return tasks

    def test_label_results_slice_the_article_texts_and_carry_their_text(self):
        found = set()
        for i, task in enumerate(self.tasks()):
            text = task["data"]["text"]
            article = article_of(text)
            self.assertIsNotNone(article, f"task {i}: text is not a known article")
            for annotation in task["annotations"]:
                for r in annotation["result"]:
                    if r["type"] != "labels":
                        continue
                    v = r["value"]
                    self.assert_slices(article, v["start"], v["end"], v["text"], f"task {i} {r['id']}")
                    self.assertEqual(len(v["labels"]), 1)
                    self.assertEqual(r["from_name"], "label")
                    self.assertEqual(r["to_name"], "text")
                    found.add((article, v["start"], v["end"], v["labels"][0]))
                    want = next(a for a in self.annotations if a["id"] == r["id"])
                    self.assertEqual((v["start"], v["end"]), (want["start"], want["end"]))
        self.assertEqual(found, self.expected_spans())

    def results(self):
        return [r for task in self.tasks() for a in task["annotations"] for r in a["result"]]

    def test_notes_are_per_region_textareas(self):
        notes = {}
        for r in self.results():
            if r["type"] == "textarea" and r["from_name"] == "note":
                notes[r["id"]] = "\n".join(r["value"]["text"])
        self.assertEqual(notes, {a["id"]: a["note"] for a in self.annotations if a["note"]})

    def test_links_are_relations_and_claim_attributes_per_region_choices(self):
        regions = {r["id"] for r in self.results() if r["type"] == "labels"}
        links, choices = set(), set()
        for r in self.results():
            if r["type"] == "relation":
                self.assertEqual(r["direction"], "right")
                self.assertIn(r["from_id"], regions)
                self.assertIn(r["to_id"], regions)
                links.add((r["from_id"], r["to_id"], *r["labels"]))
            elif r["type"] == "choices":
                self.assertIn(r["id"], regions)
                choices.add((r["id"], r["from_name"], *r["value"]["choices"]))
        self.assertEqual(links, self.expected_links())
        self.assertEqual(choices, self.expected_claim_attributes())


class Prodigy(ExportTest):
    def test_tokens_and_spans_slice_the_article_texts(self):
        found = {}
        for i, line in enumerate(self.export_lines(".prodigy.jsonl")):
            text = line["text"]
            article = article_of(text)
            self.assertIsNotNone(article, f"line {i + 1}: text is not a known article")
            tokens = line["tokens"]
            for j, t in enumerate(tokens):
                self.assertEqual(t["id"], j)
                self.assertEqual(text[t["start"] : t["end"]], t["text"], f"line {i + 1} token {j}")
                if j:
                    self.assertGreaterEqual(t["start"], tokens[j - 1]["end"])
                    between = text[tokens[j - 1]["end"] : t["start"]]
                    self.assertEqual(between.strip(), "", f"line {i + 1} token {j}")
                    self.assertEqual(tokens[j - 1]["ws"], bool(between), f"line {i + 1} token {j - 1}")
            for s in line["spans"]:
                first, last = tokens[s["token_start"]], tokens[s["token_end"]]
                self.assertEqual((s["start"], s["end"]), (first["start"], last["end"]))
                found.setdefault((article, s["label"]), []).append((s["start"], s["end"]))
        # Each annotation is its span, or its span widened to whole tokens.
        for a in self.annotations:
            spans = found.get((a["article"], tag(a)), [])
            covering = [(s, e) for s, e in spans if s <= a["start"] and a["end"] <= e]
            self.assertTrue(covering, f"{a['id']} is in no span")
            s, e = min(covering, key=lambda span: span[1] - span[0])
            self.assertIn(a["exact"], TEXTS[a["article"]][s:e])
        self.assertEqual(sum(len(v) for v in found.values()), len(self.annotations))


class W3c(ExportTest):
    def items(self):
        collection = json.loads(self.export_text(".w3c.jsonld"))
        self.assertEqual(collection["@context"], "http://www.w3.org/ns/anno.jsonld")
        self.assertEqual(collection["type"], "AnnotationCollection")
        items = collection["first"]["items"]
        self.assertEqual(collection["total"], len(items))
        return items

    def test_links_are_linking_annotations_from_their_target_to_their_body(self):
        urn = "urn:news-annotator:annotation:"
        found = set()
        for item in self.items():
            if item["motivation"] != "linking":
                continue
            source, tag = item["body"]
            self.assertEqual(tag["purpose"], "tagging")
            self.assertTrue(item["target"].startswith(urn) and source.startswith(urn))
            found.add((item["target"][len(urn) :], source[len(urn) :], tag["value"]))
        self.assertEqual(found, self.expected_links())

    def test_claim_attributes_are_classifying_bodies(self):
        found = set()
        for item in self.items():
            bodies = item["body"] if isinstance(item["body"], list) else [item["body"]]
            for b in bodies:
                if isinstance(b, dict) and b.get("purpose") == "classifying":
                    name, value = b["value"].split(":")
                    found.add((item["id"].rsplit(":", 1)[-1], name, value))
        self.assertEqual(found, self.expected_claim_attributes())

    def test_both_selectors_select_the_same_text_of_the_article(self):
        found = {}
        for item in self.items():
            if item["motivation"] == "linking":
                continue
            source = item["target"]["source"]
            article = source.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
            selectors = {s["type"]: s for s in item["target"]["selector"]}
            quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
            at = item["id"]
            self.assert_slices(article, position["start"], position["end"], quote["exact"], at)
            text = TEXTS[article]
            self.assertTrue(text[: position["start"]].endswith(quote.get("prefix", "")), at)
            self.assertTrue(text[position["end"] :].startswith(quote.get("suffix", "")), at)
            bodies = item["body"] if isinstance(item["body"], list) else [item["body"]]
            tags = [b["value"] for b in bodies if b.get("purpose", "tagging") == "tagging"]
            notes = [b["value"] for b in bodies if b.get("purpose") == "commenting"]
            id = item["id"].rsplit(":", 1)[-1]
            found[id] = (article, position["start"], position["end"], tags, notes)
        want = {
            a["id"]: (
                a["article"],
                a["start"],
                a["end"],
                [a["label"]] + ([a["kind"]] if a["kind"] else []),
                [a["note"]] if a["note"] else [],
            )
            for a in self.annotations
        }
        self.assertEqual(found, want)


class Csv(ExportTest):
    def test_rows_slice_the_article_texts_and_hold_every_field(self):
        data = self.export_text(".csv")
        self.assertTrue(data.startswith("\ufeff"), "no UTF-8 byte order mark for spreadsheets")
        rows = list(csv.reader(io.StringIO(data.lstrip("\ufeff"), newline="")))
        header, rows = rows[0], rows[1:]
        self.assertEqual(header, ["article", "label", "kind", "text", "start", "end", "note"])
        got = []
        for i, row in enumerate(rows):
            r = dict(zip(header, row))
            start, end = int(r["start"]), int(r["end"])
            self.assert_slices(r["article"], start, end, r["text"], f"row {i + 1}")
            got.append((r["article"], r["label"], r["kind"], start, end, r["note"]))
        want = [
            (a["article"], a["label"], a["kind"] or "", a["start"], a["end"], a["note"])
            for a in self.annotations
        ]
        self.assertEqual(sorted(got), sorted(want))


DoccanoSeeds, DoccanoEmoji = per_input(Doccano)
LabelStudioSeeds, LabelStudioEmoji = per_input(LabelStudio)
ProdigySeeds, ProdigyEmoji = per_input(Prodigy)
W3cSeeds, W3cEmoji = per_input(W3c)
CsvSeeds, CsvEmoji = per_input(Csv)

if __name__ == "__main__":
    unittest.main()
