package dev.strata.migrations.drift;

import java.util.List;

/**
 * The catalog queries of a {@link SchemaSnapshot}, one per kind of object. Every query returns the same five leading
 * columns ({@code _kind}, {@code _schema} and {@code _relation} as stored, for scoping; {@code _name} and
 * {@code _parent} as printed), then one column per attribute, named as the output names it; a null attribute does not
 * apply and is left out. Definitions come from PostgreSQL's own functions ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_viewdef}, {@code pg_get_functiondef},
 * {@code pg_get_triggerdef}), never from OIDs, and are read with {@code search_path = pg_catalog} so that they name
 * every user object with its schema. Objects that belong to an extension, or that PostgreSQL creates internally
 * (a range type's constructors), are left out: they come with their owner.
 */
final class CatalogQueries {
    /** pg_catalog, information_schema and pg_toast*, pg_temp_*, pg_toast_temp_* (no user schema may start with pg_). */
    private static final String USER_SCHEMA = "n.nspname <> 'information_schema' and n.nspname !~ '^pg_'";

    private static final String QUALIFIED_COLLATION = "(select format('%I.%I', cn.nspname, co.collname)"
            + " from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = ";

    private CatalogQueries() {
    }

    private static String notExtensionMember(String catalog, String oid) {
        return "not exists (select 1 from pg_depend d where d.classid = '" + catalog + "'::regclass and d.objid = "
                + oid + " and d.deptype = 'e')";
    }

    static final String SCHEMAS = """
            select 'SCHEMA' as _kind, n.nspname as _schema, null::name as _relation, quote_ident(n.nspname) as _name,
                   null as _parent
            from pg_namespace n
            where """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_namespace", "n.oid");

    /** Extensions are database-wide; the version is not compared (see docs/drift.md). */
    static final String EXTENSIONS = """
            select 'EXTENSION' as _kind, null::name as _schema, null::name as _relation, quote_ident(e.extname) as _name,
                   null as _parent,
                   quote_ident(n.nspname) as "schema"
            from pg_extension e join pg_namespace n on n.oid = e.extnamespace""";

