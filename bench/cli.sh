#!/usr/bin/env bash
# Times na-convert on 1,000 files of 100 annotations each (100,000 annotations in all).
#
#   bash bench/cli.sh                         # merge, validate, and convert to native and conll
#   NA_BENCH_FORMATS="native csv spacy" bash bench/cli.sh
#
# Builds na-convert (release), writes the files to target/bench-cli/in/ (News Annotator JSON on the
# five bundled articles; every annotation a span no other has, so the merge keeps all 100,000), then
# runs each command once under /usr/bin/time -v and prints its wall-clock seconds and peak memory.
# The issue's bar: a thousand files and a hundred thousand annotations in seconds.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$REPO_ROOT"

FILES="${NA_BENCH_FILES:-1000}"
PER_FILE="${NA_BENCH_PER_FILE:-100}"
FORMATS="${NA_BENCH_FORMATS:-native conll}"
WORK="$REPO_ROOT/target/bench-cli"
BIN="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/na-convert"

echo "bench/cli.sh: building na-convert (release)"
cargo build --release --quiet --bin na-convert

rm -rf "$WORK"
mkdir -p "$WORK/in"
echo "bench/cli.sh: writing $FILES files of $PER_FILE annotations to ${WORK#"$REPO_ROOT"/}/in/"
python3 - "$WORK/in" "$FILES" "$PER_FILE" <<'EOF'
import hashlib, json, os, sys

out, files, per_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
manifest = json.load(open("seeds/manifest.json", encoding="utf-8"))
articles = []
for entry in manifest:
    text = open(os.path.join("seeds", entry["file"]), encoding="utf-8", newline="").read()
    articles.append((entry, text))
labels = [("claim", None), ("quote", None), ("entity", "person"), ("entity", "organization"),
          ("entity", "place"), ("entity", "other")]
listed = [{"id": e["id"], "title": e["title"], "sha256": hashlib.sha256(t.encode()).hexdigest(),
           "length": len(t)} for e, t in articles]
for f in range(files):
    annotations = []
    for j in range(per_file):
        g = f * per_file + j
        entry, text = articles[g % len(articles)]
        k = g // len(articles)
        room = len(text) - 10
        start, width = k % room, 1 + k // room
        end = start + width
        label, kind = labels[g % len(labels)]
        annotations.append({
            "id": f"f{f}-{j}", "article": entry["id"], "label": label, "kind": kind, "note": "",
            "start": start, "end": end, "exact": text[start:end],
            "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32],
            "created": "2025-02-15T08:00:00.000Z", "updated": "2025-02-15T08:00:00.000Z",
        })
    annotations.sort(key=lambda a: ([e["id"] for e, _ in articles].index(a["article"]),
                                    a["start"], -a["end"]))
    doc = {"format": "news-annotator", "version": 1, "exported": "2026-11-24T10:00:00.000Z",
           "offsets": "unicode-code-points, end-exclusive", "articles": listed,
           "annotations": annotations}
    with open(os.path.join(out, f"{f:04d}.json"), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
EOF
du -sh "$WORK/in" | awk '{print "bench/cli.sh: input size " $1}'

# timed NAME CMD...: runs CMD once, its output in $WORK/NAME.log, and prints seconds and peak memory.
timed() {
  local name="$1"; shift
  local log="$WORK/$name.log" rc=0
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$log" 2>&1 || rc=$?
    awk -v name="$name" '
      /Elapsed \(wall clock\) time/ { n = split($NF, p, ":"); s = p[n] + (n > 1 ? 60 * p[n-1] : 0) + (n > 2 ? 3600 * p[n-2] : 0) }
      /Maximum resident set size/ { kb = $NF }
      END { printf "%-18s %7.2f s  %7.1f MB peak\n", name, s, kb / 1024 }' "$WORK/$name.time"
  else
    local start end
    start=$(date +%s.%N)
    "$@" >"$log" 2>&1 || rc=$?
    end=$(date +%s.%N)
    awk -v name="$name" -v a="$start" -v b="$end" 'BEGIN { printf "%-18s %7.2f s\n", name, b - a }'
  fi
  if [[ $rc -ne 0 ]]; then
    echo "bench/cli.sh: $name failed (exit $rc); last lines of ${log#"$REPO_ROOT"/}:" >&2
    tail -n 20 "$log" >&2
    return "$rc"
  fi
  tail -n 1 "$log" | sed 's/^/                   /'
}

shopt -s nullglob
inputs=("$WORK"/in/*.json)
echo "bench/cli.sh: $BIN on ${#inputs[@]} files ($(nproc) cores)"
timed validate "$BIN" validate "${inputs[@]}"
timed merge-native "$BIN" merge --to native --out "$WORK/merged.json" "${inputs[@]}"
for format in $FORMATS; do
  timed "convert-$format" "$BIN" convert --to "$format" --out "$WORK/out-$format" "${inputs[@]}"
done
timed merged-to-conll "$BIN" convert --to conll --out "$WORK/out-merged" "$WORK/merged.json"
