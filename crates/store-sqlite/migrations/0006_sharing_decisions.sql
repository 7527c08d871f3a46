-- Decisions taken with the sharing decision guide: what was to be shared with whom, the
-- answers, the advice, and what the professional decided and why.
CREATE TABLE sharing_decisions (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    recipient   TEXT NOT NULL,
    information TEXT NOT NULL,
    answers     TEXT NOT NULL,
    advice      TEXT NOT NULL,
    decision    TEXT NOT NULL,
    reasons     TEXT NOT NULL,
    decided_by  TEXT,
    decided_at  TEXT NOT NULL
);
CREATE INDEX sharing_decisions_case ON sharing_decisions (case_id, decided_at);
