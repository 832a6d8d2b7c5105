-- The audit log is append-only and names its actor by id and label. The foreign key to users made every
-- audit row an extra lookup and a lock on the actor's row (a scan writes one per request), and deleting
-- an account scanned the whole log to clear the id (there is no index on actor_id). Rows of a deleted
-- account now keep its id, which points at nothing, and its label, as they kept the label before.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_id_fkey;
