import type { ColumnType, Generated } from 'kysely';

/** Hand-kept row types of the tables in migrations/; change both together. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: CreatedAt;
}

export interface AdminUnitsTable {
  list: '2025' | '2021';
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  division_type: string;
  parent_code: string | null;
  province_code: string;
}

export interface AdminUnitConversionsTable {
  old_commune_code: string;
  old_commune_name: string;
  old_district_code: string;
  old_province_code: string;
  new_commune_code: string;
  new_commune_name: string;
  new_province_code: string;
  merge: string;
}

export interface UsersTable {
  id: Generated<string>;
  phone: string | null;
  email: string | null;
  display_name: Generated<string>;
  password_hash: string | null;
  disabled_at: Date | null;
  created_at: CreatedAt;
}

export type RoleName = 'admin' | 'health_officer' | 'point_owner' | 'point_staff' | 'checkpoint_staff';
export type ScopeLevel = 'country' | 'province' | 'commune' | 'points';

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: RoleName;
  scope_level: ScopeLevel;
  unit_code: string | null;
  province_code: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  method: 'otp' | 'password';
  created_at: CreatedAt;
  expires_at: Timestamp;
  user_agent: string | null;
}

export interface OtpCodesTable {
  id: Generated<string>;
  phone: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  consumed_at: Date | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  phone: string | null;
  email: string | null;
  display_name: string;
  role: RoleName;
  scope_level: ScopeLevel;
  unit_code: string | null;
  province_code: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  actor_label: string;
  actor_role: string;
  action: 'read' | 'export' | 'update' | 'delete';
  resource: string;
  subject_person_id: string | null;
  purpose: string;
  ip: string | null;
}

export interface SigningKeysTable {
  kid: string;
  public_key: string;
  private_key_enc: string;
  created_at: CreatedAt;
  retired_at: Date | null;
  expires_at: Date | null;
}

export interface PointsTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  province_code: string;
  commune_code: string;
  address: Generated<string>;
  contact_phone: string | null;
  owner_id: string | null;
  is_open: Generated<boolean>;
  created_at: CreatedAt;
  vehicle_plate: string | null;
  code_version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PointStaffTable {
  point_id: string;
  user_id: string;
  added_at: CreatedAt;
}

export interface PersonsTable {
  id: Generated<string>;
  account_id: string;
  is_self: Generated<boolean>;
  relation: string | null;
  full_name: string;
  name_folded: string;
  birth_date: string | null;
  birth_year: number;
  gender: 'male' | 'female' | 'other';
  phone: string | null;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_last: string | null;
  insurance_number: string | null;
  nationality: Generated<string>;
  province_code: string | null;
  commune_code: string | null;
  address_detail: Generated<string>;
  epi_status: 'f0' | 'f1' | null;
  epi_status_since: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HealthDeclarationsTable {
  id: Generated<string>;
  person_id: string;
  declared_by: string | null;
  answers: ColumnType<unknown, string, string>;
  has_symptoms: boolean;
  created_at: CreatedAt;
}

export interface MovementDeclarationsTable {
  id: Generated<string>;
  person_id: string;
  declared_by: string | null;
  vehicle: string;
  vehicle_number: string | null;
  seat: string | null;
  departure_at: Timestamp;
  origin_province: string;
  origin_commune: string;
  origin_address: Generated<string>;
  dest_province: string;
  dest_commune: string;
  dest_address: string;
  purpose: Generated<string>;
  answers: ColumnType<unknown, string, string>;
  has_symptoms: boolean;
  state: Generated<'declared' | 'passed' | 'arrived' | 'followed' | 'done' | 'cancelled'>;
  valid_until: Timestamp;
  passed_at: Date | null;
  arrived_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MovementCompanionsTable {
  id: Generated<string>;
  declaration_id: string;
  person_id: string | null;
  full_name: string;
  birth_year: number;
  gender: string;
  phone: string | null;
  answers: ColumnType<unknown, string, string>;
  has_symptoms: boolean;
  position: number;
}

export interface DailyDeclarationsTable {
  id: Generated<string>;
  person_id: string;
  movement_id: string | null;
  day: ColumnType<string, string, string>;
  symptoms: string[];
  created_at: CreatedAt;
}

export interface PersonCardsTable {
  id: Generated<string>;
  person_id: string;
  issued_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Date | null;
}

export interface NoticesTable {
  id: Generated<string>;
  account_id: string;
  person_id: string | null;
  kind: 'exposure' | 'follow_up' | 'declaration' | 'info';
  params: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface CheckInsTable {
  id: Generated<string>;
  checked_in_at: Timestamp;
  point_id: string;
  province_code: string;
  person_id: string | null;
  method: 'self_scan' | 'staff_scan' | 'id_card' | 'hand_entry' | 'legacy_code' | 'national_qr';
  direction: Generated<'in' | 'out'>;
  full_name: string | null;
  phone: string | null;
  birth_year: number | null;
  health: ColumnType<unknown, string | null, string | null> | null;
  recorded_by: string | null;
  gender: string | null;
  id_number_masked: string | null;
  address: string | null;
  received_at: CreatedAt;
}

export interface ScanClaimsTable {
  key: string;
  keep_until: Timestamp;
}

export interface LegacyCodesTable {
  code: string;
  point_id: string;
  source: 'bluezone' | 'vhd' | 'other';
  imported_by: string | null;
  imported_at: CreatedAt;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  admin_units: AdminUnitsTable;
  admin_unit_conversions: AdminUnitConversionsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  otp_codes: OtpCodesTable;
  rate_limits: RateLimitsTable;
  outbox_messages: OutboxMessagesTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  signing_keys: SigningKeysTable;
  points: PointsTable;
  point_staff: PointStaffTable;
  persons: PersonsTable;
  health_declarations: HealthDeclarationsTable;
  movement_declarations: MovementDeclarationsTable;
  movement_companions: MovementCompanionsTable;
  daily_declarations: DailyDeclarationsTable;
  person_cards: PersonCardsTable;
  notices: NoticesTable;
  check_ins: CheckInsTable;
  legacy_codes: LegacyCodesTable;
  scan_claims: ScanClaimsTable;
}
