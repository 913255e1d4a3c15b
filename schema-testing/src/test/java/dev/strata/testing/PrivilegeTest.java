package dev.strata.testing;

import dev.strata.migrations.config.DatabaseUrl;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A server user without CREATEDB gets an error that names the privilege and the fix. */
@MigratedDatabase
class PrivilegeTest {

    @Test
    void aUserWithoutCreatedbIsToldWhatToGrant(DSLContext dsl, TestDatabase database) {
        assumeTrue("on".equals(dsl.fetchValue("show is_superuser")), "needs a superuser to create a role");
        String role = "strata_no_createdb_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        dsl.execute("create role " + role + " login nocreatedb password 'pw'");
        String hostAndPort = database.jdbcUrl().replaceFirst("^jdbc:postgresql://([^/]*)/.*$", "$1");
        try (PostgresServer server = PostgresServer.connect("a server", DatabaseUrl.parse("postgresql://" + role
                + ":pw@" + hostAndPort + "/postgres", "test"), () -> { }, CopyStrategy.SERVER_DEFAULT)) {
            assertThatThrownBy(() -> server.createDatabase("strata_never_created", Optional.empty()))
                    .isInstanceOf(TestDatabaseException.class)
                    .hasMessageContaining("refused to create database strata_never_created: " + role
                            + " lacks the CREATEDB privilege [SQLSTATE 42501]")
                    .hasMessageContaining("What to do: run ALTER ROLE " + role + " CREATEDB on that server, or point"
                            + " STRATA_TEST_DATABASE_URL at a user that has it")
                    .hasMessageNotContaining(":pw@");
        } finally {
            dsl.execute("drop role " + role);
        }
    }
}
