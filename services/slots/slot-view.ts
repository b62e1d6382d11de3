// The slot as every route shows it: the select and the row → view mapping.
import type { MeetingStatus } from '../../domain/slot/status.js';

export const slotSelect = {
  id: true,
  mentorId: true,
  studentId: true,
  title: true,
  startDateTime: true,
  endDateTime: true,
  status: true,
  priceTokens: true,
  actualEndTime: true,
  earningsCredited: true,
} as const;

export interface SlotView {
  id: string;
  mentorId: string;
  studentId: string | null;
  title: string | null;
  startDateTime: string;
  endDateTime: string;
  status: MeetingStatus;
  priceTokens: number;
  actualEndTime: string | null;
  earningsCredited: boolean;
}

type SlotRow = { startDateTime: Date; endDateTime: Date; actualEndTime: Date | null } & Omit<SlotView, 'startDateTime' | 'endDateTime' | 'actualEndTime'>;

export function toSlot(s: SlotRow): SlotView {
  return { ...s, startDateTime: s.startDateTime.toISOString(), endDateTime: s.endDateTime.toISOString(), actualEndTime: s.actualEndTime?.toISOString() ?? null };
}
