import { Role } from '../../src/auth/actor';
import { addDays, addMonths, CalendarDate, tokyoDateOf } from '../../src/common/time/calendar-date';
import { DealStage, DealType } from '../../src/deals/deal-enums';
import { EventKind, EventStatus } from '../../src/events/event-enums';
import { MeetingStatus } from '../../src/meetings/meeting-enums';
import { ParticipantKind } from '../../src/participants/participant-kind';
import { RegistrationStatus } from '../../src/registrations/registration-enums';
import { DemoEvent, STORY_DAY } from './events';
import { DemoMeetingRequest } from './meetings';
import { OrgKey, STAFF } from './organizations';
import { DemoPerson } from './people';
import { Random } from './random';
import { DemoRegistration } from './registrations';

/** フォローアップ: what staff check, and by when; `doneAt` and `result` once checked. */
export interface DemoFollowUp {
  dueOn: CalendarDate;
  notes: string;
  result: string;
  doneAt: Date | null;
  /** A staff email of the organisation. */
  assignedTo: string;
}

/** 商談 that came out of a meeting at the fair, or of an introduction at a salon. */
export interface DemoDeal {
  organization: OrgKey;
  /** A staff email of `organization`: the 支援担当 who recorded it. */
  recordedBy: string;
  event: DemoEvent;
  /** The fair's meeting it came from; null for an introduction at a salon. */
  request: DemoMeetingRequest | null;
  /** The side offering (the exhibitor, the supplier). */
  a: DemoPerson;
  b: DemoPerson;
  type: DealType;
  stage: DealStage;
  title: string;
  amountYen: number | null;
  startedOn: CalendarDate;
  closedOn: CalendarDate | null;
  notes: string;
  followUps: DemoFollowUp[];
}

/** 巡回指導: a 経営指導員's dated visit to a business following its plan. */
export interface DemoVisit {
  organization: OrgKey;
  person: DemoPerson;
  followUp: DemoFollowUp;
}

export interface Outcomes {
  deals: DemoDeal[];
  visits: DemoVisit[];
}

/** Where the exhibitor is from decides who follows their deals up: the city, or the council. */
const RECORDER_BY_CITY: readonly (readonly [RegExp, OrgKey])[] = [
  [/^埼玉県川口市$/u, 'kawaguchiCity'],
  [/^(東京都墨田区|長野県岡谷市|石川県加賀市|大阪府東大阪市|兵庫県尼崎市)$/u, 'council'],
];

/**
 * What staff check on a deal still in talks, in the words of its kind of deal: a loan is not a
 * prototype's evaluation, nor a succession an estimate. `satisfies` keeps a new DealType from
 * falling back on another's notes unnoticed.
 */
export const OPEN_NOTES = {
  [DealType.ORDER]: [
    '見積り提出後の状況を電話で確認する',
    '試作品の評価結果を確認する',
    '先方担当者との二回目の打合せの結果を聞く',
  ],
  [DealType.JOINT_DEVELOPMENT]: [
    '試作品の評価結果を確認する',
    '共同開発の役割分担と費用負担の協議結果を聞く',
    '補助金（ものづくり補助金等）の申請準備の状況を確認する',
  ],
  [DealType.FINANCING]: [
    '融資の審査状況を金融機関に確認する',
    '事業計画書・決算書の提出状況を確認する',
    '設備の見積書が揃ったかを確認する',
  ],
  [DealType.SUCCESSION]: [
    '譲受候補先との面談の結果を聞く',
    '事業承継・引継ぎ支援センターへの相談状況を確認する',
    '株式・事業用資産の評価の進み具合を確認する',
  ],
  [DealType.PARTNERSHIP]: [
    '提携内容を詰める打合せの結果を聞く',
    '相互の顧客紹介の進み具合を確認する',
    '先方担当者との二回目の打合せの結果を聞く',
  ],
  [DealType.HIRING]: ['採用条件のすり合わせの結果を聞く', '面接の日程と結果を確認する'],
  [DealType.OTHER]: ['先方担当者との二回目の打合せの結果を聞く'],
} satisfies Record<DealType, readonly string[]>;

/** The check on a closed deal: how it ended. */
export const CLOSING_NOTE = '商談の結果を確認する';

