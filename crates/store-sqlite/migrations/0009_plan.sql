-- The one plan of a case (1 gezin, 1 plan) and the network meetings that shape it.
--
-- The current plan is relational (goals, actions, agreements), so that overdue actions and
-- "is the network involved in the plan" can be asked of many cases at once; every change
-- raises the plan's revision, so that two people editing at once get a conflict instead of
-- losing each other's work. Adopted versions are immutable snapshots (JSON), as map versions.
CREATE TABLE plans (
    case_id         TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    revision        INTEGER NOT NULL,
    worries         TEXT,
    working_well    TEXT,
    needs_to_happen TEXT,
    updated_at      TEXT NOT NULL
);

CREATE TABLE plan_goals (
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    holder      TEXT NOT NULL CHECK (holder IN ('youth', 'parent', 'network', 'professional')),
    how_we_know TEXT,
    PRIMARY KEY (case_id, id)
);

-- `performer` is the code (youth, parent:0, member:<id>, professional:<user>); the member id
-- is kept apart too, for the question "does a network member hold an action?".
CREATE TABLE plan_actions (
    case_id          TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    position         INTEGER NOT NULL,
    what             TEXT NOT NULL,
    performer        TEXT NOT NULL,
    performer_member TEXT,
    due_on           TEXT,
    status           TEXT NOT NULL CHECK (status IN ('open', 'doing', 'done', 'stopped')),
    goal_id          TEXT,
    PRIMARY KEY (case_id, id)
);
CREATE INDEX plan_actions_pending_due ON plan_actions (due_on) WHERE status IN ('open', 'doing');

CREATE TABLE plan_progress (
    id        TEXT PRIMARY KEY,
    case_id   TEXT NOT NULL,
    action_id TEXT NOT NULL,
    at        TEXT NOT NULL,
    by_name   TEXT NOT NULL,
    note      TEXT,
    status    TEXT NOT NULL,
    FOREIGN KEY (case_id, action_id) REFERENCES plan_actions (case_id, id) ON DELETE CASCADE
);
CREATE INDEX plan_progress_action ON plan_progress (case_id, action_id, at);

CREATE TABLE plan_agreements (
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    concern     TEXT NOT NULL,
    agreement   TEXT NOT NULL,
    who_watches TEXT NOT NULL,
    if_wrong    TEXT NOT NULL,
    PRIMARY KEY (case_id, id)
);

CREATE TABLE plan_versions (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    adopted_on TEXT NOT NULL,
    adopted_at TEXT NOT NULL,
    adopted_by TEXT,
    meeting_id TEXT,
    plan       TEXT NOT NULL,
    UNIQUE (case_id, number)
);

-- Each participant confirms a version from their own account, once.
CREATE TABLE plan_signoffs (
    version_id     TEXT NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    name           TEXT NOT NULL,
    at             TEXT NOT NULL,
    PRIMARY KEY (version_id, participant_id)
);

-- A network meeting; its invitees (member id, name as on the map, attended) are a snapshot
-- kept as JSON with it.
CREATE TABLE meetings (
    id              TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    own_question    TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    minutes         INTEGER NOT NULL,
    location        TEXT,
    status          TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    invitees        TEXT NOT NULL,
    private_minutes INTEGER,
    notes           TEXT,
    plan_version    TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX meetings_case ON meetings (case_id, starts_at);
