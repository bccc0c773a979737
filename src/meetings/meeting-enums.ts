import { registerEnumType } from '@nestjs/graphql';
import { TransitionTable } from '../common/state/transition-table';

export enum MeetingRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingRequestStatus, {
  name: 'MeetingRequestStatus',
  description: '回答待ち・承諾・辞退・期限切れ・取消',
});

/**
 * Why a request was withdrawn, where the page behind its link must say more than that it was:
 * staff merged two profiles of one person (名寄せ) — the requester's, or the asked person's — and
 * it was the second open request between the same two people at the event (see
 * MeetingRequest.continuedAsId).
 */
export enum MeetingRequestCancelReason {
  REQUESTER_PROFILES_MERGED = 'REQUESTER_PROFILES_MERGED',
  RECIPIENT_PROFILES_MERGED = 'RECIPIENT_PROFILES_MERGED',
}

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus', description: '予定・実施・不参加・中止' });

export enum AcceptanceMode {
  RECIPIENT_ACCEPTS = 'RECIPIENT_ACCEPTS',
  AUTO_ACCEPT = 'AUTO_ACCEPT',
}
registerEnumType(AcceptanceMode, {
  name: 'AcceptanceMode',
  description: '申込を受けた側が承諾する・申込と同時に成立する',
});

/** A request is answered once; an agreed meeting can still be called off by either side. */
export const MEETING_REQUEST_TRANSITIONS = new TransitionTable<MeetingRequestStatus>({
  PENDING: [
    MeetingRequestStatus.ACCEPTED,
    MeetingRequestStatus.DECLINED,
    MeetingRequestStatus.EXPIRED,
    MeetingRequestStatus.CANCELLED,
  ],
  ACCEPTED: [MeetingRequestStatus.CANCELLED],
  DECLINED: [],
  EXPIRED: [],
  CANCELLED: [],
});

/** NO_SHOW and HELD may correct each other on the day; a cancelled meeting stays cancelled. */
export const MEETING_TRANSITIONS = new TransitionTable<MeetingStatus>({
  SCHEDULED: [MeetingStatus.HELD, MeetingStatus.NO_SHOW, MeetingStatus.CANCELLED],
  HELD: [MeetingStatus.NO_SHOW],
  NO_SHOW: [MeetingStatus.HELD],
  CANCELLED: [],
});

/** Requests that hold the pair: a second one between the same two people is refused. */
export const OPEN_REQUEST_STATUSES = [MeetingRequestStatus.PENDING, MeetingRequestStatus.ACCEPTED];

/** Requests that count against the per-participant cap (sent and not withdrawn). */
export const CAPPED_REQUEST_STATUSES = [
  MeetingRequestStatus.PENDING,
  MeetingRequestStatus.ACCEPTED,
  MeetingRequestStatus.DECLINED,
];

export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = {
  SCHEDULED: '予定',
  HELD: '実施',
  NO_SHOW: '不参加あり',
  CANCELLED: '中止',
};

export const MEETING_REQUEST_STATUS_LABEL: Record<MeetingRequestStatus, string> = {
  PENDING: '回答待ち',
  ACCEPTED: '承諾済み',
  DECLINED: '辞退済み',
  EXPIRED: '期限切れ',
  CANCELLED: '取消済み',
};

/** The statuses as an English-speaking participant reads them (exportMyData, errors). */
export const MEETING_STATUS_LABEL_EN: Record<MeetingStatus, string> = {
  SCHEDULED: 'Scheduled',
  HELD: 'Held',
  NO_SHOW: 'Someone did not attend',
  CANCELLED: 'Called off',
};

/**
 * CANCELLED says nothing of who: the requester or either side withdrew it, staff called its
 * meeting off, the event or a registration was cancelled, a merge left it the second between the
 * same two people. As 取消済み, and as a cancelled meeting.
 */
export const MEETING_REQUEST_STATUS_LABEL_EN: Record<MeetingRequestStatus, string> = {
  PENDING: 'Awaiting an answer',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  EXPIRED: 'Expired',
  CANCELLED: 'Called off',
};

/**
 * Where two people stand at an event, for the page to say before a button is pressed: agreed
 * (either asked), already asked and waiting, asked by the other and waiting for this person, or
 * declined by the other. Null when there is nothing between them (or only what lapsed or was
 * withdrawn).
 */
export type RequestStanding = 'AGREED' | 'ASKED' | 'ASKED_BY_THEM' | 'DECLINED';
