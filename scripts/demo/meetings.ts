import { DAY_MS } from '../../src/common/japan/tokyo-day';
import { tokyoDateOf } from '../../src/common/time/calendar-date';
import { EventKind, EventStatus } from '../../src/events/event-enums';
import { MeetingRequestStatus, MeetingStatus } from '../../src/meetings/meeting-enums';
import { EventRole, RegistrationStatus } from '../../src/registrations/registration-enums';
import { DemoEvent, DemoSession, STORY_DAY_END_MS } from './events';
import { DemoPerson } from './people';
import { Random } from './random';
import { DemoRegistration } from './registrations';

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** 面談申込 as the participants made them: who asked whom, the answer, and where they met. */
export interface DemoMeetingRequest {
  event: DemoEvent;
  from: DemoPerson;
  to: DemoPerson;
  status: MeetingRequestStatus;
  message: string;
  reply: string;
  createdAt: Date;
  respondedAt: Date | null;
  /** Only for the past fair: the meeting the schedule gave it. */
  meeting: DemoMeeting | null;
}

export interface DemoMeeting {
  session: DemoSession;
  slotIndex: number;
  /** The exhibitor's booth (BOOTHS mode). */
  table: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  /** The sides who did not come (staff record them on the day). */
  absent: DemoPerson[];
  publishedAt: Date;
}

const VISIT_MESSAGES = [
  (offer: string) => `${offer}について詳しく伺いたく、ブースでの面談をお願いいたします。`,
  (offer: string) => `${offer}の実績や対応範囲、納期感をお聞きしたいです。`,
  (offer: string) => `${offer}でご協力いただける先を探しています。一度お話を伺えますか。`,
  () => '出展製品を拝見し、当社の用途に合うかご相談させてください。',
];

const SELLER_MESSAGES = [
  (need: string) => `${need}のご要望があると伺い、当社の対応範囲をご紹介させてください。`,
  () => '小ロット・短納期の案件を得意としております。20分ほどお時間をいただけますと幸いです。',
  () => '多摩地域で創業以来の取引実績があります。ご提案の機会をいただけますでしょうか。',
];

const REPLIES = [
  'ぜひお越しください。サンプルをご用意してお待ちしています。',
  '承知しました。当日お会いできるのを楽しみにしております。',
  '',
  '',
];

/**
 * The 面談申込 of the demo's two matchmaking events:
 * - the past 工業交流展, where visitors asked exhibitors for a meeting at their booth, the
 *   schedule was published a few days before, and staff recorded who came (実施・不参加あり);
 * - the coming かわせみビジネスマッチング大会, where sellers have asked buyers and some answers are
 *   still awaited: nothing is scheduled yet, so staff can run the scheduler themselves.
 */
export function planMeetingRequests(
  events: readonly DemoEvent[],
  registrations: readonly DemoRegistration[],
  seed: string,
): DemoMeetingRequest[] {
  return events.flatMap((event) => {
    const random = new Random(`${seed}/meetings/${event.key}`);
    const here = registrations.filter((registration) => registration.event === event);
    if (event.kind === EventKind.TRADE_FAIR && event.status === EventStatus.CLOSED) {
      return planBoothVisits(event, here, random);
    }
    if (event.kind === EventKind.BUSINESS_MATCHING) return planSellerRequests(event, here, random);
    return [];
  });
}

function planBoothVisits(
  event: DemoEvent,
  registrations: readonly DemoRegistration[],
  random: Random,
): DemoMeetingRequest[] {
  const exhibitors = registrations.filter(
    (registration) => registration.role === EventRole.EXHIBITOR && registration.person.consentMatchmaking,
  );
  const visitors = registrations.filter(
    (registration) =>
      registration.role === EventRole.VISITOR &&
      registration.person.consentMatchmaking &&
      (registration.status === RegistrationStatus.ATTENDED ||
        registration.status === RegistrationStatus.NO_SHOW),
  );
  const starts = new Date(event.startsAt).getTime();
  const requests: DemoMeetingRequest[] = [];
  for (const visitor of visitors) {
    const chosen = mostRelevant(
      visitor.person.needs,
      exhibitors,
      (exhibitor) => exhibitor.person.offers,
      random,
    ).slice(0, random.int(1, 4));
    for (const exhibitor of chosen) {
      const createdAt = askedAt(visitor, exhibitor, starts - DAY_MS, random);
      const status = random.weighted([
        [MeetingRequestStatus.ACCEPTED, 80],
        [MeetingRequestStatus.DECLINED, 12],
        [MeetingRequestStatus.EXPIRED, 8],
      ]);
      requests.push({
        event,
        from: visitor.person,
        to: exhibitor.person,
        status,
        message: random.pick(VISIT_MESSAGES)(random.pick(exhibitor.person.offers)),
        reply: status === MeetingRequestStatus.ACCEPTED ? random.pick(REPLIES) : '',
        createdAt,
        respondedAt:
          status === MeetingRequestStatus.EXPIRED
            ? null
            : new Date(createdAt.getTime() + random.int(2, 60) * HOUR_MS),
        meeting: null,
      });
    }
  }
  placeAtBooths(event, requests, registrations, random);
  return requests;
}

/**
 * Places the agreed visits first come, first served: on the day the visitor came (the fair runs
 * two days, one booth session each), in the earliest slot where both the booth and the visitor are
 * free. A visitor recorded 欠席 missed every meeting; a few who came missed one.
 */
