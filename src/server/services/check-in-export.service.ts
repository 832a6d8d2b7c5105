import { type EventEmitter, once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Principal } from '../../domain/access';
import { type CheckInExportQuery, type CheckInMethod, isFormulaLike } from '../../domain/check-in';
import { AppError } from '../../domain/errors';
import type { Symptom } from '../../domain/health';
import type {
  CheckInsRepository,
  PointCheckInFilter,
  PointCheckInRow,
} from '../repositories/check-ins.repository';
import type { AuditService } from './audit.service';
import type { CheckInListService } from './check-in-list.service';
import { VN_OFFSET_MS } from './check-in-list.service';

const CHUNK_ROWS = 5000;
/** Rows written before waiting for the zip to take them. */
const ROWS_PER_PAUSE = 500;

/**
 * exceljs's streaming writer hands each sheet's XML to the zip without backpressure, so a fast loop
 * piles the uncompressed sheet up in memory. The sheet's stream pipes into the zip entry (a
 * readable-stream v2 PassThrough): waiting for that entry to drain keeps the backlog to a few hundred rows.
 */
function zipEntryOf(sheet: ExcelJS.Worksheet): { isFull(): boolean; drained(): Promise<unknown> } {
  type Entry = EventEmitter & { _writableState?: { needDrain?: unknown } };
  const entry = (sheet as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0];
  if (typeof entry?._writableState?.needDrain !== 'boolean') {
    throw new Error('exceljs changed: the sheet stream no longer pipes into a writable zip entry');
  }
  return { isFull: () => entry._writableState?.needDrain === true, drained: () => once(entry, 'drain') };
}

/** The columns a 2021 user knows from the national portal's export. */
export const EXPORT_HEADERS = [
  'STT',
  'Họ và tên',
  'Năm sinh',
  'Giới tính',
  'Số điện thoại',
  'CCCD',
  'Địa chỉ',
  'Thời gian',
  'Hình thức',
  'Chiều',
  'Triệu chứng',
  'Tiếp xúc F0',
  'Tiếp xúc người từ vùng dịch',
  'Tiếp xúc người có triệu chứng',
  'Đi về từ nơi khác',
  'Số mũi vắc xin',
] as const;

const METHOD_LABELS: Record<CheckInMethod, string> = {
  self_scan: 'Người dân quét mã điểm',
  staff_scan: 'Quét mã QR cá nhân',
  id_card: 'Quét CCCD',
  hand_entry: 'Nhập tay',
  legacy_code: 'Mã cũ (BlueZone/VHD)',
  national_qr: 'Mã QR quốc gia',
};
const GENDER_LABELS: Record<string, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };
const SYMPTOM_LABELS: Record<Symptom, string> = {
  fever: 'Sốt',
  cough: 'Ho',
  breathless: 'Khó thở',
  pneumonia: 'Viêm phổi',
  sore_throat: 'Đau họng',
  tired: 'Mệt mỏi',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7 all year). */
