"""News Annotator JSON, read with Python's json module: docs/FORMATS.md's promise that
text[start:end] == exact for every annotation, with text the article file decoded as UTF-8."""

import hashlib
import json
import unittest

from common import TEXTS, ExportTest, per_input


class Native(ExportTest):
    def check(self, doc, where):
        self.assertEqual(doc["format"], "news-annotator")
        self.assertEqual(doc["offsets"], "unicode-code-points, end-exclusive")
        for i, article in enumerate(doc["articles"]):
            text = TEXTS[article["id"]]
            self.assertEqual(article["length"], len(text), f"{where} articles[{i}]")
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            self.assertEqual(article["sha256"], digest, f"{where} articles[{i}]")
        for i, a in enumerate(doc["annotations"]):
            at = f"{where} annotations[{i}]"
            self.assert_slices(a["article"], a["start"], a["end"], a["exact"], at)
            text = TEXTS[a["article"]]
            self.assertTrue(text[: a["start"]].endswith(a["prefix"]), at)
            self.assertTrue(text[a["end"] :].startswith(a["suffix"]), at)
        return doc["annotations"]

    def test_the_input_file_slices_its_articles(self):
        doc = json.loads(self.input.path.read_text(encoding="utf-8"))
        self.assertGreater(len(self.check(doc, "input")), 0)

    def test_the_converted_file_slices_its_articles_and_keeps_every_field(self):
        kept = self.check(json.loads(self.export_text(".json")), "export")
        self.assertEqual(kept, self.annotations)


NativeSeeds, NativeEmoji = per_input(Native)

if __name__ == "__main__":
    unittest.main()
