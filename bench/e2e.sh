#!/usr/bin/env bash
# End-to-end benchmark of dcsc against pandoc (docs/performance.md).
#
#   bench/e2e.sh                 # scales 1 2 4
#   SCALES="1" RUNS=5 bench/e2e.sh
#
# For each scale it generates the large statement (bench/Dcsc.Bench.Generator), then times in one hyperfine run:
#   - dcsc lint <statement>                          (fresh process)
#   - dcsc build <statement> --format md,html,docx  (lint + layout + Markdown + HTML + DOCX)
#   - pandoc md -> html and pandoc md -> docx of dcsc's own Markdown output of the same statement
# and measures peak memory (RSS) with /usr/bin/time -v. dcsc is a published Release build: self-contained,
# composite ReadyToRun (PUBLISH=framework for the framework-dependent ReadyToRun build, as the .NET tool is).
# Needs: .NET 10 SDK, hyperfine, pandoc, GNU time, python3 (apt-get install -y hyperfine pandoc time python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
SCALES="${SCALES:-1 2 4}"
RUNS="${RUNS:-5}"            # hyperfine runs of the dcsc commands
PANDOC_RUNS="${PANDOC_RUNS:-3}"
RID="${RID:-linux-x64}"
PUBLISH="${PUBLISH:-self-contained}"

for tool in hyperfine pandoc python3 /usr/bin/time dotnet; do
  command -v "$tool" >/dev/null || { echo "e2e.sh: $tool is missing (apt-get install -y hyperfine pandoc time python3)" >&2; exit 2; }
done

mkdir -p "$OUT"
echo "== publishing dcsc (Release, ReadyToRun, $RID, $PUBLISH)" >&2
# ReadyToRun intermediates of a composite and a framework-dependent publish must not be mixed.
rm -rf "$ROOT/src/Dcsc.Cli/obj/Release/net10.0/$RID" "$OUT/dcsc"
if [ "$PUBLISH" = framework ]; then sc=false; else sc=true; fi
dotnet publish "$ROOT/src/Dcsc.Cli" -c Release -r "$RID" --self-contained "$sc" -o "$OUT/dcsc" -v quiet -nologo >&2
DCSC="$OUT/dcsc/dcsc"
echo "== building the generator" >&2
dotnet build "$ROOT/bench/Dcsc.Bench.Generator" -c Release -v quiet -nologo >&2
GEN="$ROOT/bench/Dcsc.Bench.Generator/bin/Release/net10.0/Dcsc.Bench.Generator"

peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'; }

summary="$OUT/e2e-summary.tsv"
printf "scale\tlines\tlint_ms\tlint_sd\tbuild_ms\tbuild_sd\tpandoc_html_ms\tpandoc_docx_ms\tratio\tlint_peak_mb\tbuild_peak_mb\tpandoc_docx_peak_mb\n" > "$summary"

for s in $SCALES; do
  yaml="$OUT/large-x$s.yaml"
  dir="$OUT/x$s"
  mkdir -p "$dir"
  "$GEN" --scale "$s" -o "$yaml"
  # dcsc's own Markdown (and a check that the statement lints and builds in all three formats)
  "$DCSC" build "$yaml" -o "$dir" --format md,html,docx > "$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
  md="$dir/large-x$s.md"
  echo "== scale $s: $(wc -l < "$yaml") lines of YAML, $(wc -c < "$md") bytes of Markdown" >&2

  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$dir/dcsc.json" \
    -n "dcsc lint" "$DCSC lint $yaml" \
    -n "dcsc build md,html,docx" "$DCSC build $yaml -o $dir/build --format md,html,docx" >&2
  hyperfine -N --runs "$PANDOC_RUNS" --export-json "$dir/pandoc.json" \
    -n "pandoc md->html" "pandoc -f markdown -t html5 -s --metadata title=bench -o $dir/pandoc.html $md" \
    -n "pandoc md->docx" "pandoc -f markdown -t docx -o $dir/pandoc.docx $md" >&2

  lint_peak=$(peak_kb "$DCSC" lint "$yaml")
  build_peak=$(peak_kb "$DCSC" build "$yaml" -o "$dir/build" --format md,html,docx)
  pandoc_peak=$(peak_kb pandoc -f markdown -t docx -o "$dir/pandoc.docx" "$md")

  python3 - "$dir/dcsc.json" "$dir/pandoc.json" "$s" "$(wc -l < "$yaml")" "$lint_peak" "$build_peak" "$pandoc_peak" >> "$summary" <<'EOF'
import json, sys
d = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
p = {r["command"]: r for r in json.load(open(sys.argv[2]))["results"]}
ms = lambda r: r["mean"] * 1000
sd = lambda r: (r["stddev"] or 0) * 1000
lint, build = d["dcsc lint"], d["dcsc build md,html,docx"]
html, docx = p["pandoc md->html"], p["pandoc md->docx"]
ratio = ms(build) / (ms(html) + ms(docx))
print("\t".join([sys.argv[3], sys.argv[4], f"{ms(lint):.0f}", f"{sd(lint):.0f}", f"{ms(build):.0f}", f"{sd(build):.0f}",
                 f"{ms(html):.0f}", f"{ms(docx):.0f}", f"{ratio:.3f}",
                 f"{int(sys.argv[5]) / 1024:.0f}", f"{int(sys.argv[6]) / 1024:.0f}", f"{int(sys.argv[7]) / 1024:.0f}"]))
EOF
done

echo
echo "== summary (times: mean of hyperfine runs, ms; ratio = dcsc build / (pandoc html + pandoc docx); peaks: max RSS, MB)"
column -t -s $'\t' "$summary"
python3 - "$summary" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = {r["scale"]: r for r in rows}
if "1" in by and "4" in by:
    for k in ("lint_ms", "build_ms"):
        print(f"x4/x1 {k[:-3]}: {float(by['4'][k]) / float(by['1'][k]):.2f} (target <= 4.4)")
EOF
