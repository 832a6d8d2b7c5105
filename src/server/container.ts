import type { Config } from './config';
import type { DatabaseHandle } from './db/client';
import { createAuditRepository } from './repositories/audit.repository';
import { createCheckInPartitionsRepository } from './repositories/check-in-partitions.repository';
import { createCheckInWriteRepository } from './repositories/check-in-write.repository';
import { createCheckInsRepository } from './repositories/check-ins.repository';
import { createCodesRepository } from './repositories/codes.repository';
import { createHealthRepository } from './repositories/health.repository';
import { createInvitationsRepository } from './repositories/invitations.repository';
import { createLegacyCodesRepository } from './repositories/legacy-codes.repository';
import { createMovementRepository } from './repositories/movement.repository';
import { createNoticesRepository } from './repositories/notices.repository';
import { createOtpRepository } from './repositories/otp.repository';
import { createOutboxRepository } from './repositories/outbox.repository';
import { createPersonsRepository } from './repositories/persons.repository';
import { createPointsRepository } from './repositories/points.repository';
import { createRateLimitRepository } from './repositories/rate-limit.repository';
import { createSessionsRepository } from './repositories/sessions.repository';
import { createSigningKeysRepository } from './repositories/signing-keys.repository';
import { createSystemRepository } from './repositories/system.repository';
import { createUnitsRepository } from './repositories/units.repository';
import { createUsersRepository } from './repositories/users.repository';
import { createAccountsService } from './services/accounts.service';
import { createAuditService } from './services/audit.service';
import { createCheckInService } from './services/check-in.service';
import { createCheckInBatcher } from './services/check-in-batcher';
import { createCheckInExportService } from './services/check-in-export.service';
import { createCheckInHistoryService } from './services/check-in-history.service';
import { createCheckInListService } from './services/check-in-list.service';
import { createCheckInRetentionService } from './services/check-in-retention.service';
import { createDemoService } from './services/demo.service';
import { createFieldEncryption } from './services/field-encryption';
import { createHealthService } from './services/health.service';
import { createLegacyCodesService } from './services/legacy-codes.service';
import { createMaintenanceService } from './services/maintenance.service';
import { createOutboxSender, createWebhookSender, type MessageSender } from './services/message-sender';
import { createMovementService } from './services/movement.service';
import { createNoticesService } from './services/notices.service';
import { createOutboxService } from './services/outbox.service';
import { createPersonalCodesService } from './services/personal-codes.service';
import { createPersonsService } from './services/persons.service';
import { createPointImportService } from './services/point-import.service';
import { createPointsService } from './services/points.service';
import { createPosterService } from './services/poster.service';
import { createPrivacyService } from './services/privacy.service';
import { createRateLimitService } from './services/rate-limit.service';
import { createSessionsService, type SessionCachePeers } from './services/sessions.service';
import { createSignInService } from './services/sign-in.service';
import { createSigningService } from './services/signing.service';
import { createUnitsService } from './services/units.service';

export interface ContainerDeps {
  config: Config;
  database: DatabaseHandle;
  secret: Buffer;
  log: { info(obj: object, msg: string): void };
  now?: () => Date;
  /** Replaces the configured sender (tests capture codes with it). */
  sender?: MessageSender;
  /** The other worker processes of this server, when there are any. */
  sessionPeers?: SessionCachePeers;
}

