package dev.strata.migrations.core;

import java.util.Comparator;

/**
 * How a set of migrations orders its versions, which decides the order files run in, which version is "newest" and
 * what counts as out of order. Strata, sqlx, golang-migrate and goose compare versions as numbers (9 before 10);
 * dbmate, diesel and Ory's popx compare the version text as a string ("10" before "9"), and so does Strata for their
 * folders, since a folder they applied in string order must keep running in that order.
 */
public enum VersionOrder implements Comparator<Version> {
    NUMERIC {
        @Override
        public int compare(Version a, Version b) {
            return a.compareTo(b);
        }
    },
    STRING {
        @Override
        public int compare(Version a, Version b) {
            int byText = a.toString().compareTo(b.toString());
            // Equal versions stay equal whatever their spelling ("1" and "01" are one version).
            return a.equals(b) ? 0 : byText != 0 ? byText : a.compareTo(b);
        }
    };

    /** Whether {@code a} comes after {@code b}. */
    public boolean isAfter(Version a, Version b) {
        return compare(a, b) > 0;
    }
}
