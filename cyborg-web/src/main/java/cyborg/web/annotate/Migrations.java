package cyborg.web.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the current schema by running the numbered SQL steps
 * ({@value #FOLDER}{@code NNN.sql}) it has not had yet, each in its own transaction, and recording
 * the version reached in {@code schema_version}. A database newer than this program is refused
 * rather than written to. Foreign keys are off while steps run (a step may rebuild a table others
 * refer to, which SQLite allows only so) and checked before each step commits; the caller turns
 * them on afterwards.
 */
public final class Migrations {
    static final String FOLDER = "/cyborg/web/annotations-schema/";
    /** The schema version this program writes. */
    public static final int CURRENT = 5;

    private Migrations() {
    }

    /** Runs the missing steps; returns the version the database had before (0: empty). */
    public static int apply(Connection db) throws SQLException, IOException {
        int from = version(db);
        if (from > CURRENT) {
            throw new IOException("annotation database of schema version " + from + ", written by a newer cyborg"
                    + " (this one reads versions up to " + CURRENT + "); open it with that cyborg or a newer one, or"
                    + " give another --db");
        }
        if (from < CURRENT) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA foreign_keys=OFF"); // a no-op inside a transaction: set before the steps
            }
        }
        for (int step = from + 1; step <= CURRENT; step++) {
            boolean auto = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                check(db, step);
                for (String sql : statements(step)) {
                    s.execute(sql);
                }
                requireForeignKeys(db, step);
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version(version) VALUES (" + step + ")");
                db.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(auto);
            }
        }
        return from;
    }

    /** What a step cannot do by itself: refuse, saying why, rather than migrate wrongly. */
    private static void check(Connection db, int step) throws SQLException, IOException {
        if (step != 3) {
            return;
        }
        // step 3 merges the rows of one relative path; rows that differ in label or size are two images
        String sql = "SELECT path, GROUP_CONCAT(label || ' ' || width || 'x' || height, ', ') FROM images"
                + " GROUP BY path HAVING COUNT(DISTINCT label || width || 'x' || height) > 1 ORDER BY path LIMIT 3";
        List<String> clashes = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                clashes.add(r.getString(1) + " (" + r.getString(2) + ")");
            }
        }
        if (!clashes.isEmpty()) {
            throw new IOException("cannot bring the annotation database to version 3, which identifies images by"
                    + " their path relative to the data root: it holds two data sets with different images under"
                    + " the same path: " + String.join("; ", clashes) + ". Keep using the cyborg that made it, or"
                    + " export its maps ('cyborg annotate export') and start a new --db per data set");
        }
    }

    /** Fails the step if a row refers to one that is not there. */
    private static void requireForeignKeys(Connection db, int step) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
            if (r.next()) {
                throw new SQLException("schema step " + step + " left row " + r.getLong(2) + " of table "
                        + r.getString(1) + " referring to a missing row of " + r.getString(3));
            }
        }
    }

    /** The schema version of {@code db}, creating the version table if missing (0: empty). */
    public static int version(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /** The statements of step {@code n}, split at semicolons that end a line (comments dropped). */
    static List<String> statements(int n) throws IOException {
        String name = FOLDER + String.format("%03d.sql", n);
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("schema step " + name + " is missing from the class path; the build is broken");
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
