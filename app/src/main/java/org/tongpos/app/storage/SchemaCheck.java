package org.tongpos.app.storage;

import java.io.IOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A cheap test of whether the database already has every migration of the class path: then opening it need not start
 * Flyway, whose class loading, scan and validation cost more than the rest of a command (docs/performance.md). The
 * schema is current when the versioned SQL migrations found under {@code db/migration} (every class path root, as
 * Flyway scans them) are exactly the versions that {@code flyway_schema_history} records as applied successfully.
 * Anything else — a pending or failed migration, a new database, a file that is not a versioned SQL migration, a
 * class path it cannot list — says "not known to be current", and Flyway migrates and validates as before. What
 * the shortcut leaves out is Flyway's checksum comparison of migrations already applied: it runs whenever a migration
 * is pending, i.e. after every upgrade that brings one.
 */
final class SchemaCheck {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql");

    private SchemaCheck() {
    }

    /** Whether every migration on the class path is applied; false when in doubt. */
    static boolean isCurrent(DataSource dataSource, ClassLoader classLoader) {
        Optional<Set<List<BigInteger>>> available = availableVersions(classLoader);
        if (available.isEmpty() || available.get().isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            Optional<Set<List<BigInteger>>> applied = appliedVersions(c);
            return applied.isPresent() && applied.get().equals(available.get());
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The highest version Flyway recorded as applied (successfully or not), or empty for a new database (no history
     * table, or nothing applied yet).
     */
    static Optional<List<BigInteger>> highestApplied(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return highestApplied(c);
        }
    }

    /** As {@link #highestApplied(DataSource)}, within {@code c}'s transaction. */
    static Optional<List<BigInteger>> highestApplied(Connection c) throws SQLException {
        {
            try (Statement s = c.createStatement(); ResultSet tables = s.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'")) {
                tables.next();
                if (tables.getInt(1) != 1) {
                    return Optional.empty();
                }
            }
            List<BigInteger> highest = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
                while (rs.next()) {
                    List<BigInteger> v = parse(rs.getString(1));
                    if (highest == null || compare(v, highest) > 0) {
                        highest = v;
                    }
                }
            }
            return Optional.ofNullable(highest);
        }
    }

    /** The highest version among {@code versions}, or empty. */
    static Optional<List<BigInteger>> highest(Set<List<BigInteger>> versions) {
        return versions.stream().max(SchemaCheck::compare);
    }

    /** Compares two versions as Flyway does: part by part, a missing part counting as zero. */
    static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A version as text, as Flyway writes it ({@code 40}, {@code 1.2}). */
    static String text(List<BigInteger> version) {
        return version.stream().map(BigInteger::toString).collect(java.util.stream.Collectors.joining("."));
    }

    /** The versions Flyway recorded as applied successfully, or empty when it recorded anything else. */
    private static Optional<Set<List<BigInteger>>> appliedVersions(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet tables = s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'flyway_schema_history'")) {
            tables.next();
            if (tables.getInt(1) != 1) {
                return Optional.empty();
            }
        }
        Set<List<BigInteger>> versions = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                String type = rs.getString(2);
                if (version == null && ("SCHEMA".equals(type) || "TABLE".equals(type))) {
                    continue; // Flyway's marker of the schema or history table it created
                }
                if (version == null || !"SQL".equals(type) || !rs.getBoolean(3) || !versions.add(parse(version))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(versions);
    }

    /** The version of a versioned SQL migration's file name, or empty for any other name. */
    static Optional<List<BigInteger>> versionOf(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return m.matches() ? Optional.of(parse(m.group(1))) : Optional.empty();
    }

    /** The versions of the SQL migrations on the class path, or empty when a location holds anything else. */
    static Optional<Set<List<BigInteger>>> availableVersions(ClassLoader classLoader) {
        Set<List<BigInteger>> versions = new HashSet<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(LOCATION);
            while (roots.hasMoreElements()) {
                Optional<List<String>> names = fileNames(roots.nextElement());
                if (names.isEmpty()) {
                    return Optional.empty();
                }
                for (String name : names.get()) {
                    Matcher m = VERSIONED.matcher(name);
                    if (!m.matches() || !versions.add(parse(m.group(1)))) {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(versions);
    }

    /** The names of the files directly in a location (a directory or a folder of a jar), empty if it cannot tell. */
    private static Optional<List<String>> fileNames(URL location) throws IOException, URISyntaxException {
        if ("file".equals(location.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                return Optional.of(files.map(f -> f.getFileName().toString()).toList());
            }
        }
        URLConnection connection = location.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return Optional.empty();
        }
        connection.setUseCaches(true);
        String prefix = jar.getEntryName() + "/";
        List<String> names = new ArrayList<>();
        JarFile file = jar.getJarFile();
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(prefix) && entry.length() > prefix.length()) {
                String rest = entry.substring(prefix.length());
                if (rest.indexOf('/') >= 0 && rest.indexOf('/') < rest.length() - 1) {
                    return Optional.empty(); // a sub-folder: Flyway scans those too
                }
                if (!rest.endsWith("/")) {
                    names.add(rest);
                }
            }
        }
        return Optional.of(names);
    }

    /** A version as Flyway compares it: numbers separated by dots or underscores, trailing zeros ignored. */
    static List<BigInteger> parse(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return List.copyOf(parts);
    }
}
