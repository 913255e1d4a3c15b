package dev.strata.spring.app;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/**
 * Reads the accounts table as soon as it is constructed: it can only start once Strata has migrated (its DSLContext
 * is ordered after Strata's initializer).
 */
@Repository
public class AccountRepository {
    private final DSLContext dsl;
    private final int countAtStart;

    public AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.countAtStart = dsl.fetchCount(table("accounts"));
    }

    public int countAtStart() {
        return countAtStart;
    }

    public long add(String name, String email) {
        return dsl.insertInto(table("accounts")).columns(field("name"), field("email")).values(name, email)
                .returningResult(field("id", Long.class)).fetchSingle().value1();
    }

    public int count() {
        return dsl.fetchCount(table("accounts"));
    }
}
