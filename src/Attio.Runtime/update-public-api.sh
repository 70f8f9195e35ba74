#!/usr/bin/env bash
# Refreshes PublicAPI.Unshipped.txt after a reviewed public API change of Attio.Runtime.
# 1) the code fix of RS0016/RS0017 adds new and removes gone symbols; 2) symbols of source-generated code (the JSON
# context), which the code fix does not visit, are taken from the build's RS0016 messages. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")"
dotnet format analyzers Attio.Runtime.csproj --diagnostics RS0016 RS0017 --severity warn
missing=$(dotnet build Attio.Runtime.csproj 2>&1 | grep -oP "RS0016: Symbol '\K[^']+(?=' is not part)" | sort -u || true)
if [ -n "$missing" ]; then
  { head -1 PublicAPI.Unshipped.txt; { tail -n +2 PublicAPI.Unshipped.txt; echo "$missing"; } | sort -u; } > PublicAPI.Unshipped.tmp
  mv PublicAPI.Unshipped.tmp PublicAPI.Unshipped.txt
fi
git diff --stat -- PublicAPI.Shipped.txt PublicAPI.Unshipped.txt
