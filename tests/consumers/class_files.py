"""The files of a classroom exercise for test_agreement.py: an exercise (with a key) on two or three
bundled articles and six students' submissions, drawn from a seeded random.Random so that the students
partly agree: a set of "true" spans (entities nested in some quotes), of which each student keeps each
with some probability, some with their ends moved a few characters, plus a few random extras. Spans are
trimmed of whitespace, never empty, and never repeated (article, label, start, end) within one file."""

import hashlib
import json

from common import ROOT, TEXTS

LABELS = ["claim", "quote", "entity"]
STUDENTS = 6
# Span lengths in code points per label, before trimming.
LENGTHS = {"claim": (40, 160), "quote": (20, 100), "entity": (4, 24)}
OFFSETS = "unicode-code-points, end-exclusive"


def trimmed(text, start, end):
    """[start, end) clamped to the text without whitespace at either end, or None if nothing is left."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def random_span(rng, text, label, within=None):
    """A span of `label` somewhere in `text` (or inside `within`), trimmed; None if it trims away."""
    lo, hi = within or (0, len(text))
    length = rng.randint(*LENGTHS[label])
    start = rng.randrange(lo, max(lo + 1, hi - min(length, hi - lo) + 1))
    return trimmed(text, start, min(hi, start + length))


def record(id, article, label, start, end, time):
    text = TEXTS[article]
    return {
        "id": id,
        "article": article,
        "label": label,
        "kind": "person" if label == "entity" else None,
        "note": "",
        "start": start,
        "end": end,
        "exact": text[start:end],
        "prefix": text[max(0, start - 32) : start],
        "suffix": text[end : end + 32],
        "created": time,
        "updated": time,
    }


def records(prefix, marks, time):
    """Annotation records for a set of (article, label, start, end), in a stable order."""
    return [record(f"{prefix}-{i + 1}", *m, time) for i, m in enumerate(sorted(marks))]


def generate(rng):
    """(articles [(id, title)], key marks, [student marks]); a mark is (article, label, start, end)."""
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    chosen = rng.sample(manifest, rng.choice([2, 3]))
    articles = [(entry["id"], entry["title"]) for entry in chosen]
    truth = set()
    for article, _ in articles:
        text = TEXTS[article]
        for label, count in (("claim", 5), ("quote", 5), ("entity", 8)):
            for _ in range(count):
                span = random_span(rng, text, label)
                if span:
                    truth.add((article, label, *span))
        # Entities nested in quotes.
        for _, _, start, end in [t for t in sorted(truth) if t[0] == article and t[1] == "quote"]:
            if rng.random() < 0.6:
                span = random_span(rng, text, "entity", within=(start, end))
                if span:
                    truth.add((article, "entity", *span))
    students = []
    for _ in range(STUDENTS):
        keep, jitter = rng.uniform(0.55, 0.95), rng.uniform(0.1, 0.5)
        marks = set()
        for article, label, start, end in sorted(truth):
            if rng.random() >= keep:
                continue
            if rng.random() < jitter:
                span = trimmed(TEXTS[article], start + rng.randint(-4, 4), end + rng.randint(-4, 4))
                if not span:
                    continue
                start, end = span
            marks.add((article, label, start, end))
        for _ in range(rng.randint(0, 4)):
            article, _ = rng.choice(articles)
            label = rng.choice(LABELS)
            span = random_span(rng, TEXTS[article], label)
            if span:
                marks.add((article, label, *span))
        students.append(marks)
    return articles, truth, students


def article_entries(articles):
    return [
        {
            "id": id,
            "title": title,
            "sha256": hashlib.sha256(TEXTS[id].encode("utf-8")).hexdigest(),
            "length": len(TEXTS[id]),
        }
        for id, title in articles
    ]


def write_files(folder, articles, truth, students):
    """The exercise and the submissions; returns (exercise path, [submission paths])."""
    exercise = {
        "format": "news-annotator-exercise",
        "version": 1,
        "id": "ex-test",
        "title": "Cross-check",
        "instructions": "",
        "labels": LABELS,
        "created": "2026-11-25T10:00:00.000Z",
        "offsets": OFFSETS,
        "articles": article_entries(articles),
        "key": records("key", truth, "2026-11-25T10:00:00.000Z"),
    }
    exercise_path = folder / "exercise.json"
    exercise_path.write_text(json.dumps(exercise, ensure_ascii=False, indent=1), encoding="utf-8")
    paths = []
    for n, marks in enumerate(students, start=1):
        submission = {
            "format": "news-annotator-submission",
            "version": 1,
            "exercise": "ex-test",
            "exercise_title": "Cross-check",
            "student": f"Student {n}",
            "saved": "2026-11-25T11:00:00.000Z",
            "offsets": OFFSETS,
            "articles": article_entries(articles),
            "annotations": records(f"s{n}", marks, "2026-11-25T11:00:00.000Z"),
        }
        path = folder / f"student-{n}.json"
        path.write_text(json.dumps(submission, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return exercise_path, paths
