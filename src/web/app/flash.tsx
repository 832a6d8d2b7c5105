import { useEffect, useState } from 'react';
import { StatusBanner } from '../ui/status-banner';

/**
 * A message for the next screen ("Đã lưu hồ sơ."), shown once where the user lands after a form,
 * so that a save is confirmed without an extra screen to dismiss.
 */
let pending: string | null = null;

export function setFlash(text: string): void {
  pending = text;
}

export function Flash() {
  const [text] = useState(() => pending);
  useEffect(() => {
    pending = null;
  }, []);
  return text ? <StatusBanner kind="success">{text}</StatusBanner> : null;
}
