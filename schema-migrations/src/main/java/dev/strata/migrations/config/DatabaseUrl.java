package dev.strata.migrations.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection URL in any of the forms users paste: libpq's {@code postgresql://} and
 * {@code postgres://}, pgjdbc's {@code jdbc:postgresql://}, and a Unix-socket directory given as
 * {@code ?host=/var/run/postgresql} or a percent-encoded host. Credentials are kept apart from the JDBC URL so the
 * URL can be printed; {@link #toString()} masks the password.
 */
public final class DatabaseUrl {
    /** The start of a libpq key=value connection string ({@code host=db dbname=app}), which is not a URL. */
    private static final Pattern KEYWORD_VALUE = Pattern.compile("[a-z_]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final String ENCODING_HINT = "percent-encode special characters in the user name and password:"
            + " % as %25, / as %2F, ? as %3F, @ as %40, # as %23, : as %3A, & as %26, a space as %20";
    private static final String UNIX_SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";
    private static final int DEFAULT_PORT = 5432;
    private static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private final String jdbcUrl;
    private final Map<String, String> properties;
    private final String user;
    private final String password;
    private final String display;

    private DatabaseUrl(String jdbcUrl, Map<String, String> properties, String user, String password, String display) {
        this.jdbcUrl = jdbcUrl;
        this.properties = Map.copyOf(properties);
        this.user = user;
        this.password = password;
        this.display = display;
    }

    /**
     * Masks the passwords of URL-like text, parsed or not, for messages and logs: a URL's user-info password and every
     * {@code password=} parameter (also in a libpq key=value string), each only up to where its value ends.
     */
    public static String redact(String text) {
        return UrlRedaction.redact(text);
    }

    /**
     * @param origin where the URL came from, for the error message
     * @throws ConfigurationException naming the origin and the accepted forms
     */
    public static DatabaseUrl parse(String raw, String origin) {
        Objects.requireNonNull(raw, "url");
        String url = raw.strip();
        if (url.startsWith("jdbc:postgresql:")) {
            return parseJdbc(url, origin);
        }
        for (String scheme : new String[] {"postgresql://", "postgres://"}) {
            if (url.startsWith(scheme)) {
                return parseLibpq(url, url.substring(scheme.length()), origin);
            }
        }
        if (KEYWORD_VALUE.matcher(url).lookingAt()) {
            throw invalid(url, origin, "it is a libpq key=value connection string; Strata takes a URL that starts"
                    + " with postgresql://, postgres:// or jdbc:postgresql://");
        }
        throw invalid(url, origin, "it must start with postgresql://, postgres:// or jdbc:postgresql://");
    }

    private static DatabaseUrl parseJdbc(String url, String origin) {
        if (UrlRedaction.hasAtSignOutsideParameterValues(url.substring("jdbc:postgresql:".length()))) {
            // pgjdbc would read user:password@host as a host and port, and log the password as a bad port number
            throw invalid(url, origin, "a jdbc:postgresql:// URL takes no user:password@ part; pass"
                    + " ?user=…&password=… or write postgresql://user:password@host/database");
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        Map<String, String> parameters = query < 0 ? new LinkedHashMap<>() : parseQuery(url.substring(query + 1), url, origin);
        String user = parameters.remove("user");
        String password = parameters.remove("password");
        checkParameters(parameters, url, origin);
        // pgjdbc rejects a bad port only when connecting, with a log line and as if the server were unreachable.
        String hosts = base.substring("jdbc:postgresql:".length()).replaceFirst("^//", "");
        checkPorts(hosts.contains("/") ? hosts.substring(0, hosts.indexOf('/')) : hosts, url, origin);
        StringBuilder jdbc = new StringBuilder(base);
        appendQuery(jdbc, parameters);
        String display = query < 0 ? url : base + "?" + UrlRedaction.maskQuery(url.substring(query + 1));
        return new DatabaseUrl(jdbc.toString(), Map.of(), user, password, display);
    }

    private static DatabaseUrl parseLibpq(String url, String rest, String origin) {
        checkUserInfoIsDelimited(rest, url, origin);
        int queryStart = rest.indexOf('?');
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        Map<String, String> parameters = queryStart < 0 ? new LinkedHashMap<>()
                : parseQuery(rest.substring(queryStart + 1), url, origin);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? "" : decode(beforeQuery.substring(slash + 1), "database name", url, origin);

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        String shownUserInfo = "";
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name", url, origin);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password", url, origin);
            shownUserInfo = (colon < 0 ? userInfo : userInfo.substring(0, colon) + ":" + UrlRedaction.MASK) + "@";
        }
        // Built from the parsed parts, not by pattern: a password may hold a space, '#' or '@'.
        String display = url.substring(0, url.length() - rest.length()) + shownUserInfo
                + beforeQuery.substring(at + 1)
                + (queryStart < 0 ? "" : "?" + UrlRedaction.maskQuery(rest.substring(queryStart + 1)));
        user = Optional.ofNullable(parameters.remove("user")).orElse(user);
        password = Optional.ofNullable(parameters.remove("password")).orElse(password);

        String host = decode(authority, "host", url, origin);
        if (host.contains("[") && !host.contains("]")) {
            throw invalid(url, origin, "the IPv6 address after [ has no closing ]");
        }
        String hostParameter = parameters.remove("host");
        if (hostParameter != null) {
            host = hostParameter;
        } else if (host.isEmpty()) {
            // As libpq: no host at all (postgresql:///db) means the local server's default Unix socket.
            host = LocalSocket.defaultDirectory();
        }
        String portParameter = parameters.remove("port");
        Map<String, String> properties = new LinkedHashMap<>();
        String hostAndPort;
        if (host.startsWith("/")) {
            // As in libpq, a port after the (still percent-encoded) authority applies to the socket too:
            // postgresql://%2Fvar%2Frun%2Fpostgresql:5433/db and postgresql://:5433/db?host=/tmp use port 5433.
            int colon = authority.lastIndexOf(':');
            if (colon > authority.lastIndexOf(']')) {
                if (hostParameter == null) {
                    host = decode(authority.substring(0, colon), "host", url, origin);
                }
                String authorityPort = authority.substring(colon + 1);
                if (portParameter == null && !authorityPort.isEmpty()) {
                    portParameter = authorityPort;
                }
            }
            int port = portParameter == null ? DEFAULT_PORT : port(portParameter, url, origin);
            properties.put("socketFactory", UNIX_SOCKET_FACTORY);
            properties.put("socketFactoryArg", host + "/.s.PGSQL." + port);
            hostAndPort = "localhost:" + port;
        } else {
            hostAndPort = host.isEmpty() ? "localhost" : host;
            if (portParameter != null) {
                hostAndPort = hostAndPort.replaceFirst(":\\d+$", "") + ":" + port(portParameter, url, origin);
            }
            checkPorts(hostAndPort, url, origin);
        }
        checkParameters(parameters, url, origin);
        translateLibpqParameters(parameters, properties);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostAndPort).append('/')
                .append(database.isEmpty() ? "" : encodePath(database));
        appendQuery(jdbc, parameters);
        return new DatabaseUrl(jdbc.toString(), properties, user, password, display);
    }

    /**
     * A user name or password with an unencoded {@code /} or {@code ?} ends the authority early: what follows would be
     * read as host, port, database or parameters, and a part of the password quoted in an error. Refused first,
     * without quoting any part.
     */
    private static void checkUserInfoIsDelimited(String rest, String url, String origin) {
        int authorityEnd = rest.length();
        for (char delimiter : new char[] {'/', '?'}) {
            int index = rest.indexOf(delimiter);
            if (index >= 0 && index < authorityEnd) {
                authorityEnd = index;
            }
        }
        String authority = rest.substring(0, authorityEnd);
        String pathAndQuery = rest.substring(authorityEnd);
        if (authority.indexOf('@') >= 0 || pathAndQuery.indexOf('@') < 0) {
            return;
        }
        if (UrlRedaction.hasAtSignOutsideParameterValues(pathAndQuery) || !portsAreNumeric(authority)) {
            throw invalid(url, origin, "the user name or password before '@' holds a character that ends that part"
                    + " of a URL ('/' or '?'); percent-encode it ('/' as %2F, '?' as %3F)");
        }
    }

    private static boolean portsAreNumeric(String authority) {
        for (String host : authority.split(",")) {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !host.endsWith("]") && !host.substring(colon + 1).matches("\\d*")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The parameters whose bad values the driver would only report when connecting, as if the server were at fault
     * (exit code 3 instead of 2).
     */
    private static void checkParameters(Map<String, String> parameters, String url, String origin) {
        String sslMode = parameters.get("sslmode");
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw invalid(url, origin, "sslmode '" + sslMode + "' is not one of " + String.join(", ", SSL_MODES));
        }
        for (String name : new String[] {"connect_timeout", "connectTimeout"}) {
            String seconds = parameters.get(name);
            if (seconds != null && !seconds.matches("\\d{1,9}")) {
                throw invalid(url, origin, name + " '" + seconds + "' is not a whole number of seconds");
            }
        }
    }

    /** libpq names to pgjdbc names; anything else is passed through for pgjdbc to use or ignore. */
    private static void translateLibpqParameters(Map<String, String> parameters, Map<String, String> properties) {
        String connectTimeout = parameters.remove("connect_timeout");
        if (connectTimeout != null) {
            properties.put("connectTimeout", connectTimeout);
        }
        String applicationName = parameters.remove("application_name");
        if (applicationName != null) {
            properties.put("ApplicationName", applicationName);
        }
    }

    private static void checkPorts(String hosts, String url, String origin) {
        for (String host : hosts.split(",")) {
            int colon = host.lastIndexOf(':');
            boolean ipv6WithoutPort = host.endsWith("]");
            if (colon > 0 && !ipv6WithoutPort) {
                port(host.substring(colon + 1), url, origin);
            }
        }
    }

    private static int port(String text, String url, String origin) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(url, origin, "port '" + text + "' is not a number from 1 to 65535");
    }

    private static Map<String, String> parseQuery(String query, String url, String origin) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String previousName = "";
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0 && UrlRedaction.isPasswordName(previousName)) {
                // the rest of a password that holds an unencoded '&': not to be quoted
                throw invalid(url, origin, "the " + previousName + " parameter holds an unencoded '&';"
                        + " percent-encode it as %26");
            }
            if (equals <= 0) {
                throw invalid(url, origin, "query parameter '" + redact(pair) + "' is not name=value");
            }
            previousName = decode(pair.substring(0, equals), "query parameter name", url, origin);
            String what = UrlRedaction.isPasswordName(previousName) ? "password" : "value of " + previousName;
            parameters.put(previousName, decode(pair.substring(equals + 1), what, url, origin));
        }
        return parameters;
    }

    private static void appendQuery(StringBuilder jdbc, Map<String, String> parameters) {
        char separator = jdbc.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            jdbc.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
    }

    /** @param what the part of the URL, named in the error (never quoted: it may be the password) */
    private static String decode(String text, String what, String url, String origin) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(url, origin, "the " + what + " has a malformed %-escape (a '%' not followed by two hex"
                    + " digits); write a literal '%' as %25");
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String text) {
        return encode(text);
    }

    /**
     * The URL is shown without its user info and password parameters at all: in a URL that did not parse, where the
     * password ends is not known, so it cannot be masked reliably.
     */
    private static ConfigurationException invalid(String url, String origin, String reason) {
        String shown = UrlRedaction.withoutCredentials(url);
        return new ConfigurationException("database.url (from " + origin + ") '" + shown + "'"
                + (shown.equals(url) ? "" : " (user name and password not shown)") + " is not valid: " + reason,
                "use postgresql://user:password@host:5432/database (or postgres://, jdbc:postgresql://); "
                        + ENCODING_HINT);
    }

    /** The pgjdbc URL, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Extra pgjdbc properties the URL implies (socket factory, timeouts, application name). */
    public Map<String, String> properties() {
        return properties;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * Every secret the URL carries, for output masking: the password and the value of any other password parameter
     * ({@code sslpassword}), which stays in the pgjdbc URL.
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        password().ifPresent(secrets::add);
        int query = jdbcUrl.indexOf('?');
        if (query >= 0) {
            for (String piece : jdbcUrl.substring(query + 1).split("&")) {
                int equals = piece.indexOf('=');
                if (equals > 0 && UrlRedaction.isPasswordName(piece.substring(0, equals))) {
                    secrets.add(URLDecoder.decode(piece.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return List.copyOf(secrets);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The URL as given, with its password masked. */
    @Override
    public String toString() {
        return display;
    }
}
