#!/usr/bin/env bash
# End-to-end benchmark of dcsc against pandoc (docs/performance.md).
#
#   bench/e2e.sh                 # scales 1 2
#   SCALES="1" RUNS=5 bench/e2e.sh
#
# dcsc is measured as users get it (PUBLISH=tool, the default): `dotnet pack` of the tool for this machine's
# runtime identifier (the precompiled RID-specific package) and `dotnet tool install` into bench/out/tool.
# PUBLISH=self-contained (composite ReadyToRun) or PUBLISH=framework (dotnet publish -r RID) measure those builds.
#
# In one run it times with hyperfine:
#   - dcsc lint of every bundled example, a fresh process each (the < 0.5 s target);
#   - for each scale, the large statement of bench/Dcsc.Bench.Generator (its IODs in included files): dcsc lint,
#     dcsc build --format md,html,docx, and pandoc md -> html and md -> docx of dcsc's own Markdown;
#     dcsc build --format pdf once per scale when WeasyPrint is installed;
# and measures peak memory (RSS) with /usr/bin/time -v. Scale 4 (4.9 MB of YAML) is over the input limits
# (4 MiB per statement with its includes, docs/limits.md), so the scaling check compares x2 with x1.
# Needs: .NET 10 SDK, hyperfine, pandoc, GNU time, python3 (apt-get install -y hyperfine pandoc time python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
SCALES="${SCALES:-1 2}"
RUNS="${RUNS:-5}"            # hyperfine runs of the dcsc commands
PANDOC_RUNS="${PANDOC_RUNS:-3}"
RID="${RID:-linux-x64}"
PUBLISH="${PUBLISH:-tool}"

for tool in hyperfine pandoc python3 /usr/bin/time dotnet; do
  command -v "$tool" >/dev/null || { echo "e2e.sh: $tool is missing (apt-get install -y hyperfine pandoc time python3)" >&2; exit 2; }
done

mkdir -p "$OUT"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$PUBLISH" = tool ]; then
  echo "== packing and installing the dcsc tool ($RID package)" >&2
  rm -rf "$OUT/tool" "$OUT/tool-pkg" "$OUT/tool-nuget"
  dotnet pack "$ROOT/src/Dcsc.Cli" -c Release -o "$OUT/tool-pkg" -v quiet -nologo \
    "-p:ToolRuntimes=$RID" >&2
  NUGET_PACKAGES="$OUT/tool-nuget" dotnet tool install dcsc --tool-path "$OUT/tool" --add-source "$OUT/tool-pkg" >&2
  DCSC="$OUT/tool/dcsc"
else
  echo "== publishing dcsc (Release, ReadyToRun, $RID, $PUBLISH)" >&2
  # ReadyToRun intermediates of a composite and a framework-dependent publish must not be mixed.
  rm -rf "$ROOT/src/Dcsc.Cli/obj/Release/net10.0/$RID" "$OUT/dcsc"
  if [ "$PUBLISH" = framework ]; then sc=false; else sc=true; fi
  dotnet publish "$ROOT/src/Dcsc.Cli" -c Release -r "$RID" --self-contained "$sc" -o "$OUT/dcsc" -v quiet -nologo >&2
  DCSC="$OUT/dcsc/dcsc"
fi
echo "== building the generator" >&2
dotnet build "$ROOT/bench/Dcsc.Bench.Generator" -c Release -v quiet -nologo >&2
GEN="$ROOT/bench/Dcsc.Bench.Generator/bin/Release/net10.0/Dcsc.Bench.Generator"

peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'; }

