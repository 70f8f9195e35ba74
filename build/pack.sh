#!/usr/bin/env bash
# Builds the packages a user installs into a local folder feed:
#   Attio.Runtime   the runtime, with the source generator and code fixes in its analyzer folder
#   Attio.Emulator  the local Attio (AttioEmulator.StartAsync for tests; `dotnet Attio.Emulator.dll` standalone)
#   Attio.Cli       the `attio` dotnet tool (schema pull / diff / check, outbox status / list / retry / purge)
#   Attio.Outbox.Sqlite  durable delivery: the outbox in one SQLite file (UseSqliteOutbox)
#   Attio.Outbox.PostgreSql  the outbox shared by a fleet in PostgreSQL (UsePostgresOutbox)
#   Attio.AspNetCore  the delivery dashboard (MapAttioDashboard)
#
#   bash build/pack.sh [--output DIR] [--version VERSION] [--configuration CONFIG]
#
# Defaults: artifacts/packages, the <Version> of Directory.Build.props, Release. The package tests run this script, so
# what they install is what a user gets.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
output="$root/artifacts/packages"
version=""
configuration="Release"

while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output) output="$2"; shift 2 ;;
    -v|--version) version="$2"; shift 2 ;;
    -c|--configuration) configuration="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pack.sh: unknown argument '$1' (try --help)" >&2; exit 3 ;;
  esac
done

mkdir -p "$output"
output="$(cd "$output" && pwd)"
args=(-c "$configuration" -o "$output" --nologo)
[ -n "$version" ] && args+=("-p:Version=$version")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for project in src/Attio.Runtime/Attio.Runtime.csproj src/Attio.Emulator/Attio.Emulator.csproj src/Attio.Cli/Attio.Cli.csproj \
    src/Attio.Outbox.Sqlite/Attio.Outbox.Sqlite.csproj src/Attio.Outbox.PostgreSql/Attio.Outbox.PostgreSql.csproj src/Attio.AspNetCore/Attio.AspNetCore.csproj; do
  dotnet pack "$root/$project" "${args[@]}"
done

echo
echo "Packages in $output:"
ls -1 "$output" | grep -E '\.nupkg$' | sed 's/^/  /'
cat <<CONFIG

To install from this folder, add it as a package source in a nuget.config next to your project (or solution):

<configuration>
  <packageSources>
    <add key="attio-local" value="$output" />
  </packageSources>
</configuration>

then: dotnet add package Attio.Runtime${version:+ --version $version}     (and Attio.Emulator for tests, Attio.Outbox.Sqlite for durable delivery)
      dotnet tool install --global Attio.Cli --add-source "$output"${version:+ --version $version}
CONFIG