export function formatVnTime(at: Date): string {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const yesNo = (v: unknown) => (v === true ? 'Có' : v === false ? 'Không' : '');

/** One exported line: numbers stay numbers, everything else is text. */
export function exportCells(r: PointCheckInRow, index: number): (string | number)[] {
  const h = (r.health ?? null) as Record<string, unknown> | null;
  const symptoms = Array.isArray(h?.symptoms) ? (h.symptoms as Symptom[]) : null;
  return [
    index,
    r.full_name ?? '',
    r.birth_year ?? '',
    r.gender ? (GENDER_LABELS[r.gender] ?? r.gender) : '',
    r.phone ?? '',
    r.id_number_masked ?? '',
    r.address ?? '',
    formatVnTime(r.checked_in_at),
    METHOD_LABELS[r.method],
    r.direction === 'out' ? 'Ra' : 'Vào',
    symptoms ? (symptoms.length ? symptoms.map((s) => SYMPTOM_LABELS[s] ?? s).join(', ') : 'Không') : '',
    yesNo(h?.contactConfirmed),
    yesNo(h?.contactFromAffectedArea),
    yesNo(h?.contactWithSymptoms),
    yesNo(h?.travelled),
    typeof h?.vaccineDoses === 'number' ? h.vaccineDoses : '',
  ];
}

/** A CSV field: formula-like text prefixed with ' (CSV injection), quoted when needed. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && isFormulaLike(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable;
}

/** The point's check-ins as .xlsx or CSV, streamed: memory stays flat however many rows. */
export function createCheckInExportService(deps: {
  checkIns: Pick<CheckInsRepository, 'streamForPoint'>;
  list: Pick<CheckInListService, 'requirePoint'>;
  audit: Pick<AuditService, 'record'>;
}) {
  const { checkIns, list, audit } = deps;

  async function prepare(actor: Principal, pointId: string, query: CheckInExportQuery, ip: string | null) {
    const { point, isOwner } = await list.requirePoint(actor, pointId);
    // Exports leave the system with phone numbers in them: the owner answers for them, not the staff.
    if (!isOwner) throw new AppError('FORBIDDEN');
    await audit.record(actor, {
      action: 'export',
      resource: `point:${pointId}:check-ins`,
      purpose: query.purpose,
      ip,
    });
    const filter: PointCheckInFilter = {
      pointId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    return { filter, baseName: `check-ins-${point.code}` };
  }

  /** Writes every row to a stream; the caller awaits or pipes. Exposed for the benchmark. */
  async function writeXlsx(filter: PointCheckInFilter, out: NodeJS.WritableStream): Promise<number> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out as unknown as import('node:stream').Stream,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Check-in');
    sheet.addRow([...EXPORT_HEADERS]).commit();
    const entry = zipEntryOf(sheet);
    let n = 0;
    for await (const chunk of checkIns.streamForPoint(filter, CHUNK_ROWS)) {
      for (const r of chunk) {
        // exceljs writes a JS string as a string cell, never a formula (formulas need `{ formula }`).
        sheet.addRow(exportCells(r, ++n)).commit();
        if (n % ROWS_PER_PAUSE === 0 && entry.isFull()) await entry.drained();
      }
      // Nor does it wait for a slow reader of the file: hold the next chunk until the output has drained.
      const writable = out as NodeJS.WritableStream & { writableNeedDrain?: boolean };
      if (writable.writableNeedDrain) await once(writable as unknown as EventEmitter, 'drain');
    }
    sheet.commit();
    await workbook.commit();
    return n;
  }

  async function* csvLines(filter: PointCheckInFilter): AsyncGenerator<string> {
    // The BOM makes Excel read UTF-8, so Vietnamese names show right.
    yield `\uFEFF${EXPORT_HEADERS.map(csvField).join(',')}\r\n`;
    let n = 0;
    for await (const chunk of checkIns.streamForPoint(filter, CHUNK_ROWS)) {
      let text = '';
      for (const r of chunk) text += `${exportCells(r, ++n).map(csvField).join(',')}\r\n`;
      yield text;
    }
  }

  return {
    writeXlsx,

    async exportXlsx(
      actor: Principal,
      pointId: string,
      query: CheckInExportQuery,
      ip: string | null,
    ): Promise<ExportFile> {
      const { filter, baseName } = await prepare(actor, pointId, query, ip);
      const body = new PassThrough();
      writeXlsx(filter, body).catch((err: unknown) => body.destroy(err as Error));
      return {
        fileName: `${baseName}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body,
      };
    },

    async exportCsv(
      actor: Principal,
      pointId: string,
      query: CheckInExportQuery,
      ip: string | null,
    ): Promise<ExportFile> {
      const { filter, baseName } = await prepare(actor, pointId, query, ip);
      return {
        fileName: `${baseName}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Readable.from(csvLines(filter)),
      };
    },
  };
}

export type CheckInExportService = ReturnType<typeof createCheckInExportService>;
