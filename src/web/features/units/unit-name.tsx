import { useEffect, useState } from 'react';
import { getUnit } from './units-api';

/** A unit's name from its code; the code itself only if the name cannot be had. */
export function UnitName({ code }: { code: string }) {
  const [name, setName] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    getUnit(code).then(
      (u) => live && setName(u.name),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (name) return <>{name}</>;
  return <>{failed ? code : '…'}</>;
}
