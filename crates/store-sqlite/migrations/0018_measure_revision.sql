-- The measurements' revision on the case: a new number whenever a saved map, a support check
-- or a self-report of the case is added, changed or removed, set by the database itself in
-- the same transaction as the change (as `network_revision` is for members and ties). The
-- trend page keeps its series in memory per case, network revision, this revision and day,
-- and reads only these numbers while they are unchanged (docs/benchmarks.md).
ALTER TABLE cases ADD COLUMN measure_revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER map_versions_measure_insert AFTER INSERT ON map_versions
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER map_versions_measure_update AFTER UPDATE ON map_versions
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER map_versions_measure_delete AFTER DELETE ON map_versions
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id = OLD.case_id;
END;
CREATE TRIGGER support_checks_measure_insert AFTER INSERT ON support_checks
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER support_checks_measure_update AFTER UPDATE ON support_checks
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER support_checks_measure_delete AFTER DELETE ON support_checks
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id = OLD.case_id;
END;
CREATE TRIGGER self_reports_measure_insert AFTER INSERT ON self_reports
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER self_reports_measure_update AFTER UPDATE ON self_reports
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER self_reports_measure_delete AFTER DELETE ON self_reports
BEGIN
    UPDATE cases SET measure_revision = random() WHERE id = OLD.case_id;
END;
