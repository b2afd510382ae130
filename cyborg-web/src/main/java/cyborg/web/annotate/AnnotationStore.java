package cyborg.web.annotate;

import cyborg.data.Label;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The annotation database (SQLite). One connection, used by one thread at a time (every method is
 * synchronized): SQLite has a single writer anyway, and serializing here keeps concurrent
 * annotators from ever seeing "database is locked". WAL with {@code synchronous=FULL}: a save has
 * reached the disk when {@link #save} returns, so an answer that says "saved" survives a crash.
 */
public final class AnnotationStore implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private final Connection db;
    private final Path file;

    private AnnotationStore(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /**
     * Opens (creating if missing) and migrates the database at {@code file}. A new database is
     * created readable by its owner only (0600): it holds who annotated what, and the hashes of
     * their tokens. SQLite gives the {@code -wal} and {@code -shm} files the database's mode.
     */
    public static AnnotationStore open(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(file + ": its folder does not exist; create it or choose another --db");
        }
        createOwnerOnly(file);
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
            }
            Migrations.apply(db);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA foreign_keys=ON"); // after the migrations, which run with them off
            }
            db.setAutoCommit(false);
            return new AnnotationStore(db, file);
        } catch (SQLException e) {
            closeAfter(db, e);
            throw new IOException(file + ": cannot open the annotation database (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            closeAfter(db, e); // a refused migration: the file stays as it was, and free
            throw new IOException(named(file) + ": " + e.getMessage(), e);
        }
    }

    /** The file as given, and where that is when given relative (the default, annotations.db, is). */
    private static String named(Path file) {
        return file.isAbsolute() ? file.toString() : file + " (" + file.toAbsolutePath().normalize() + ")";
    }

    private static void closeAfter(Connection db, Exception cause) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /**
     * Creates an empty {@code file} with mode 0600 where the file system has POSIX modes; an
     * existing one is left as it is.
     */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: it is theirs to have made
        }
    }

    /** The database file, as given to {@link #open}. */
    public Path file() {
        return file;
    }

    // ---- images ----

    /**
     * Adds the images not yet known (by their path relative to the data root); returns every given
     * image's record, in order. Whether a known path still names the same image is the caller's
     * check ({@link ImageCatalog}).
     */
    public synchronized List<ImageRecord> register(List<ImageRecord> images) throws IOException {
        return inTransaction(() -> {
            List<ImageRecord> out = new ArrayList<>();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO images(path, name, label, width,"
                    + " height) VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO NOTHING")) {
                for (ImageRecord i : images) {
                    insert.setString(1, i.path());
                    insert.setString(2, i.name());
                    insert.setString(3, i.label().displayName());
                    insert.setInt(4, i.width());
                    insert.setInt(5, i.height());
                    insert.executeUpdate();
                }
            }
            for (ImageRecord i : images) {
                out.add(one("SELECT * FROM images WHERE path = ?", i.path()).orElseThrow());
            }
            return out;
        });
    }

    public synchronized Optional<ImageRecord> image(long id) throws IOException {
        return query(() -> one("SELECT * FROM images WHERE id = ?", id));
    }

    /** The images with this file name (several when sources share names). */
    public synchronized List<ImageRecord> imagesNamed(String name) throws IOException {
        return query(() -> images("SELECT * FROM images WHERE name = ?", name));
    }

    public synchronized List<ImageRecord> images() throws IOException {
        return query(() -> images("SELECT * FROM images ORDER BY id"));
    }

    private Optional<ImageRecord> one(String sql, Object arg) throws SQLException {
        List<ImageRecord> all = images(sql, arg);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private List<ImageRecord> images(String sql, Object... args) throws SQLException {
        try (PreparedStatement q = prepare(sql, args); ResultSet r = q.executeQuery()) {
            List<ImageRecord> out = new ArrayList<>();
            while (r.next()) {
                out.add(new ImageRecord(r.getLong("id"), r.getString("path"), r.getString("name"),
                        Label.parse(r.getString("label")).orElseThrow(), r.getInt("width"), r.getInt("height")));
            }
            return out;
        }
    }

    // ---- annotators ----

    public synchronized Optional<Annotator> annotator(String name) throws IOException {
        return query(() -> annotatorWhere("name = ?", name));
    }

    /** Creates an annotator identified by name alone (no token), or returns the existing one. */
    public synchronized Annotator annotatorByName(String name) throws IOException {
        Annotator.checkName(name);
        return inTransaction(() -> {
            Optional<Annotator> known = annotatorWhere("name = ?", name);
            if (known.isPresent()) {
                return known.get();
            }
            update("INSERT INTO annotators(name, token_hash, created) VALUES (?, NULL, ?)", name, now());
            return annotatorWhere("name = ?", name).orElseThrow();
        });
    }

    /**
     * Adds an annotator with a new token, or gives an existing one a new token (the old one stops
     * working); returns the token, which is stored only as a hash.
     */
    public synchronized String addAnnotator(String name) throws IOException {
        return addWithToken("annotators", name);
    }

    /** Adds {@code name} to {@code table} (annotators or reviewers) with a new token, or replaces its token. */
    private String addWithToken(String table, String name) throws IOException {
        Annotator.checkName(name);
        String token = Annotator.newToken();
        inTransaction(() -> update("INSERT INTO " + table + "(name, token_hash, created) VALUES (?, ?, ?)"
                + " ON CONFLICT(name) DO UPDATE SET token_hash = excluded.token_hash", name, Annotator.hash(token), now()));
        return token;
    }

    public synchronized List<Annotator> annotators() throws IOException {
        return query(() -> {
            try (PreparedStatement q = db.prepareStatement("SELECT * FROM annotators ORDER BY name");
                    ResultSet r = q.executeQuery()) {
                List<Annotator> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new Annotator(r.getLong("id"), r.getString("name"), r.getString("token_hash")));
                }
                return out;
            }
        });
    }

    // ---- reviewers ----

    /**
     * Adds a reviewer with a new token, or gives an existing one a new token (the old one stops
     * working); returns the token, which is stored only as a hash. Reviewers may read the overview.
     */
    public synchronized String addReviewer(String name) throws IOException {
        return addWithToken("reviewers", name);
    }

    /** The name of the reviewer whose token this is, if any. */
    public synchronized Optional<String> reviewer(String token) throws IOException {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return query(() -> {
            // looked up by the hash: a token is 24 random bytes, so its hash gives nothing away
            try (PreparedStatement q = prepare("SELECT name FROM reviewers WHERE token_hash = ?",
                    Annotator.hash(token.strip())); ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        });
    }

    private Optional<Annotator> annotatorWhere(String where, Object arg) throws SQLException {
        try (PreparedStatement q = prepare("SELECT * FROM annotators WHERE " + where, arg);
                ResultSet r = q.executeQuery()) {
            return r.next() ? Optional.of(new Annotator(r.getLong("id"), r.getString("name"), r.getString("token_hash")))
                    : Optional.empty();
        }
    }

    // ---- tasks (assignment) ----

    /** The annotator's newest task that was handed out and not answered, if any. */
    public synchronized Optional<Task> openTask(long annotator) throws IOException {
        return query(() -> taskWhere("annotator = ? AND done = 0 ORDER BY id DESC LIMIT 1", annotator));
    }

    public synchronized Optional<Task> task(long id) throws IOException {
        return query(() -> taskWhere("id = ?", id));
    }

    /** Records a work task handed out. */
    public synchronized Task newTask(long annotator, Mode mode, List<Long> images) throws IOException {
        return newTask(annotator, mode, images, TaskKind.WORK);
    }

    /** Records a task of this kind handed out. */
    public synchronized Task newTask(long annotator, Mode mode, List<Long> images, TaskKind kind) throws IOException {
        return inTransaction(() -> {
            update("INSERT INTO tasks(annotator, mode, created_ms, kind) VALUES (?, ?, ?, ?)", annotator, mode.key(),
                    System.currentTimeMillis(), kind.key());
            long id = lastId();
            for (int i = 0; i < images.size(); i++) {
                update("INSERT INTO task_images(task, image, annotator, position) VALUES (?, ?, ?, ?)", id,
                        images.get(i), annotator, i);
            }
            return new Task(id, annotator, mode, List.copyOf(images), false, kind);
        });
    }

    /** Work tasks answered, not skipped: what counts towards an image's annotators. */
    private static final String ANSWERED_WORK = "t.kind = 'work' AND t.done = 1"
            + " AND NOT EXISTS (SELECT 1 FROM skips s WHERE s.task = t.id)";

    /**
     * How many distinct annotators each image was handed to as work, counting answered tasks and
     * those handed out since {@code reservedSinceMillis} (unanswered older ones have lapsed). Skipped
     * tasks, practice and gold pairs do not count: the image still needs its annotators.
     */
    public synchronized Map<Long, Integer> viewers(long reservedSinceMillis) throws IOException {
        return query(() -> counts("SELECT ti.image, COUNT(DISTINCT ti.annotator) FROM task_images ti JOIN tasks t"
                + " ON t.id = ti.task WHERE (" + ANSWERED_WORK + ") OR (t.kind = 'work' AND t.done = 0"
                + " AND t.created_ms >= ?) GROUP BY ti.image", reservedSinceMillis));
    }

    /** How many distinct annotators answered a work task with each image (skips not counted). */
    public synchronized Map<Long, Integer> answered() throws IOException {
        return query(() -> counts("SELECT ti.image, COUNT(DISTINCT ti.annotator) FROM task_images ti JOIN tasks t"
                + " ON t.id = ti.task WHERE " + ANSWERED_WORK + " GROUP BY ti.image"));
    }

    /** How many tasks of this kind the annotator has finished (answered or skipped). */
    public synchronized int finished(long annotator, TaskKind kind) throws IOException {
        return query(() -> {
            try (PreparedStatement q = prepare("SELECT COUNT(*) FROM tasks WHERE annotator = ? AND kind = ?"
                    + " AND done = 1", annotator, kind.key()); ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** The images this annotator was ever handed. */
    public synchronized Set<Long> seenBy(long annotator) throws IOException {
        return query(() -> {
            try (PreparedStatement q = prepare("SELECT image FROM task_images WHERE annotator = ?", annotator);
                    ResultSet r = q.executeQuery()) {
                Set<Long> out = new HashSet<>();
                while (r.next()) {
                    out.add(r.getLong(1));
                }
                return out;
            }
        });
    }

    private Map<Long, Integer> counts(String sql, Object... args) throws SQLException {
        try (PreparedStatement q = prepare(sql, args); ResultSet r = q.executeQuery()) {
            Map<Long, Integer> out = new HashMap<>();
            while (r.next()) {
                out.put(r.getLong(1), r.getInt(2));
            }
            return out;
        }
    }

    private Optional<Task> taskWhere(String where, Object arg) throws SQLException {
        long id;
        long annotator;
        Mode mode;
        boolean done;
        TaskKind kind;
        try (PreparedStatement q = prepare("SELECT * FROM tasks WHERE " + where, arg); ResultSet r = q.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            id = r.getLong("id");
            annotator = r.getLong("annotator");
            mode = Mode.valueOf(r.getString("mode").toUpperCase(java.util.Locale.ROOT));
            done = r.getInt("done") != 0;
            kind = TaskKind.parse(r.getString("kind"));
        }
        List<Long> images = new ArrayList<>();
        try (PreparedStatement q = prepare("SELECT image FROM task_images WHERE task = ? ORDER BY position", id);
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                images.add(r.getLong(1));
            }
        }
        return Optional.of(new Task(id, annotator, mode, images, done, kind));
    }

    // ---- annotations ----

    /**
     * Saves an annotation and marks its task answered, in one transaction committed (and, with
     * {@code synchronous=FULL}, on disk) before this returns; returns its id.
     */
    public synchronized long save(NewAnnotation a) throws IOException {
        return inTransaction(() -> {
            update("INSERT INTO annotations(task, annotator, mode, image, other_image, decision, correct, ms_decide,"
                    + " ms_paint, strokes, mask, text, created, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.task(), a.annotator(), a.mode(), a.image(), a.otherImage(), a.decision(),
                    a.correct() == null ? null : a.correct() ? 1 : 0, a.msDecide(), a.msPaint(), a.strokes(),
                    a.mask() == null ? null : a.mask().png(), a.text(), now(), a.source());
            long id = lastId();
            if (a.task() != null) {
                update("UPDATE tasks SET done = 1 WHERE id = ?", a.task());
            }
            return id;
        });
    }

    /** The saved answer of a task: its id and whether the decision was right (null: unsure or imported). */
    public record Answer(long id, Boolean correct) {
    }

    /** The annotation that answered a task, if it was answered. */
    public synchronized Optional<Answer> answerOf(long task) throws IOException {
        return query(() -> {
            try (PreparedStatement q = prepare("SELECT id, correct FROM annotations WHERE task = ?", task);
                    ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long id = r.getLong(1);
                int correct = r.getInt(2);
                return Optional.of(new Answer(id, r.wasNull() ? null : correct != 0));
            }
        });
    }

    /**
     * Saves an imported mask as an annotation of the image with its file name, by its annotator
     * (created if new, without a token), unless the image is unknown, its name is ambiguous, the
     * sizes differ or the annotator's name cannot be a folder name. Committed before it returns.
     */
    public synchronized ImportOutcome importMask(ImportedMask m, String source) throws IOException {
        List<ImageRecord> named = imagesNamed(m.image() == null ? "" : Path.of(m.image()).getFileName().toString());
        if (named.isEmpty()) {
            return ImportOutcome.UNKNOWN_IMAGE;
        }
        if (named.size() > 1) {
            return ImportOutcome.AMBIGUOUS_IMAGE;
        }
        ImageRecord image = named.get(0);
        if (m.width() != image.width() || m.height() != image.height()) {
            return ImportOutcome.SIZE_MISMATCH;
        }
        Annotator who;
        try {
            who = annotatorByName(m.annotator());
        } catch (IllegalArgumentException e) {
            return ImportOutcome.BAD_ANNOTATOR_NAME;
        }
        save(new NewAnnotation(null, who.id(), "import", image.id(), null, null, null, null, null, null,
                new Mask(m.width(), m.height(), m.mask()), null, source));
        return ImportOutcome.IMPORTED;
    }

    /** What became of one imported mask. */
    public enum ImportOutcome {
        IMPORTED,
        UNKNOWN_IMAGE,
        AMBIGUOUS_IMAGE,
        SIZE_MISMATCH,
        BAD_ANNOTATOR_NAME
    }

    /** One annotator's annotations, decisions (not unsure) and correct decisions. */
    public record Counts(int annotations, int decisions, int correct) {
        /** Share of correct decisions; null before any. */
        public Double accuracy() {
            return decisions == 0 ? null : (double) correct / decisions;
        }
    }

    public synchronized Counts counts(long annotator) throws IOException {
        return query(() -> {
            try (PreparedStatement q = prepare("SELECT COUNT(*), COUNT(correct), COALESCE(SUM(correct), 0)"
                    + " FROM annotations WHERE annotator = ?", annotator); ResultSet r = q.executeQuery()) {
                r.next();
                return new Counts(r.getInt(1), r.getInt(2), r.getInt(3));
            }
        });
    }

    /** Every annotation, oldest first. */
    public synchronized List<StoredAnnotation> annotations() throws IOException {
        return query(() -> {
            Map<Long, ImageRecord> byId = new HashMap<>();
            images("SELECT * FROM images").forEach(i -> byId.put(i.id(), i));
            try (PreparedStatement q = db.prepareStatement("SELECT a.*, n.name AS annotator_name, t.kind AS task_kind"
                    + " FROM annotations a JOIN annotators n ON n.id = a.annotator LEFT JOIN tasks t ON t.id = a.task"
                    + " ORDER BY a.id"); ResultSet r = q.executeQuery()) {
                List<StoredAnnotation> out = new ArrayList<>();
                while (r.next()) {
                    long other = r.getLong("other_image");
                    ImageRecord otherImage = r.wasNull() ? null : byId.get(other);
                    int correct = r.getInt("correct");
                    Boolean isCorrect = r.wasNull() ? null : correct != 0;
                    long task = r.getLong("task");
                    Long taskId = r.wasNull() ? null : task;
                    out.add(new StoredAnnotation(r.getLong("id"), taskId, r.getString("annotator_name"),
                            r.getString("mode"), byId.get(r.getLong("image")), otherImage, r.getString("decision"),
                            isCorrect, nullableLong(r, "ms_decide"), nullableLong(r, "ms_paint"),
                            r.getString("strokes"), r.getBytes("mask"), r.getString("text"), r.getString("source"),
                            r.getString("created"), taskId == null ? StoredAnnotation.IMPORT : r.getString("task_kind")));
                }
                return out;
            }
        });
    }

    // ---- skips and practice (study) ----

    /** Records that the annotator skipped the task ("cannot decide") and closes it; committed before it returns. */
    public synchronized void skip(long task, long annotator, Long msShown, String reason) throws IOException {
        inTransaction(() -> {
            update("INSERT INTO skips(task, annotator, ms_shown, reason, created) VALUES (?, ?, ?, ?, ?)", task,
                    annotator, msShown, reason, now());
            update("UPDATE tasks SET done = 1 WHERE id = ?", task);
        });
    }

    /** Whether the task was skipped. */
    public synchronized boolean skipped(long task) throws IOException {
        return query(() -> {
            try (PreparedStatement q = prepare("SELECT 1 FROM skips WHERE task = ?", task);
                    ResultSet r = q.executeQuery()) {
                return r.next();
            }
        });
    }

    /** Every skip, oldest first. */
    public synchronized List<Skip> skips() throws IOException {
        return query(() -> {
            List<Skip> out = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT s.*, n.name FROM skips s JOIN annotators n"
                    + " ON n.id = s.annotator ORDER BY s.created, s.task"); ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new Skip(r.getLong("task"), r.getString("name"), List.of(), nullableLong(r, "ms_shown"),
                            r.getString("reason"), r.getString("created")));
                }
            }
            List<Skip> withImages = new ArrayList<>();
            for (Skip s : out) {
                withImages.add(new Skip(s.task(), s.annotator(), taskWhere("id = ?", s.task()).orElseThrow().images(),
                        s.msShown(), s.reason(), s.created()));
            }
            return withImages;
        });
    }

    /**
     * Records a practice answer and closes its task; it is never an annotation.
     *
     * @param choice pair mode: the image picked as synthetic; else null
     * @param decision single mode: real, synthetic or unsure; pair mode: synthetic
     */
    public synchronized void savePractice(long task, long annotator, Long choice, String decision, Boolean correct)
            throws IOException {
        inTransaction(() -> {
            update("INSERT INTO practice_answers(task, annotator, choice, decision, correct, created)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", task, annotator, choice, decision,
                    correct == null ? null : correct ? 1 : 0, now());
            update("UPDATE tasks SET done = 1 WHERE id = ?", task);
        });
    }

    /** Whether a practice task was answered, and if so whether rightly (null: unsure). */
    public record PracticeAnswer(long task, Long choice, String decision, Boolean correct) {
    }

    public synchronized Optional<PracticeAnswer> practiceAnswer(long task) throws IOException {
        return query(() -> {
            try (PreparedStatement q = prepare("SELECT * FROM practice_answers WHERE task = ?", task);
                    ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Long choice = nullableLong(r, "choice");
                int correct = r.getInt("correct");
                Boolean isCorrect = r.wasNull() ? null : correct != 0;
                return Optional.of(new PracticeAnswer(task, choice, r.getString("decision"), isCorrect));
            }
        });
    }

    // ---- reviews ----

    /** Records a reviewer's verdict on an annotation; the newest one counts. Returns the review's id. */
    public synchronized long review(long annotation, String reviewer, String verdict, String reason) throws IOException {
        if (!Review.ACCEPT.equals(verdict) && !Review.REJECT.equals(verdict)) {
            throw new IllegalArgumentException("a verdict is " + Review.ACCEPT + " or " + Review.REJECT + ", not "
                    + verdict);
        }
        return inTransaction(() -> {
            update("INSERT INTO reviews(annotation, reviewer, verdict, reason, created) VALUES (?, ?, ?, ?, ?)",
                    annotation, reviewer, verdict, reason, now());
            return lastId();
        });
    }

    /** The newest review of each reviewed annotation, by annotation id. */
    public synchronized Map<Long, Review> reviews() throws IOException {
        return query(() -> {
            Map<Long, Review> out = new HashMap<>();
            try (PreparedStatement q = db.prepareStatement("SELECT * FROM reviews ORDER BY id");
                    ResultSet r = q.executeQuery()) {
                while (r.next()) { // later rows replace earlier ones: the newest counts
                    Review v = new Review(r.getLong("id"), r.getLong("annotation"), r.getString("reviewer"),
                            r.getString("verdict"), r.getString("reason"), r.getString("created"));
                    out.put(v.annotation(), v);
                }
            }
            return out;
        });
    }

    /** One annotation's image and stored mask (null when it has none), read without loading every annotation. */
    public record MaskOf(long annotation, long image, byte[] png) {
    }

    /** The image and mask of annotation {@code id}, if there is such an annotation. */
    public synchronized Optional<MaskOf> maskOf(long id) throws IOException {
        return query(() -> {
            try (PreparedStatement q = prepare("SELECT image, mask FROM annotations WHERE id = ?", id);
                    ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(new MaskOf(id, r.getLong(1), r.getBytes(2))) : Optional.empty();
            }
        });
    }

    private static Long nullableLong(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    @FunctionalInterface
    private interface Update {
        void run() throws SQLException, IOException;
    }

    private <T> T inTransaction(Work<T> work) throws IOException {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new IOException("annotation database: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Exception cause) {
        try {
            db.rollback();
        } catch (SQLException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    private void inTransaction(Update work) throws IOException {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** A read; ends the read transaction so the WAL can be checkpointed. */
    private <T> T query(Work<T> work) throws IOException {
        return inTransaction(work);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(sql, args)) {
            s.executeUpdate();
        }
    }

    private long lastId() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
            r.next();
            return r.getLong(1);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (a instanceof byte[] b) {
                s.setBytes(i + 1, b);
            } else {
                s.setObject(i + 1, a);
            }
        }
        return s;
    }

    private static String now() {
        return Instant.now().toString();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IOException("annotation database: " + e.getMessage(), e);
        }
    }
}
