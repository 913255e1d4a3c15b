#!/usr/bin/env bash
# Strata against Flyway Community and psql on generated migrations (method and results: benchmarks/README.md).
#   benchmarks/run.sh [--url postgresql://user[:password]@host:port/db] [--sizes 100,1000,10000] [--runs 5] ...
# Builds the CLI and the harness first (no tests), then runs the harness; --help lists every option.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl benchmarks -am package
exec java -Dstrata.project.root="$PWD" -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  dev.strata.bench.BenchmarkMain "$@"