/** The composition root: repositories over the database, services over repositories. */
export function createServices(deps: ContainerDeps) {
  const { config, database, secret, log } = deps;
  const db = database.db;
  const now = deps.now ?? (() => new Date());

  const users = createUsersRepository(db);
  const outboxRepo = createOutboxRepository(db);
  const rateLimitRepo = createRateLimitRepository(db);
  const otpRepo = createOtpRepository(db);
  const sessionsRepo = createSessionsRepository(db);
  const pointsRepo = createPointsRepository(db);

  const sender =
    deps.sender ??
    (config.SMS_SENDER === 'webhook' && config.SMS_WEBHOOK_URL
      ? createWebhookSender(config.SMS_WEBHOOK_URL)
      : createOutboxSender(outboxRepo, log));
  const units = createUnitsService(createUnitsRepository(db));
  const audit = createAuditService(createAuditRepository(db));
  const limits = createRateLimitService(rateLimitRepo, now);
  const sessions = createSessionsService(sessionsRepo, {
    days: config.SESSION_DAYS,
    now,
    peers: deps.sessionPeers,
  });
  const signIn = createSignInService({ users, otp: otpRepo, limits, sender, secret, now });
  const accounts = createAccountsService({
    users,
    invitations: createInvitationsRepository(db),
    units,
    sender,
    audit,
    now,
  });
  const signing = createSigningService({
    keys: createSigningKeysRepository(db),
    secret,
    now,
    maxTokenDays: config.SIGNED_TOKEN_MAX_DAYS,
  });
  const points = createPointsService({
    points: pointsRepo,
    users,
    units,
    onAccessChanged: sessions.forgetUser,
  });
  const posters = createPosterService({ points, signing, units });
  const pointImport = createPointImportService({ points, repo: pointsRepo, units });
  const legacyCodes = createLegacyCodesService({
    legacyCodes: createLegacyCodesRepository(db),
    points: pointsRepo,
    audit,
  });
  const ownedPersons = createPersonsRepository(db);
  const movements = createMovementService({
    movements: createMovementRepository(db),
    persons: ownedPersons,
    units,
    signing,
    validHours: config.MOVEMENT_VALID_HOURS,
    now,
  });
  const personalCodes = createPersonalCodesService({
    codes: createCodesRepository(db),
    persons: ownedPersons,
    signing,
    audit,
    now,
  });
  const persons = createPersonsService({
    persons: ownedPersons,
    units,
    fields: createFieldEncryption(secret),
    now,
    onAccountChanged: sessions.forgetUser,
  });
  const healthDeclarations = createHealthService({ health: createHealthRepository(db), persons });
  const checkInHistory = createCheckInHistoryService({
    checkIns: createCheckInsRepository(db),
    persons,
    units,
  });
  const checkInWrite = createCheckInWriteRepository(db);
  const checkInReads = createCheckInsRepository(db);
  const checkInBatcher = createCheckInBatcher({
    insertMany: checkInWrite.insertMany,
    // One statement at a time: what arrives meanwhile goes in the next, so statements stay large
    // (less planning, parsing and commit per row) and PostgreSQL is left room for the other queries.
    maxInFlight: 1,
  });
  const checkIns = createCheckInService({
    repo: checkInWrite,
    batcher: checkInBatcher,
    signing,
    codes: personalCodes,
    units,
    now,
  });
  const checkInRetention = createCheckInRetentionService({
    partitions: createCheckInPartitionsRepository(db),
    checkIns: checkInWrite,
    retentionDays: config.CHECK_IN_RETENTION_DAYS,
    now,
  });
  const checkInList = createCheckInListService({
    checkIns: checkInReads,
    points: checkInWrite,
    audit,
    now,
  });
  const checkInExport = createCheckInExportService({ checkIns: checkInReads, list: checkInList, audit });
  const notices = createNoticesService({ notices: createNoticesRepository(db), now });
  const privacy = createPrivacyService({
    persons: ownedPersons,
    audit,
    onAccountDeleted: sessions.forgetUser,
  });
  const demo = createDemoService({ users, points: pointsRepo, units });
  const maintenance = createMaintenanceService({
    sessions: sessionsRepo,
    otp: otpRepo,
    rateLimits: rateLimitRepo,
    outbox: outboxRepo,
    now,
  });

  return {
    units,
    audit,
    limits,
    sessions,
    signIn,
    accounts,
    signing,
    points,
    posters,
    pointImport,
    legacyCodes,
    demo,
    maintenance,
    movements,
    personalCodes,
    persons,
    healthDeclarations,
    checkInHistory,
    checkInBatcher,
    checkIns,
    checkInRetention,
    checkInList,
    checkInExport,
    checkInWrite,
    notices,
    privacy,
    outbox: createOutboxService(outboxRepo, audit),
    health: { check: createSystemRepository(db).ping },
    publicUrl: config.PUBLIC_URL?.replace(/\/$/, ''),
    isOutboxSender: !deps.sender && config.SMS_SENDER === 'outbox',
  };
}

export type Services = ReturnType<typeof createServices>;
