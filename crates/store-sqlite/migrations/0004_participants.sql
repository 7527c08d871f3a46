-- The people around the young person as users: a participant is one person invited to one
-- case (the young person, a parent, a support figure). One account can be a participant in
-- several cases (a support figure for two siblings).

CREATE TABLE participants (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('youth', 'parent', 'support_figure')),
    display_name TEXT NOT NULL,
    -- The person in the network this participant is (support figures, parents), if any.
    member_id    TEXT REFERENCES members (id) ON DELETE SET NULL,
    -- Which of the case's parents (0-based), for parents.
    parent_index INTEGER,
    user_id      TEXT REFERENCES users (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX participants_case ON participants (case_id);
CREATE INDEX participants_user ON participants (user_id);

-- One-time invitation codes: only their SHA-256 is stored; valid 7 days, single use, revocable.
CREATE TABLE invitations (
    id             TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    code_hash      TEXT NOT NULL UNIQUE,
    created_by     TEXT,
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_at        TEXT,
    revoked_at     TEXT
);
CREATE INDEX invitations_participant ON invitations (participant_id);
