-- The professional's home page lists the support checks that are due in the open cases of
-- their teams. Reading every open case with its last finished check took ~0.45 s on 100,000
-- cases (docs/benchmarks.md). The case now keeps the day its last check finished, written by
-- triggers in the same transaction as every change of a check, and an index finds the due
-- cases per check interval from the day the next check counts from.
ALTER TABLE cases ADD COLUMN last_check_on DATE;
UPDATE cases SET last_check_on = (
    SELECT max(s.finished_on) FROM support_checks s WHERE s.case_id = cases.id);
CREATE INDEX cases_check_due ON cases (org_id, check_interval_months, (coalesce(last_check_on, opened_on)), id)
    WHERE status = 'open';

CREATE FUNCTION last_check_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cases SET last_check_on = (
            SELECT max(s.finished_on) FROM support_checks s WHERE s.case_id = OLD.case_id)
        WHERE id = OLD.case_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN
        UPDATE cases SET last_check_on = (
            SELECT max(s.finished_on) FROM support_checks s WHERE s.case_id = NEW.case_id)
        WHERE id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER support_checks_last_check AFTER INSERT OR DELETE OR UPDATE OF case_id, finished_on
    ON support_checks FOR EACH ROW EXECUTE FUNCTION last_check_follow();
