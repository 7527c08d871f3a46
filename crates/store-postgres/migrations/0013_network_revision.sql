-- The network's revision on the case: a new number whenever a member or a tie of the case is
-- added, changed or removed, set by the database itself in the same transaction as the change,
-- so that no way of changing the network (now or later) can leave it unchanged. The case page
-- keeps the parsed network and what it draws from it in memory per case and revision, and
-- reads only this number while it is unchanged (docs/benchmarks.md).
--
-- A random number rather than a counter: a database restored from a backup could otherwise
-- bring back a number that a running server has already kept for other content. It takes the
-- case's row lock like any change of the case, after the member or tie row and before the audit
-- head, the order the network's writers already follow.
ALTER TABLE cases ADD COLUMN network_revision BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION network_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cases SET network_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = OLD.case_id;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN
        UPDATE cases SET network_revision = floor((random() - 0.5) * 18446744073709549568.0)::bigint
            WHERE id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER members_revision AFTER INSERT OR UPDATE OR DELETE ON members
    FOR EACH ROW EXECUTE FUNCTION network_revision_bump();
CREATE TRIGGER ties_revision AFTER INSERT OR UPDATE OR DELETE ON ties
    FOR EACH ROW EXECUTE FUNCTION network_revision_bump();
