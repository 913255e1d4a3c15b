package dev.strata.migrations.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema already holds before Strata's first run: tables, views, sequences, functions and types. Objects an
 * extension created (PostGIS's {@code spatial_ref_sys}, pgcrypto's functions) are the extension's, not a sign that
 * another tool migrated the database, and are left out; so are the row types and array types PostgreSQL makes for
 * each table and type.
 */
public final class ExistingObjects {
    private static final int SHOWN = 10;

    /** Relations and routines and types of the schemas, as {@code kind schema.name}, the first few by name. */
    private static final String QUERY = """
            with found as (
              select case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view'
                       when 'm' then 'materialized view' when 'S' then 'sequence' when 'f' then 'foreign table'
                     end as kind, n.nspname as schema, c.relname as name
                from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = any (?) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                 and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::regclass
                                 and d.objid = c.oid and d.deptype = 'e')
              union all
              select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
                     n.nspname, p.proname
                from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = any (?)
                 and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_proc'::regclass
                                 and d.objid = p.oid and d.deptype = 'e')
              union all
              select 'type', n.nspname, t.typname
                from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
               where n.nspname = any (?) and t.typtype in ('c', 'd', 'e', 'r') and t.typelem = 0
                 and (t.typrelid = 0 or (select c.relkind from pg_catalog.pg_class c where c.oid = t.typrelid) = 'c')
                 and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_type'::regclass
                                 and d.objid = t.oid and d.deptype = 'e')
            )
            select kind, schema, name, count(*) over () from found order by schema, name, kind limit ?""";

    /**
     * @param total how many objects were found in all
     * @param shown the first few, as {@code table public.users}
     */
    public record Found(int total, List<String> shown) {
        public Found {
            shown = List.copyOf(shown);
        }

        public boolean isEmpty() {
            return total == 0;
        }
    }

    private ExistingObjects() {
    }

    /** The objects in {@code schemas}; a schema that does not exist holds none. */
    public static Found in(Connection connection, List<String> schemas) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            java.sql.Array names = connection.createArrayOf("text", schemas.toArray());
            statement.setArray(1, names);
            statement.setArray(2, names);
            statement.setArray(3, names);
            statement.setInt(4, SHOWN);
            List<String> shown = new ArrayList<>();
            int total = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    shown.add(rows.getString(1) + " " + quoted(rows.getString(2)) + "." + quoted(rows.getString(3)));
                    total = rows.getInt(4);
                }
            }
            return new Found(total, shown);
        }
    }

    /** The schemas unqualified statements create objects in: the search path's, and the history table's. */
    public static List<String> targetSchemas(Connection connection, String historySchema) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select unnest(pg_catalog.current_schemas(false))")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
        }
        if (!schemas.contains(historySchema)) {
            schemas.add(historySchema);
        }
        return schemas;
    }

    private static String quoted(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
