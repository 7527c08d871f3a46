-- Cases (dossiers): one young person and their family, held by a team of an organisation.

CREATE TABLE cases (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES orgs (id),
    team_id        TEXT NOT NULL REFERENCES teams (id),
    youth_name     TEXT NOT NULL,
    preferred_name TEXT,
    birth_date     DATE NOT NULL,
    gender         TEXT,
    setting        TEXT NOT NULL,
    -- The professional who takes responsibility for involving the network.
    network_lead   TEXT REFERENCES users (id),
    status         TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_on      DATE NOT NULL,
    closed_on      DATE,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    -- Lets child tables reference (org_id, id), so a row can never point across organisations.
    UNIQUE (org_id, id)
);
CREATE INDEX cases_org_team ON cases (org_id, team_id, status, id);
CREATE INDEX cases_org_name ON cases (org_id, youth_name);

-- Parents and carers, and whether they hold gezag (legal authority).
CREATE TABLE case_parents (
    case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name     TEXT NOT NULL,
    gezag    BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (case_id, position)
);
