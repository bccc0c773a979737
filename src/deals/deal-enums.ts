import { registerEnumType } from '@nestjs/graphql';
import { TransitionTable } from '../common/state/transition-table';

export enum DealType {
  ORDER = 'ORDER',
  JOINT_DEVELOPMENT = 'JOINT_DEVELOPMENT',
  SUCCESSION = 'SUCCESSION',
  HIRING = 'HIRING',
  FINANCING = 'FINANCING',
  PARTNERSHIP = 'PARTNERSHIP',
  OTHER = 'OTHER',
}
registerEnumType(DealType, {
  name: 'DealType',
  description: '受発注・共同開発・事業承継・採用・融資・業務提携・その他',
});

export enum DealStage {
  NEGOTIATING = 'NEGOTIATING',
  WON = 'WON',
  LOST = 'LOST',
}
registerEnumType(DealStage, { name: 'DealStage', description: '商談中・成約・不成立' });

export const DEAL_TYPE_LABEL: Record<DealType, string> = {
  ORDER: '受発注',
  JOINT_DEVELOPMENT: '共同開発',
  SUCCESSION: '事業承継',
  HIRING: '採用',
  FINANCING: '融資',
  PARTNERSHIP: '業務提携',
  OTHER: 'その他',
};

export const DEAL_STAGE_LABEL: Record<DealStage, string> = {
  NEGOTIATING: '商談中',
  WON: '成約',
  LOST: '不成立',
};

/** The types and stages as an English-speaking participant reads the deals they are a party to. */
export const DEAL_TYPE_LABEL_EN: Record<DealType, string> = {
  ORDER: 'Orders',
  JOINT_DEVELOPMENT: 'Joint development',
  SUCCESSION: 'Business succession',
  HIRING: 'Hiring',
  FINANCING: 'Financing',
  PARTNERSHIP: 'Business partnership',
  OTHER: 'Other',
};

export const DEAL_STAGE_LABEL_EN: Record<DealStage, string> = {
  NEGOTIATING: 'In negotiation',
  WON: 'Concluded',
  LOST: 'Not concluded',
};

/**
 * A deal closes as 成約 or 不成立. Either can be reopened — talks resume after a 不成立, or a 成約
 * was recorded by mistake — which clears its closing date, so the year's figures follow.
 */
export const DEAL_TRANSITIONS = new TransitionTable<DealStage>({
  NEGOTIATING: [DealStage.WON, DealStage.LOST],
  WON: [DealStage.NEGOTIATING],
  LOST: [DealStage.NEGOTIATING],
});

export const CLOSED_STAGES: readonly DealStage[] = [DealStage.WON, DealStage.LOST];

/**
 * How a deal was corrected (DealCorrection): deleted, changed in what an ended 年度 counts, or
 * recorded into an ended 年度.
 */
export enum DealCorrectionKind {
  /** deleteDeal: the deal went, and with it all it counted. */
  DELETED = 'DELETED',
  /** updateDeal changed what the deal counts in a year that had ended. */
  CHANGED = 'CHANGED',
  /** recordDeal recorded a deal that counts in a year that had ended: all it counts came with it. */
  ADDED = 'ADDED',
}
