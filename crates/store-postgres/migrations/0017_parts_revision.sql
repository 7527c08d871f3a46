-- The revision of what the case page shows beside the network: a new number whenever a saved
-- version of the map, a participant, an invitation or a destruction request of the case is
-- added, changed or removed, set by the database itself in the same transaction as the change
-- (like `network_revision`, migration 0013). The case page keeps these lists in memory per case
-- and revision and reads only this number, with the case, while it is unchanged
-- (docs/benchmarks.md). Random for the same reason as `network_revision`; it takes the case's
-- row lock after the changed row and before the audit head, like `network_revision`.
ALTER TABLE cases ADD COLUMN parts_revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION parts_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cases SET parts_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = OLD.case_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN
        UPDATE cases SET parts_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER map_versions_parts AFTER INSERT OR UPDATE OR DELETE ON map_versions
    FOR EACH ROW EXECUTE FUNCTION parts_revision_bump();
CREATE TRIGGER participants_parts AFTER INSERT OR UPDATE OR DELETE ON participants
    FOR EACH ROW EXECUTE FUNCTION parts_revision_bump();
CREATE TRIGGER destruction_requests_parts AFTER INSERT OR UPDATE OR DELETE ON destruction_requests
    FOR EACH ROW EXECUTE FUNCTION parts_revision_bump();

-- An invitation belongs to a case through its participant.
CREATE FUNCTION invitation_parts_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cases SET parts_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = (SELECT case_id FROM participants WHERE id = OLD.participant_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.participant_id <> OLD.participant_id) THEN
        UPDATE cases SET parts_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = (SELECT case_id FROM participants WHERE id = NEW.participant_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER invitations_parts AFTER INSERT OR UPDATE OR DELETE ON invitations
    FOR EACH ROW EXECUTE FUNCTION invitation_parts_revision_bump();
