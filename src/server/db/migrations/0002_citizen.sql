-- People a citizen declares for: themselves (is_self) and family members without phones ("khai hộ").
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  is_self boolean NOT NULL DEFAULT false,
  relation text, -- how a dependant relates to the account holder (con, cha, mẹ…)
  full_name text NOT NULL, -- NFC
  name_folded text NOT NULL, -- lower case without diacritics, for search and matching
  birth_date date,
  birth_year integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  gender text NOT NULL CHECK (gender IN ('male', 'female', 'other')),
  phone text,
  -- The ID number (CCCD/CMND/passport) is encrypted (AES-256-GCM under SECRET); the keyed hash finds
  -- a person by ID without decrypting, the last digits let screens show it masked.
  id_number_enc text,
  id_number_hash text,
  id_number_last text,
  insurance_number text,
  nationality text NOT NULL DEFAULT 'VN',
  province_code text,
  commune_code text,
  address_detail text NOT NULL DEFAULT '',
  -- Set by health officials (tracing issue): the person's epidemiological status and since when.
  epi_status text CHECK (epi_status IN ('f0', 'f1')),
  epi_status_since timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX persons_one_self ON persons (account_id) WHERE is_self;
CREATE INDEX persons_account ON persons (account_id);
CREATE INDEX persons_id_hash ON persons (id_number_hash) WHERE id_number_hash IS NOT NULL;

-- A health declaration of one person at one moment. Answers are kept as declared (jsonb, validated by
-- the shared zod schema) because the questions change with the epidemic.
CREATE TABLE health_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  declared_by uuid REFERENCES users (id) ON DELETE SET NULL,
  answers jsonb NOT NULL,
  has_symptoms boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX health_declarations_person ON health_declarations (person_id, created_at DESC);

-- A domestic journey. province/commune codes of origin and destination are 2025 codes.
CREATE TABLE movement_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  declared_by uuid REFERENCES users (id) ON DELETE SET NULL,
  vehicle text NOT NULL,
  vehicle_number text,
  seat text,
  departure_at timestamptz NOT NULL,
  origin_province text NOT NULL,
  origin_commune text NOT NULL,
  origin_address text NOT NULL DEFAULT '',
  dest_province text NOT NULL,
  dest_commune text NOT NULL,
  dest_address text NOT NULL,
  purpose text NOT NULL DEFAULT '',
  answers jsonb NOT NULL,
  has_symptoms boolean NOT NULL,
  state text NOT NULL DEFAULT 'declared'
    CHECK (state IN ('declared', 'passed', 'arrived', 'followed', 'done', 'cancelled')),
  valid_until timestamptz NOT NULL,
  passed_at timestamptz,
  arrived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX movement_declarations_person ON movement_declarations (person_id, created_at DESC);
CREATE INDEX movement_declarations_dest ON movement_declarations (dest_province, dest_commune, state);

-- People travelling together with the declarant, each with their own answers.
CREATE TABLE movement_companions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  declaration_id uuid NOT NULL REFERENCES movement_declarations (id) ON DELETE CASCADE,
  person_id uuid REFERENCES persons (id) ON DELETE SET NULL,
  full_name text NOT NULL,
  birth_year integer NOT NULL,
  gender text NOT NULL,
  phone text,
  answers jsonb NOT NULL,
  has_symptoms boolean NOT NULL,
  position integer NOT NULL
);
CREATE INDEX movement_companions_declaration ON movement_companions (declaration_id, position);

-- Daily declarations while a traveller is followed up: symptoms, or healthy.
CREATE TABLE daily_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  movement_id uuid REFERENCES movement_declarations (id) ON DELETE CASCADE,
  day date NOT NULL, -- in Asia/Ho_Chi_Minh
  symptoms text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, day)
);

-- Printed cards for people without a phone: a long-lived signed code that can be revoked.
CREATE TABLE person_cards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  issued_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX person_cards_person ON person_cards (person_id);
CREATE INDEX person_cards_revoked ON person_cards (revoked_at) WHERE revoked_at IS NOT NULL;

-- The inbox: exposure warnings, follow-up reminders, notices about the person's declarations.
CREATE TABLE notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  person_id uuid REFERENCES persons (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('exposure', 'follow_up', 'declaration', 'info')),
  params jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notices_account ON notices (account_id, created_at DESC);

-- Check-ins, partitioned by time so that retention drops whole partitions. The check-in issue writes
-- them; the citizen reads their own history. Every row carries its province for a later sharding.
CREATE TABLE check_ins (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  checked_in_at timestamptz NOT NULL,
  point_id uuid NOT NULL,
  province_code text NOT NULL,
  person_id uuid,
  method text NOT NULL CHECK (method IN ('self_scan', 'staff_scan', 'id_card', 'hand_entry', 'legacy_code', 'national_qr')),
  direction text NOT NULL DEFAULT 'in' CHECK (direction IN ('in', 'out')),
  full_name text,
  phone text,
  birth_year integer,
  health jsonb,
  PRIMARY KEY (id, checked_in_at)
) PARTITION BY RANGE (checked_in_at);
CREATE TABLE check_ins_default PARTITION OF check_ins DEFAULT;
CREATE INDEX check_ins_person ON check_ins (person_id, checked_in_at DESC);
CREATE INDEX check_ins_point ON check_ins (point_id, checked_in_at DESC);

-- Audit subjects are persons (a dependant has no account of their own).
ALTER TABLE audit_log RENAME COLUMN subject_user_id TO subject_person_id;
DROP INDEX audit_log_subject;
CREATE INDEX audit_log_subject ON audit_log (subject_person_id, at DESC);
