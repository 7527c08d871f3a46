-- The young person's network: members (seen from the young person), ties between members, and
-- dated versions of the whole map.

CREATE TABLE members (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    relation          TEXT NOT NULL,
    ring              INTEGER NOT NULL CHECK (ring BETWEEN 1 AND 3),
    sector            TEXT NOT NULL,
    level             TEXT,
    -- Support as 'type:direction' pairs, comma-separated: read with the member in one row.
    support           TEXT NOT NULL,
    tie_quality       TEXT,
    stance            TEXT NOT NULL,
    roles             TEXT NOT NULL,
    protective        TEXT,
    risk              TEXT,
    available         INTEGER NOT NULL CHECK (available IN (0, 1)),
    is_adult          INTEGER NOT NULL CHECK (is_adult IN (0, 1)),
    known_years       TEXT,
    contact_frequency INTEGER CHECK (contact_frequency BETWEEN 0 AND 4),
    position          INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    -- Ties reference (case_id, id): a tie can never join members of two cases.
    UNIQUE (case_id, id)
);
CREATE INDEX members_case ON members (case_id, position);

-- Ties are undirected: from_member sorts before to_member.
CREATE TABLE ties (
    case_id     TEXT NOT NULL,
    from_member TEXT NOT NULL,
    to_member   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    PRIMARY KEY (case_id, from_member, to_member),
    CHECK (from_member < to_member),
    FOREIGN KEY (case_id, from_member) REFERENCES members (case_id, id) ON DELETE CASCADE,
    FOREIGN KEY (case_id, to_member) REFERENCES members (case_id, id) ON DELETE CASCADE
);

-- A saved map: the members and ties as they were, as JSON, with their stable ids.
CREATE TABLE map_versions (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    taken_on     TEXT NOT NULL,
    member_count INTEGER NOT NULL,
    snapshot     TEXT NOT NULL,
    created_by   TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX map_versions_case ON map_versions (case_id, taken_on);
