-- The analyst's aggregates (/insights) from one narrow row per case.
--
-- Counting "network in the plan", "an accepted support figure", the first and latest saved
-- map, the worst concern and the outcomes case by case took seconds on 100,000 cases
-- (docs/benchmarks.md). `case_insight` keeps those facts per case, with the case's
-- organisation, setting, team and dates, so that the dashboard is one GROUP BY over narrow
-- rows. Only the triggers below write it, in the same transaction as the change they follow,
-- so that no way of changing a case (now or later) can leave it stale; nothing reads it but
-- the aggregates.
CREATE TABLE case_insight (
    case_id         TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    org_id          TEXT NOT NULL,
    setting         TEXT NOT NULL,
    team_id         TEXT NOT NULL,
    opened_on       TEXT NOT NULL,
    closed_on       TEXT,
    -- 1 when a plan action that is not stopped is held by an informal network member.
    in_plan         INTEGER NOT NULL DEFAULT 0,
    -- 1 when a support figure has accepted.
    with_figure     INTEGER NOT NULL DEFAULT 0,
    -- The first and the latest saved map whose informal count is known (NULL: none).
    members_start   INTEGER,
    informal_start  INTEGER,
    members_latest  INTEGER,
    informal_latest INTEGER,
    -- The latest map's support gaps (bit i: SupportType::ALL[i]); NULL when unknown.
    gaps            INTEGER,
    -- The most serious concern: 0 none, 1 low, 2 medium, 3 high.
    worst_concern   INTEGER NOT NULL DEFAULT 0,
    -- The outcomes recorded: bit i set for OutcomeKind::ALL[i].
    outcomes        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX case_insight_cube ON case_insight (org_id, setting, team_id, opened_on, closed_on,
    in_plan, with_figure, members_start, informal_start, members_latest, informal_latest, gaps,
    worst_concern, outcomes);

-- The case itself: its row comes and goes with the case; setting, team and dates follow it.
CREATE TRIGGER case_insight_case_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO case_insight (case_id, org_id, setting, team_id, opened_on, closed_on)
    VALUES (NEW.id, NEW.org_id, NEW.setting, NEW.team_id, NEW.opened_on, NEW.closed_on);
END;
CREATE TRIGGER case_insight_case_update AFTER UPDATE OF org_id, setting, team_id, opened_on, closed_on ON cases
BEGIN
    UPDATE case_insight SET org_id = NEW.org_id, setting = NEW.setting, team_id = NEW.team_id,
        opened_on = NEW.opened_on, closed_on = NEW.closed_on
    WHERE case_id = NEW.id;
END;

-- Network in the plan: plan actions, and the level or sector of the members who hold them.
CREATE TRIGGER case_insight_plan_insert AFTER INSERT ON plan_actions
BEGIN
    UPDATE case_insight SET in_plan = EXISTS (
        SELECT 1 FROM plan_actions pa JOIN members m ON m.id = pa.performer_member
        WHERE pa.case_id = case_insight.case_id AND pa.performer_member IS NOT NULL AND pa.status <> 'stopped'
          AND CASE WHEN m.level IS NOT NULL THEN m.level IN ('voluntary_individual', 'voluntary_collective')
                   ELSE m.sector <> 'professional' END)
    WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER case_insight_plan_update AFTER UPDATE OF case_id, performer_member, status ON plan_actions
BEGIN
    UPDATE case_insight SET in_plan = EXISTS (
        SELECT 1 FROM plan_actions pa JOIN members m ON m.id = pa.performer_member
        WHERE pa.case_id = case_insight.case_id AND pa.performer_member IS NOT NULL AND pa.status <> 'stopped'
          AND CASE WHEN m.level IS NOT NULL THEN m.level IN ('voluntary_individual', 'voluntary_collective')
                   ELSE m.sector <> 'professional' END)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_insight_plan_delete AFTER DELETE ON plan_actions
BEGIN
    UPDATE case_insight SET in_plan = EXISTS (
        SELECT 1 FROM plan_actions pa JOIN members m ON m.id = pa.performer_member
        WHERE pa.case_id = case_insight.case_id AND pa.performer_member IS NOT NULL AND pa.status <> 'stopped'
          AND CASE WHEN m.level IS NOT NULL THEN m.level IN ('voluntary_individual', 'voluntary_collective')
                   ELSE m.sector <> 'professional' END)
    WHERE case_id = OLD.case_id;
END;
CREATE TRIGGER case_insight_member_update AFTER UPDATE OF case_id, level, sector ON members
BEGIN
    UPDATE case_insight SET in_plan = EXISTS (
        SELECT 1 FROM plan_actions pa JOIN members m ON m.id = pa.performer_member
        WHERE pa.case_id = case_insight.case_id AND pa.performer_member IS NOT NULL AND pa.status <> 'stopped'
          AND CASE WHEN m.level IS NOT NULL THEN m.level IN ('voluntary_individual', 'voluntary_collective')
                   ELSE m.sector <> 'professional' END)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_insight_member_delete AFTER DELETE ON members
BEGIN
    UPDATE case_insight SET in_plan = EXISTS (
        SELECT 1 FROM plan_actions pa JOIN members m ON m.id = pa.performer_member
        WHERE pa.case_id = case_insight.case_id AND pa.performer_member IS NOT NULL AND pa.status <> 'stopped'
          AND CASE WHEN m.level IS NOT NULL THEN m.level IN ('voluntary_individual', 'voluntary_collective')
                   ELSE m.sector <> 'professional' END)
    WHERE case_id = OLD.case_id;
END;

-- An accepted support figure.
CREATE TRIGGER case_insight_figure_insert AFTER INSERT ON support_figures
BEGIN
    UPDATE case_insight SET with_figure = EXISTS (
        SELECT 1 FROM support_figures f WHERE f.case_id = case_insight.case_id AND f.accepted_on IS NOT NULL)
    WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER case_insight_figure_update AFTER UPDATE OF case_id, accepted_on ON support_figures
BEGIN
    UPDATE case_insight SET with_figure = EXISTS (
        SELECT 1 FROM support_figures f WHERE f.case_id = case_insight.case_id AND f.accepted_on IS NOT NULL)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_insight_figure_delete AFTER DELETE ON support_figures
BEGIN
    UPDATE case_insight SET with_figure = EXISTS (
        SELECT 1 FROM support_figures f WHERE f.case_id = case_insight.case_id AND f.accepted_on IS NOT NULL)
    WHERE case_id = OLD.case_id;
END;

-- The first and the latest saved map (by the day it shows, then by when it was saved).
CREATE TRIGGER case_insight_version_insert AFTER INSERT ON map_versions
BEGIN
    UPDATE case_insight SET
        (members_start, informal_start) = (
            SELECT v.member_count, v.informal_count FROM map_versions v
            WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
            ORDER BY v.taken_on, v.created_at LIMIT 1),
        (members_latest, informal_latest, gaps) = (
            SELECT v.member_count, v.informal_count, v.gap_mask FROM map_versions v
            WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
            ORDER BY v.taken_on DESC, v.created_at DESC LIMIT 1)
    WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER case_insight_version_update AFTER UPDATE OF case_id, taken_on, created_at, member_count, informal_count, gap_mask ON map_versions
BEGIN
    UPDATE case_insight SET
        (members_start, informal_start) = (
            SELECT v.member_count, v.informal_count FROM map_versions v
            WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
            ORDER BY v.taken_on, v.created_at LIMIT 1),
        (members_latest, informal_latest, gaps) = (
            SELECT v.member_count, v.informal_count, v.gap_mask FROM map_versions v
            WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
            ORDER BY v.taken_on DESC, v.created_at DESC LIMIT 1)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_insight_version_delete AFTER DELETE ON map_versions
BEGIN
    UPDATE case_insight SET
        (members_start, informal_start) = (
            SELECT v.member_count, v.informal_count FROM map_versions v
            WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
            ORDER BY v.taken_on, v.created_at LIMIT 1),
        (members_latest, informal_latest, gaps) = (
            SELECT v.member_count, v.informal_count, v.gap_mask FROM map_versions v
            WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
            ORDER BY v.taken_on DESC, v.created_at DESC LIMIT 1)
    WHERE case_id = OLD.case_id;
END;

-- The most serious concern registered, whatever became of it.
CREATE TRIGGER case_insight_concern_insert AFTER INSERT ON concerns
BEGIN
    UPDATE case_insight SET worst_concern = coalesce((
        SELECT max(CASE k.seriousness WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)
        FROM concerns k WHERE k.case_id = case_insight.case_id), 0)
    WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER case_insight_concern_update AFTER UPDATE OF case_id, seriousness ON concerns
BEGIN
    UPDATE case_insight SET worst_concern = coalesce((
        SELECT max(CASE k.seriousness WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)
        FROM concerns k WHERE k.case_id = case_insight.case_id), 0)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_insight_concern_delete AFTER DELETE ON concerns
BEGIN
    UPDATE case_insight SET worst_concern = coalesce((
        SELECT max(CASE k.seriousness WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)
        FROM concerns k WHERE k.case_id = case_insight.case_id), 0)
    WHERE case_id = OLD.case_id;
END;

-- The kinds of outcome recorded, in the order of OutcomeKind::ALL.
CREATE TRIGGER case_insight_outcome_insert AFTER INSERT ON outcomes
BEGIN
    UPDATE case_insight SET outcomes = coalesce((
        SELECT max(o.kind = 'placement_prevented') + 2 * max(o.kind = 'placement_happened')
             + 4 * max(o.kind = 'placement_network_foster_family') + 8 * max(o.kind = 'returned_home')
             + 16 * max(o.kind = 'specialist_care_scaled_down') + 32 * max(o.kind = 'formal_help_ended')
        FROM outcomes o WHERE o.case_id = case_insight.case_id), 0)
    WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER case_insight_outcome_update AFTER UPDATE OF case_id, kind ON outcomes
BEGIN
    UPDATE case_insight SET outcomes = coalesce((
        SELECT max(o.kind = 'placement_prevented') + 2 * max(o.kind = 'placement_happened')
             + 4 * max(o.kind = 'placement_network_foster_family') + 8 * max(o.kind = 'returned_home')
             + 16 * max(o.kind = 'specialist_care_scaled_down') + 32 * max(o.kind = 'formal_help_ended')
        FROM outcomes o WHERE o.case_id = case_insight.case_id), 0)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_insight_outcome_delete AFTER DELETE ON outcomes
BEGIN
    UPDATE case_insight SET outcomes = coalesce((
        SELECT max(o.kind = 'placement_prevented') + 2 * max(o.kind = 'placement_happened')
             + 4 * max(o.kind = 'placement_network_foster_family') + 8 * max(o.kind = 'returned_home')
             + 16 * max(o.kind = 'specialist_care_scaled_down') + 32 * max(o.kind = 'formal_help_ended')
        FROM outcomes o WHERE o.case_id = case_insight.case_id), 0)
    WHERE case_id = OLD.case_id;
END;

-- The cases there are already.
INSERT INTO case_insight (case_id, org_id, setting, team_id, opened_on, closed_on)
SELECT id, org_id, setting, team_id, opened_on, closed_on FROM cases;
UPDATE case_insight SET
    in_plan = EXISTS (
        SELECT 1 FROM plan_actions pa JOIN members m ON m.id = pa.performer_member
        WHERE pa.case_id = case_insight.case_id AND pa.performer_member IS NOT NULL AND pa.status <> 'stopped'
          AND CASE WHEN m.level IS NOT NULL THEN m.level IN ('voluntary_individual', 'voluntary_collective')
                   ELSE m.sector <> 'professional' END),
    with_figure = EXISTS (
        SELECT 1 FROM support_figures f WHERE f.case_id = case_insight.case_id AND f.accepted_on IS NOT NULL),
    (members_start, informal_start) = (
        SELECT v.member_count, v.informal_count FROM map_versions v
        WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
        ORDER BY v.taken_on, v.created_at LIMIT 1),
    (members_latest, informal_latest, gaps) = (
        SELECT v.member_count, v.informal_count, v.gap_mask FROM map_versions v
        WHERE v.case_id = case_insight.case_id AND v.informal_count IS NOT NULL
        ORDER BY v.taken_on DESC, v.created_at DESC LIMIT 1),
    worst_concern = coalesce((
        SELECT max(CASE k.seriousness WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)
        FROM concerns k WHERE k.case_id = case_insight.case_id), 0),
    outcomes = coalesce((
        SELECT max(o.kind = 'placement_prevented') + 2 * max(o.kind = 'placement_happened')
             + 4 * max(o.kind = 'placement_network_foster_family') + 8 * max(o.kind = 'returned_home')
             + 16 * max(o.kind = 'specialist_care_scaled_down') + 32 * max(o.kind = 'formal_help_ended')
        FROM outcomes o WHERE o.case_id = case_insight.case_id), 0);
