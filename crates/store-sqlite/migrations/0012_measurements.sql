-- The other measurements of a case besides the support check: the multi-problem screening on
-- the seven domains of Bodden & Deković (2010), the young person's self-report (grades 0–10 and
-- an open answer) and the outcomes of the help (placement prevented or not, return home,
-- specialist care scaled down, formal help ended), each dated. The screening's answers per
-- domain are JSON text read back through the domain's rules; its problem count is kept beside
-- them so that aggregates need not parse it. How often a support check is due is set per case
-- (default every three months).
ALTER TABLE cases ADD COLUMN check_interval_months INTEGER NOT NULL DEFAULT 3
    CHECK (check_interval_months BETWEEN 1 AND 24);

CREATE TABLE screenings (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    screened_on   TEXT NOT NULL,
    domains       TEXT NOT NULL,
    problem_count INTEGER NOT NULL CHECK (problem_count BETWEEN 0 AND 7),
    recorded_by   TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX screenings_case ON screenings (case_id, screened_on);

CREATE TABLE self_reports (
    id                             TEXT PRIMARY KEY,
    case_id                        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    answered_on                    TEXT NOT NULL,
    feels_supported                INTEGER NOT NULL CHECK (feels_supported BETWEEN 0 AND 10),
    satisfied_with_help            INTEGER NOT NULL CHECK (satisfied_with_help BETWEEN 0 AND 10),
    satisfied_with_support_figures INTEGER CHECK (satisfied_with_support_figures BETWEEN 0 AND 10),
    open_answer                    TEXT,
    participant_id                 TEXT,
    recorded_by                    TEXT NOT NULL,
    created_at                     TEXT NOT NULL
);
CREATE INDEX self_reports_case ON self_reports (case_id, answered_on);

CREATE TABLE outcomes (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('placement_prevented', 'placement_happened',
                    'placement_network_foster_family', 'returned_home',
                    'specialist_care_scaled_down', 'formal_help_ended')),
    happened_on TEXT NOT NULL,
    note        TEXT,
    recorded_by TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX outcomes_case ON outcomes (case_id, happened_on);
CREATE INDEX outcomes_kind ON outcomes (kind, happened_on);
