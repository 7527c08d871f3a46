-- The analyst's aggregates (/insights) over many cases at once.
--
-- A saved map keeps, beside its snapshot, how many of its members are informal and which
-- support types have a gap (bit i set for the i-th type of SupportType::ALL: fewer than two
-- informal providers), so that "network size and informal share at start versus latest" and
-- "support gaps" are read from two small rows per case instead of parsing every snapshot.
-- Versions saved before this migration get their informal count from the snapshot; their gaps
-- stay unknown (NULL) and are left out of the gap figures.
ALTER TABLE map_versions ADD COLUMN informal_count INTEGER;
ALTER TABLE map_versions ADD COLUMN gap_mask INTEGER;
UPDATE map_versions SET informal_count = (
    SELECT count(*) FROM json_each(map_versions.snapshot, '$.members') m
    WHERE CASE
        WHEN json_extract(m.value, '$.level') IS NOT NULL
            THEN json_extract(m.value, '$.level') IN ('voluntary_individual', 'voluntary_collective')
        ELSE json_extract(m.value, '$.sector') <> 'professional'
    END
);
-- The first and the latest version of a case, with what the aggregates read, without the table.
CREATE INDEX map_versions_insight ON map_versions (case_id, taken_on, created_at, member_count, informal_count, gap_mask);
-- The scan over an organisation's cases reads setting, team and dates from the index alone.
CREATE INDEX cases_insight ON cases (org_id, setting, team_id, opened_on, closed_on, id);
-- "Has an accepted support figure" and "has a plan action held by a member" per case.
CREATE INDEX support_figures_accepted ON support_figures (case_id) WHERE accepted_on IS NOT NULL;
CREATE INDEX plan_actions_member ON plan_actions (case_id, performer_member) WHERE performer_member IS NOT NULL;
