-- Consent and sharing: per category of information and per recipient, given by each party
-- that must consent (recorded separately: who, when, how), withdrawable at once; and
-- withholdings, where the professional does not share because sharing would harm the young
-- person.

-- The legal framework of the help decides who consents (voluntary, OTS, guardianship, JeugdzorgPlus).
ALTER TABLE cases ADD COLUMN framework TEXT NOT NULL DEFAULT 'voluntary';

CREATE TABLE consents (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    category        TEXT NOT NULL,
    -- 'participant:<id>' or 'role:<role>'.
    recipient       TEXT NOT NULL,
    valid_from      TEXT NOT NULL,
    valid_until     TEXT,
    -- The parties that must consent, fixed when consent was asked ('youth', 'parent:0', …).
    required        TEXT NOT NULL,
    created_by      TEXT,
    created_at      TEXT NOT NULL,
    withdrawn_party TEXT,
    withdrawn_at    TEXT
);
CREATE INDEX consents_case ON consents (case_id);

CREATE TABLE consent_givings (
    consent_id TEXT NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    party      TEXT NOT NULL,
    at         TEXT NOT NULL,
    how        TEXT NOT NULL,
    by_user    TEXT,
    PRIMARY KEY (consent_id, party)
);

CREATE TABLE withholdings (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    category   TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    reason     TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_by TEXT,
    created_at TEXT NOT NULL,
    lifted_at  TEXT
);
CREATE INDEX withholdings_case ON withholdings (case_id);
