#!/usr/bin/env bash
# The lint benchmark (issue #15; results: benchmarks/results/2026-12-02-lint.md).
#   benchmarks/lint.sh [files smallFiles largeTableMb runs]   default: 1000 100 1024 3
# Builds the CLI and the harness first (no tests); needs about 3 GB of free disk for the large table and its WAL.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl benchmarks -am package
args=("$@")
if [ ${#args[@]} -eq 0 ]; then args=(1000 100 1024 3); fi
exec java -Dstrata.project.root="$PWD" -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  dev.strata.bench.LintBenchmark "${args[@]}"
