-- The professional's home page lists the support checks that are due in the open cases of
-- their teams. Reading every open case with its last finished check took ~0.45 s on 100,000
-- cases (docs/benchmarks.md). The case now keeps the day its last check finished, written by
-- triggers in the same transaction as every change of a check, and an index finds the due
-- cases per check interval from the day the next check counts from.
ALTER TABLE cases ADD COLUMN last_check_on TEXT;
UPDATE cases SET last_check_on = (
    SELECT max(s.finished_on) FROM support_checks s WHERE s.case_id = cases.id);
CREATE INDEX cases_check_due ON cases (org_id, check_interval_months, (coalesce(last_check_on, opened_on)), id)
    WHERE status = 'open';

CREATE TRIGGER support_checks_last_insert AFTER INSERT ON support_checks
BEGIN
    UPDATE cases SET last_check_on = (
        SELECT max(s.finished_on) FROM support_checks s WHERE s.case_id = cases.id)
    WHERE id = NEW.case_id;
END;
CREATE TRIGGER support_checks_last_update AFTER UPDATE OF case_id, finished_on ON support_checks
BEGIN
    UPDATE cases SET last_check_on = (
        SELECT max(s.finished_on) FROM support_checks s WHERE s.case_id = cases.id)
    WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER support_checks_last_delete AFTER DELETE ON support_checks
BEGIN
    UPDATE cases SET last_check_on = (
        SELECT max(s.finished_on) FROM support_checks s WHERE s.case_id = cases.id)
    WHERE id = OLD.case_id;
END;
