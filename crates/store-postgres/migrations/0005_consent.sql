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
    valid_from      DATE NOT NULL,
    valid_until     DATE,
    -- The parties that must consent, fixed when consent was asked ('youth', 'parent:0', …).
    required        TEXT NOT NULL,
    created_by      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    withdrawn_party TEXT,
    withdrawn_at    TIMESTAMPTZ
);
CREATE INDEX consents_case ON consents (case_id);

CREATE TABLE consent_givings (
    consent_id TEXT NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    party      TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
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
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_by TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    lifted_at  TIMESTAMPTZ
);
CREATE INDEX withholdings_case ON withholdings (case_id);
