-- A scan synced late keeps both times: when the device scanned (checked_in_at) and when the record
-- reached the server (received_at). Rows recorded before this column came get their insert time.
ALTER TABLE check_ins ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();

-- What makes a scan one check-in, not many. A partitioned table cannot hold a unique index on a
-- column other than its partition key's, so the claims live apart: the device-made id of a scan
-- ('i:<id>') and a screen token at a point and direction ('t:<point>:<direction>:<token id>'). A claim
-- is inserted in the same statement as its check-in and kept a little longer than any scan may be
-- sent late (SCAN_MAX_AGE_MS) or any screen token stays valid.
CREATE TABLE scan_claims (
  key text PRIMARY KEY,
  claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scan_claims_claimed_at ON scan_claims (claimed_at);
