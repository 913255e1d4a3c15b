package dev.strata.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";

    private static DatabaseUrl parse(String url) {
        return DatabaseUrl.parse(url, "test");
    }

    @Nested
    class Libpq {
        @Test
        void fullUrlIsSplitIntoJdbcUrlPropertiesAndCredentials() {
            DatabaseUrl url = parse(
                    "postgresql://user:p%40ss@host:5433/db?sslmode=require&connect_timeout=5&application_name=x");

            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db?sslmode=require");
            assertThat(url.properties()).containsOnly(entry("connectTimeout", "5"), entry("ApplicationName", "x"));
            assertThat(url.user()).contains("user");
            assertThat(url.password()).contains("p@ss");
        }

        @Test
        void postgresSchemeIsAnAlias() {
            DatabaseUrl url = parse("postgres://app:secret@db.example.com/orders");

            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/orders");
            assertThat(url.user()).contains("app");
            assertThat(url.password()).contains("secret");
            assertThat(url.properties()).isEmpty();
        }

        @Test
        void surroundingWhitespaceIsIgnored() {
            assertThat(parse("  postgresql://host/db \n").jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
        }

        @Test
        void userWithoutPasswordAndNoCredentials() {
            DatabaseUrl withUser = parse("postgresql://alice@host/db");
            assertThat(withUser.user()).contains("alice");
            assertThat(withUser.password()).isEmpty();

            DatabaseUrl anonymous = parse("postgresql://host/db");
            assertThat(anonymous.user()).isEmpty();
            assertThat(anonymous.password()).isEmpty();
        }

        @Test
        void emptyHostMeansTheDefaultUnixSocketAsInLibpq() {
            String directory = LocalSocket.defaultDirectory();
            assertThat(directory).isIn("/var/run/postgresql", "/tmp");

            DatabaseUrl url = parse("postgresql:///db");
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
            assertThat(url.properties()).containsEntry("socketFactoryArg", directory + "/.s.PGSQL.5432")
                    .containsKey("socketFactory");
            assertThat(parse("postgresql:///db?port=5433").properties())
                    .containsEntry("socketFactoryArg", directory + "/.s.PGSQL.5433");
            assertThat(parse("postgresql://").properties()).containsKey("socketFactory");
        }

        @Test
        void percentEncodedCredentialsAndDatabaseAreDecoded() {
            DatabaseUrl url = parse("postgresql://us%3Aer:a%2Fb%3Fc%26d+e@host/my%20db");

            assertThat(url.user()).contains("us:er");
            assertThat(url.password()).contains("a/b?c&d+e");
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/my%20db");
        }

        @Test
        void userAndPasswordQueryParametersAreCredentialsNotUrlParameters() {
            DatabaseUrl url = parse("postgresql://host/db?user=bob&password=s3cret&sslmode=verify-full");

            assertThat(url.user()).contains("bob");
            assertThat(url.password()).contains("s3cret");
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db?sslmode=verify-full")
                    .doesNotContain("s3cret");
        }

        @Test
        void portQueryParameterReplacesThePort() {
            assertThat(parse("postgresql://host:5432/db?port=6543").jdbcUrl())
                    .isEqualTo("jdbc:postgresql://host:6543/db");
            assertThat(parse("postgresql://host/db?port=6543").jdbcUrl()).isEqualTo("jdbc:postgresql://host:6543/db");
        }

        @Test
        void ipv6HostWithAndWithoutPort() {
            assertThat(parse("postgresql://[::1]:5432/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
            assertThat(parse("postgresql://u:pw@[::1]/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]/db");
            assertThat(parse("postgresql://[2001:db8::7]:6000/db").jdbcUrl())
                    .isEqualTo("jdbc:postgresql://[2001:db8::7]:6000/db");
        }

        @Test
        void multipleHostsAreKept() {
            assertThat(parse("postgresql://h1:5432,h2:5433/db?target_session_attrs=read-write").jdbcUrl())
                    .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?target_session_attrs=read-write");
        }
    }

    @Nested
    class UnixSocket {
        @Test
        void hostQueryParameter() {
            DatabaseUrl url = parse("postgresql:///db?host=/var/run/postgresql");

            assertThat(url.properties()).containsOnly(entry("socketFactory", SOCKET_FACTORY),
                    entry("socketFactoryArg", "/var/run/postgresql/.s.PGSQL.5432"));
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
        }

        @Test
        void hostQueryParameterWithPortParameter() {
            DatabaseUrl url = parse("postgresql://me@/db?host=%2Ftmp&port=5433");

            assertThat(url.properties()).containsEntry("socketFactoryArg", "/tmp/.s.PGSQL.5433");
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/db");
            assertThat(url.user()).contains("me");
        }

        @Test
        void percentEncodedHost() {
            DatabaseUrl url = parse("postgresql://%2Fvar%2Frun%2Fpostgresql/db");

            assertThat(url.properties()).containsOnly(entry("socketFactory", SOCKET_FACTORY),
                    entry("socketFactoryArg", "/var/run/postgresql/.s.PGSQL.5432"));
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db");
        }

        @Test
        void percentEncodedHostWithPortInTheAuthority() {
            // libpq: postgresql://%2Fvar%2Frun%2Fpostgresql:5433/db uses /var/run/postgresql/.s.PGSQL.5433
            DatabaseUrl url = parse("postgresql://%2Fvar%2Frun%2Fpostgresql:5433/db");

            assertThat(url.properties()).containsEntry("socketFactoryArg", "/var/run/postgresql/.s.PGSQL.5433");
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/db");
        }

        @Test
        void hostQueryParameterWithPortInTheAuthority() {
            DatabaseUrl url = parse("postgresql://:5433/db?host=/tmp");

            assertThat(url.properties()).containsEntry("socketFactoryArg", "/tmp/.s.PGSQL.5433");
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/db");
        }

        @Test
        void encodedColonIsPartOfTheSocketDirectory() {
            assertThat(parse("postgresql://%2Fodd%3Adir/db").properties())
                    .containsEntry("socketFactoryArg", "/odd:dir/.s.PGSQL.5432");
        }

        @Test
        void percentEncodedHostWithPortParameter() {
            DatabaseUrl url = parse("postgresql://u:pw@%2Fvar%2Frun%2Fpostgresql/db?port=6000&connect_timeout=3");

            assertThat(url.properties()).containsOnly(entry("socketFactory", SOCKET_FACTORY),
                    entry("socketFactoryArg", "/var/run/postgresql/.s.PGSQL.6000"), entry("connectTimeout", "3"));
            assertThat(url.user()).contains("u");
            assertThat(url.password()).contains("pw");
        }

        @Test
        void badSocketPortIsRejected() {
            assertThatThrownBy(() -> parse("postgresql:///db?host=/tmp&port=0"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("port '0' is not a number from 1 to 65535");
            assertThatThrownBy(() -> parse("postgresql://u:hunter2@%2Ftmp:x/db"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("port 'x' is not a number from 1 to 65535")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Nested
    class Jdbc {
        @Test
        void aBadPortIsAConfigurationErrorBeforeTheDriverSeesIt() {
            for (String url : new String[] {"jdbc:postgresql://localhost:99999/db", "jdbc:postgresql://h:0/db",
                    "jdbc:postgresql://a:5432,b:port/db", "jdbc:postgresql://localhost:99999"}) {
                assertThatThrownBy(() -> parse(url)).as(url).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("is not a number from 1 to 65535");
            }
            assertThat(parse("jdbc:postgresql://[::1]:5433/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
            assertThat(parse("jdbc:postgresql:db").jdbcUrl()).isEqualTo("jdbc:postgresql:db");
        }

        @Test
        void credentialsAreExtractedFromTheQuery() {
            DatabaseUrl url = parse("jdbc:postgresql://host/db?user=u&password=secret");

            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db").doesNotContain("secret");
            assertThat(url.user()).contains("u");
            assertThat(url.password()).contains("secret");
            assertThat(url.properties()).isEmpty();
        }

        @Test
        void otherParametersArePassedThrough() {
            DatabaseUrl url = parse("jdbc:postgresql://host:5433/db?password=p%26w&ssl=true&user=u");

            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5433/db?ssl=true");
            assertThat(url.password()).contains("p&w");
        }

        @Test
        void withoutQuery() {
            DatabaseUrl url = parse("jdbc:postgresql://localhost/postgres");

            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/postgres");
            assertThat(url.user()).isEmpty();
            assertThat(url.password()).isEmpty();
        }
    }

    @Nested
    class Errors {
        @Test
        void unknownSchemeIsRejectedWithoutShowingThePassword() {
            assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@host/db", "environment variable X"))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.getMessage())
                                .contains("database.url (from environment variable X)")
                                .contains("'mysql://host/db' (user name and password not shown)")
                                .contains("postgresql://, postgres:// or jdbc:postgresql://")
                                .doesNotContain("hunter2");
                        assertThat(e.hint()).contains("percent-encode").doesNotContain("hunter2");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "postgresql://u:hunter2@host:99999/db",
                "postgresql://u:hunter2@host:0/db",
                "postgresql://u:hunter2@host:abc/db",
                "postgresql://u:hunter2@host/db?port=x",
                "postgresql://host/db?password=hunter2&port=70000",
                "postgresql://u:hunter2@h1:5432,h2:port/db",
        })
        void badPortIsRejectedWithoutShowingThePassword(String raw) {
            assertThatThrownBy(() -> parse(raw))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("is not a number from 1 to 65535")
                    .hasMessageContaining("(from test)")
                    .hasMessageContaining("(user name and password not shown)")
                    .hasMessageNotContaining("hunter2");
        }

        @Test
        void malformedEscapeIsRejectedWithoutShowingThePassword() {
            assertThatThrownBy(() -> parse("postgresql://u:hunter2%zz@host/db"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the password has a malformed %-escape")
                    .hasMessageContaining("%25")
                    .hasMessageNotContaining("hunter2");
        }

        @Test
        void parameterWithoutValueIsRejectedWithoutShowingThePassword() {
            assertThatThrownBy(() -> parse("postgresql://u:hunter2@host/db?sslmode"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("query parameter 'sslmode' is not name=value")
                    .hasMessageNotContaining("hunter2");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "postgresql://u:hunter2@host/db?sslmode=bogus|sslmode 'bogus' is not one of disable, allow, prefer",
                "jdbc:postgresql://host/db?password=hunter2&sslmode=Require|sslmode 'Require' is not one of",
                "postgresql://u:hunter2@host/db?connect_timeout=abc|connect_timeout 'abc' is not a whole number",
                "jdbc:postgresql://host/db?connectTimeout=-1&password=hunter2|connectTimeout '-1' is not a whole",
                "postgresql://u:hunter2@[::1:5432/db|the IPv6 address after [ has no closing ]",
        })
        void valuesTheDriverWouldOnlyRejectWhenConnectingAreRejectedHere(String rawAndMessage) {
            String[] parts = rawAndMessage.split("\\|");
            assertThatThrownBy(() -> parse(parts[0]))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(parts[1])
                    .hasMessageNotContaining("hunter2");
        }

        @Test
        void emptyIsRejected() {
            assertThatThrownBy(() -> parse("")).isInstanceOf(ConfigurationException.class);
            assertThatThrownBy(() -> parse("host/db")).isInstanceOf(ConfigurationException.class);
        }
    }

    @Nested
    class Redaction {
        @Test
        void toStringMasksUserinfoPassword() {
            DatabaseUrl url = parse("postgresql://user:p%40ss@host:5433/db?sslmode=require");

            assertThat(url).hasToString("postgresql://user:***@host:5433/db?sslmode=require");
        }

        @Test
        void toStringMasksQueryPassword() {
            assertThat(parse("jdbc:postgresql://host/db?user=u&password=secret"))
                    .hasToString("jdbc:postgresql://host/db?user=u&password=***");
            assertThat(parse("postgresql://host/db?password=secret&sslmode=require"))
                    .hasToString("postgresql://host/db?password=***&sslmode=require");
        }

        @Test
        void toStringKeepsUrlsWithoutPasswordsAsGiven() {
            assertThat(parse("postgresql://alice@host:5432/db")).hasToString("postgresql://alice@host:5432/db");
            assertThat(parse("postgresql://host:5432/db")).hasToString("postgresql://host:5432/db");
        }

        @Test
        void redactMasksBothForms() {
            assertThat(DatabaseUrl.redact("postgresql://u:secret@h/db?password=other&a=b"))
                    .isEqualTo("postgresql://u:***@h/db?password=***&a=b");
            assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?PASSWORD=secret"))
                    .isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
            assertThat(DatabaseUrl.redact("postgres://u:@h/db")).isEqualTo("postgres://u:***@h/db");
        }

        @Test
        void passwordWithAnUnencodedAtSignIsMaskedWhole() {
            // the parser splits user info at the last '@' of the authority; the mask must cover the same text
            DatabaseUrl url = parse("postgresql://u:p@ss@h:5432/db?application_name=a@b");

            assertThat(url.password()).contains("p@ss");
            assertThat(url).hasToString("postgresql://u:***@h:5432/db?application_name=a@b");
            assertThat(DatabaseUrl.redact("mysql://u:p@ss@h/db")).isEqualTo("mysql://u:***@h/db");
            assertThatThrownBy(() -> parse("postgresql://u:top@secret@h:99999/db"))
                    .hasMessageContaining("'postgresql://h:99999/db' (user name and password not shown)")
                    .hasMessageNotContaining("secret");
        }

        @Test
        void sslPasswordAndSlashesInThePasswordAreMasked() {
            assertThat(DatabaseUrl.redact("postgresql://h/db?sslmode=verify-full&sslpassword=keypass9"))
                    .isEqualTo("postgresql://h/db?sslmode=verify-full&sslpassword=***");
            assertThat(DatabaseUrl.redact("postgresql://u:pa/ss@h/db")).isEqualTo("postgresql://u:***@h/db");
        }

        @Test
        void atSignInTheQueryIsNotMistakenForUserInfo() {
            assertThat(DatabaseUrl.redact("postgresql://h:5432/db?application_name=a@b"))
                    .isEqualTo("postgresql://h:5432/db?application_name=a@b");
            assertThat(DatabaseUrl.redact("postgresql://u@h:5432/db")).isEqualTo("postgresql://u@h:5432/db");
        }

        @Test
        void redactWorksOnUnparseableText() {
            assertThat(DatabaseUrl.redact("mysql://root:hunter2@host/db")).isEqualTo("mysql://root:***@host/db");
            assertThat(DatabaseUrl.redact("not a url")).isEqualTo("not a url");
        }

        @Test
        void redactLeavesPortsAlone() {
            assertThat(DatabaseUrl.redact("postgresql://host:5432/db")).isEqualTo("postgresql://host:5432/db");
            assertThat(DatabaseUrl.redact("postgresql://[::1]:5432/db")).isEqualTo("postgresql://[::1]:5432/db");
        }

        @Test
        void propertiesAreImmutable() {
            Map<String, String> properties = parse("postgresql://host/db?connect_timeout=5").properties();
            assertThatThrownBy(() -> properties.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
