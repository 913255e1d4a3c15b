package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes N migrations that look like a real schema's history: every file depends on earlier ones, and together they
 * use what migration tools have to get right: tables with foreign keys and check constraints, plain, unique,
 * expression and partial indexes, ALTERs, multi-row inserts and backfills, views, plpgsql functions and triggers with
 * {@code $$} and {@code $tag$} bodies (holding semicolons and quotes), and {@code --} and {@code /* *}{@code /}
 * comments. Deterministic: file {@code i} is a pure function of {@code i}, so every run and every tool gets the same
 * bytes. Files come in groups of five around one table {@code entity_<t>}, where {@code t = (i - 1) / 5 + 1}.
 */
public final class MigrationGenerator {
    private static final String[] NOUNS = {"account", "invoice", "shipment", "sensor", "ticket", "order", "device",
            "contract", "payment", "review", "session", "report", "vehicle", "warehouse", "course", "booking"};
    private static final String[] STATUSES = {"new", "active", "suspended", "archived"};

    private MigrationGenerator() {
    }

    /** Writes {@code V1__….sql} to {@code V<count>__….sql} into {@code directory} (created if missing). */
    public static List<Path> generate(int count, Path directory) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        try {
            Files.createDirectories(directory);
            List<Path> files = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                Path file = directory.resolve(fileName(i));
                Files.writeString(file, content(i), StandardCharsets.UTF_8);
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated migrations to " + directory, e);
        }
    }

    /** Empties {@code directory} of {@code .sql} files, then {@link #generate}s. */
    public static List<Path> regenerate(int count, Path directory) {
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (file.getFileName().toString().endsWith(".sql")) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + directory, e);
            }
        }
        return generate(count, directory);
    }

    public static String fileName(int i) {
        int table = table(i);
        String noun = noun(table);
        String description = switch (kind(i)) {
            case 1 -> "create_" + noun + "_" + table;
            case 2 -> "alter_" + noun + "_" + table + "_add_scores";
            case 3 -> "triggers_for_" + noun + "_" + table;
            case 4 -> "view_" + noun + "_" + table + "_summary";
            default -> "backfill_" + noun + "_" + table;
        };
        return "V" + i + "__" + description + ".sql";
    }

    /** The file's text; the same for the same {@code i}, always. */
    public static String content(int i) {
        int table = table(i);
        SplittableRandom random = new SplittableRandom(0x5EED_0000L + i);
        return switch (kind(i)) {
            case 1 -> createTable(table, random);
            case 2 -> alterAndInsert(table, random);
            case 3 -> functionsAndTrigger(table, random);
            case 4 -> view(table);
            default -> backfill(table, random);
        };
    }

    private static int table(int i) {
        return (i - 1) / 5 + 1;
    }

    private static int kind(int i) {
        return (i - 1) % 5 + 1;
    }

    private static String noun(int table) {
        return NOUNS[table % NOUNS.length];
    }

    private static String name(int table) {
        return "entity_" + table;
    }

    private static String createTable(int table, SplittableRandom random) {
        String t = name(table);
        StringBuilder sql = new StringBuilder();
        sql.append("-- ").append(noun(table)).append(" records (table ").append(table).append(")\n");
        sql.append("-- Owned by the ").append(noun(table)).append(" team; rows are soft-deleted via status.\n\n");
        sql.append("create table ").append(t).append(" (\n");
        sql.append("    id          bigint generated always as identity primary key,\n");
        if (table > 1) {
            sql.append("    parent_id   bigint references ").append(name(table - 1)).append(" (id) on delete cascade,\n");
        }
        sql.append("    name        text not null,\n");
        sql.append("    status      text not null default 'new'\n");
        sql.append("                check (status in ('new', 'active', 'suspended', 'archived')),\n");
        sql.append("    amount      numeric(12, 2) not null default 0 check (amount >= 0),\n");
        sql.append("    attributes  jsonb not null default '{}'::jsonb,\n");
        sql.append("    created_at  timestamptz not null default now()\n");
        sql.append(");\n\n");
        sql.append("comment on table ").append(t).append(" is 'The ").append(noun(table))
                .append("s of the platform; see the runbook''s section ").append(random.nextInt(1, 40)).append(".';\n");
        sql.append("comment on column ").append(t).append(".attributes is 'Free-form metadata; keys are snake_case.';\n\n");
        if (table > 1) {
            sql.append("create index ix_").append(t).append("_parent on ").append(t).append(" (parent_id);\n");
        }
        sql.append("create unique index ux_").append(t).append("_name on ").append(t).append(" (lower(name));\n");
        sql.append("create index ix_").append(t).append("_created on ").append(t).append(" (created_at desc);\n");
        return sql.toString();
    }

    private static String alterAndInsert(int table, SplittableRandom random) {
        String t = name(table);
        StringBuilder sql = new StringBuilder();
        sql.append("/* Scores for ").append(noun(table)).append("s.\n   Added after the first release; existing rows start at 0. */\n");
        sql.append("alter table ").append(t).append(" add column score integer not null default 0;\n");
        sql.append("alter table ").append(t).append(" add column updated_at timestamptz;\n");
        sql.append("create index ix_").append(t).append("_active_score on ").append(t)
                .append(" (score desc) where status <> 'archived';\n\n");
        sql.append("insert into ").append(t).append(" (name, status, amount, attributes) values\n");
        int rows = 20;
        for (int row = 1; row <= rows; row++) {
            sql.append(String.format(Locale.ROOT, "    ('%s %d-%d', '%s', %d.%02d, '{\"tier\": %d, \"note\": \"a; b\"}')%s%n",
                    noun(table), table, row, STATUSES[random.nextInt(STATUSES.length)], random.nextInt(0, 5000),
                    random.nextInt(100), random.nextInt(1, 4), row == rows ? ";" : ","));
        }
        return sql.toString();
    }

    private static String functionsAndTrigger(int table, SplittableRandom random) {
        String t = name(table);
        int threshold = random.nextInt(10, 1000);
        return "-- Keep updated_at current and refuse negative scores.\n"
                + "create or replace function " + t + "_touch() returns trigger\n"
                + "language plpgsql as $$\n"
                + "begin\n"
                + "    new.updated_at := now(); -- statement separators inside the body: ; ;\n"
                + "    if new.score < 0 then\n"
                + "        raise exception 'score of % must not be negative; was %', new.id, new.score;\n"
                + "    end if;\n"
                + "    return new;\n"
                + "end;\n"
                + "$$;\n\n"
                + "create trigger trg_" + t + "_touch before update on " + t + "\n"
                + "    for each row execute function " + t + "_touch();\n\n"
                + "create or replace function " + t + "_top(min_score integer default " + threshold + ")\n"
                + "returns table (id bigint, name text, score integer)\n"
                + "language plpgsql stable as $body$\n"
                + "declare\n"
                + "    label constant text := 'top; ''" + noun(table) + "''';\n"
                + "begin\n"
                + "    return query\n"
                + "        select e.id, e.name || ' (' || label || ')', e.score\n"
                + "        from " + t + " e\n"
                + "        where e.score >= min_score and e.status <> 'archived'\n"
                + "        order by e.score desc;\n"
                + "end;\n"
                + "$body$;\n\n"
                + "comment on function " + t + "_top(integer) is 'Highest-scoring " + noun(table) + "s first.';\n";
    }

    private static String view(int table) {
        String t = name(table);
        StringBuilder sql = new StringBuilder();
        sql.append("-- Reporting view: one row per status.\n");
        sql.append("create view ").append(t).append("_summary as\n");
        sql.append("select e.status,\n");
        sql.append("       count(*)            as total,\n");
        sql.append("       sum(e.amount)       as amount,\n");
        sql.append("       max(e.updated_at)   as last_update");
        if (table > 1) {
            sql.append(",\n       count(p.id)         as with_parent\n");
            sql.append("from ").append(t).append(" e\n");
            sql.append("left join ").append(name(table - 1)).append(" p on p.id = e.parent_id\n");
        } else {
            sql.append("\nfrom ").append(t).append(" e\n");
        }
        sql.append("group by e.status;\n\n");
        sql.append("comment on view ").append(t).append("_summary is 'Totals per status, for dashboards.';\n");
        return sql.toString();
    }

    private static String backfill(int table, SplittableRandom random) {
        String t = name(table);
        int bonus = random.nextInt(1, 50);
        StringBuilder sql = new StringBuilder();
        sql.append("-- Backfill scores from amounts, then forbid huge scores.\n");
        sql.append("update ").append(t).append(" set score = (amount / 10)::integer + ").append(bonus)
                .append(" where status in ('new', 'active');\n");
        if (table > 1) {
            sql.append("update ").append(t).append(" c set parent_id = p.id from ").append(name(table - 1))
                    .append(" p where lower(p.name) = lower(replace(c.name, '").append(table).append("-', '")
                    .append(table - 1).append("-'));\n");
        }
        sql.append("alter table ").append(t).append(" add constraint ck_").append(t)
                .append("_score check (score between 0 and 100000) not valid;\n");
        sql.append("alter table ").append(t).append(" validate constraint ck_").append(t).append("_score;\n");
        sql.append("/* Archived rows keep their score /* nested comment */ but leave the index. */\n");
        sql.append("analyze ").append(t).append(";\n");
        return sql.toString();
    }
}
