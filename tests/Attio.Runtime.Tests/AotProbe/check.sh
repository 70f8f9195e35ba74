#!/usr/bin/env bash
# Trim/AOT analysis of Attio.Runtime as a consumer sees it: a trimmed publish of this probe must produce no IL warning.
# (A full Native AOT publish needs the platform linker toolchain; trimming runs the same IL analysis without it.)
set -euo pipefail
cd "$(dirname "$0")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet publish AotProbe.csproj -c Release -r linux-x64 --self-contained -o "$out/bin" 2>&1 | tee "$out/log"
if grep -E 'warning IL[0-9]+' "$out/log"; then
  echo "Trim/AOT analysis reported IL warnings" >&2
  exit 1
fi
echo "Trim/AOT analysis: no IL warnings"
