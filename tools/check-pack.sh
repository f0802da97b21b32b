#!/usr/bin/env bash
# Packs dcsc as a .NET tool, installs the package into a temporary tool path (as a user would with
# `dotnet tool install --global dcsc --add-source ./artifacts`) and runs it: --version, init, lint.
# Run from anywhere; exits non-zero on the first failure. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
artifacts="$tmp/artifacts"

dotnet pack src/Dcsc.Cli -c Release -o "$artifacts" --nologo -v quiet
ls "$artifacts"/dcsc.*.nupkg >/dev/null

# A private package folder, so that a package of the same version cached earlier is not installed instead.
NUGET_PACKAGES="$tmp/nuget" dotnet tool install dcsc --tool-path "$tmp/tools" --add-source "$artifacts"

"$tmp/tools/dcsc" --version | tee "$tmp/version.txt"
grep -q '^dcsc [0-9]' "$tmp/version.txt"

"$tmp/tools/dcsc" init "$tmp/project" >/dev/null
"$tmp/tools/dcsc" lint "$tmp/project/statement.yaml" --format github --format sarif="$tmp/lint.sarif"
grep -q '"version": "2.1.0"' "$tmp/lint.sarif"
echo "check-pack: the dcsc tool package installs and runs"
