-- The network's revision on the case: a new number whenever a member or a tie of the case is
-- added, changed or removed, set by the database itself in the same transaction as the change,
-- so that no way of changing the network (now or later) can leave it unchanged. The case page
-- keeps the parsed network and what it draws from it in memory per case and revision, and
-- reads only this number while it is unchanged (docs/benchmarks.md).
--
-- A random number rather than a counter: a database restored from a backup could otherwise
-- bring back a number that a running server has already kept for other content.
ALTER TABLE cases ADD COLUMN network_revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER members_revision_insert AFTER INSERT ON members
BEGIN
    UPDATE cases SET network_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER members_revision_update AFTER UPDATE ON members
BEGIN
    UPDATE cases SET network_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER members_revision_delete AFTER DELETE ON members
BEGIN
    UPDATE cases SET network_revision = random() WHERE id = OLD.case_id;
END;
CREATE TRIGGER ties_revision_insert AFTER INSERT ON ties
BEGIN
    UPDATE cases SET network_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER ties_revision_update AFTER UPDATE ON ties
BEGIN
    UPDATE cases SET network_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER ties_revision_delete AFTER DELETE ON ties
BEGIN
    UPDATE cases SET network_revision = random() WHERE id = OLD.case_id;
END;
