package dev.strata.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords holding URL delimiters: they work percent-encoded, as libpq and pgjdbc expect, and unencoded they give an
 * error that explains the encoding and shows no part of the password (each half is a distinctive word to look for).
 */
class DatabaseUrlSecretsTest {
    private static final String FRONT = "Alpha7";
    private static final String BACK = "Omega9";

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @ParameterizedTest(name = "password with {0}")
    @ValueSource(strings = {"?", "/", ":", "@", "#", "%", " ", "&", "?/:@#% &="})
    void percentEncodedPasswordWorksInTheUserInfo(String special) {
        String password = FRONT + special + BACK;
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:" + encoded(password) + "@db.example:5433/orders"
                + "?sslmode=require", "test");

        assertThat(url.password()).contains(password);
        assertThat(url.user()).contains("app");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/orders?sslmode=require");
        assertThat(url).hasToString("postgresql://app:***@db.example:5433/orders?sslmode=require");
    }

    @ParameterizedTest(name = "password with {0}")
    @ValueSource(strings = {"?", "/", ":", "@", "#", "%", " ", "&", "?/:@#% &="})
    void percentEncodedPasswordWorksAsJdbcParameter(String special) {
        String password = FRONT + special + BACK;
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example/orders?user=app&password="
                + encoded(password) + "&ssl=true", "test");

        assertThat(url.password()).contains(password);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/orders?ssl=true");
        assertThat(url).hasToString("jdbc:postgresql://db.example/orders?user=app&password=***&ssl=true");
    }

    @ParameterizedTest(name = "password with unencoded {0}")
    @ValueSource(strings = {"#", " ", ":", "@"})
    void unencodedCharactersThatLibpqAcceptsWorkAndAreMaskedWhole(String special) {
        String password = FRONT + special + BACK;
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:" + password + "@h:5432/db", "test");

        assertThat(url.password()).contains(password);
        assertThat(url).hasToString("postgresql://app:***@h:5432/db");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgresql://app:Alpha7?Omega9@h:5432/db|'/' as %2F, '?' as %3F",
            "postgresql://app:Alpha7/Omega9@h:5432/db|'/' as %2F, '?' as %3F",
            "postgresql://app:Alpha7?x=Omega9@h:5432/db|'/' as %2F, '?' as %3F",
            "postgres://app:Alpha7/Omega9@h/db?application_name=a@b|'/' as %2F, '?' as %3F",
            "postgresql://app:Alpha7%Omega9@h/db|the password has a malformed %-escape",
            "postgresql://h/db?password=Alpha7%Omega9|the password has a malformed %-escape",
            "jdbc:postgresql://h/db?user=app&password=Alpha7&Omega9|the password parameter holds an unencoded '&'",
            "jdbc:postgresql://app:Alpha7Omega9@h/db|takes no user:password@ part",
            "jdbc:postgresql://app:Alpha7?Omega9@h/db|takes no user:password@ part",
            "host=h port=5432 password=Alpha7Omega9 dbname=db|it is a libpq key=value connection string",
            "host=h password='Alpha7 Omega9' dbname=db|it is a libpq key=value connection string",
            "mysql://app:Alpha7/Omega9@h/db|it must start with postgresql://",
    })
    void unparsableUrlIsShownWithoutAnyPartOfThePassword(String raw, String reason) {
        assertThatThrownBy(() -> DatabaseUrl.parse(raw, "environment variable STRATA_DATABASE__URL"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage() + "\n" + e.hint()).doesNotContain(FRONT).doesNotContain(BACK);
                    assertThat(e.getMessage()).contains("(from environment variable STRATA_DATABASE__URL)")
                            .contains("(user name and password not shown)");
                    if (reason != null) {
                        assertThat(e.getMessage()).contains(reason);
                    }
                    assertThat(e.hint()).contains("percent-encode", "%25", "%2F", "%3F", "%40", "%23", "%20");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgresql://app:Alpha7/Omega9@db.example:5432/orders|postgresql://db.example:5432/orders",
            "postgresql://app:Alpha7?Omega9@db.example/orders?sslmode=bogus|postgresql://db.example/orders?sslmode=bogus",
            "jdbc:postgresql://h/db?user=app&password=Alpha7&Omega9&ssl=true|jdbc:postgresql://h/db?user=app&ssl=true",
            "host=h password=Alpha7Omega9 dbname=db|host=h dbname=db",
    })
    void theShownUrlKeepsWhatIsNotACredential(String raw, String shown) {
        assertThatThrownBy(() -> DatabaseUrl.parse(raw, "test"))
                .hasMessageContaining("'" + shown + "' (user name and password not shown)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "error at jdbc:postgresql://h/db?user=u&password=Alpha7Omega9 failed: FATAL no|"
                    + "error at jdbc:postgresql://h/db?user=u&password=*** failed: FATAL no",
            "'postgresql://u:Alpha7Omega9@h/db' refused|'postgresql://u:***@h/db' refused",
            "conninfo host=h password=Alpha7Omega9 dbname=x|conninfo host=h password=*** dbname=x",
            "conninfo host=h password='Alpha7 Omega9' dbname=x|conninfo host=h password=*** dbname=x",
    })
    void redactionStopsWhereThePasswordEnds(String text, String redacted) {
        assertThat(DatabaseUrl.redact(text)).isEqualTo(redacted);
    }
}
