-- The analyst's aggregates (/insights) from one narrow row per case.
--
-- Counting "network in the plan", "an accepted support figure", the first and latest saved
-- map, the worst concern and the outcomes case by case took seconds on 100,000 cases
-- (docs/benchmarks.md). `case_insight` keeps those facts per case, with the case's
-- organisation, setting, team and dates, so that the dashboard is one GROUP BY over narrow
-- rows. Only the triggers below write it, in the same transaction as the change they follow,
-- so that no way of changing a case (now or later) can leave it stale; nothing reads it but
-- the aggregates. Writers take the audit chain's head first (`begin_write`), so the row locks
-- taken here can never be taken in opposite orders by two writers.
CREATE TABLE case_insight (
    case_id         TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    org_id          TEXT NOT NULL,
    setting         TEXT NOT NULL,
    team_id         TEXT NOT NULL,
    opened_on       DATE NOT NULL,
    closed_on       DATE,
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
);
CREATE INDEX case_insight_cube ON case_insight (org_id, setting, team_id, opened_on, closed_on)
    INCLUDE (in_plan, with_figure, members_start, informal_start, members_latest, informal_latest,
             gaps, worst_concern, outcomes);

-- One aspect of one case, recomputed from the tables it follows.
CREATE FUNCTION case_insight_refresh(aspect TEXT, case_key TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF aspect = 'plan' THEN
        UPDATE case_insight SET in_plan = CASE WHEN EXISTS (
            SELECT 1 FROM plan_actions pa JOIN members m ON m.id = pa.performer_member
            WHERE pa.case_id = case_key AND pa.performer_member IS NOT NULL AND pa.status <> 'stopped'
              AND CASE WHEN m.level IS NOT NULL THEN m.level IN ('voluntary_individual', 'voluntary_collective')
                       ELSE m.sector <> 'professional' END) THEN 1 ELSE 0 END
        WHERE case_id = case_key;
    ELSIF aspect = 'figure' THEN
        UPDATE case_insight SET with_figure = CASE WHEN EXISTS (
            SELECT 1 FROM support_figures f WHERE f.case_id = case_key AND f.accepted_on IS NOT NULL)
            THEN 1 ELSE 0 END
        WHERE case_id = case_key;
    ELSIF aspect = 'map' THEN
        UPDATE case_insight SET
            (members_start, informal_start) = (
                SELECT v.member_count, v.informal_count FROM map_versions v
                WHERE v.case_id = case_key AND v.informal_count IS NOT NULL
                ORDER BY v.taken_on, v.created_at LIMIT 1),
            (members_latest, informal_latest, gaps) = (
                SELECT v.member_count, v.informal_count, v.gap_mask FROM map_versions v
                WHERE v.case_id = case_key AND v.informal_count IS NOT NULL
                ORDER BY v.taken_on DESC, v.created_at DESC LIMIT 1)
        WHERE case_id = case_key;
    ELSIF aspect = 'concern' THEN
        UPDATE case_insight SET worst_concern = coalesce((
            SELECT max(CASE k.seriousness WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)
            FROM concerns k WHERE k.case_id = case_key), 0)
        WHERE case_id = case_key;
    ELSIF aspect = 'outcome' THEN
        -- The kinds of outcome recorded, in the order of OutcomeKind::ALL.
        UPDATE case_insight SET outcomes = coalesce((
            SELECT max(CASE o.kind WHEN 'placement_prevented' THEN 1 ELSE 0 END)
                 + 2 * max(CASE o.kind WHEN 'placement_happened' THEN 1 ELSE 0 END)
                 + 4 * max(CASE o.kind WHEN 'placement_network_foster_family' THEN 1 ELSE 0 END)
                 + 8 * max(CASE o.kind WHEN 'returned_home' THEN 1 ELSE 0 END)
                 + 16 * max(CASE o.kind WHEN 'specialist_care_scaled_down' THEN 1 ELSE 0 END)
                 + 32 * max(CASE o.kind WHEN 'formal_help_ended' THEN 1 ELSE 0 END)
            FROM outcomes o WHERE o.case_id = case_key), 0)
        WHERE case_id = case_key;
    END IF;
END;
$$;

-- The trigger of every table followed; its argument names the aspect.
CREATE FUNCTION case_insight_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM case_insight_refresh(TG_ARGV[0], OLD.case_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN
        PERFORM case_insight_refresh(TG_ARGV[0], NEW.case_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_insight_plan AFTER INSERT OR DELETE OR UPDATE OF case_id, performer_member, status
    ON plan_actions FOR EACH ROW EXECUTE FUNCTION case_insight_follow('plan');
CREATE TRIGGER case_insight_member AFTER DELETE OR UPDATE OF case_id, level, sector
    ON members FOR EACH ROW EXECUTE FUNCTION case_insight_follow('plan');
CREATE TRIGGER case_insight_figure AFTER INSERT OR DELETE OR UPDATE OF case_id, accepted_on
    ON support_figures FOR EACH ROW EXECUTE FUNCTION case_insight_follow('figure');
CREATE TRIGGER case_insight_map AFTER INSERT OR DELETE
    OR UPDATE OF case_id, taken_on, created_at, member_count, informal_count, gap_mask
    ON map_versions FOR EACH ROW EXECUTE FUNCTION case_insight_follow('map');
CREATE TRIGGER case_insight_concern AFTER INSERT OR DELETE OR UPDATE OF case_id, seriousness
    ON concerns FOR EACH ROW EXECUTE FUNCTION case_insight_follow('concern');
CREATE TRIGGER case_insight_outcome AFTER INSERT OR DELETE OR UPDATE OF case_id, kind
    ON outcomes FOR EACH ROW EXECUTE FUNCTION case_insight_follow('outcome');

-- The case itself: its row comes and goes with the case; setting, team and dates follow it.
CREATE FUNCTION case_insight_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO case_insight (case_id, org_id, setting, team_id, opened_on, closed_on)
        VALUES (NEW.id, NEW.org_id, NEW.setting, NEW.team_id, NEW.opened_on, NEW.closed_on);
    ELSE
        UPDATE case_insight SET org_id = NEW.org_id, setting = NEW.setting, team_id = NEW.team_id,
            opened_on = NEW.opened_on, closed_on = NEW.closed_on
        WHERE case_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_insight_case AFTER INSERT OR UPDATE OF org_id, setting, team_id, opened_on, closed_on
    ON cases FOR EACH ROW EXECUTE FUNCTION case_insight_case();

-- The cases there are already.
INSERT INTO case_insight (case_id, org_id, setting, team_id, opened_on, closed_on)
SELECT id, org_id, setting, team_id, opened_on, closed_on FROM cases;
SELECT case_insight_refresh(aspect, id)
FROM cases CROSS JOIN (VALUES ('plan'), ('figure'), ('map'), ('concern'), ('outcome')) AS a (aspect);