/** What the closing check found, by how it ended and the kind of deal. */
const WON_RESULTS: Record<DealType, readonly string[]> = {
  [DealType.ORDER]: [
    '成約を確認。初回ロットの納品も済んだとのこと。',
    '発注書の受領を確認。継続取引の見込みも聞き取った。',
    '成約を確認。次の案件の引き合いも来ている。',
  ],
  [DealType.JOINT_DEVELOPMENT]: [
    '共同開発契約の締結を確認。試作の日程も決まった。',
    '成約を確認。開発費の分担も合意済みとのこと。',
  ],
  [DealType.FINANCING]: [
    '融資の実行を確認。設備の発注も済んだとのこと。',
    '融資の承認を確認。返済計画の相談にも乗った。',
  ],
  [DealType.SUCCESSION]: ['基本合意書の締結を確認。引継ぎの日程を詰めている。'],
  [DealType.PARTNERSHIP]: [
    '業務提携契約の締結を確認。相互紹介が始まっている。',
    '成約を確認。次の案件の引き合いも来ている。',
  ],
  [DealType.HIRING]: ['採用の決定を確認。'],
  [DealType.OTHER]: ['成約を確認。'],
};

const LOST_REASONS: Record<DealType, readonly string[]> = {
  [DealType.ORDER]: [
    '価格面で折り合わず見送り。次回の展示会への出展を提案した。',
    '先方の設備更新が来年度に延期となり、今回は見送り。',
    '品質基準の要件が合わず不成立。改善点を聞き取った。',
  ],
  [DealType.JOINT_DEVELOPMENT]: [
    '開発費の分担で折り合わず見送り。補助金の活用を提案した。',
    '先方の開発計画が来年度に延期となり、今回は見送り。',
  ],
  [DealType.FINANCING]: [
    '設備投資の計画を見直すことになり、融資の申込みは見送り。',
    '自己資金で賄うことになり、今回は見送り。',
  ],
  [DealType.SUCCESSION]: ['譲渡条件が合わず見送り。ほかの候補先の紹介を続ける。'],
  [DealType.PARTNERSHIP]: ['提携の範囲で折り合わず見送り。', '先方の体制が整わず、今回は見送り。'],
  [DealType.HIRING]: ['条件が合わず見送り。'],
  [DealType.OTHER]: ['今回は見送り。'],
};

/** What the 経営指導員 found on a visit (巡回指導). */
const VISIT_RESULTS = [
  '売上は計画どおり推移。設備更新の補助金申請を次回支援する。',
  '人手不足で受注を絞っている。採用支援のセミナーを案内した。',
  'EC サイトの売上が伸びている。SNS 発信の相談を受けた。',
  '原材料高で利益率が低下。価格転嫁の進め方を助言した。',
  '後継者への引継ぎ準備を開始。事業承継セミナーを案内した。',
];

/**
 * The demo's results (実績): deals from the fair's meetings, followed up by the city or the council
 * that recorded them; introductions at the finance office's salons; and 青梅商工会議所's 巡回指導,
 * a visit every four months to the businesses of 青梅 that took part.
 */
export function planOutcomes(
  events: readonly DemoEvent[],
  registrations: readonly DemoRegistration[],
  requests: readonly DemoMeetingRequest[],
  seed: string,
): Outcomes {
  return {
    deals: [
      ...dealsFromMeetings(requests, new Random(`${seed}/deals/meetings`)),
      ...introductions(events, registrations, new Random(`${seed}/deals/salons`)),
    ],
    visits: visits(registrations, new Random(`${seed}/visits`)),
  };
}

