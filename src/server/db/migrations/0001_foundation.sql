-- Administrative units. `list` keeps the 2025 two-level list (the default) beside the 2021 list used by
-- old addresses; codes are GSO codes, unique only within a list.
CREATE TABLE admin_units (
  list text NOT NULL CHECK (list IN ('2025', '2021')),
  code text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  name text NOT NULL,
  division_type text NOT NULL,
  parent_code text,
  province_code text NOT NULL,
  PRIMARY KEY (list, code)
);
CREATE INDEX admin_units_parent ON admin_units (list, parent_code);

CREATE TABLE admin_unit_conversions (
  old_commune_code text NOT NULL,
  old_commune_name text NOT NULL,
  old_district_code text NOT NULL,
  old_province_code text NOT NULL,
  new_commune_code text NOT NULL,
  new_commune_name text NOT NULL,
  new_province_code text NOT NULL,
  merge text NOT NULL,
  PRIMARY KEY (old_commune_code, new_commune_code)
);

-- One row per person who can sign in. Citizens have a verified phone; staff also a password.
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone text UNIQUE,
  email text UNIQUE,
  display_name text NOT NULL DEFAULT '',
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (phone IS NOT NULL OR email IS NOT NULL)
);

-- A staff role and the area it covers. unit_code is a 2025 province or commune code; NULL for the
-- country. Point roles cover the points listed in point_staff instead of an area.
CREATE TABLE role_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'health_officer', 'point_owner', 'point_staff', 'checkpoint_staff')),
  scope_level text NOT NULL CHECK (scope_level IN ('country', 'province', 'commune', 'points')),
  unit_code text,
  province_code text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_level IN ('country', 'points')) = (unit_code IS NULL))
);
CREATE UNIQUE INDEX role_assignments_unique ON role_assignments (user_id, role, scope_level, coalesce(unit_code, ''));

CREATE TABLE sessions (
  id text PRIMARY KEY, -- SHA-256 of the cookie value: a database leak does not leak live sessions
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  method text NOT NULL CHECK (method IN ('otp', 'password')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE otp_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX otp_codes_phone ON otp_codes (phone, created_at DESC);

-- Fixed-window counters shared by every process (attempt limits must hold across a cluster).
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key, window_start)
);

-- Messages of the default "outbox" sender: development and demos work without an SMS provider.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_messages_created ON outbox_messages (created_at DESC);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  phone text,
  email text,
  display_name text NOT NULL,
  role text NOT NULL,
  scope_level text NOT NULL,
  unit_code text,
  province_code text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  CHECK (phone IS NOT NULL OR email IS NOT NULL)
);

-- Who read or exported whose personal data, when and why. Kept apart from the data it describes so
-- a person can see it, and so deleting the data does not delete the trace.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_label text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL CHECK (action IN ('read', 'export', 'update', 'delete')),
  resource text NOT NULL,
  subject_user_id uuid,
  purpose text NOT NULL,
  ip text
);
CREATE INDEX audit_log_subject ON audit_log (subject_user_id, at DESC);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- Ed25519 keys for signed codes. The private half is encrypted (AES-256-GCM) under the server secret.
-- A retired key still verifies until expires_at, so codes already handed out keep working.
CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  public_key text NOT NULL,
  private_key_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  expires_at timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((true)) WHERE retired_at IS NULL;

-- Check-in points (shops, offices, vehicles, road checkpoints...). The Check-in issue builds on this.
CREATE TABLE points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL,
  province_code text NOT NULL,
  commune_code text NOT NULL,
  address text NOT NULL DEFAULT '',
  contact_phone text,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  is_open boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_area ON points (province_code, commune_code);

CREATE TABLE point_staff (
  point_id uuid NOT NULL REFERENCES points (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (point_id, user_id)
);
CREATE INDEX point_staff_user ON point_staff (user_id);
