package dev.strata.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret scan finds a password wherever it occurs, and its report never repeats it. */
class SecretsTest {

    @Test
    void findsEverySecretAndMasksItInTheReport() {
        List<Secrets.Output> outputs = List.of(
                new Secrets.Output("stdout of strata migrate", "Migrating postgresql://app:***@db/app\nall fine\n"),
                new Secrets.Output("stderr of strata status", "first\nerror: bad url postgresql://app:Pa55-word-1@db\n"),
                new Secrets.Output("this JVM's console", "Other-Secret-2 and Pa55-word-1 on one line\n"));

        List<String> leaks = Secrets.find(outputs, List.of("Pa55-word-1", "Other-Secret-2"));

        assertThat(leaks).containsExactly(
                "secret #0 (11 chars) in stderr of strata status, line 2: error: bad url postgresql://app:<secret>@db",
                "secret #0 (11 chars) in this JVM's console, line 1: <secret> and <secret> on one line",
                "secret #1 (14 chars) in this JVM's console, line 1: <secret> and <secret> on one line");
    }

    @Test
    void findsNothingInCleanOutput() {
        assertThat(Secrets.find(List.of(new Secrets.Output("stdout", "postgresql://app:***@db/app\n")),
                List.of("Pa55-word-1"))).isEmpty();
    }
}
