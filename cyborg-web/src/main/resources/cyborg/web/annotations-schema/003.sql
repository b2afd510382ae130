-- v3: an image is identified by its path relative to the data root ('path'), no longer by the path as
-- spelled on the command line ('key'): a root given relative instead of absolute, or moved, registered
-- every image again, and open tasks pointed at the copies. Copies of one path are merged into the first
-- row (Migrations refuses first if two rows of one path differ in label or size: two data sets); what
-- referred to a copy refers to that row. The table is rebuilt (SQLite cannot drop a UNIQUE column);
-- Migrations runs the steps with foreign keys off and checks them before committing.
UPDATE task_images SET image = (SELECT MIN(f.id) FROM images c JOIN images f ON f.path = c.path
    WHERE c.id = task_images.image);
UPDATE annotations SET image = (SELECT MIN(f.id) FROM images c JOIN images f ON f.path = c.path
    WHERE c.id = annotations.image);
UPDATE annotations SET other_image = (SELECT MIN(f.id) FROM images c JOIN images f ON f.path = c.path
    WHERE c.id = annotations.other_image) WHERE other_image IS NOT NULL;
DELETE FROM images WHERE id NOT IN (SELECT MIN(id) FROM images GROUP BY path);
CREATE TABLE images_v3 (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,         -- relative to the data root ('/'-separated): the image's identity
    name TEXT NOT NULL,                -- file name: what maps and imports are matched by
    label TEXT NOT NULL CHECK (label IN ('Real', 'Synthetic')),
    width INTEGER NOT NULL,
    height INTEGER NOT NULL
);
INSERT INTO images_v3(id, path, name, label, width, height) SELECT id, path, name, label, width, height FROM images;
DROP TABLE images;
ALTER TABLE images_v3 RENAME TO images;
CREATE INDEX images_name ON images(name);
