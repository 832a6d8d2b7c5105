import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import QRCode from 'qrcode';

/**
 * A video for Chromium's fake camera that shows one QR code: the PNG made with `qrcode`, padded to
 * 640 × 480 by ffmpeg (see docs: stack notes, "Browser and camera").
 */
export async function qrVideo(text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'vaora-camera-'));
  const png = join(dir, 'qr.png');
  const y4m = join(dir, 'qr.y4m');
  await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', margin: 4, width: 440 });
  execFileSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-loop',
      '1',
      '-i',
      png,
      '-vf',
      'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
      '-t',
      '3',
      '-r',
      '15',
      y4m,
    ],
    { stdio: 'inherit' },
  );
  return y4m;
}

/** A separate Chromium whose camera shows the given video (and asks no permission). */
export function launchCameraBrowser(y4m: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  });
}