echo "== lint of each bundled example" >&2
examples=()
for f in "$ROOT"/examples/*.yaml; do examples+=(-n "$(basename "$f")" "$DCSC lint $f"); done
hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$OUT/examples.json" "${examples[@]}" >&2
python3 - "$OUT/examples.json" > "$OUT/examples-summary.tsv" <<'PY'
import json, sys
print("example\tlint_ms\tlint_sd\tmin_ms\tmax_ms")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"]}\t{r["mean"]*1000:.0f}\t{(r["stddev"] or 0)*1000:.0f}\t{r["min"]*1000:.0f}\t{r["max"]*1000:.0f}')
PY

summary="$OUT/e2e-summary.tsv"
printf "scale\tlines\tlint_ms\tlint_sd\tbuild_ms\tbuild_sd\tpandoc_html_ms\tpandoc_docx_ms\tratio\tpdf_ms\tlint_peak_mb\tbuild_peak_mb\tpandoc_docx_peak_mb\n" > "$summary"

for s in $SCALES; do
  yaml="$OUT/large-x$s.yaml"
  dir="$OUT/x$s"
  mkdir -p "$dir"
  "$GEN" --scale "$s" -o "$yaml"
  lines=$(cat "$yaml" "$OUT/large-x$s-iods"/*.yaml | wc -l)
  # dcsc's own Markdown (and a check that the statement lints and builds in all three formats)
  "$DCSC" build "$yaml" -o "$dir" --format md,html,docx > "$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
  md="$dir/large-x$s.md"
  echo "== scale $s: $lines lines of YAML, $(wc -c < "$md") bytes of Markdown" >&2

  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$dir/dcsc.json" \
    -n "dcsc lint" "$DCSC lint $yaml" \
    -n "dcsc build md,html,docx" "$DCSC build $yaml -o $dir/build --format md,html,docx" >&2
  hyperfine -N --runs "$PANDOC_RUNS" --export-json "$dir/pandoc.json" \
    -n "pandoc md->html" "pandoc -f markdown -t html5 -s --metadata title=bench -o $dir/pandoc.html $md" \
    -n "pandoc md->docx" "pandoc -f markdown -t docx -o $dir/pandoc.docx $md" >&2

  lint_peak=$(peak_kb "$DCSC" lint "$yaml")
  build_peak=$(peak_kb "$DCSC" build "$yaml" -o "$dir/build" --format md,html,docx)
  pandoc_peak=$(peak_kb pandoc -f markdown -t docx -o "$dir/pandoc.docx" "$md")
  pdf_ms=""
  if command -v weasyprint >/dev/null; then
    start=$(date +%s%N)
    "$DCSC" build "$yaml" -o "$dir/pdf" --format pdf > "$dir/pdf.log" 2>&1 && pdf_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  fi

  python3 - "$dir/dcsc.json" "$dir/pandoc.json" "$s" "$lines" "$lint_peak" "$build_peak" "$pandoc_peak" "$pdf_ms" >> "$summary" <<'PY'
import json, sys
d = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
p = {r["command"]: r for r in json.load(open(sys.argv[2]))["results"]}
ms = lambda r: r["mean"] * 1000
sd = lambda r: (r["stddev"] or 0) * 1000
lint, build = d["dcsc lint"], d["dcsc build md,html,docx"]
html, docx = p["pandoc md->html"], p["pandoc md->docx"]
ratio = ms(build) / (ms(html) + ms(docx))
print("\t".join([sys.argv[3], sys.argv[4], f"{ms(lint):.0f}", f"{sd(lint):.0f}", f"{ms(build):.0f}", f"{sd(build):.0f}",
                 f"{ms(html):.0f}", f"{ms(docx):.0f}", f"{ratio:.3f}", sys.argv[8] or "-",
                 f"{int(sys.argv[5]) / 1024:.0f}", f"{int(sys.argv[6]) / 1024:.0f}", f"{int(sys.argv[7]) / 1024:.0f}"]))
PY
done

echo
echo "load (1, 5, 15 min): before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg); dcsc as $PUBLISH"
echo "== lint of the bundled examples (ms; target < 500)"
column -t -s $'\t' "$OUT/examples-summary.tsv"
echo
echo "== large statement (times: mean of hyperfine runs, ms; ratio = dcsc build / (pandoc html + pandoc docx); pdf: one run; peaks: max RSS, MB)"
column -t -s $'\t' "$summary"
python3 - "$summary" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = {r["scale"]: r for r in rows}
for big in ("2", "4"):
    if "1" in by and big in by:
        for k in ("lint_ms", "build_ms", "lint_peak_mb", "build_peak_mb"):
            target = f"{1.1 * int(big):.1f}" if k.endswith("_ms") else big
            print(f"x{big}/x1 {k}: {float(by[big][k]) / float(by['1'][k]):.2f} (target <= {target})")
PY
