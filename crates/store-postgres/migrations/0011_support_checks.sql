-- Support checks after the Social Support Network Map (Tracy & Whittaker 1990): who answered,
-- when it was started and finished, and per member of the map the answer (perceived and
-- received support, criticalness, direction, closeness, how often seen, how long known) as
-- JSON text. The scores are computed from the answers, never stored. A check answered by a
-- participant from their own page names that participant.
CREATE TABLE support_checks (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    respondent     TEXT NOT NULL CHECK (respondent IN ('youth', 'parent', 'professional')),
    started_on     DATE NOT NULL,
    finished_on    DATE,
    answers        TEXT NOT NULL,
    participant_id TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX support_checks_case ON support_checks (case_id, started_on);
