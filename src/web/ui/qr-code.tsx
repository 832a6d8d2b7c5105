import { create as createQr } from 'qrcode';
import { useMemo } from 'react';
import { classNames } from './format';

/** Four modules of white around the code: readers need the quiet zone to find it. */
const QUIET_ZONE = 4;

/** The dark modules of a QR as one SVG path: one element, crisp at any size, nothing to download. */
function qrPath(text: string): { size: number; d: string } {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      d += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`;
    }
  }
  return { size: n + QUIET_ZONE * 2, d };
}

/**
 * A QR code drawn in the browser from a token: black on white for outdoor light, an image with a
 * label for screen readers (the label says what the code is, not its content).
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className={classNames('qr', className)}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
