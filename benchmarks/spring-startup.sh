#!/usr/bin/env bash
# Start-up time of the example Spring Boot application with and without Strata (issue #16; results:
# benchmarks/results/<date>-spring-startup.md, method in benchmarks/README.md, "Spring Boot start-up").
#   benchmarks/spring-startup.sh [--runs 10] [--url postgresql://user[:password]@host:port/db] [--results FILE]
# Builds the example application and the harness (no tests), writes the application's runtime class path, then runs
# the harness on an embedded PostgreSQL (or the given server, whose user may CREATE DATABASE).
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run, so that the class path names the Strata jars this build packaged (not ~/.m2's).
mvn -B -q -DskipTests -pl benchmarks,examples/spring-boot-app -am package dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime.classpath
app=examples/spring-boot-app
# The application's own classes first, then its dependencies (reactor modules as the jars `package` just built).
echo "$app/target/classes:$(cat $app/target/runtime.classpath)" > "$app/target/startup.classpath"
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  dev.strata.bench.SpringStartupBenchmark "$app/target/startup.classpath" "$@"
