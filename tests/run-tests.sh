#!/usr/bin/env bash
# The project's one test command: installs what the tests need, then runs every test.
#   python3-sqlglot  parses glue/sql as Spark SQL and glue/validation as Trino (Athena) SQL
#   python3-pandas   the pandas baseline of the benchmarks (not needed by the tests themselves)
#   python3-botocore the official AWS service models (botocore/data/*/service-2.json) the Aws tests check requests against
#   chromium         Debian's browser, headless, for the EndToEnd dashboard test ([Trait("Requires", "chromium")]: the page as
#                    rendered, its console, a 430 px screen); ~113 MB of packages, about 5 s to fetch and 20 s to unpack here
# The tests call /usr/bin/python3, Debian's interpreter, where apt installs these modules.
# npm: cdk-nag and aws-cdk-lib for the Infra tests' cdk-nag check (Node.js 20+), pinned by
#   tests/PurchasePipeline.Infra.Tests/nag/package-lock.json, into its gitignored node_modules;
#   asl-validator for the EndToEnd tests, pinned by tests/PurchasePipeline.EndToEnd.Tests/asl-validator/package-lock.json;
#   aws-sdk 2.1693.0 (the last v2 JS SDK) for the Aws tests, pinned by tests/PurchasePipeline.Aws.Tests/aws-sdk-models/package-lock.json:
#   its apis/*.min.json are the CURRENT service models (members, required, protocol), where Debian's botocore
#   (1.29.27, December 2022) has the constraints (enums, patterns, min/max) but misses newer members. ~100 MB.
# NuGet: PowerShell 7.6.10, the pwsh dotnet tool (7.7.0 does not run here), into the gitignored
#   tests/PurchasePipeline.EndToEnd.Tests/pwsh for the `completion pwsh` test. ~70 MB, about 5 s.
#
# tests/run-tests.sh --without-tools [dotnet test options]: installs nothing and runs every test but those that need
# a tool, which carry [Trait("Requires", "TOOL")] (tests/README.md). It first says which traits it leaves out and
# how many tests carry each; the traits are read from the tests themselves, so a new one is left out as well.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--without-tools" ]; then
  shift
  mapfile -t tools < <(grep -rhE --include='*.cs' '^\s*\[Trait\("Requires", "[^"]+"\)\]' tests | sed -E 's/.*"([^"]+)"\)\]\s*$/\1/' | sort -u)
  filter=$(printf 'Requires!=%s&' "${tools[@]}")
  dotnet build StateMachine.sln --nologo -v q
  for tool in "${tools[@]}"; do
    # Listing only the test projects whose sources name the trait: one discovery of the whole solution takes a minute.
    count=0
    for project in $(grep -rlE --include='*.cs' "^\s*\[Trait\(\"Requires\", \"$tool\"\)\]" tests | cut -d/ -f2 | sort -u); do
      listed=$(dotnet test "tests/$project" --no-build --list-tests --filter "Requires=$tool" | grep -c '^    ' || true)
      count=$((count + listed))
    done
    echo "left out: $count tests with [Trait(\"Requires\", \"$tool\")]"
  done
  exec dotnet test StateMachine.sln --no-build --filter "${filter%&}" "$@"
fi

need=()
/usr/bin/python3 -c 'import sqlglot' 2>/dev/null || need+=(python3-sqlglot)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
/usr/bin/python3 -c 'import botocore' 2>/dev/null || need+=(python3-botocore)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${need[*]} (apt)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

nag=tests/PurchasePipeline.Infra.Tests/nag
if [ ! -d "$nag/node_modules/cdk-nag" ] || [ "$nag/package-lock.json" -nt "$nag/node_modules/.package-lock.json" ]; then
  echo "installing cdk-nag (npm ci in $nag)"
  npm ci --prefix "$nag" --no-audit --no-fund --loglevel=error
fi

asl=tests/PurchasePipeline.EndToEnd.Tests/asl-validator
if [ ! -d "$asl/node_modules/asl-validator" ] || [ "$asl/package-lock.json" -nt "$asl/node_modules/.package-lock.json" ]; then
  echo "installing asl-validator (npm ci in $asl)"
  npm ci --prefix "$asl" --no-audit --no-fund --loglevel=error
fi

models=tests/PurchasePipeline.Aws.Tests/aws-sdk-models
if [ ! -d "$models/node_modules/aws-sdk" ] || [ "$models/package-lock.json" -nt "$models/node_modules/.package-lock.json" ]; then
  echo "installing aws-sdk (npm ci in $models)"
  npm ci --prefix "$models" --no-audit --no-fund --loglevel=error
fi

pwsh=tests/PurchasePipeline.EndToEnd.Tests/pwsh
if [ ! -d "$pwsh/.store/powershell/7.6.10" ]; then
  echo "installing PowerShell 7.6.10 (dotnet tool update --tool-path $pwsh)"
  dotnet tool update PowerShell --version 7.6.10 --tool-path "$pwsh" >/dev/null
fi

dotnet test StateMachine.sln "$@"
