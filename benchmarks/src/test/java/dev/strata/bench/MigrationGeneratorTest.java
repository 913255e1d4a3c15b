package dev.strata.bench;

import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.SqlSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationGeneratorTest {

    @Test
    void sameBytesEveryTime(@TempDir Path first, @TempDir Path second) throws IOException {
        List<Path> a = MigrationGenerator.generate(40, first);
        List<Path> b = MigrationGenerator.generate(40, second);
        assertThat(a).hasSize(40);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).getFileName()).isEqualTo(b.get(i).getFileName());
            assertThat(Files.readAllBytes(a.get(i))).isEqualTo(Files.readAllBytes(b.get(i)));
        }
    }

    @Test
    void namesFollowStrataAndFlywayConventionsWithIncreasingVersions() {
        for (int i = 1; i <= 25; i++) {
            assertThat(MigrationGenerator.fileName(i)).matches("V" + i + "__[a-z0-9_]+\\.sql");
        }
    }

    @Test
    void everyFileSplitsIntoStatementsAndTheMixCoversWhatToolsMustHandle() {
        String all = IntStream.rangeClosed(1, 10).mapToObj(MigrationGenerator::content).collect(Collectors.joining("\n"));
        for (int i = 1; i <= 10; i++) {
            List<SqlStatement> statements = SqlSplitter.split(MigrationGenerator.content(i));
            assertThat(statements).as("statements of file %d", i).isNotEmpty();
        }
        assertThat(all).contains("references entity_1 (id)", "create unique index", "where status <> 'archived'",
                "alter table", "insert into", "create view", "language plpgsql as $$", "$body$", "comment on",
                "/* Archived rows keep their score /* nested comment */");
        // The $$ body holds semicolons: a naive splitter would cut it.
        List<SqlStatement> triggers = SqlSplitter.split(MigrationGenerator.content(3));
        assertThat(triggers.get(0).sql()).startsWith("create or replace function").endsWith("$$");
        assertThat(triggers).hasSize(4);
    }

    @Test
    void psqlDriverRunsFilesInVersionOrderEachInItsOwnTransaction(@TempDir Path directory) throws IOException {
        Path migrations = directory.resolve("m");
        MigrationGenerator.generate(12, migrations);
        List<String> lines = Files.readAllLines(PsqlTool.driverFor(migrations));
        List<String> includes = lines.stream().filter(line -> line.startsWith("\\i ")).toList();
        assertThat(includes).hasSize(12);
        assertThat(includes.get(8)).contains("V9__");
        assertThat(includes.get(9)).contains("V10__");
        int ten = lines.indexOf(includes.get(9));
        assertThat(lines.subList(ten - 1, ten + 3)).containsExactly("begin;", includes.get(9),
                "insert into bookkeeping (version, script) values (10, '" + MigrationGenerator.fileName(10) + "');",
                "commit;");
    }
}
