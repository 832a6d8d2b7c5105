import { describe, expect, it } from 'vitest';
import {
  canChangeMovement,
  canConfirmArrival,
  compactVehicleNumber,
  formatPlate,
  isFollowedUp,
  isValidVehicleNumber,
  type MovementStatus,
  movementStates,
  movementStatus,
} from '../../src/domain/movement';
import { movementStatuses } from '../../src/domain/movement-view';

describe('vehicle numbers', () => {
  it('compacts to upper-case letters and digits', () => {
    expect(compactVehicleNumber('51a-123.45')).toBe('51A12345');
    expect(compactVehicleNumber(' vn 123 ')).toBe('VN123');
    expect(compactVehicleNumber('30-LD 123.45')).toBe('30LD12345');
  });

  it('accepts plates as painted or typed, for cars, buses and motorbikes', () => {
    for (const plate of ['51A-123.45', '51a12345', '30LD-123.45', '59X1-123.45', '29A-1234']) {
      expect(isValidVehicleNumber('car', plate)).toBe(true);
    }
    expect(isValidVehicleNumber('bus', '51B-012.34')).toBe(true);
    expect(isValidVehicleNumber('motorbike', '59X1-123.45')).toBe(true);
  });

  it('refuses what is not a plate', () => {
    for (const plate of ['A51-123.45', '5A-123.45', '51-123.45', '51A-123', '51ABC-123.45', 'VN123', '']) {
      expect(isValidVehicleNumber('car', plate)).toBe(false);
    }
  });

  it('checks flight and train numbers by their own pattern', () => {
    expect(isValidVehicleNumber('airplane', 'VN123')).toBe(true);
    expect(isValidVehicleNumber('airplane', 'vj 1234')).toBe(true);
    expect(isValidVehicleNumber('airplane', 'VNABC')).toBe(false);
    expect(isValidVehicleNumber('airplane', 'VN12345')).toBe(false);
    expect(isValidVehicleNumber('train', 'SE1')).toBe(true);
    expect(isValidVehicleNumber('train', 'SE12345')).toBe(false);
    expect(isValidVehicleNumber('train', '123')).toBe(false);
  });

  it('takes any short name for a ship', () => {
    expect(isValidVehicleNumber('ship', 'Superdong 3')).toBe(true);
    expect(isValidVehicleNumber('ship', 'X')).toBe(false);
  });
});

describe('plate formatting', () => {
  it('writes 5-digit plates as 51A-123.45 and 4-digit ones as 29A-1234', () => {
    expect(formatPlate('51A12345')).toBe('51A-123.45');
    expect(formatPlate('59X112345')).toBe('59X1-123.45');
    expect(formatPlate('30LD12345')).toBe('30LD-123.45');
    expect(formatPlate('29A1234')).toBe('29A-1234');
  });

  it('leaves anything else as it is', () => {
    expect(formatPlate('VN123')).toBe('VN123');
    expect(formatPlate('')).toBe('');
  });
});

describe('movement states', () => {
  const now = new Date('2021-10-15T05:00:00Z');
  const later = new Date(now.getTime() + 3_600_000);
  const earlier = new Date(now.getTime() - 1);

  it('shows a declared journey whose QR lapsed as expired, and only a declared one', () => {
    expect(movementStatus('declared', later, now)).toBe('declared');
    expect(movementStatus('declared', now, now)).toBe('expired');
    expect(movementStatus('declared', earlier, now)).toBe('expired');
    for (const state of movementStates.filter((s) => s !== 'declared')) {
      expect(movementStatus(state, earlier, now)).toBe(state);
    }
  });

  it('allows each action in exactly the statuses it belongs to', () => {
    const allowed = (rule: (s: MovementStatus) => boolean) => movementStatuses.filter(rule);
    expect(allowed(canChangeMovement)).toEqual(['declared']);
    expect(allowed(canConfirmArrival)).toEqual(['declared', 'passed']);
    expect(allowed(isFollowedUp)).toEqual(['arrived', 'followed']);
  });
});
