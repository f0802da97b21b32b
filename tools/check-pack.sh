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

# The RID-specific tool package (.NET SDK 10): the installed tool is this platform's precompiled package, not
# the portable fallback (docs/performance.md: start-up of a fresh process per lint).
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid= ;; esac
for r in linux-x64 linux-arm64 win-x64 osx-arm64 any; do
  ls "$artifacts"/dcsc.$r.*.nupkg >/dev/null || { echo "check-pack: no $r tool package" >&2; exit 1; }
done
if [ -n "$rid" ]; then
  ls -d "$tmp/tools/.store/dcsc/"*/"dcsc.$rid" >/dev/null || { echo "check-pack: the installed tool is not the $rid package" >&2; exit 1; }
fi

"$tmp/tools/dcsc" --version | tee "$tmp/version.txt"
grep -q '^dcsc [0-9]' "$tmp/version.txt"

"$tmp/tools/dcsc" init "$tmp/project" >/dev/null
"$tmp/tools/dcsc" lint "$tmp/project/statement.yaml" --format github --format sarif="$tmp/lint.sarif"
grep -q '"version": "2.1.0"' "$tmp/lint.sarif"
echo "check-pack: the dcsc tool package installs and runs"
