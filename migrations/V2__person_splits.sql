-- Manual splits: a name that must never again be resolved to this person
-- (`morgue people split`), so automatic matching cannot undo the correction.
CREATE TABLE person_splits (
    key       TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    made_at   TEXT NOT NULL,
    PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
