import ExcelJS from 'exceljs';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { isValidationKey, type Locale, messages } from '../../domain/messages';
import {
  POINT_IMPORT_MAX_ROWS,
  type PointKind,
  type PointSummary,
  pointImportColumns,
  pointInputSchema,
  pointKindLabels,
  pointKinds,
} from '../../domain/points';
import { foldText } from '../../domain/text';
import type { PointsRepository } from '../repositories/points.repository';
import type { PointsService } from './points.service';
import type { UnitsService } from './units.service';

type Column = keyof typeof pointImportColumns;
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

const columnOrder = Object.keys(pointImportColumns) as Column[];
const headerToColumn = new Map(columnOrder.map((c) => [foldText(pointImportColumns[c]), c]));
const kindByFolded = new Map<string, PointKind>(
  pointKinds.flatMap((k) => [
    [foldText(k), k],
    [foldText(pointKindLabels[k]), k],
  ]),
);
/** Where a schema issue lands in the sheet. */
const pathToColumn: Record<string, Column> = {
  name: 'name',
  kind: 'kind',
  vehiclePlate: 'vehiclePlate',
  'address.provinceCode': 'provinceCode',
  'address.communeCode': 'communeCode',
  'address.detail': 'address',
  contactPhone: 'contactPhone',
};

/** The text of a cell, whatever Excel made of it (numbers, rich text, links, formula results). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

/** Excel drops leading zeros of codes and phones typed as numbers: put them back. */
const padded = (s: string, length: number) =>
  /^\d+$/.test(s) && s.length < length ? s.padStart(length, '0') : s;

export function createPointImportService(deps: {
  points: PointsService;
  repo: PointsRepository;
  units: UnitsService;
}) {
  const { points, repo, units } = deps;

  /** A province or commune given by name instead of code (only a single clear match is taken). */
  function unitCode(value: string, level: 'province' | 'commune', provinceCode?: string): string {
    if (value === '' || /^\d+$/.test(value)) return padded(value, level === 'province' ? 2 : 5);
    const hit = units.search(value, { level, ...(provinceCode ? { provinceCode } : {}), limit: 1 })[0];
    return hit?.code ?? '';
  }

  async function readSheet(body: Buffer, locale: Locale) {
    const m = messages[locale].validation;
    const fail = (key: 'importFile' | 'importEmpty' | 'importTooMany' | 'importHeader') => {
      throw new AppError('VALIDATION_FAILED', { rows: [{ row: 0, field: 'file', message: m[key] }] });
    };
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      fail('importFile');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return fail('importFile');
    const columns = new Map<Column, number>();
    sheet.getRow(1).eachCell((cell, col) => {
      const c = headerToColumn.get(foldText(cellText(cell.value)));
      if (c) columns.set(c, col);
    });
    for (const required of ['name', 'kind', 'provinceCode', 'communeCode'] as const) {
      if (!columns.has(required)) fail('importHeader');
    }
    const rows: { row: number; values: Record<Column, string> }[] = [];
    sheet.eachRow((r, rowNumber) => {
      if (rowNumber === 1) return;
      const values = Object.fromEntries(
        columnOrder.map((c) => [c, columns.has(c) ? cellText(r.getCell(columns.get(c)!).value) : '']),
      ) as Record<Column, string>;
      if (Object.values(values).some((v) => v !== '')) rows.push({ row: rowNumber, values });
    });
    if (rows.length === 0) fail('importEmpty');
    if (rows.length > POINT_IMPORT_MAX_ROWS) fail('importTooMany');
    return rows;
  }

  return {
    /**
     * Registers every point of the spreadsheet for the caller, or none: any wrong row → 400 with
     * `details.rows` [{ row (as Excel numbers it), field, message }] in the caller's language.
     */
    async importPoints(principal: Principal, body: Buffer, locale: Locale): Promise<PointSummary[]> {
      const m = messages[locale].validation;
      const rows = await readSheet(body, locale);
      const errors: ImportRowError[] = [];
      const accepted = [];
      for (const { row, values } of rows) {
        const provinceCode = unitCode(values.provinceCode, 'province');
        const communeCode = unitCode(values.communeCode, 'commune', provinceCode);
        const kind = kindByFolded.get(foldText(values.kind)) ?? values.kind;
        const parsed = pointInputSchema.safeParse({
          name: values.name,
          kind,
          vehiclePlate: values.vehiclePlate || null,
          address: { provinceCode, communeCode, detail: values.address },
          contactPhone: values.contactPhone ? padded(values.contactPhone, 10).replace(/^00/, '0') : null,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const column = pathToColumn[issue.path.join('.')] ?? 'name';
            const key = issue.message;
            const fallback = issue.code === 'too_big' ? m.tooLong : m.invalid;
            const unitName =
              (column === 'provinceCode' || column === 'communeCode') && /\D/.test(values[column]);
            errors.push({
              row,
              field: column,
              message: unitName ? m.unitName : isValidationKey(key) ? m[key] : fallback,
            });
          }
          continue;
        }
        try {
          points.checkPlace(parsed.data);
        } catch {
          const issue = units.placeIssue(provinceCode, communeCode);
          errors.push({
            row,
            field: issue ?? 'communeCode',
            message:
              issue === 'communeCode' && units.nameOf(communeCode) ? m.communeNotInProvince : m.unitCode,
          });
          continue;
        }
        accepted.push(points.toNewPoint(parsed.data, principal.userId));
      }
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { rows: errors });
      const created = await repo.createMany(accepted);
      await points.grantOwner(principal.userId);
      return created.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind as PointKind,
        provinceCode: r.province_code,
        communeCode: r.commune_code,
        communeName: units.nameOf(r.commune_code),
        address: r.address,
        isOpen: r.is_open,
      }));
    },

    /** The spreadsheet to fill in: the columns, one sample row, and the list of kinds. */
    async template(): Promise<Buffer> {
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'vaora';
      const sheet = workbook.addWorksheet('Điểm quét mã');
      sheet.columns = columnOrder.map((c) => ({
        header: pointImportColumns[c],
        key: c,
        width: c === 'name' || c === 'address' ? 36 : 20,
        // Codes and phones as text, so Excel keeps their leading zeros.
        style: ['provinceCode', 'communeCode', 'contactPhone', 'vehiclePlate'].includes(c)
          ? { numFmt: '@' }
          : {},
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.addRow({
        name: 'Xe khách Phương Trang 51B-123.45',
        kind: pointKindLabels.vehicle,
        vehiclePlate: '51B-123.45',
        provinceCode: '75',
        communeCode: '25210',
        address: 'Bến xe Đồng Xoài, Quốc lộ 14',
        contactPhone: '0912345678',
      });
      const kinds = workbook.addWorksheet('Loại điểm');
      kinds.columns = [
        { header: 'Loại điểm', key: 'label', width: 30 },
        { header: 'Mã loại', key: 'kind', width: 20 },
      ];
      kinds.getRow(1).font = { bold: true };
      for (const k of pointKinds) kinds.addRow({ label: pointKindLabels[k], kind: k });
      for (let r = 2; r <= POINT_IMPORT_MAX_ROWS + 1; r++) {
        sheet.getCell(r, 2).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`'Loại điểm'!$A$2:$A$${pointKinds.length + 1}`],
        };
      }
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}

export type PointImportService = ReturnType<typeof createPointImportService>;
