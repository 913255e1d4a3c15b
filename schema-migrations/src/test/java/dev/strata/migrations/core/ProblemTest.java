package dev.strata.migrations.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemAboutAFileWithoutAVersionSaysSoWithoutNull() {
        Problem misnamed = new Problem(ProblemKind.MISNAMED, "v1_x.sql", Optional.empty(), "v1_x.sql is misnamed",
                "rename it");

        assertThat(misnamed.script()).isEqualTo("v1_x.sql");
        assertThat(misnamed.version()).isEmpty();
        assertThat(misnamed.changedLines()).isEmpty();
        assertThat(misnamed.text()).isEqualTo("v1_x.sql is misnamed");
    }

    @Test
    void nullIsNoWayToSayThereIsNoFileOrNoVersion() {
        assertThatNullPointerException().isThrownBy(() -> new Problem(ProblemKind.MISNAMED, null, Optional.empty(),
                "m", "h")).withMessage("script");
        assertThatNullPointerException().isThrownBy(() -> new Problem(ProblemKind.MISNAMED, "x.sql", null, "m", "h"))
                .withMessage("version");
    }
}
