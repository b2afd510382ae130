-- v4: reviewers, who may read the overview (every image's label, every annotator's accuracy).
-- Annotators may not: they could look up the answers. Only a hash of the token is stored.
CREATE TABLE reviewers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL,          -- hex SHA-256 of the token
    created TEXT NOT NULL
);
