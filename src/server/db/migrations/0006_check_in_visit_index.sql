-- Way 1's rule (one check-in per person, point and direction within 10 minutes) is checked inside the
-- INSERT for every row. On (person_id, checked_in_at) or (point_id, checked_in_at) that probe reads all
-- of the person's or the busy point's recent rows; on this index it is one entry. The person's history
-- and account deletion use its first column as they used the index it replaces.
CREATE INDEX check_ins_visit ON check_ins (person_id, point_id, direction, checked_in_at DESC);
DROP INDEX check_ins_person;
