import type { Area } from '../../domain/access';
import type { UnitsRepository } from '../repositories/units.repository';

// PLACEHOLDER: the units helper replaces this file (seed from CSV, in-memory index, search).
export function createUnitsService(_repo: UnitsRepository) {
  return {
    async init(): Promise<void> {},
    areaOf(_code: string): Area | null {
      return null;
    },
    nameOf(_code: string): string | null {
      return null;
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
