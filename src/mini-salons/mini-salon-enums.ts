import { EventStatus } from '../events/event-enums';
import { registerEnumType } from '@nestjs/graphql';
import { TransitionTable } from '../common/state/transition-table';

export enum MiniSalonRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(MiniSalonRequestStatus, {
  name: 'MiniSalonRequestStatus',
  description: '検討中・開催決定・見送り・取り下げ',
});

export const MINI_SALON_REQUEST_STATUS_LABEL: Record<MiniSalonRequestStatus, string> = {
  PENDING: '検討中',
  ACCEPTED: '開催決定',
  DECLINED: '見送り',
  WITHDRAWN: '取り下げ',
};

/**
 * As an English-speaking requester reads them: in a sentence (an error refusing to withdraw a
 * decided request), and, capitalised, as their request's statusLabel.
 */
export const MINI_SALON_REQUEST_STATUS_LABEL_EN: Record<MiniSalonRequestStatus, string> = {
  PENDING: 'under consideration',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  WITHDRAWN: 'withdrawn',
};

/**
 * The request's 状態 as staff and the requester read it (in English for a requester whose locale is
 * en): 開催決定 of a salon since called off says so, rather than promising a salon that will not
 * take place. `event` loaded where there is one.
 */
export function miniSalonRequestStatusLabel(
  request: { status: MiniSalonRequestStatus; event?: { status: EventStatus } | null },
  locale: 'ja' | 'en' = 'ja',
): string {
  const calledOff =
    request.status === MiniSalonRequestStatus.ACCEPTED && request.event?.status === EventStatus.CANCELLED;
  if (locale === 'en') {
    const label = MINI_SALON_REQUEST_STATUS_LABEL_EN[request.status];
    const shown = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
    return calledOff ? `${shown} (later cancelled)` : shown;
  }
  const label = MINI_SALON_REQUEST_STATUS_LABEL[request.status];
  return calledOff ? `${label}（のち中止）` : label;
}

/** A request is decided once: the organiser accepts or declines it, or the requester withdraws it. */
export const MINI_SALON_REQUEST_TRANSITIONS = new TransitionTable<MiniSalonRequestStatus>({
  PENDING: [
    MiniSalonRequestStatus.ACCEPTED,
    MiniSalonRequestStatus.DECLINED,
    MiniSalonRequestStatus.WITHDRAWN,
  ],
  ACCEPTED: [],
  DECLINED: [],
  WITHDRAWN: [],
});
