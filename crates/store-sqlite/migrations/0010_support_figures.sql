-- Support figures chosen by the young person (JIM), citizen guardians and network foster
-- families: the nomination in the young person's own words, the professional's screening, the
-- acceptance from the person's own account, the agreement (the five JIM roles, contact, part in
-- meetings) and the end. The member may leave the map; the name stays.
CREATE TABLE support_figures (
    id                 TEXT PRIMARY KEY,
    case_id            TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    member_id          TEXT REFERENCES members (id) ON DELETE SET NULL,
    member_name        TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('jim', 'citizen_guardian', 'network_foster_family')),
    status             TEXT NOT NULL CHECK (status IN ('nominated', 'screened', 'active', 'ended')),
    nominated_on       TEXT NOT NULL,
    nominated_by       TEXT NOT NULL CHECK (nominated_by IN ('youth', 'professional')),
    own_words          TEXT NOT NULL,
    screened_on        TEXT,
    safety_concerns    TEXT,
    screening_decision TEXT CHECK (screening_decision IN ('approve', 'decline')),
    screening_reason   TEXT,
    screened_by        TEXT,
    accepted_on        TEXT,
    -- The participant (a support figure of the case) who accepted.
    accepted_by        TEXT,
    agreed_on          TEXT,
    -- The JIM roles agreed, comma-separated.
    roles              TEXT,
    contact_how        TEXT,
    contact_frequency  TEXT,
    meetings_part      TEXT,
    ended_on           TEXT,
    end_reason         TEXT,
    youth_view         TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX support_figures_case ON support_figures (case_id, nominated_on);
CREATE INDEX support_figures_member ON support_figures (member_id);

-- The professional's coaching log and the support figure's contact moments.
CREATE TABLE support_logs (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    support_figure_id TEXT NOT NULL REFERENCES support_figures (id) ON DELETE CASCADE,
    kind              TEXT NOT NULL CHECK (kind IN ('coaching', 'contact')),
    happened_on       TEXT NOT NULL,
    note              TEXT NOT NULL,
    written_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX support_logs_figure ON support_logs (support_figure_id, happened_on);
CREATE INDEX support_logs_case ON support_logs (case_id);

-- Concerns about a network member or about the informal support itself (about_member NULL):
-- nobody knows the negative effects of informal support yet, so they are registered and stay
-- visible until closed with what was done.
CREATE TABLE concerns (
    id                 TEXT PRIMARY KEY,
    case_id            TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    about_member       TEXT,
    about_name         TEXT,
    what               TEXT NOT NULL,
    seriousness        TEXT NOT NULL CHECK (seriousness IN ('low', 'medium', 'high')),
    registered_by      TEXT,
    registered_by_name TEXT NOT NULL,
    registered_at      TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    closed_at          TEXT,
    closed_by          TEXT,
    what_was_done      TEXT
);
CREATE INDEX concerns_case ON concerns (case_id, status, registered_at);

-- Moral deliberations (moreel beraad) on a risk dilemma; the young person, family and network
-- can take part. Participants are kept one per line.
CREATE TABLE deliberations (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    held_on        TEXT NOT NULL,
    question       TEXT NOT NULL,
    participants   TEXT NOT NULL,
    considerations TEXT NOT NULL,
    decision       TEXT NOT NULL,
    follow_up      TEXT,
    recorded_by    TEXT,
    recorded_at    TEXT NOT NULL
);
CREATE INDEX deliberations_case ON deliberations (case_id, held_on);
