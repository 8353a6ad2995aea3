"""Turn a News Annotator "spaCy training tuples" export into a spaCy DocBin for `spacy train`.

    python to_docbin.py news-annotations-2026-11-24.spacy-tuples.json train.spacy [--lang en]

The export is a JSON list of [text, {"entities": [[start, end, label], ...]}], offsets in Unicode code
points, end exclusive (Python's str indices), with no overlapping entities, so each text's entities go
straight into doc.ents. Only spaCy's tokenizer is used (spacy.blank), so no model is downloaded. An
entity that does not start and end on a token boundary of that tokenizer is refused, naming it: pass
alignment_mode="expand" to char_span below if you would rather widen it to whole tokens.
"""

import argparse
import json
import sys

import spacy
from spacy.tokens import DocBin


def docs_from_tuples(nlp, data):
    """One Doc per [text, {"entities": [...]}] item, its entities in doc.ents."""
    for index, (text, annotations) in enumerate(data):
        doc = nlp.make_doc(text)
        ents = []
        for start, end, label in annotations["entities"]:
            span = doc.char_span(start, end, label=label)
            if span is None:
                raise ValueError(
                    f"item {index}: {label} {text[start:end]!r} ({start}-{end}) does not start and "
                    f"end on token boundaries"
                )
            ents.append(span)
        doc.ents = ents  # raises if two entities overlap
        yield doc


def main(argv):
    parser = argparse.ArgumentParser(description="spaCy training tuples (JSON) to a DocBin (.spacy)")
    parser.add_argument("source", help="the .spacy-tuples.json export")
    parser.add_argument("target", help="the .spacy file to write")
    parser.add_argument("--lang", default="en", help="the language of spaCy's tokenizer (default: en)")
    args = parser.parse_args(argv)
    with open(args.source, encoding="utf-8") as f:
        data = json.load(f)
    nlp = spacy.blank(args.lang)
    docs = list(docs_from_tuples(nlp, data))
    DocBin(docs=docs, store_user_data=False).to_disk(args.target)
    ents = sum(len(doc.ents) for doc in docs)
    print(f"{args.target}: {len(docs)} docs, {ents} entities")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
