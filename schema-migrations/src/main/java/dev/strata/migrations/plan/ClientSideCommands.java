package dev.strata.migrations.plan;

import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.SqlSplitter;

import java.util.List;
import java.util.Optional;

/**
 * {@code COPY … FROM STDIN} and {@code COPY … TO STDOUT}: the data travels between the server and the client, which a
 * migration file cannot take part in the way psql does (psql reads the lines up to {@code \.} from the script).
 */
final class ClientSideCommands {
    private ClientSideCommands() {
    }

    static Optional<SqlStatement> firstCopyWithClient(List<SqlStatement> statements) {
        return statements.stream().filter(statement -> copiesWithClient(SqlSplitter.tokens(statement.sql(), 64)))
                .findFirst();
    }

    static boolean copiesWithClient(List<String> t) {
        if (t.isEmpty() || !t.get(0).equals("copy")) {
            return false;
        }
        int depth = 0;
        for (int i = 1; i + 1 < t.size(); i++) {
            String token = t.get(i);
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            } else if (depth == 0 && (token.equals("from") || token.equals("to"))) {
                String target = t.get(i + 1);
                return target.equals("stdin") || target.equals("stdout");
            }
        }
        return false;
    }
}