function placeAtBooths(
  event: DemoEvent,
  requests: DemoMeetingRequest[],
  registrations: readonly DemoRegistration[],
  random: Random,
): void {
  const registrationOf = new Map(registrations.map((registration) => [registration.person, registration]));
  const boothOf = (person: DemoPerson) => registrationOf.get(person)!.booth!;
  const busy = new Set<string>();
  const publishedAt = new Date(new Date(event.startsAt).getTime() - 5 * DAY_MS);
  const agreed = requests
    .filter((request) => request.status === MeetingRequestStatus.ACCEPTED)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const request of agreed) {
    const visitor = registrationOf.get(request.from)!;
    const day = visitDay(event, visitor, random);
    const sessions = [...event.sessions].sort(
      (a, b) => Number(sameDay(b.startsAt, day)) - Number(sameDay(a.startsAt, day)),
    );
    const booth = boothOf(request.to);
    const place = sessions
      .flatMap((session) => [...Array(session.slotCount).keys()].map((slotIndex) => ({ session, slotIndex })))
      .find(
        ({ session, slotIndex }) =>
          !busy.has(`${session.name}/${slotIndex}/${booth}`) &&
          !busy.has(`${session.name}/${slotIndex}/${request.from.email}`),
      );
    if (!place) continue;
    busy.add(`${place.session.name}/${place.slotIndex}/${booth}`);
    busy.add(`${place.session.name}/${place.slotIndex}/${request.from.email}`);
    const startsAt = new Date(
      new Date(place.session.startsAt).getTime() + place.slotIndex * place.session.slotMinutes * MINUTE_MS,
    );
    const missed = visitor.status === RegistrationStatus.NO_SHOW || random.chance(0.04);
    request.meeting = {
      session: place.session,
      slotIndex: place.slotIndex,
      table: booth,
      startsAt,
      endsAt: new Date(startsAt.getTime() + place.session.slotMinutes * MINUTE_MS),
      status: missed ? MeetingStatus.NO_SHOW : MeetingStatus.HELD,
      absent: missed ? [request.from] : [],
      publishedAt,
    };
  }
}

/** Sellers ask two to four buyers each, those whose needs their offers answer first. */
function planSellerRequests(
  event: DemoEvent,
  registrations: readonly DemoRegistration[],
  random: Random,
): DemoMeetingRequest[] {
  const seated = registrations.filter(
    (registration) => registration.status === RegistrationStatus.REGISTERED,
  );
  const buyers = seated.filter((registration) => registration.role === EventRole.BUYER);
  const sellers = seated.filter((registration) => registration.role === EventRole.SELLER);
  const starts = new Date(event.startsAt).getTime();
  return sellers.flatMap((seller) =>
    mostRelevant(seller.person.offers, buyers, (buyer) => buyer.person.needs, random)
      .slice(0, random.int(2, 4))
      .map((buyer) => {
        const createdAt = askedAt(seller, buyer, Math.min(starts - 3 * DAY_MS, STORY_DAY_END_MS), random);
        const status = random.weighted([
          [MeetingRequestStatus.ACCEPTED, 65],
          [MeetingRequestStatus.PENDING, 25],
          [MeetingRequestStatus.DECLINED, 10],
        ]);
        const answered = status !== MeetingRequestStatus.PENDING;
        return {
          event,
          from: seller.person,
          to: buyer.person,
          status,
          message: random.pick(SELLER_MESSAGES)(
            random.pick(buyer.person.needs.length > 0 ? buyer.person.needs : ['部品調達']),
          ),
          reply: status === MeetingRequestStatus.ACCEPTED ? random.pick(REPLIES) : '',
          createdAt,
          respondedAt: answered
            ? new Date(Math.min(createdAt.getTime() + random.int(3, 72) * HOUR_MS, STORY_DAY_END_MS))
            : null,
          meeting: null,
        };
      }),
  );
}

/** Candidates ranked by how many of `wanted` they offer, with a little noise; everyone has a chance. */
function mostRelevant(
  wanted: readonly string[],
  candidates: readonly DemoRegistration[],
  offered: (candidate: DemoRegistration) => readonly string[],
  random: Random,
): DemoRegistration[] {
  return candidates
    .map((candidate) => ({
      candidate,
      score: 2 * offered(candidate).filter((tag) => wanted.includes(tag)).length + 1.5 * random.next(),
    }))
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.candidate);
}

/** After both had registered, and at the latest by `deadline`. */
function askedAt(from: DemoRegistration, to: DemoRegistration, deadline: number, random: Random): Date {
  const registered = Math.max(from.registeredAt?.getTime() ?? 0, to.registeredAt?.getTime() ?? 0);
  return new Date(Math.min(deadline, registered + random.int(6, 120) * HOUR_MS));
}

/** The day (ISO date, Tokyo) the visitor came, or would have come. */
function visitDay(event: DemoEvent, visitor: DemoRegistration, random: Random): string {
  if (visitor.checkedInAt) return tokyoDateOf(visitor.checkedInAt);
  return tokyoDateOf(new Date(random.chance(0.5) ? event.startsAt : event.endsAt));
}

function sameDay(iso: string, day: string): boolean {
  return tokyoDateOf(new Date(iso)) === day;
}