    /**
     * Enums (values in their sort order), domains (with their constraints; NOT NULL is the {@code not null} attribute,
     * since PostgreSQL 17 also lists it as a constraint), composite and range types.
     */
    static final String TYPES = """
            select case t.typtype when 'e' then 'ENUM' when 'd' then 'DOMAIN' else 'TYPE' end as _kind,
                   n.nspname as _schema, null::name as _relation, format_type(t.oid, null) as _name, null as _parent,
                   case t.typtype when 'e' then (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                                                 from pg_enum e where e.enumtypid = t.oid) end as "values",
                   case t.typtype when 'd' then format_type(t.typbasetype, t.typtypmod)
                                  when 'r' then (select format_type(r.rngsubtype, null) from pg_range r
                                                 where r.rngtypid = t.oid) end as "type",
                   case t.typtype when 'c' then (select string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
                           || case when a.attcollation <> at.typcollation then ' COLLATE ' || """
            + QUALIFIED_COLLATION + """
            a.attcollation) else '' end, ', ' order by a.attnum)
                           from pg_attribute a join pg_type at on at.oid = a.atttypid
                           where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) end as "attributes",
                   case when t.typtype = 'd' then case when t.typnotnull then 'yes' else 'no' end end as "not null",
                   case when t.typtype = 'd' then pg_get_expr(t.typdefaultbin, 0) end as "default",
                   case when t.typtype = 'd' and t.typcollation <> (select b.typcollation from pg_type b where b.oid = t.typbasetype)
                        then """ + " " + QUALIFIED_COLLATION + """
            t.typcollation) end as "collation",
                   case when t.typtype = 'r' then (select concat_ws(', ',
                           'subtype_opclass ' || (select format('%I.%I', opn.nspname, oc.opcname) from pg_opclass oc
                                                  join pg_namespace opn on opn.oid = oc.opcnamespace where oc.oid = r.rngsubopc),
                           'collation ' || """ + QUALIFIED_COLLATION + """
            r.rngcollation),
                           'canonical ' || nullif(r.rngcanonical, 0)::regproc::text,
                           'subtype_diff ' || nullif(r.rngsubdiff, 0)::regproc::text)
                       from pg_range r where r.rngtypid = t.oid) end as "options",
                   case when t.typtype = 'd' then (select string_agg(format('%I %s', k.conname, pg_get_constraintdef(k.oid)),
                                                                     E'\\n' order by k.conname)
                                                   from pg_constraint k where k.contypid = t.oid and k.contype <> 'n')
                        end as "constraints"
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
            where (t.typtype in ('e', 'd', 'r')
                   or (t.typtype = 'c' and (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c'))
              and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_type", "t.oid");

    /** Parameters, not the current value; an identity or serial sequence names its column. */
    static final String SEQUENCES = """
            select 'SEQUENCE' as _kind, n.nspname as _schema, c.relname as _relation,
                   format('%I.%I', n.nspname, c.relname) as _name, owner.tablename as _parent,
                   format_type(s.seqtypid, null) as "type", s.seqstart::text as "start",
                   s.seqincrement::text as "increment", s.seqmin::text as "minvalue", s.seqmax::text as "maxvalue",
                   s.seqcache::text as "cache", case when s.seqcycle then 'yes' else 'no' end as "cycle",
                   case when c.relpersistence = 'u' then 'unlogged' end as "persistence",
                   owner.columnname as "owned by"
            from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_sequence s on s.seqrelid = c.oid
            left join lateral (select format('%I.%I', tn.nspname, tc.relname) as tablename,
                                      format('%I.%I.%I', tn.nspname, tc.relname, a.attname) as columnname
                               from pg_depend d join pg_class tc on tc.oid = d.refobjid
                               join pg_namespace tn on tn.oid = tc.relnamespace
                               join pg_attribute a on a.attrelid = tc.oid and a.attnum = d.refobjsubid
                               where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                 and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')) owner on true
            where c.relkind = 'S' and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_class", "c.oid");

    static final String TABLES = """
            select 'TABLE' as _kind, n.nspname as _schema, c.relname as _relation,
                   format('%I.%I', n.nspname, c.relname) as _name, null as _parent,
                   case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as "partition key",
                   case when c.relispartition then (select format('%I.%I', pn.nspname, p.relname) from pg_inherits i
                           join pg_class p on p.oid = i.inhparent join pg_namespace pn on pn.oid = p.relnamespace
                           where i.inhrelid = c.oid) || ' ' || pg_get_expr(c.relpartbound, c.oid) end as "partition of",
                   case when not c.relispartition then (select string_agg(format('%I.%I', pn.nspname, p.relname), ', '
                                                                          order by i.inhseqno)
                           from pg_inherits i join pg_class p on p.oid = i.inhparent
                           join pg_namespace pn on pn.oid = p.relnamespace where i.inhrelid = c.oid) end as "inherits",
                   case when c.relpersistence = 'u' then 'unlogged' end as "persistence",
                   array_to_string(c.reloptions, ', ') as "options",
                   case when c.relforcerowsecurity then 'enabled, forced'
                        when c.relrowsecurity then 'enabled' end as "row level security"
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_class", "c.oid");

    /** A generated column's expression is its {@code generated} attribute, never its default. */
    static final String COLUMNS = """
            select 'COLUMN' as _kind, n.nspname as _schema, c.relname as _relation,
                   format('%I.%I.%I', n.nspname, c.relname, a.attname) as _name,
                   format('%I.%I', n.nspname, c.relname) as _parent,
                   format_type(a.atttypid, a.atttypmod) as "type",
                   case when a.attnotnull then 'yes' else 'no' end as "not null",
                   case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end as "default",
                   case a.attidentity when 'a' then 'GENERATED ALWAYS' when 'd' then 'GENERATED BY DEFAULT' end as "identity",
                   case when a.attgenerated <> '' then 'GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ')'
                        || case a.attgenerated when 's' then ' STORED' else '' end end as "generated",
                   case when a.attcollation <> t.typcollation then """ + " " + QUALIFIED_COLLATION + """
            a.attcollation) end as "collation"
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            join pg_type t on t.oid = a.atttypid
            left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
            where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p')
              and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_class", "c.oid");

    /** Primary, unique, foreign, check and exclusion constraints of tables, by definition. */
    static final String CONSTRAINTS = """
            select 'CONSTRAINT' as _kind, n.nspname as _schema, c.relname as _relation,
                   format('%I.%I.%I', n.nspname, c.relname, k.conname) as _name,
                   format('%I.%I', n.nspname, c.relname) as _parent,
                   case k.contype when 'p' then 'primary key' when 'u' then 'unique' when 'f' then 'foreign key'
                                  when 'c' then 'check' else 'exclusion' end as "type",
                   pg_get_constraintdef(k.oid) as "definition"
            from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            where k.contype in ('p', 'u', 'f', 'c', 'x') and c.relkind in ('r', 'p')
              and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_class", "c.oid");

    /** Indexes of tables and materialized views; those behind a constraint are compared as the constraint. */
    static final String INDEXES = """
            select 'INDEX' as _kind, n.nspname as _schema, c.relname as _relation,
                   format('%I.%I', n.nspname, ic.relname) as _name, format('%I.%I', n.nspname, c.relname) as _parent,
                   pg_get_indexdef(i.indexrelid) as "definition",
                   case when not i.indisvalid then 'no (e.g. left by a failed CREATE INDEX CONCURRENTLY)' end as "valid"
            from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid
            join pg_namespace n on n.oid = c.relnamespace
            where not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid
                              and k.contype in ('p', 'u', 'x'))
              and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_class", "c.oid");

    static final String VIEWS = """
            select case c.relkind when 'v' then 'VIEW' else 'MATERIALIZED_VIEW' end as _kind, n.nspname as _schema,
                   c.relname as _relation, format('%I.%I', n.nspname, c.relname) as _name, null as _parent,
                   pg_get_viewdef(c.oid) as "definition",
                   array_to_string(c.reloptions, ', ') as "options"
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('v', 'm') and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_class", "c.oid");

    /**
     * Functions and procedures, named by their argument types (overloads are different objects). Aggregates are not
     * read ({@code pg_get_functiondef} cannot print them); neither are functions PostgreSQL creates with a type.
     */
    static final String FUNCTIONS = """
            select case p.prokind when 'p' then 'PROCEDURE' else 'FUNCTION' end as _kind, n.nspname as _schema,
                   null::name as _relation, p.oid::regprocedure::text as _name, null as _parent,
                   pg_get_functiondef(p.oid) as "definition"
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where p.prokind in ('f', 'p', 'w') and """ + " " + USER_SCHEMA + """
             and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                              and d.deptype in ('e', 'i'))""";

    /** User triggers (not those PostgreSQL makes for foreign keys), and whether they were disabled. */
    static final String TRIGGERS = """
            select 'TRIGGER' as _kind, n.nspname as _schema, c.relname as _relation,
                   format('%I.%I.%I', n.nspname, c.relname, t.tgname) as _name,
                   format('%I.%I', n.nspname, c.relname) as _parent,
                   pg_get_triggerdef(t.oid) as "definition",
                   case t.tgenabled when 'D' then 'disabled' when 'R' then 'replica only'
                                    when 'A' then 'always' end as "enabled"
            from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
            where not t.tgisinternal and """ + " " + USER_SCHEMA + " and " + notExtensionMember("pg_class", "c.oid");

    static final List<String> ALL = List.of(SCHEMAS, EXTENSIONS, TYPES, SEQUENCES, TABLES, COLUMNS, CONSTRAINTS,
            INDEXES, VIEWS, FUNCTIONS, TRIGGERS);
}
