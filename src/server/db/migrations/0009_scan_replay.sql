-- A scan synced late keeps both times: when the device scanned (checked_in_at) and when the record
-- reached the server (received_at). Rows recorded before this column came get their insert time.
ALTER TABLE check_ins ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();

-- What makes a scan one check-in, not many. A partitioned table cannot hold a unique index on a
-- column other than its partition key's, so the claims live apart: the device-made id of a scan
-- ('i:<id>') and a screen token at a point and direction ('t:<point>:<direction>:…'). A claim is
-- inserted in the same statement as its check-in and kept while a resend or a replay of it could
-- still be accepted: the offline queue's longest delay, or the token's validity if longer.
CREATE TABLE scan_claims (
  key text PRIMARY KEY,
  keep_until timestamptz NOT NULL
);
CREATE INDEX scan_claims_keep_until ON scan_claims (keep_until);
