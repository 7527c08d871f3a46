-- Rights of the young person and parents: a request to destroy the file (Jeugdwet 7.3.9).
-- Handled within three months of receipt (the deadline); refused only with a legal exception
-- and its reason. When the case is destroyed this row goes with it: the audit trail keeps that
-- the destruction happened (action 'delete', object 'case'), never what the file held.
CREATE TABLE destruction_requests (
    id               TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    -- The party that asked: 'youth', 'parent:<index>' or 'guardian'.
    requested_by     TEXT NOT NULL,
    received_on      DATE NOT NULL,
    deadline         DATE NOT NULL,
    note             TEXT,
    status           TEXT NOT NULL CHECK (status IN ('requested', 'refused_exception', 'destroyed')),
    exception_reason TEXT,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    created_by       TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX destruction_requests_case ON destruction_requests (case_id, created_at);
CREATE INDEX destruction_requests_open ON destruction_requests (status, deadline);
-- The retention review lists closed cases by their last change.
CREATE INDEX cases_org_retention ON cases (org_id, status, updated_at);