function dealsFromMeetings(requests: readonly DemoMeetingRequest[], random: Random): DemoDeal[] {
  return requests.flatMap((request) => {
    const exhibitor = request.to;
    const visitor = request.from;
    // Officials and support staff walk the fair for others: deals are between businesses.
    if (request.meeting?.status !== MeetingStatus.HELD || !trades(visitor) || !random.chance(0.22)) return [];
    const organization =
      RECORDER_BY_CITY.find(([city]) => city.test(exhibitor.municipality))?.[1] ?? request.event.organizer;
    const type =
      visitor.kind === ParticipantKind.ACADEMIA
        ? DealType.JOINT_DEVELOPMENT
        : visitor.kind === ParticipantKind.FINANCIAL_INSTITUTION
          ? DealType.FINANCING
          : random.weighted([
              [DealType.ORDER, 7],
              [DealType.JOINT_DEVELOPMENT, 1.5],
              [DealType.PARTNERSHIP, 1.5],
            ]);
    const offer = random.pick(exhibitor.offers);
    const startedOn = startAfter(
      request.event,
      addDays(tokyoDateOf(request.meeting.startsAt), random.int(3, 21)),
    );
    if (!startedOn) return [];
    return [
      deal(random, {
        organization,
        event: request.event,
        request,
        a: exhibitor,
        b: visitor,
        type,
        title: dealTitle(type, offer),
        startedOn,
        notes: `工業交流展のブース（${request.meeting.table}）での面談から。`,
      }),
    ];
  });
}

/** One to three pairs from each of the finance office's past salons, introduced by its staff. */
function introductions(
  events: readonly DemoEvent[],
  registrations: readonly DemoRegistration[],
  random: Random,
): DemoDeal[] {
  const salons = events.filter(
    (event) =>
      event.organizer === 'financeOffice' &&
      event.status === EventStatus.CLOSED &&
      (event.kind === EventKind.SALON || event.kind === EventKind.MINI_SALON),
  );
  return salons.flatMap((event) => {
    const came = registrations
      .filter(
        (registration) => registration.event === event && registration.status === RegistrationStatus.ATTENDED,
      )
      .map((registration) => registration.person)
      .filter((person) => person.company !== null);
    const lenders = came.filter((person) => person.kind === ParticipantKind.FINANCIAL_INSTITUTION);
    const owners = came.filter(
      (person) =>
        person.kind !== ParticipantKind.FINANCIAL_INSTITUTION && person.kind !== ParticipantKind.GOVERNMENT,
    );
    const succession = event.themes.includes('事業承継');
    return random.sample(owners, random.int(1, 3)).flatMap((owner) => {
      const others = owners.filter((other) => other.company!.name !== owner.company!.name);
      const lender = lenders.length > 0 && random.chance(0.35) ? random.pick(lenders) : null;
      if (!lender && others.length === 0) return [];
      const partner = lender ?? random.pick(others);
      const type = lender ? DealType.FINANCING : succession ? DealType.SUCCESSION : DealType.PARTNERSHIP;
      const startedOn = startAfter(event, addDays(tokyoDateOf(new Date(event.startsAt)), random.int(5, 25)));
      if (!startedOn) return [];
      return [
        deal(random, {
          organization: 'financeOffice',
          event,
          request: null,
          a: partner,
          b: owner,
          type,
          title: dealTitle(type, random.pick(partner.offers.length > 0 ? partner.offers : ['販路'])),
          startedOn,
          notes: `${event.title}の交流会で紹介。`,
        }),
      ];
    });
  });
}

/**
 * The day a deal begins: the day drawn, but never past the story's day (the demo records nothing
 * after it), and after the last day of the event it came from; null when no day is left between.
 */
function startAfter(event: DemoEvent, drawn: CalendarDate): CalendarDate | null {
  const startedOn = drawn > STORY_DAY ? STORY_DAY : drawn;
  return startedOn > tokyoDateOf(new Date(event.endsAt)) ? startedOn : null;
}

function trades(person: DemoPerson): boolean {
  return (
    person.company !== null &&
    person.kind !== ParticipantKind.GOVERNMENT &&
    person.kind !== ParticipantKind.SUPPORT_AGENCY
  );
}

function dealTitle(type: DealType, offer: string): string {
  switch (type) {
    case DealType.ORDER:
      return `${offer}の受注`;
    case DealType.JOINT_DEVELOPMENT:
      return `${offer}を活かした共同開発`;
    case DealType.FINANCING:
      return '設備投資資金の融資';
    case DealType.SUCCESSION:
      return '事業の引継ぎ（第三者承継）の検討';
    default:
      return `${offer}での業務提携`;
  }
}

