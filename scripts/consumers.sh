#!/usr/bin/env bash
# Checks that the tools people feed our exports to accept them: spaCy, seqeval, a brat reader, and
# Python's json and csv modules; and that the classroom's agreement (na-convert class) is what Python's
# krippendorff package computes (tests/consumers/test_agreement.py writes its own exercise and
# submissions and runs the command).
#
#   bash scripts/consumers.sh     # also the `consumers` step of scripts/test.sh
#
# 1. installs the pinned Python packages into target/py if needed (bash scripts/setup.sh python);
# 2. builds na-convert (release) and converts two inputs to every format, into target/consumers/
#    <input stem><format extension>: tests/fixtures/native-export.json (six annotations on the bundled
#    articles) and tests/consumers/emoji-export.json (twelve on tests/consumers/articles/emoji-news.txt,
#    whose emojis set code points, UTF-16 units and bytes apart; see tests/consumers/common.py);
# 3. runs the Python tests in tests/consumers/ (python -m unittest) against those files and the article
#    texts; unittest's summary ("Ran N tests", then "OK" or "FAILED (failures=K)") ends the output.
# Exits non-zero when a step or a test fails.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

bash scripts/setup.sh python
PY="${NA_PY_VENV:-$REPO_ROOT/target/py}/bin/python"
BIN="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/na-convert"
OUT="${NA_CONSUMERS_DIR:-$REPO_ROOT/target/consumers}"
# Every format key (na-convert --help lists them).
FORMATS=(native w3c doccano label-studio brat spacy spacy-tuples prodigy conll csv)

echo "consumers: building na-convert (release)"
cargo build --release --quiet --bin na-convert

rm -rf "$OUT"
mkdir -p "$OUT"
echo "consumers: converting the test inputs to every format into ${OUT#"$REPO_ROOT"/}/"
for format in "${FORMATS[@]}"; do
  "$BIN" convert --to "$format" --out "$OUT" --articles tests/consumers/articles \
    tests/fixtures/native-export.json tests/consumers/emoji-export.json | sed 's/^/  /'
done

echo "consumers: $("$PY" -c 'import spacy, seqeval, pybrat, krippendorff, sys; print("Python", sys.version.split()[0], "spaCy", spacy.__version__)')"
export NA_CONSUMERS_DIR="$OUT" PYTHONDONTWRITEBYTECODE=1
# unittest reports on stderr; scripts/test.sh counts its summary from stdout.
"$PY" -m unittest discover --start-directory tests/consumers --pattern 'test_*.py' --verbose 2>&1
