"""The classroom's agreement, checked against Python's `krippendorff` package: an exercise on bundled
articles and six students' submissions, generated with a seeded random.Random so that the students
partly agree (class_files.py), go through `na-convert class`, and our alpha per label (agreement.csv) must equal
krippendorff.alpha(reliability_data=M, level_of_measurement="nominal"), where M is the students ×
code points 0/1 matrix built here from the spans (1 where one of the student's spans with that label
covers the code point), all the exercise's articles one after the other. The mean pairwise exact F1
and each student's exact scores against the key (class-table.csv) are counted here too.

The binary is $NA_CONVERT, else ${CARGO_TARGET_DIR:-target}/release/na-convert (scripts/consumers.sh
builds it)."""

import csv
import itertools
import json
import random
import subprocess
import tempfile
import unittest
from pathlib import Path

import krippendorff
import numpy as np

from class_files import LABELS, STUDENTS, generate, write_files
from common import TEXTS, binary



def matrix(articles, students, label):
    """Students × code points of all the articles, 1 inside one of the student's spans of `label`."""
    bases, total = {}, 0
    for id, _ in articles:
        bases[id] = total
        total += len(TEXTS[id])
    m = np.zeros((len(students), total), dtype=int)
    for row, marks in enumerate(students):
        for article, lab, start, end in marks:
            if lab == label:
                m[row, bases[article] + start : bases[article] + end] = 1
    return m


def expected_alpha(articles, students, label):
    """krippendorff's alpha, or None when every value is the same (the package refuses that)."""
    m = matrix(articles, students, label)
    if m.min() == m.max():
        return None
    return krippendorff.alpha(reliability_data=m, level_of_measurement="nominal")


def exact_f1(a, b):
    return None if not a and not b else 2 * len(a & b) / (len(a) + len(b))


def mean_pairwise_exact_f1(students, label):
    only = [{m for m in marks if m[1] == label} for marks in students]
    defined = [f for a, b in itertools.combinations(only, 2) if (f := exact_f1(a, b)) is not None]
    return sum(defined) / len(defined) if defined else None


def exact_scores(key, answer):
    """(matched, missed, extra, precision, recall, f1) of `answer` against `key`, exact matching."""
    matched = len(key & answer)
    missed, extra = len(key) - matched, len(answer) - matched
    precision = matched / len(answer) if answer else None
    recall = matched / len(key) if key else None
    f1 = 2 * matched / (len(key) + len(answer)) if key or answer else None
    return matched, missed, extra, precision, recall, f1


def number(cell):
    return None if cell == "" else float(cell)


class Agreement(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.articles, cls.truth, cls.students = generate(random.Random(20261125))
        cls.folder = tempfile.TemporaryDirectory(prefix="na-agreement-")
        folder = Path(cls.folder.name)
        cls.exercise, cls.submissions = write_files(folder, cls.articles, cls.truth, cls.students)
        cls.out = folder / "out"
        cls.failure = None
        if not binary().exists():
            cls.failure = f"{binary()} is missing: run bash scripts/consumers.sh"
            return
        run = subprocess.run(
            [binary(), "class", "--exercise", cls.exercise, "--out", cls.out, *cls.submissions],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            cls.failure = f"na-convert class exited with {run.returncode}:\n{run.stdout}{run.stderr}"

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def table(self, name, header):
        if self.failure:
            self.fail(self.failure)
        # The tables start with a byte order mark (for Excel); utf-8-sig reads past it, as pandas does.
        with open(self.out / name, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            self.assertEqual(reader.fieldnames, header, name)
            return list(reader)

    def test_the_generated_files_are_sound(self):
        self.assertEqual(len(self.submissions), STUDENTS)
        for path in [self.exercise, *self.submissions]:
            doc = json.loads(path.read_text(encoding="utf-8"))
            annotations = doc.get("key", doc.get("annotations"))
            keys = [(a["article"], a["label"], a["start"], a["end"]) for a in annotations]
            self.assertEqual(len(keys), len(set(keys)), path.name)
            for a in annotations:
                text = TEXTS[a["article"]]
                self.assertTrue(0 <= a["start"] < a["end"] <= len(text), a)
                self.assertEqual(text[a["start"] : a["end"]], a["exact"])
                self.assertFalse(a["exact"][0].isspace() or a["exact"][-1].isspace(), a)
        # The students agree in part, and every label varies.
        for label in LABELS:
            alpha = expected_alpha(self.articles, self.students, label)
            self.assertIsNotNone(alpha, label)
            self.assertTrue(0.2 < alpha < 0.99, (label, alpha))

    def test_alpha_is_krippendorffs(self):
        rows = self.table(
            "agreement.csv", ["label", "alpha", "pairwise_f1_exact", "pairwise_f1_overlap", "students"]
        )
        self.assertEqual([r["label"] for r in rows], LABELS)
        for row in rows:
            label = row["label"]
            want = expected_alpha(self.articles, self.students, label)
            got = number(row["alpha"])
            self.assertIsNotNone(got, label)
            self.assertAlmostEqual(got, want, places=5, msg=label)
            self.assertAlmostEqual(
                number(row["pairwise_f1_exact"]),
                mean_pairwise_exact_f1(self.students, label),
                places=5,
                msg=label,
            )
            self.assertTrue(0 <= number(row["pairwise_f1_overlap"]) <= 1, label)

    def test_each_students_exact_scores_are_counted_right(self):
        header = ["student", "file", "label", "matching", "matched", "missed", "extra", "precision", "recall", "f1"]
        rows = self.table("class-table.csv", header)
        self.assertEqual(len(rows), STUDENTS * len(LABELS) * 2)
        order = [(label, matching) for label in LABELS for matching in ("exact", "overlap")]
        for n, (path, marks) in enumerate(zip(self.submissions, self.students), start=1):
            student = f"Student {n}"
            mine = [r for r in rows if r["student"] == student]
            self.assertEqual([(r["label"], r["matching"]) for r in mine], order, student)
            for label in LABELS:
                key = {m for m in self.truth if m[1] == label}
                answer = {m for m in marks if m[1] == label}
                exact, overlap = [r for r in mine if r["label"] == label]
                where = f"{student} {label}"
                self.assertEqual(Path(exact["file"]).name, path.name, where)
                matched, missed, extra, *ratios = exact_scores(key, answer)
                counts = [int(exact[c]) for c in ("matched", "missed", "extra")]
                self.assertEqual(counts, [matched, missed, extra], where)
                for column, want in zip(("precision", "recall", "f1"), ratios):
                    got = number(exact[column])
                    if want is None:
                        self.assertIsNone(got, f"{where} {column}")
                    else:
                        self.assertAlmostEqual(got, want, delta=0.00051, msg=f"{where} {column}")
                # Overlap: every span is a match, a miss or an extra.
                m, miss, ext = (int(overlap[c]) for c in ("matched", "missed", "extra"))
                self.assertEqual((m + miss, m + ext), (len(key), len(answer)), where)


if __name__ == "__main__":
    unittest.main()
