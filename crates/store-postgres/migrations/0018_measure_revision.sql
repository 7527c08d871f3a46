-- The measurements' revision on the case: a new number whenever a saved map, a support check
-- or a self-report of the case is added, changed or removed, set by the database itself in
-- the same transaction as the change (as `network_revision` is for members and ties). The
-- trend page keeps its series in memory per case, network revision, this revision and day,
-- and reads only these numbers while they are unchanged (docs/benchmarks.md).
ALTER TABLE cases ADD COLUMN measure_revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION measure_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cases SET measure_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = OLD.case_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN
        UPDATE cases SET measure_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER map_versions_measure_revision AFTER INSERT OR UPDATE OR DELETE ON map_versions
    FOR EACH ROW EXECUTE FUNCTION measure_revision_bump();
CREATE TRIGGER support_checks_measure_revision AFTER INSERT OR UPDATE OR DELETE ON support_checks
    FOR EACH ROW EXECUTE FUNCTION measure_revision_bump();
CREATE TRIGGER self_reports_measure_revision AFTER INSERT OR UPDATE OR DELETE ON self_reports
    FOR EACH ROW EXECUTE FUNCTION measure_revision_bump();
