-- v5: studies. A task is real work, a practice pair (answered with feedback, never an annotation),
-- or a gold pair (an image whose answer or map a lead trusts, mixed in to measure the annotator).
-- A task may be skipped ("cannot decide"): recorded, and its images go to someone else.
-- Reviewers accept or reject annotations with a reason; the newest review of an annotation counts.
ALTER TABLE tasks ADD COLUMN kind TEXT NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'practice', 'gold'));
CREATE INDEX tasks_annotator ON tasks(annotator, done);

CREATE TABLE skips (
    task INTEGER PRIMARY KEY REFERENCES tasks(id),
    annotator INTEGER NOT NULL REFERENCES annotators(id),
    ms_shown INTEGER,                  -- how long the task was on screen before the skip
    reason TEXT,
    created TEXT NOT NULL
);

CREATE TABLE practice_answers (
    task INTEGER PRIMARY KEY REFERENCES tasks(id),
    annotator INTEGER NOT NULL REFERENCES annotators(id),
    choice INTEGER REFERENCES images(id),  -- pair: the image picked as synthetic; single: NULL (see decision)
    decision TEXT,
    correct INTEGER,
    created TEXT NOT NULL
);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    annotation INTEGER NOT NULL REFERENCES annotations(id),
    reviewer TEXT NOT NULL,            -- the reviewer's name (reviewers.name)
    verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject')),
    reason TEXT,
    created TEXT NOT NULL
);
CREATE INDEX reviews_annotation ON reviews(annotation);
