-- v1: images, annotators, the tasks handed out, and the annotations saved.
CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- the sample key (image root + relpath, or the file path)
    path TEXT NOT NULL,                -- relative to the data root the server was started with
    name TEXT NOT NULL,                -- file name: what maps and imports are matched by
    label TEXT NOT NULL CHECK (label IN ('Real', 'Synthetic')),
    width INTEGER NOT NULL,
    height INTEGER NOT NULL
);
CREATE INDEX images_name ON images(name);

CREATE TABLE annotators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT,                   -- hex SHA-256 of the token; NULL: identified by name alone
    created TEXT NOT NULL
);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    annotator INTEGER NOT NULL REFERENCES annotators(id),
    mode TEXT NOT NULL CHECK (mode IN ('pair', 'single')),
    created_ms INTEGER NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE task_images (
    task INTEGER NOT NULL REFERENCES tasks(id),
    image INTEGER NOT NULL REFERENCES images(id),
    annotator INTEGER NOT NULL REFERENCES annotators(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (task, image)
);
CREATE INDEX task_images_image ON task_images(image);
CREATE INDEX task_images_annotator ON task_images(annotator);

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    task INTEGER UNIQUE REFERENCES tasks(id),
    annotator INTEGER NOT NULL REFERENCES annotators(id),
    mode TEXT NOT NULL,
    image INTEGER NOT NULL REFERENCES images(id),  -- the image the mask belongs to
    other_image INTEGER REFERENCES images(id),     -- pair mode: the image not chosen
    decision TEXT,                                 -- pair: 'synthetic' (the image chosen as synthetic); single: real|synthetic|unsure
    correct INTEGER,
    ms_decide INTEGER,
    ms_paint INTEGER,
    strokes TEXT,
    mask BLOB,                                     -- 8-bit gray PNG, 0/255, the image's size
    text TEXT,
    created TEXT NOT NULL
);
CREATE INDEX annotations_image ON annotations(image);

-- v2: where an annotation came from (the page, or an imported Label Studio / COCO file).
ALTER TABLE annotations ADD COLUMN source TEXT NOT NULL DEFAULT 'web';
CREATE INDEX annotations_annotator ON annotations(annotator);
