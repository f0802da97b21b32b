#!/usr/bin/env bash
# Brings the package inputs of tools/gen_dictionary.py onto this machine (docs/dictionary.md):
# Debian's python3-pydicom (DICOM 2022a data) and the npm package dcmjs 0.52.2, unpacked into
# tools/.inputs/dcmjs (ignored by git). .ci/run calls it so that the dictionary --check test runs in CI.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f /usr/lib/python3/dist-packages/pydicom/_dicom_dict.py ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-pydicom >/dev/null
fi
if [ ! -f .inputs/dcmjs/package.json ] || ! grep -q '"version": "0.52.2"' .inputs/dcmjs/package.json; then
  rm -rf .inputs/dcmjs && mkdir -p .inputs/dcmjs
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent dcmjs@0.52.2 >/dev/null && tar xzf dcmjs-0.52.2.tgz)
  cp -r "$tmp"/package/. .inputs/dcmjs/
  rm -rf "$tmp"
fi
echo "dictionary inputs: pydicom $(sed -n 's/^__version__.*= *.\([0-9.]*\).*/\1/p' /usr/lib/python3/dist-packages/pydicom/_version.py), dcmjs 0.52.2"
