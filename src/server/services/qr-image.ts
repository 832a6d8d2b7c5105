import QRCode from 'qrcode';

export interface QrImageOptions {
  /** Output width in pixels (PNG) or user units (SVG); too small a width is ignored for the minimum. */
  width?: number;
  /** Pixels per module when no width is given (PNG, default 4). */
  scale?: number;
  /** Colours as #rrggbb or #rrggbbaa. */
  dark?: string;
  light?: string;
}

// 'M' survives a scuffed or partly covered print (~15 %) without making a token QR too dense for a
// cheap phone camera; 4 modules of quiet zone is what the QR standard asks of a reader.
const ERROR_CORRECTION = 'M';
const QUIET_ZONE_MODULES = 4;

function rendererOptions(options: QrImageOptions) {
  return {
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE_MODULES,
    ...(options.width !== undefined ? { width: options.width } : {}),
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
    color: {
      ...(options.dark !== undefined ? { dark: options.dark } : {}),
      ...(options.light !== undefined ? { light: options.light } : {}),
    },
  } as const;
}

/** The QR of text as an SVG document. */
export function renderQrSvg(text: string, options: QrImageOptions = {}): Promise<string> {
  return QRCode.toString(text, { ...rendererOptions(options), type: 'svg' });
}

/** The QR of text as a PNG image. */
export function renderQrPng(text: string, options: QrImageOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...rendererOptions(options), type: 'png' });
}
