-- Every check-in attaches the person's latest declaration (newest first, the id breaking ties), and so
-- do the QR colour and the declaration list. With the id in the index that is one entry read, not all
-- of the person's declarations sorted.
CREATE INDEX health_declarations_latest ON health_declarations (person_id, created_at DESC, id DESC);
DROP INDEX health_declarations_person;
