package dev.strata.migrations.adopt;

import java.util.Objects;
import java.util.Optional;

/** How a file can be proved to be the one another tool applied. */
public sealed interface Verification {

    /**
     * The tool recorded a checksum of the file it ran.
     *
     * @param value the recorded checksum as {@link ChecksumAlgorithm#of} writes it; empty when the row holds none
     *              (so no file can match it)
     */
    record Recorded(ChecksumAlgorithm algorithm, Optional<String> value) implements Verification {
        public Recorded {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The tool records no checksum: the file is matched by its version only. */
    record NotRecorded(String tool) implements Verification {
        public NotRecorded {
            Objects.requireNonNull(tool, "tool");
        }
    }
}
