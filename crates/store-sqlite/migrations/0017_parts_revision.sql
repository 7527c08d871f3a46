-- The revision of what the case page shows beside the network: a new number whenever a saved
-- version of the map, a participant, an invitation or a destruction request of the case is
-- added, changed or removed, set by the database itself in the same transaction as the change
-- (like `network_revision`, migration 0013). The case page keeps these lists in memory per case
-- and revision and reads only this number, with the case, while it is unchanged
-- (docs/benchmarks.md). Random for the same reason as `network_revision`.
ALTER TABLE cases ADD COLUMN parts_revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER map_versions_parts_insert AFTER INSERT ON map_versions
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER map_versions_parts_update AFTER UPDATE ON map_versions
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER map_versions_parts_delete AFTER DELETE ON map_versions
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id = OLD.case_id;
END;

CREATE TRIGGER participants_parts_insert AFTER INSERT ON participants
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER participants_parts_update AFTER UPDATE ON participants
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER participants_parts_delete AFTER DELETE ON participants
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id = OLD.case_id;
END;

-- An invitation belongs to a case through its participant.
CREATE TRIGGER invitations_parts_insert AFTER INSERT ON invitations
BEGIN
    UPDATE cases SET parts_revision = random()
        WHERE id = (SELECT case_id FROM participants WHERE id = NEW.participant_id);
END;
CREATE TRIGGER invitations_parts_update AFTER UPDATE ON invitations
BEGIN
    UPDATE cases SET parts_revision = random()
        WHERE id IN (SELECT case_id FROM participants WHERE id IN (OLD.participant_id, NEW.participant_id));
END;
CREATE TRIGGER invitations_parts_delete AFTER DELETE ON invitations
BEGIN
    UPDATE cases SET parts_revision = random()
        WHERE id = (SELECT case_id FROM participants WHERE id = OLD.participant_id);
END;

CREATE TRIGGER destruction_requests_parts_insert AFTER INSERT ON destruction_requests
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id = NEW.case_id;
END;
CREATE TRIGGER destruction_requests_parts_update AFTER UPDATE ON destruction_requests
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER destruction_requests_parts_delete AFTER DELETE ON destruction_requests
BEGIN
    UPDATE cases SET parts_revision = random() WHERE id = OLD.case_id;
END;
