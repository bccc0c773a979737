import { registerEnumType } from '@nestjs/graphql';

export enum EventKind {
  SALON = 'SALON',
  MINI_SALON = 'MINI_SALON',
  TRADE_FAIR = 'TRADE_FAIR',
  BUSINESS_MATCHING = 'BUSINESS_MATCHING',
  SEMINAR = 'SEMINAR',
}
registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'サロン・ミニサロン（30名まで）・展示会・商談会・セミナー',
});

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventStatus, { name: 'EventStatus', description: '下書き・公開中・終了・中止' });

export enum EventVisibility {
  PUBLIC = 'PUBLIC',
  INVITE_ONLY = 'INVITE_ONLY',
}
registerEnumType(EventVisibility, { name: 'EventVisibility', description: '公開（誰でも申込可）・招待制' });

export enum SessionMode {
  TABLES = 'TABLES',
  BOOTHS = 'BOOTHS',
}
registerEnumType(SessionMode, {
  name: 'SessionMode',
  description: 'テーブル方式・ブース方式（出展者のブースで面談）',
});

export const MINI_SALON_MAX_CAPACITY = 30;
