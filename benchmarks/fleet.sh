#!/usr/bin/env bash
# The fleet benchmark (issue #17; results: benchmarks/README.md, "Fleet").
#   benchmarks/fleet.sh [tenants databases loopTenants parallel...]   default: 1000 20 20 1 4 8
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl benchmarks -am package
args=("$@")
if [ ${#args[@]} -eq 0 ]; then args=(1000 20 20 1 4 8); fi
exec java -Dstrata.project.root="$PWD" -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  dev.strata.bench.FleetBenchmark "${args[@]}"
