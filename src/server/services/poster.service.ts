import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Principal } from '../../domain/access';
import { type PointCodeClaims, pointUrl } from '../../domain/point-code';
import { type PointKind, type PosterSize, pointKindLabels } from '../../domain/points';
import type { PointDetailRow, PointsService } from './points.service';
import { renderQrPng, renderQrSvg } from './qr-image';
import type { SigningService } from './signing.service';
import type { UnitsService } from './units.service';

/** Be Vietnam Pro as TrueType: PDF viewers and pdftotext need the embedded glyphs (never woff). */
const require = createRequire(import.meta.url);
const fontFile = (weight: '400Regular' | '700Bold') =>
  require.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/BeVietnamPro_${weight}.ttf`);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
const loadFonts = () => {
  fonts ??= { regular: readFileSync(fontFile('400Regular')), bold: readFileSync(fontFile('700Bold')) };
  return fonts;
};

const CM = 72 / 2.54;
/**
 * Page sizes in points and the printed QR (without its quiet zone): Hà Nội asked for at least 15 cm
 * on a venue poster in 2021; A5 is for counters and buses, where 10 cm still reads from 1–2 m.
 */
export const posterLayouts = {
  A4: { width: 595.28, height: 841.89, qr: 15.5 * CM, scale: 1 },
  A5: { width: 419.53, height: 595.28, qr: 10.6 * CM, scale: 0.705 },
} as const satisfies Record<PosterSize, { width: number; height: number; qr: number; scale: number }>;

const QUIET_ZONE_MODULES = 4;
/** Posters hang for months: the token lives as long as the signing service allows (it caps it). */
const POSTER_TTL_SECONDS = Number.MAX_SAFE_INTEGER;

const text = {
  title: 'ĐIỂM QUÉT MÃ QR',
  titleEn: 'QR check-in point',
  instructions:
    'Quét mã QR bằng ứng dụng vaora hoặc camera điện thoại để khai báo khi vào/ra. Không cần cài thêm ứng dụng.',
  instructionsEn:
    'Scan the QR code with the vaora app or your phone’s camera to check in when you enter or leave. No other app is needed.',
  code: 'Mã điểm · Point code',
  plate: 'Biển số xe · Plate',
};

export interface PosterPoint {
  code: string;
  name: string;
  kind: PointKind;
  address: string;
  vehiclePlate: string | null;
  url: string;
}

export function createPosterService(deps: {
  points: PointsService;
  signing: SigningService;
  units: UnitsService;
}) {
  const { points, signing, units } = deps;

  async function tokenOf(row: Pick<PointDetailRow, 'code' | 'code_version'>): Promise<string> {
    const claims: PointCodeClaims = { typ: 'c', pt: row.code, v: row.code_version };
    return signing.sign(claims, POSTER_TTL_SECONDS);
  }

  async function posterPoint(row: PointDetailRow, baseUrl: string): Promise<PosterPoint> {
    const address = [row.address, units.nameOf(row.commune_code), units.nameOf(row.province_code)]
      .filter(Boolean)
      .join(', ');
    return {
      code: row.code,
      name: row.name,
      kind: row.kind as PointKind,
      address,
      vehiclePlate: row.vehicle_plate,
      url: pointUrl(baseUrl, await tokenOf(row)),
    };
  }

  function drawPage(doc: PDFKit.PDFDocument, p: PosterPoint, size: PosterSize) {
    const { width, height, qr, scale: s } = posterLayouts[size];
    const margin = 36 * s;
    const inner = width - 2 * margin;
    doc.addPage({ size, margin: 0 });

    doc
      .fillColor('#0b5394')
      .font('bold')
      .fontSize(18 * s);
    doc.text(text.title, margin, 30 * s, { width: inner, align: 'center' });
    doc
      .fillColor('#555555')
      .font('regular')
      .fontSize(10 * s);
    doc.text(`${text.titleEn} · ${pointKindLabels[p.kind]}`, { width: inner, align: 'center' });

    doc.moveDown(0.6);
    doc
      .fillColor('#000000')
      .font('bold')
      .fontSize(24 * s);
    doc.text(p.name, { width: inner, align: 'center', height: 24 * s * 2.5, ellipsis: true });
    doc
      .font('regular')
      .fontSize(12 * s)
      .fillColor('#222222');
    doc.text(p.address, { width: inner, align: 'center', height: 12 * s * 2.5, ellipsis: true });
    if (p.vehiclePlate) doc.text(`${text.plate}: ${p.vehiclePlate}`, { width: inner, align: 'center' });

    // The QR goes below the text, never higher than where a two-line name would end.
    const qrTop = Math.max(doc.y + 10 * s, 150 * s);
    drawQr(doc, p.url, (width - qr) / 2, qrTop, qr);

    let y = qrTop + qr + 14 * s;
    doc
      .fillColor('#000000')
      .font('bold')
      .fontSize(13 * s);
    doc.text(text.instructions, margin, y, { width: inner, align: 'center' });
    doc
      .fillColor('#444444')
      .font('regular')
      .fontSize(10 * s);
    doc.text(text.instructionsEn, { width: inner, align: 'center' });
    y = Math.min(doc.y + 14 * s, height - 30 * s);
    doc
      .fillColor('#000000')
      .font('bold')
      .fontSize(14 * s);
    doc.text(`${text.code}: ${p.code}`, margin, y, { width: inner, align: 'center' });
  }

  /** Vector modules: sharp at any print size. Runs of dark modules in a row become one rectangle. */
  function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    const m = size / n;
    const quiet = QUIET_ZONE_MODULES * m;
    doc.rect(x - quiet, y - quiet, size + 2 * quiet, size + 2 * quiet).fill('#ffffff');
    for (let r = 0; r < n; r++) {
      let c = 0;
      while (c < n) {
        if (!modules.get(r, c)) {
          c++;
          continue;
        }
        const start = c;
        while (c < n && modules.get(r, c)) c++;
        doc.rect(x + start * m, y + r * m, (c - start) * m, m);
      }
    }
    doc.fill('#000000');
  }

  function renderPdf(pages: PosterPoint[], size: PosterSize): Promise<Buffer> {
    const f = loadFonts();
    const doc = new PDFDocument({
      autoFirstPage: false,
      size,
      margin: 0,
      info: {
        Title: pages.length === 1 ? `${text.title} – ${pages[0]!.name}` : text.title,
        Creator: 'vaora',
      },
    });
    doc.registerFont('regular', f.regular);
    doc.registerFont('bold', f.bold);
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    for (const p of pages) drawPage(doc, p, size);
    doc.end();
    return done;
  }

  return {
    tokenOf,

    /** The URL a poster of the point encodes now (a fresh signature, the current code version). */
    async url(principal: Principal, id: string, baseUrl: string): Promise<string> {
      return (await posterPoint(await points.findVisible(principal, id), baseUrl)).url;
    },

    async png(principal: Principal, id: string, baseUrl: string): Promise<Buffer> {
      const p = await posterPoint(await points.findVisible(principal, id), baseUrl);
      return renderQrPng(p.url, { width: 1200 });
    },

    async svg(principal: Principal, id: string, baseUrl: string): Promise<string> {
      const p = await posterPoint(await points.findVisible(principal, id), baseUrl);
      return renderQrSvg(p.url, { width: 1024 });
    },

    /** One page per point, in the order asked; any point the caller may not see → 404. */
    async pdf(principal: Principal, ids: string[], size: PosterSize, baseUrl: string): Promise<Buffer> {
      const pages: PosterPoint[] = [];
      for (const id of ids) pages.push(await posterPoint(await points.findVisible(principal, id), baseUrl));
      return renderPdf(pages, size);
    },

    /** A new code version; the returned URL is the new poster's. */
    async rotate(principal: Principal, id: string, baseUrl: string) {
      const row = await points.rotateCode(principal, id);
      const p = await posterPoint(row, baseUrl);
      return { codeVersion: row.code_version, url: p.url, token: p.url.slice(p.url.lastIndexOf('/') + 1) };
    },
  };
}

export type PosterService = ReturnType<typeof createPosterService>;
