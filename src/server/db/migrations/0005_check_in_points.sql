-- Points: a passenger vehicle carries its plate; the code version signs the poster, so rotating it
-- makes every old poster fail with a clear message.
ALTER TABLE points ADD COLUMN vehicle_plate text;
ALTER TABLE points ADD COLUMN code_version integer NOT NULL DEFAULT 1;
ALTER TABLE points ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Codes printed by BlueZone and VHD before vaora: a scan of one is recorded at its point.
CREATE TABLE legacy_codes (
  code text PRIMARY KEY, -- the payload as scanned (a URL or a code), normalised
  point_id uuid NOT NULL REFERENCES points (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('bluezone', 'vhd', 'other')),
  imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX legacy_codes_point ON legacy_codes (point_id);

-- What a check-in keeps besides the person: who recorded it, and what a hand entry, an ID card or a
-- national QR told (ID numbers only masked).
ALTER TABLE check_ins ADD COLUMN recorded_by uuid;
ALTER TABLE check_ins ADD COLUMN gender text;
ALTER TABLE check_ins ADD COLUMN id_number_masked text;
ALTER TABLE check_ins ADD COLUMN address text;
