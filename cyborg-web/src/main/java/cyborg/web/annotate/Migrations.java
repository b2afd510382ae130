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
 * rather than written to.
 */
public final class Migrations {
    static final String FOLDER = "/cyborg/web/annotations-schema/";
    /** The schema version this program writes. */
    public static final int CURRENT = 2;

    private Migrations() {
    }

    /** Runs the missing steps; returns the version the database had before (0: empty). */
    public static int apply(Connection db) throws SQLException, IOException {
        int from = version(db);
        if (from > CURRENT) {
            throw new IOException("the annotation database has schema version " + from + " but this cyborg knows"
                    + " only up to " + CURRENT + "; use a newer cyborg");
        }
        for (int step = from + 1; step <= CURRENT; step++) {
            boolean auto = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String sql : statements(step)) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version(version) VALUES (" + step + ")");
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(auto);
            }
        }
        return from;
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
