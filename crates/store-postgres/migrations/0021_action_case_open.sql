-- Whether the action's case is open, kept on the action so that the overdue actions of open
-- cases can be found from an index in the home page's order: a closed case keeps its open
-- actions, and walking past them made the home page slow on a large database
-- (docs/benchmarks.md). Written only by the triggers below, in the same transaction as the
-- change of the action or the case.
ALTER TABLE plan_actions ADD COLUMN case_open INTEGER NOT NULL DEFAULT 1;
UPDATE plan_actions SET case_open = coalesce(
    (SELECT CASE WHEN c.status = 'open' THEN 1 ELSE 0 END FROM cases c WHERE c.id = plan_actions.case_id), 0);
DROP INDEX plan_actions_overdue;
CREATE INDEX plan_actions_overdue ON plan_actions (due_on, case_id)
    WHERE status IN ('open', 'doing') AND case_open = 1;

CREATE FUNCTION plan_action_case_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.case_open := coalesce(
        (SELECT CASE WHEN c.status = 'open' THEN 1 ELSE 0 END FROM cases c WHERE c.id = NEW.case_id), 0);
    RETURN NEW;
END;
$$;
CREATE TRIGGER plan_actions_case_open BEFORE INSERT ON plan_actions
    FOR EACH ROW EXECUTE FUNCTION plan_action_case_open();

CREATE FUNCTION case_actions_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE plan_actions SET case_open = CASE WHEN NEW.status = 'open' THEN 1 ELSE 0 END
    WHERE case_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER cases_actions_open AFTER UPDATE OF status ON cases
    FOR EACH ROW EXECUTE FUNCTION case_actions_open();
