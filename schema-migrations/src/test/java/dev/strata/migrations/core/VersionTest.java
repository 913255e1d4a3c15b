package dev.strata.migrations.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    private static Version v(String text) {
        return Version.parse(text);
    }

    private static List<BigInteger> ints(long... values) {
        List<BigInteger> result = new ArrayList<>();
        for (long value : values) {
            result.add(BigInteger.valueOf(value));
        }
        return result;
    }

    @Nested
    class Parsing {
        @Test
        void singleNumber() {
            assertThat(v("1").parts()).isEqualTo(ints(1));
            assertThat(v("1")).hasToString("1");
        }

        @Test
        void dottedGroups() {
            assertThat(v("1.2").parts()).isEqualTo(ints(1, 2));
            assertThat(v("2.1.3").parts()).isEqualTo(ints(2, 1, 3));
        }

        @Test
        void underscoreSeparatedGroupsAreShownWithDots() {
            assertThat(v("1_2").parts()).isEqualTo(ints(1, 2));
            assertThat(v("1_2")).hasToString("1.2");
            assertThat(v("2_1.3")).hasToString("2.1.3");
        }

        @Test
        void timestampVersionsDoNotOverflow() {
            assertThat(v("20241021142330").parts()).isEqualTo(ints(20241021142330L));
            Version huge = v("99999999999999999999999999");
            assertThat(huge.parts()).containsExactly(new BigInteger("99999999999999999999999999"));
            assertThat(huge).isGreaterThan(v("20241021142330"));
        }

        @Test
        void leadingZerosAreNumericButKeptInText() {
            assertThat(v("001").parts()).isEqualTo(ints(1));
            assertThat(v("001")).isEqualTo(v("1"));
            assertThat(v("001")).hasToString("001");
        }

        @Test
        void trailingZeroGroupsDoNotCount() {
            assertThat(v("1.0").parts()).isEqualTo(ints(1));
            assertThat(v("1.0.0").parts()).isEqualTo(ints(1));
            assertThat(v("1.0.2").parts()).isEqualTo(ints(1, 0, 2));
            assertThat(v("0").parts()).isEqualTo(ints(0));
            assertThat(v("0.0").parts()).isEqualTo(ints(0));
        }

        @Test
        void partsAreUnmodifiable() {
            assertThatThrownBy(() -> v("1.2").parts().add(BigInteger.TEN))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "1..2", "1.", ".1", "a", "1-2", "1a", " 1", "1 ", "1__2", "_1", "1._2", "v1", "-1",
                "1.2.", "١"})
        void invalidFormsAreRejected(String raw) {
            assertThat(Version.isValid(raw)).isFalse();
            assertThatThrownBy(() -> Version.parse(raw))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid version '" + raw + "'")
                    .hasMessageContaining("digit groups separated by '.' or '_'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "1.2", "1_2", "20241021142330", "001", "1.0", "1_2.3"})
        void validFormsAreAccepted(String raw) {
            assertThat(Version.isValid(raw)).isTrue();
        }

        @Test
        void nullIsRejected() {
            assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Ordering {
        @ParameterizedTest(name = "{0} > {1}")
        @CsvSource({
                "1.10, 1.9",
                "2, 1.99",
                "10, 9",
                "1.0.1, 1",
                "1.1, 1.0.9",
                "20241021142330, 20241021142329",
                "2, 1_999",
                "0.1, 0",
        })
        void comparesNumericallyPartByPart(String greater, String smaller) {
            assertThat(v(greater).compareTo(v(smaller))).isPositive();
            assertThat(v(smaller).compareTo(v(greater))).isNegative();
            assertThat(v(greater)).isNotEqualTo(v(smaller));
        }

        @Test
        void oneEqualsOnePointZeroEqualsOneUnderscoreZero() {
            Version one = v("1");
            Version onePointZero = v("1.0");
            Version oneUnderscoreZero = v("1_0");
            assertThat(one.compareTo(onePointZero)).isZero();
            assertThat(one.compareTo(oneUnderscoreZero)).isZero();
            assertThat(one).isEqualTo(onePointZero).isEqualTo(oneUnderscoreZero);
            assertThat(onePointZero).isEqualTo(one);
            assertThat(one.hashCode()).isEqualTo(onePointZero.hashCode()).isEqualTo(oneUnderscoreZero.hashCode());
            // but each keeps its own spelling
            assertThat(onePointZero).hasToString("1.0");
            assertThat(oneUnderscoreZero).hasToString("1.0");
        }

        @Test
        void equalsIsConsistentWithCompareTo() {
            List<String> texts = List.of("1", "1.0", "1_0", "1.0.0", "001", "1.1", "1.01", "1_1", "2", "10", "1.10");
            for (String a : texts) {
                for (String b : texts) {
                    boolean equal = v(a).equals(v(b));
                    assertThat(equal).as("%s equals %s", a, b).isEqualTo(v(a).compareTo(v(b)) == 0);
                    if (equal) {
                        assertThat(v(a).hashCode()).as("hash of %s and %s", a, b).isEqualTo(v(b).hashCode());
                    }
                }
            }
        }

        @Test
        void notEqualToOtherTypes() {
            assertThat(v("1")).isNotEqualTo("1").isNotEqualTo(null);
        }

        @Test
        void sortsNumericallyNotLexically() {
            List<Version> versions = new ArrayList<>(List.of(v("10"), v("1.10"), v("2"), v("1.9"), v("1"), v("1.2.3")));
            Collections.sort(versions);
            assertThat(versions).extracting(Version::toString).containsExactly("1", "1.2.3", "1.9", "1.10", "2", "10");
        }
    }
}
