package dev.strata.migrations.resolve;

import java.util.Optional;

/**
 * A file that holds its migration and its undo as two marked sections (dbmate's {@code -- migrate:up/down}, goose's
 * {@code -- +goose Up/Down}), split by {@link DbmateSections} or {@link GooseSections}.
 */
final class SectionedFile {
    /** A section: the text Strata runs, and the section as written (marker to the next marker) for the checksum. */
    record Section(String content, String asWritten, boolean hasStatements) {
    }

    /** Both sections, or why the file cannot be split. */
    sealed interface Split {
        record Sections(Section up, Optional<Section> down) implements Split {
        }

        /** @param line 1-based */
        record Invalid(int line, String reason) implements Split {
        }
    }

    private SectionedFile() {
    }
}
