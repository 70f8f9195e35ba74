#!/usr/bin/env bash
# Refreshes PublicAPI.Unshipped.txt from the build's RS0016 messages after a reviewed public API change. Review the diff.
set -euo pipefail
cd "$(dirname "$0")"
missing=$(dotnet build Attio.Outbox.Sqlite.csproj 2>&1 | grep -oP "RS0016: Symbol '\K[^']+(?=' is not part of)" | sort -u || true)
if [ -n "$missing" ]; then
  { head -1 PublicAPI.Unshipped.txt; { tail -n +2 PublicAPI.Unshipped.txt; echo "$missing"; } | sort -u; } > PublicAPI.Unshipped.tmp
  mv PublicAPI.Unshipped.tmp PublicAPI.Unshipped.txt
fi
git diff --stat -- PublicAPI.Unshipped.txt
