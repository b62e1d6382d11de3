// Pure checks of a batch's fields that span several of them (dates) or need exact decimals (the fee).
// Fees are rupees with at most 2 decimals, kept as strings so no float ever touches them.
import type { FieldError } from '../errors.js';

const RUPEES = /^\d{1,10}(\.\d{1,2})?$/;

/** "2500.5" → "2500.50"; null when the value is not a non-negative amount with at most 2 decimals. */
export function normaliseRupees(value: string | number): string | null {
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  if (!RUPEES.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return `${BigInt(whole!).toString()}.${frac.padEnd(2, '0')}`;
}

export interface BatchDates {
  startDate: Date | null;
  endDate: Date | null;
  applicationDeadline: Date | null;
}

/** start ≤ end and deadline ≤ start (each only when both are set). */
export function batchDateErrors({ startDate, endDate, applicationDeadline }: BatchDates): FieldError[] {
  const errors: FieldError[] = [];
  if (startDate && endDate && endDate < startDate) errors.push({ path: 'json.endDate', message: 'Must not be before startDate' });
  if (startDate && applicationDeadline && applicationDeadline > startDate) errors.push({ path: 'json.applicationDeadline', message: 'Must not be after startDate' });
  return errors;
}

/** Seats left, or null when the batch is unlimited. */
export const seatsLeft = (capacity: number | null, seated: number) => (capacity === null ? null : Math.max(0, capacity - seated));
