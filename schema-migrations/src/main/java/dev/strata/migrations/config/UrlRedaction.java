package dev.strata.migrations.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes passwords out of connection-URL text before it is shown: {@link #redact} masks them in text whose structure
 * is known or conventional (a parsed URL, a driver message), {@link #withoutCredentials} drops the whole user info and
 * every password parameter from text that could not be parsed, where no boundary of the password can be trusted.
 */
final class UrlRedaction {
    static final String MASK = "***";
    /**
     * {@code scheme://user:password@}: the password runs to the last {@code @} of the token before any query, as the
     * parser reads it; a token ends at white space or a quote, so the mask never reaches past the URL.
     */
    private static final Pattern USERINFO_PASSWORD =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]*://[^\\s:/@?#\"'<>]*:)[^\\s?\"'<>]*@");
    /**
     * {@code password=}, {@code sslpassword=}, … in a URL query or a libpq key=value string. The value ends where a
     * URL parameter or a keyword value ends ({@code &}, white space, a quote), never later on the line.
     */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(\\b[a-z_]*password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^&\\s\"'\\\\<>]+)", Pattern.CASE_INSENSITIVE);

    private UrlRedaction() {
    }

    static String redact(String text) {
        String masked = USERINFO_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * The text of an unparsable URL (or libpq key=value string) without anything up to its last {@code @} and without
     * its password parameters: a password holding an unencoded {@code / ? @ &} or space has no boundary to mask at.
     */
    static String withoutCredentials(String text) {
        int schemeEnd = text.indexOf("://");
        String head = schemeEnd < 0 ? "" : text.substring(0, schemeEnd + 3);
        String rest = schemeEnd < 0 ? text : text.substring(schemeEnd + 3);
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        if (schemeEnd < 0) {
            return (head + PASSWORD_PARAMETER.matcher(rest).replaceAll("")).replaceAll("\\s{2,}", " ").strip();
        }
        int query = rest.indexOf('?');
        if (query < 0) {
            return head + rest;
        }
        List<String> kept = new ArrayList<>();
        for (String piece : rest.substring(query + 1).split("&", -1)) {
            // a piece without '=' may be the tail of a password that held an unencoded '&'
            if (piece.indexOf('=') > 0 && !isPasswordName(piece.substring(0, piece.indexOf('=')))) {
                kept.add(piece);
            }
        }
        return head + rest.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** A URL query (after its {@code ?}) with the value of every password parameter masked. */
    static String maskQuery(String query) {
        List<String> pieces = new ArrayList<>();
        for (String piece : query.split("&", -1)) {
            int equals = piece.indexOf('=');
            pieces.add(equals > 0 && isPasswordName(piece.substring(0, equals))
                    ? piece.substring(0, equals + 1) + MASK : piece);
        }
        return String.join("&", pieces);
    }

    /** {@code password}, {@code sslpassword} and any other parameter whose value is a password. */
    static boolean isPasswordName(String name) {
        return name.strip().toLowerCase(Locale.ROOT).endsWith("password");
    }

    /**
     * Whether an {@code @} occurs after a URL's authority anywhere but inside a query parameter's value: then it ends
     * user info that an unencoded {@code /} or {@code ?} cut short, and the parts before it are not what they seem.
     */
    static boolean hasAtSignOutsideParameterValues(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        if (path.indexOf('@') >= 0) {
            return true;
        }
        if (query < 0) {
            return false;
        }
        for (String piece : pathAndQuery.substring(query + 1).split("&")) {
            int at = piece.indexOf('@');
            int equals = piece.indexOf('=');
            if (at >= 0 && (equals < 0 || at < equals)) {
                return true;
            }
        }
        return false;
    }
}
