-- Rectification with history: every change or removal of a network member keeps the member as
-- it was before, so a correction is visible and can be traced (GDPR art. 16, Jeugdwet 7.3.8).
CREATE TABLE member_history (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT,
    -- The member before the change, as JSON; the state after is the next entry or the member now.
    before     TEXT NOT NULL,
    removed    INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
);
CREATE INDEX member_history_case ON member_history (case_id, member_id, changed_at);
