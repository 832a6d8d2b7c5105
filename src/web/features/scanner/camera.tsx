import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { StatusBanner } from '../../ui/status-banner';

/** Time between two looks at the video: fast enough to feel instant, light on a cheap phone. */
const FRAME_MS = 150;

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };

let detectorPromise: Promise<Detector> | null = null;

/**
 * The browser's own BarcodeDetector where it reads QR codes; otherwise the zxing polyfill, with its
 * .wasm served by vaora itself (a CDN would fail offline and is refused by the CSP).
 */
function loadDetector(): Promise<Detector> {
  detectorPromise ??= (async () => {
    const native = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } })
      .BarcodeDetector;
    if (native && (await native.getSupportedFormats()).includes('qr_code')) {
      const Ctor = native as unknown as new (o: { formats: string[] }) => Detector;
      return new Ctor({ formats: ['qr_code'] });
    }
    const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
    prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) =>
          path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path,
      },
    });
    return new BarcodeDetector({ formats: ['qr_code'] });
  })();
  detectorPromise.catch(() => {
    detectorPromise = null;
  });
  return detectorPromise;
}

type CameraState = 'starting' | 'on' | 'denied' | 'none';

/**
 * The camera, as wide as the screen, reading QR codes; `onRead` gets every text it sees (the caller
 * ignores repeats). The back camera is preferred: the phone is pointed at someone else's code.
 */
export function Camera({ onRead, label }: { onRead: (text: string) => void; label: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const onReadRef = useRef(onRead);
  onReadRef.current = onRead;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('none');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
      } catch (err) {
        if (!stopped)
          setState(err instanceof DOMException && err.name === 'NotAllowedError' ? 'denied' : 'none');
        return;
      }
      if (stopped || !video.current) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      setState('on');
      const detector = await loadDetector();
      const look = async () => {
        if (stopped) return;
        const v = video.current;
        if (v && v.readyState >= 2) {
          try {
            for (const code of await detector.detect(v)) if (code.rawValue) onReadRef.current(code.rawValue);
          } catch {
            // A frame that could not be read: the next one will do.
          }
        }
        timer = setTimeout(() => void look(), FRAME_MS);
      };
      void look();
    }
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      if (stream) for (const track of stream.getTracks()) track.stop();
    };
  }, []);

  return (
    <div className="camera">
      <video ref={video} className="camera-video" muted playsInline aria-label={label} />
      {state === 'starting' ? (
        <p className="camera-note" role="status">
          {t('scanner.cameraStarting')}
        </p>
      ) : null}
      {state === 'denied' ? <StatusBanner kind="warning">{t('scanner.cameraDenied')}</StatusBanner> : null}
      {state === 'none' ? <StatusBanner kind="warning">{t('scanner.cameraNone')}</StatusBanner> : null}
    </div>
  );
}