/**
 * A deal's stage as of the story's day: a third closed as 成約, some as 不成立, the rest still in
 * talks with a follow-up due around now (some overdue). A closed deal's last follow-up is done.
 */
function deal(
  random: Random,
  base: Omit<DemoDeal, 'recordedBy' | 'stage' | 'amountYen' | 'closedOn' | 'followUps'>,
): DemoDeal {
  const recordedBy = staffOf(base.organization);
  const closing = addDays(base.startedOn, random.int(14, 50));
  const roll = random.next();
  const stage =
    closing > STORY_DAY
      ? DealStage.NEGOTIATING
      : roll < 0.55
        ? DealStage.WON
        : roll < 0.8
          ? DealStage.LOST
          : DealStage.NEGOTIATING;
  const closedOn = stage === DealStage.NEGOTIATING ? null : closing;
  const followUp: DemoFollowUp =
    closedOn === null
      ? {
          dueOn: openCheckDue(base.startedOn, random),
          notes: random.pick(OPEN_NOTES[base.type]),
          result: '',
          doneAt: null,
          assignedTo: recordedBy,
        }
      : {
          dueOn: addDays(closedOn, -random.int(0, 7)),
          notes: CLOSING_NOTE,
          result: random.pick((stage === DealStage.WON ? WON_RESULTS : LOST_REASONS)[base.type]),
          doneAt: new Date(`${closedOn}T16:30:00+09:00`),
          assignedTo: recordedBy,
        };
  return {
    ...base,
    recordedBy,
    stage,
    amountYen: amount(base.type, random),
    closedOn,
    followUps: [followUp],
  };
}

/**
 * An open deal's check falls around the story's day (some overdue), but never on or before the day
 * the deal began: a deal started last week has its first check a week on.
 */
function openCheckDue(startedOn: CalendarDate, random: Random): CalendarDate {
  const around = addDays(STORY_DAY, random.int(-10, 30));
  const firstCheck = addDays(startedOn, 7);
  return around > firstCheck ? around : firstCheck;
}

/** 成約金額・見込額 in yen, rounded to 万円; a partnership often has none yet. */
function amount(type: DealType, random: Random): number | null {
  const man = (min: number, max: number) => random.int(min, max) * 10_000;
  switch (type) {
    case DealType.ORDER:
      return man(30, 800);
    case DealType.JOINT_DEVELOPMENT:
      return man(100, 1500);
    case DealType.FINANCING:
      return man(500, 3000);
    case DealType.SUCCESSION:
      return random.chance(0.5) ? null : man(1000, 5000);
    default:
      return random.chance(0.6) ? null : man(50, 500);
  }
}

/**
 * 青梅商工会議所's 巡回指導 of the 青梅 businesses that came to its events: every four months, the
 * visits of the year before the story's day done, the next one due.
 */
function visits(registrations: readonly DemoRegistration[], random: Random): DemoVisit[] {
  const people = [
    ...new Set(
      registrations
        .filter(
          (registration) =>
            (registration.event.organizer === 'omeCci' || registration.event.coHosts.includes('omeCci')) &&
            registration.person.company?.municipality === '東京都青梅市',
        )
        .map((registration) => registration.person),
    ),
  ];
  const assignedTo = staffOf('omeCci');
  return people.flatMap((person) => {
    const first = addDays('2026-04-06', random.int(0, 50));
    return [0, 4, 8].map((months) => {
      const dueOn = addMonths(first, months);
      const visited = addDays(dueOn, random.int(0, 6));
      const done = visited <= STORY_DAY;
      return {
        organization: 'omeCci' as const,
        person,
        followUp: {
          dueOn,
          notes: '経営計画の進捗確認（巡回指導・4か月ごと）',
          result: done ? random.pick(VISIT_RESULTS) : '',
          doneAt: done ? new Date(`${visited}T15:00:00+09:00`) : null,
          assignedTo,
        },
      };
    });
  });
}

/** The organisation's 支援担当, or its organizer where it has none. */
function staffOf(organization: OrgKey): string {
  const members = STAFF.filter((member) => member.organization === organization);
  const staff = members.find((member) => member.role === Role.STAFF) ?? members[0];
  if (!staff) throw new Error(`The demo has no staff at ${organization}`);
  return staff.email;
}
