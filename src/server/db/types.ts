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
  subject_user_id: string | null;
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
}

export interface PointStaffTable {
  point_id: string;
  user_id: string;
  added_at: CreatedAt;
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
}
