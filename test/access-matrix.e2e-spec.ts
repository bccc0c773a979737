import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/actor';
import { agendaVersion } from '../src/meetings/agenda-changes';
import { eventually } from './support/eventually';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
  tokyoInDays,
} from './support/fixtures';
import { createTestApp, failure, ok, TestApp } from './support/test-app';

/**
 * Every GraphQL operation and every URL, called by the three outsiders the rules must keep out of
 * the first organisation's affairs: a participant (registered at its event, but party to none of
 * the other participants' requests, meetings, suggestions or deals), the organizer of another
 * organisation, and someone with no session. Each is called with real ids of the first
 * organisation's rows. Deny by default means the expected answer is a refusal unless the SPEC says
 * otherwise: the shared calendar and an event's public page are open to all; the participant pool
 * (and so a participant's no-show history) is shared by every organisation's staff; participants
 * act on their own things; the pages behind email links take the link's token as the credential.
 * The operations are read from the schema and the routes from the HTTP server, so one added without
 * a row here fails the test.
 */
type Outcome = 'OK' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'BAD_USER_INPUT';
type Outsider = 'participant' | 'otherOrganizer' | 'anonymous';
type Expected = Record<Outsider, Outcome>;
type Ids = Record<string, string>;

const OUTSIDERS: Outsider[] = ['participant', 'otherOrganizer', 'anonymous'];
const outcomes = (participant: Outcome, otherOrganizer: Outcome, anonymous: Outcome): Expected => ({
  participant,
  otherOrganizer,
  anonymous,
});
/** The first organisation's staff only. */
const ITS_STAFF = outcomes('FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED');
/** Any organisation's staff: the shared participant pool, or each organisation's own list. */
const ANY_STAFF = outcomes('FORBIDDEN', 'OK', 'UNAUTHENTICATED');
/** A signed-in participant, on their own things. */
const PARTICIPANT_SELF = outcomes('OK', 'FORBIDDEN', 'UNAUTHENTICATED');
const SIGNED_IN = outcomes('OK', 'OK', 'UNAUTHENTICATED');
const ANYONE = outcomes('OK', 'OK', 'OK');
/** Public, with the email's token as the credential: a made-up one opens nothing, for anyone. */
const BAD_TOKEN = outcomes('BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT');

const FAKE_TOKEN = 'x'.repeat(43);
/** The version of an agenda with nothing on it: the outsider participant's at the event. */
const EMPTY_AGENDA = agendaVersion({ meetings: [], unscheduled: [] });
/** A Tokyo calendar day `days` from today, YYYY-MM-DD. */
const day = (days: number) => tokyoInDays(days, '00:00').slice(0, 10);
const CALENDAR = { from: day(-30), to: day(300) };

/** [operation, on what, GraphQL, its variables from the first organisation's ids, outcome per outsider] */
type Case = [string, string, string, (ids: Ids) => Record<string, unknown>, Expected];

// One row per operation and line, so the matrix reads as a table.
// prettier-ignore
const cases: Case[] = [
  ['login', 'a wrong password', 'mutation($e: String!) { login(email: $e, password: "wrong password!!") { token } }', (ids) => ({ e: ids.organizerEmail }), outcomes('UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED')],
  ['requestMagicLink', "A's email", 'mutation($e: String!) { requestMagicLink(email: $e) }', (ids) => ({ e: ids.aEmail }), ANYONE],
  ['redeemMagicLink', 'a made-up token', 'mutation($t: String!) { redeemMagicLink(token: $t) { token } }', () => ({ t: FAKE_TOKEN }), BAD_TOKEN],
  ['me', 'themself', '{ me { role } }', () => ({}), SIGNED_IN],
  ['requestPasswordReset', "the organizer's email", 'mutation($e: String!) { requestPasswordReset(email: $e) }', (ids) => ({ e: ids.organizerEmail }), ANYONE],
  ['resetPassword', 'a made-up token', 'mutation($t: String!) { resetPassword(token: $t, newPassword: "long-enough-password") }', () => ({ t: FAKE_TOKEN }), BAD_TOKEN],
  ['changeMyPassword', 'a wrong current password', 'mutation { changeMyPassword(currentPassword: "wrong password!!", newPassword: "long-enough-password") { token } }', () => ({}), outcomes('FORBIDDEN', 'BAD_USER_INPUT', 'UNAUTHENTICATED')],

  ['createOrganization', 'a new one', 'mutation { createOrganization(input: { name: "x", kind: OTHER, municipality: "東京都港区" }) { id } }', () => ({}), ITS_STAFF],
  ['updateOrganizationContact', 'the organisation', 'mutation($id: ID!) { updateOrganizationContact(id: $id, input: { contactPhone: "03-9999-9999" }) { id } }', (ids) => ({ id: ids.org }), ITS_STAFF],
  ['organizations', 'the list', '{ organizations { id } }', () => ({}), ANY_STAFF],
  ['createStaffUser', 'in the organisation', 'mutation($org: ID) { createStaffUser(input: { email: "x@example.jp", name: "x", password: "long-enough-password", role: STAFF, organizationId: $org }) { id } }', (ids) => ({ org: ids.org }), ITS_STAFF],
  ['staffUsers', "the organisation's accounts", 'query($o: ID) { staffUsers(organizationId: $o) { totalCount } }', (ids) => ({ o: ids.org }), ITS_STAFF],
  ['staffUsers', 'their own list', '{ staffUsers { totalCount } }', () => ({}), ANY_STAFF],
  ['deactivateStaffUser', "the organisation's 支援担当", 'mutation($id: ID!) { deactivateStaffUser(id: $id) { id } }', (ids) => ({ id: ids.staffUser }), ITS_STAFF],
  ['reactivateStaffUser', "the organisation's 支援担当", 'mutation($id: ID!) { reactivateStaffUser(id: $id) { id } }', (ids) => ({ id: ids.staffUser }), ITS_STAFF],
  ['updateStaffUser', "the organisation's 支援担当's name", 'mutation($id: ID!) { updateStaffUser(id: $id, input: { name: "別人" }) { id } }', (ids) => ({ id: ids.staffUser }), ITS_STAFF],
  ['updateStaffUser', "the organisation's 支援担当's login address", 'mutation($id: ID!) { updateStaffUser(id: $id, input: { email: "shido.moved@sumida.example.jp" }) { id pendingEmail } }', (ids) => ({ id: ids.staffUser }), ITS_STAFF],
  ['changeStaffRole', "the organisation's 支援担当, to 主催者", 'mutation($id: ID!) { changeStaffRole(id: $id, role: ORGANIZER) { id } }', (ids) => ({ id: ids.staffUser }), ITS_STAFF],

  ['upsertParticipant', 'a new person', 'mutation { upsertParticipant(input: { email: "y@example.jp", name: "y", furigana: "ワイ" }) { id } }', () => ({}), ANY_STAFF],
  ['importParticipants', 'an empty list', 'mutation { importParticipants(csv: "email,name,furigana\\n") { created } }', () => ({}), ANY_STAFF],
  ['requestEmailChange', 'their own address', 'mutation { requestEmailChange(email: "moving@example.jp") }', () => ({}), PARTICIPANT_SELF],
  ['updateMyProfile', 'themself', 'mutation { updateMyProfile(input: { title: "代表" }) { id } }', () => ({}), PARTICIPANT_SELF],
  ['participant', "A's public profile", 'query($id: ID!) { participant(id: $id) { id } }', (ids) => ({ id: ids.a }), SIGNED_IN],
  ['participants', 'the shared pool', '{ participants { totalCount } }', () => ({}), ANY_STAFF],
  ['exportMyData', 'themself', '{ exportMyData { json } }', () => ({}), PARTICIPANT_SELF],
  ['eraseParticipant', 'A', 'mutation($id: ID!) { eraseParticipant(id: $id) { participantId } }', (ids) => ({ id: ids.a }), ITS_STAFF],

  ['createEvent', 'for their own organisation', 'mutation { createEvent(input: { kind: SALON, title: "x", venue: "x", startsAt: "2027-01-10T10:00", endsAt: "2027-01-10T12:00" }) { id } }', () => ({}), ANY_STAFF],
  ['updateEvent', 'the event', 'mutation($id: ID!) { updateEvent(id: $id, input: { title: "乗っ取り" }) { id } }', (ids) => ({ id: ids.event }), ITS_STAFF],
  ['publishEvent', 'the draft', 'mutation($id: ID!) { publishEvent(id: $id) { id } }', (ids) => ({ id: ids.draft }), outcomes('FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED')],
  ['closeEvent', 'the event', 'mutation($id: ID!) { closeEvent(id: $id) { id } }', (ids) => ({ id: ids.event }), ITS_STAFF],
  ['cancelEvent', 'the event', 'mutation($id: ID!) { cancelEvent(id: $id) { id } }', (ids) => ({ id: ids.event }), ITS_STAFF],
  ['addMatchmakingSession', 'to the event', `mutation($id: ID!) { addMatchmakingSession(input: { eventId: $id, startsAt: "${tokyoInDays(14, '19:40')}", slotMinutes: 10, slotCount: 2, tableCount: 5 }) { id } }`, (ids) => ({ id: ids.event }), ITS_STAFF],
  ['removeMatchmakingSession', 'the session', 'mutation($id: ID!) { removeMatchmakingSession(id: $id) { id } }', (ids) => ({ id: ids.session }), ITS_STAFF],
  ['revertToNoMatchmakingSessions', 'the event', 'mutation($id: ID!) { revertToNoMatchmakingSessions(eventId: $id) { id } }', (ids) => ({ id: ids.event }), ITS_STAFF],
  ['event', 'the published event', 'query($id: ID!) { event(id: $id) { id } }', (ids) => ({ id: ids.event }), SIGNED_IN],
  ['event', 'the draft', 'query($id: ID!) { event(id: $id) { id } }', (ids) => ({ id: ids.draft }), outcomes('NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED')],
  ['events', 'their own list', '{ events { totalCount } }', () => ({}), SIGNED_IN],
  ['eventCalendar', 'the shared calendar', 'query($from: DateTime!, $to: DateTime!) { eventCalendar(from: $from, to: $to) { id } }', () => CALENDAR, ANYONE],

  ['register', 'D, someone else', 'mutation($e: ID!, $p: ID) { register(eventId: $e, participantId: $p) { id } }', (ids) => ({ e: ids.event, p: ids.d }), ITS_STAFF],
  // An event the caller may not see is one that does not exist (as `event` answers), whatever they ask of it.
  ['register', 'themself, at the draft', 'mutation($e: ID!) { register(eventId: $e) { id } }', (ids) => ({ e: ids.draft }), outcomes('NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED')],
  ['register', 'themself, at the invite-only event', 'mutation($e: ID!) { register(eventId: $e) { id } }', (ids) => ({ e: ids.inviteOnly }), outcomes('NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED')],
  ['register', 'D, at the draft', 'mutation($e: ID!, $p: ID) { register(eventId: $e, participantId: $p) { id } }', (ids) => ({ e: ids.draft, p: ids.d }), outcomes('FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED')],
  ['cancelRegistration', "A's registration", 'mutation($id: ID!) { cancelRegistration(id: $id) { id } }', (ids) => ({ id: ids.aRegistration }), ITS_STAFF],
  ['updateRegistration', "A's registration, to BUYER", 'mutation($id: ID!) { updateRegistration(id: $id, input: { role: BUYER }) { id } }', (ids) => ({ id: ids.aRegistration }), ITS_STAFF],
  ['updateRegistrationsFromCsv', 'of the event, from a list of no one', 'mutation($e: ID!) { updateRegistrationsFromCsv(eventId: $e, csv: "email,booth\\n") { updated } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['checkIn', "A's registration", 'mutation($id: ID!) { checkIn(registrationId: $id) { id } }', (ids) => ({ id: ids.aRegistration }), ITS_STAFF],
  ['markAbsent', "A's registration", 'mutation($id: ID!) { markAbsent(registrationId: $id) { id } }', (ids) => ({ id: ids.aRegistration }), ITS_STAFF],
  ['registrations', 'of the draft', 'query($id: ID!) { registrations(eventId: $id) { totalCount } }', (ids) => ({ id: ids.draft }), outcomes('FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED')],
  ['registrations', 'of the event', 'query($id: ID!) { registrations(eventId: $id) { totalCount } }', (ids) => ({ id: ids.event }), ITS_STAFF],
  ['myRegistrations', 'their own', '{ myRegistrations { id } }', () => ({}), PARTICIPANT_SELF],
  ['inviteParticipants', 'D to the event', 'mutation($e: ID!, $p: ID!) { inviteParticipants(eventId: $e, participantIds: [$p]) { id } }', (ids) => ({ e: ids.event, p: ids.d }), ITS_STAFF],
  ['invitationCampaign', "the event's campaign", 'query($id: ID!) { invitationCampaign(id: $id) { id } }', (ids) => ({ id: ids.campaign }), ITS_STAFF],
  ['respondToInvitation', 'a made-up token', 'mutation($t: String!) { respondToInvitation(token: $t, accept: true) { status } }', () => ({ t: FAKE_TOKEN }), BAD_TOKEN],

  ['outboxMessages', 'of the event', 'query($e: ID!) { outboxMessages(eventId: $e) { totalCount } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['emailProgress', "the schedule's emails", 'query($e: ID!, $b: ID!) { emailProgress(eventId: $e, batchId: $b) { total } }', (ids) => ({ e: ids.event, b: ids.agendaBatch }), ITS_STAFF],
  ['changeParticipantEmail', "D's address", 'mutation($p: ID!) { changeParticipantEmail(participantId: $p, email: "d-moved@example.jp") { resentEmails } }', (ids) => ({ p: ids.d }), ANY_STAFF],
  ['unsuppressParticipantEmail', "D's address", 'mutation($p: ID!) { unsuppressParticipantEmail(participantId: $p) { resentEmails } }', (ids) => ({ p: ids.d }), ANY_STAFF],
  ['mergeParticipants', "D's twin into D", 'mutation($p: ID!, $d: ID!) { mergeParticipants(participantId: $p, duplicateId: $d) { emailsMoved } }', (ids) => ({ p: ids.d, d: ids.twin }), ANY_STAFF],
  ['duplicateCandidates', "the shared pool's", '{ duplicateCandidates { totalCount } }', () => ({}), ANY_STAFF],
  ['markDistinctParticipants', 'A and B as two people', 'mutation($p: ID!, $o: ID!) { markDistinctParticipants(participantId: $p, otherId: $o) }', (ids) => ({ p: ids.a, o: ids.b }), ANY_STAFF],
  ['resendFailedEmails', "the event's failed emails", 'mutation($e: ID!) { resendFailedEmails(eventId: $e) }', (ids) => ({ e: ids.event }), ITS_STAFF],

  ['runMatching', 'for the event', 'mutation($e: ID!) { runMatching(eventId: $e) { id } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['matchingRun', "the event's run", 'query($id: ID!) { matchingRun(id: $id) { id } }', (ids) => ({ id: ids.matchingRun }), ITS_STAFF],
  ['updateMatchingSettings', 'of the event', 'mutation($e: ID!) { updateMatchingSettings(eventId: $e, input: { crossIndustryBonus: 0.9 }) { crossIndustryBonus } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['mySuggestions', 'their own at the event', 'query($e: ID!) { mySuggestions(eventId: $e) { id } }', (ids) => ({ e: ids.event }), PARTICIPANT_SELF],
  ['suggestionsFor', "A's", 'query($e: ID!, $p: ID!) { suggestionsFor(eventId: $e, participantId: $p) { id } }', (ids) => ({ e: ids.event, p: ids.a }), ITS_STAFF],
  ['participantsWithoutSuggestions', 'of the event', 'query($e: ID!) { participantsWithoutSuggestions(eventId: $e) { reason } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['dismissSuggestion', "one of A's", 'mutation($id: ID!) { dismissSuggestion(id: $id) { id } }', (ids) => ({ id: ids.aSuggestion }), ITS_STAFF],
  ['sendSuggestionDigests', 'for the event', 'mutation($e: ID!) { sendSuggestionDigests(eventId: $e) { queued } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['recommendInvitees', 'for the event', 'query($e: ID!) { recommendInvitees(eventId: $e) { score } }', (ids) => ({ e: ids.event }), ITS_STAFF],

  ['requestMeeting', 'B, at an event they are not registered for', 'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p) { id } }', (ids) => ({ e: ids.otherEvent, p: ids.b }), ITS_STAFF],
  ['respondToMeetingRequest', "A's request to C", 'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', (ids) => ({ id: ids.pendingRequest }), ITS_STAFF],
  ['cancelMeetingRequest', "A and B's agreed request", 'mutation($id: ID!) { cancelMeetingRequest(id: $id) { id } }', (ids) => ({ id: ids.acceptedRequest }), ITS_STAFF],
  ['myMeetingRequests', 'their own at the event', 'query($e: ID!) { myMeetingRequests(eventId: $e) { id } }', (ids) => ({ e: ids.event }), PARTICIPANT_SELF],
  ['meetingRequests', 'of the event', 'query($e: ID!) { meetingRequests(eventId: $e) { totalCount } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['meetings', 'of the event', 'query($e: ID!) { meetings(eventId: $e) { totalCount } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['meeting', "A and B's", 'query($id: ID!) { meeting(id: $id) { id } }', (ids) => ({ id: ids.meeting }), ITS_STAFF],
  ['cancelMeeting', "A and B's", 'mutation($id: ID!) { cancelMeeting(id: $id) { id } }', (ids) => ({ id: ids.meeting }), ITS_STAFF],
  ['placeMeeting', "A and B's request", 'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 1, table: "2") { id } }', (ids) => ({ r: ids.acceptedRequest, s: ids.session }), ITS_STAFF],
  ['moveMeeting', "A and B's", 'mutation($id: ID!, $s: ID!) { moveMeeting(id: $id, sessionId: $s, slotIndex: 2, table: "3") { id } }', (ids) => ({ id: ids.meeting, s: ids.session }), ITS_STAFF],
  ['markMeetingHeld', "A and B's", 'mutation($id: ID!) { markMeetingHeld(id: $id) { id } }', (ids) => ({ id: ids.meeting }), ITS_STAFF],
  ['markNoShow', "A and B's, A missing", 'mutation($id: ID!, $p: ID!) { markNoShow(id: $id, participantId: $p) { id } }', (ids) => ({ id: ids.meeting, p: ids.a }), ITS_STAFF],
  ['noShowHistory', "A's, from the shared pool", 'query($p: ID!) { noShowHistory(participantId: $p) { noShowCount } }', (ids) => ({ p: ids.a }), ANY_STAFF],
  ['meetingSettings', 'of the event', 'query($e: ID!) { meetingSettings(eventId: $e) { acceptanceMode } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['updateMeetingSettings', 'of the event', 'mutation($e: ID!) { updateMeetingSettings(eventId: $e, input: { maxRequestsPerParticipant: 1 }) { acceptanceMode } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['myAgenda', 'their own at the event', 'query($e: ID!) { myAgenda(eventId: $e) { meetings { id } } }', (ids) => ({ e: ids.event }), PARTICIPANT_SELF],
  ['markAgendaSeen', 'their own at the event', 'mutation($e: ID!, $v: String!) { markAgendaSeen(eventId: $e, version: $v) { version } }', (ids) => ({ e: ids.event, v: EMPTY_AGENDA }), PARTICIPANT_SELF],
  ['sendAgendaAgain', "A's, at the event", 'mutation($e: ID!, $p: ID!) { sendAgendaAgain(eventId: $e, participantId: $p) }', (ids) => ({ e: ids.event, p: ids.a }), ITS_STAFF],
  ['publishSchedule', 'of the event', 'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['scheduleMeetings', 'for the event', 'mutation($e: ID!) { scheduleMeetings(eventId: $e) { id } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['schedulingRun', "the event's run", 'query($id: ID!) { schedulingRun(id: $id) { id } }', (ids) => ({ id: ids.schedulingRun }), ITS_STAFF],

  ['recordDeal', 'at the event, between A and B', 'mutation($e: ID!, $a: ID!, $b: ID!) { recordDeal(input: { eventId: $e, participantAId: $a, participantBId: $b, type: ORDER, title: "横取り" }) { id } }', (ids) => ({ e: ids.event, a: ids.a, b: ids.b }), ITS_STAFF],
  ['recordDeal', 'at the draft, between A and B', 'mutation($e: ID!, $a: ID!, $b: ID!) { recordDeal(input: { eventId: $e, participantAId: $a, participantBId: $b, type: ORDER, title: "横取り" }) { id } }', (ids) => ({ e: ids.draft, a: ids.a, b: ids.b }), outcomes('FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED')],
  ['recordDeal', "from A and B's meeting", 'mutation($m: ID!) { recordDeal(input: { meetingId: $m, type: ORDER, title: "横取り" }) { id } }', (ids) => ({ m: ids.meeting }), ITS_STAFF],
  ['updateDeal', "the organisation's deal", 'mutation($id: ID!) { updateDeal(id: $id, input: { stage: LOST }) { id } }', (ids) => ({ id: ids.deal }), ITS_STAFF],
  ['updateDeal', "the organisation's deal, with the reason an ended year asks for", 'mutation($id: ID!) { updateDeal(id: $id, input: { notes: "x", reason: "訂正" }) { id } }', (ids) => ({ id: ids.deal }), ITS_STAFF],
  ['deleteDeal', "the organisation's deal", 'mutation($id: ID!) { deleteDeal(id: $id) { id } }', (ids) => ({ id: ids.deal }), ITS_STAFF],
  ['deleteDeal', "the organisation's deal, with the reason an ended year asks for", 'mutation($id: ID!) { deleteDeal(id: $id, reason: "二重登録") { id } }', (ids) => ({ id: ids.deal }), ITS_STAFF],
  ['deleteDeal', "the organisation's deal, its follow-ups moved to the copy kept", 'mutation($id: ID!, $to: ID) { deleteDeal(id: $id, reason: "二重登録", moveFollowUpsTo: $to) { id followUpsMoved } }', (ids) => ({ id: ids.deal, to: ids.dealCopy }), ITS_STAFF],
  ['deal', "the organisation's deal", 'query($id: ID!) { deal(id: $id) { id } }', (ids) => ({ id: ids.deal }), ITS_STAFF],
  ['deals', 'their own list', '{ deals { totalCount } }', () => ({}), ANY_STAFF],
  ['scheduleFollowUp', "on the organisation's deal", 'mutation($d: ID!, $due: String!) { scheduleFollowUp(input: { dealId: $d, dueOn: $due }) { id } }', (ids) => ({ d: ids.deal, due: day(60) }), ITS_STAFF],
  ['reassignFollowUp', "the organisation's follow-up, to its 支援担当", 'mutation($id: ID!, $to: ID!) { reassignFollowUp(id: $id, assignedToId: $to) { id } }', (ids) => ({ id: ids.followUp, to: ids.staffUser }), ITS_STAFF],
  ['handOverFollowUps', "the organizer's follow-ups, to its 支援担当", 'mutation($from: ID!, $to: ID!) { handOverFollowUps(fromUserId: $from, toUserId: $to) }', (ids) => ({ from: ids.organizerUser, to: ids.staffUser }), ITS_STAFF],
  ['completeFollowUp', "the organisation's follow-up", 'mutation($id: ID!) { completeFollowUp(id: $id, result: "x") { completed { id } } }', (ids) => ({ id: ids.followUp }), ITS_STAFF],
  ['cancelFollowUp', "the organisation's follow-up", 'mutation($id: ID!) { cancelFollowUp(id: $id) { id } }', (ids) => ({ id: ids.followUp }), ITS_STAFF],
  ['followUpsDue', 'their own list', '{ followUpsDue(before: "2030-01-01") { totalCount } }', () => ({}), ANY_STAFF],
  ['followUpsDone', 'their own list', '{ followUpsDone(fiscalYear: 2026) { totalCount } }', () => ({}), ANY_STAFF],

  ['sendSurvey', 'for the event', 'mutation($e: ID!) { sendSurvey(eventId: $e) { queued } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['submitSurvey', 'a made-up token', 'mutation($t: String!) { submitSurvey(token: $t, input: { gainedOpportunities: true, satisfaction: 5 }) { updated } }', () => ({ t: FAKE_TOKEN }), BAD_TOKEN],
  ['surveyResults', 'of the event', 'query($e: ID!) { surveyResults(eventId: $e) { responses } }', (ids) => ({ e: ids.event }), ITS_STAFF],

  ['requestMiniSalon', 'of the organisation', `mutation($o: ID!) { requestMiniSalon(input: { organizationId: $o, theme: "DX", area: "東京都墨田区", preferredFrom: "${day(30)}", preferredTo: "${day(60)}", expectedParticipants: 8 }) { id } }`, (ids) => ({ o: ids.org }), PARTICIPANT_SELF],
  ['miniSalonRequests', 'their own list', '{ miniSalonRequests { totalCount } }', () => ({}), SIGNED_IN],
  ['acceptMiniSalonRequest', "A's request", `mutation($id: ID!) { acceptMiniSalonRequest(id: $id, input: { startsAt: "${tokyoInDays(40, '18:00')}", endsAt: "${tokyoInDays(40, '20:00')}" }) { id } }`, (ids) => ({ id: ids.miniSalon }), ITS_STAFF],
  ['declineMiniSalonRequest', "A's request", 'mutation($id: ID!) { declineMiniSalonRequest(id: $id, reason: "見送り") { id } }', (ids) => ({ id: ids.miniSalon }), ITS_STAFF],
  ['withdrawMiniSalonRequest', "A's request", 'mutation($id: ID!) { withdrawMiniSalonRequest(id: $id) { id } }', (ids) => ({ id: ids.miniSalon }), ITS_STAFF],

  ['eventReport', 'of the event', 'query($e: ID!) { eventReport(eventId: $e) { __typename } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['eventReport', "the event's deals deleted after its year ended, and why", 'query($e: ID!) { eventReport(eventId: $e) { dealsDeletedAfterYearEnd { deals deletions { title reason deletedByName } } } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['eventReport', "the event's deals changed after its year ended, and why", 'query($e: ID!) { eventReport(eventId: $e) { dealsChangedAfterYearEnd { count changes { title reason changedByName before { stage } after { stage } } } } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['eventReport', "the event's deals recorded into an ended year after it ended, and why", 'query($e: ID!) { eventReport(eventId: $e) { dealsAddedAfterYearEnd { deals additions { title reason addedByName stage } } } }', (ids) => ({ e: ids.event }), ITS_STAFF],
  ['fiscalYearReport', 'of the organisation', 'query($o: ID!) { fiscalYearReport(organizationId: $o, fiscalYear: 2026) { fiscalYear } }', (ids) => ({ o: ids.org }), ITS_STAFF],
  ['fiscalYearReport', "the organisation's deals deleted after an ended year, and why", 'query($o: ID!) { fiscalYearReport(organizationId: $o, fiscalYear: 2025) { dealsDeletedAfterYearEnd { deals deletions { title reason deletedByName } } } }', (ids) => ({ o: ids.org }), ITS_STAFF],
  ['fiscalYearReport', "the organisation's deals changed after an ended year, and why", 'query($o: ID!) { fiscalYearReport(organizationId: $o, fiscalYear: 2025) { dealsChangedAfterYearEnd { count changes { title reason changedByName before { stage } after { stage } } } } }', (ids) => ({ o: ids.org }), ITS_STAFF],
  ['fiscalYearReport', "the organisation's deals recorded into an ended year after it ended, and why", 'query($o: ID!) { fiscalYearReport(organizationId: $o, fiscalYear: 2025) { dealsAddedAfterYearEnd { deals additions { title reason addedByName stage } } } }', (ids) => ({ o: ids.org }), ITS_STAFF],
  ['setFiscalYearTargets', 'of the organisation', 'mutation($o: ID!) { setFiscalYearTargets(organizationId: $o, fiscalYear: 2026, targets: [{ metric: DEALS_WON, target: 99 }]) { fiscalYear } }', (ids) => ({ o: ids.org }), ITS_STAFF],
];

type Statuses = Record<Outsider, number>;
const statuses = (participant: number, otherOrganizer: number, anonymous: number): Statuses => ({
  participant,
  otherOrganizer,
  anonymous,
});
const ITS_STAFF_URL = statuses(403, 403, 401);
const ANY_STAFF_URL = statuses(403, 200, 401);
const OPEN_URL = statuses(200, 200, 200);
const NOT_FOUND_URL = statuses(404, 404, 404);
/** The pages behind email links, given a made-up token (a POST sends it in the form). */
const BAD_TOKEN_PAGE = statuses(400, 400, 400);

/** [route as the server declares it, on what, method, path with the first organisation's ids, status per outsider] */
type UrlCase = [string, string, 'GET' | 'POST', (ids: Ids) => string, Statuses];

// prettier-ignore
const urls: UrlCase[] = [
  ['GET /exports/events/:eventId/registrations.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/registrations.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/registrations.csv', 'of the draft', 'GET', (ids) => `/exports/events/${ids.draft}/registrations.csv`, statuses(403, 404, 401)],
  ['GET /exports/events/:eventId/meetings.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/meetings.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/meeting-requests.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/meeting-requests.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/suggestions.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/suggestions.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/participants-without-suggestions.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/participants-without-suggestions.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/invitee-recommendations.csv', 'for the event', 'GET', (ids) => `/exports/events/${ids.event}/invitee-recommendations.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/emails.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/emails.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/survey.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/survey.csv`, ITS_STAFF_URL],
  ['GET /exports/events/:eventId/report.csv', 'of the event', 'GET', (ids) => `/exports/events/${ids.event}/report.csv`, ITS_STAFF_URL],
  ['GET /exports/reports/fiscal-year.csv', 'of the organisation', 'GET', (ids) => `/exports/reports/fiscal-year.csv?organizationId=${ids.org}&fiscalYear=2026`, ITS_STAFF_URL],
  ['GET /exports/scheduling-runs/:runId/unscheduled.csv', "of the event's run", 'GET', (ids) => `/exports/scheduling-runs/${ids.schedulingRun}/unscheduled.csv`, ITS_STAFF_URL],
  ['GET /exports/participants/:participantId/no-shows.csv', "A's, from the shared pool", 'GET', (ids) => `/exports/participants/${ids.a}/no-shows.csv`, ANY_STAFF_URL],
  ['GET /exports/deals.csv', 'their own list', 'GET', () => '/exports/deals.csv', ANY_STAFF_URL],
  ['GET /exports/follow-ups.csv', 'their own list', 'GET', () => '/exports/follow-ups.csv?before=2030-01-01', ANY_STAFF_URL],
  ['GET /exports/follow-ups-done.csv', 'their own list', 'GET', () => '/exports/follow-ups-done.csv?fiscalYear=2026', ANY_STAFF_URL],
  ['GET /exports/participants.csv', 'the shared pool', 'GET', () => '/exports/participants.csv', ANY_STAFF_URL],
  ['GET /exports/duplicate-candidates.csv', "the shared pool's 名寄せ候補", 'GET', () => '/exports/duplicate-candidates.csv', ANY_STAFF_URL],
  ['GET /exports/profile-changes.csv', "the shared pool's 変更履歴", 'GET', () => '/exports/profile-changes.csv', ANY_STAFF_URL],
  ['GET /exports/organizations.csv', 'the list', 'GET', () => '/exports/organizations.csv', ANY_STAFF_URL],
  ['GET /exports/staff-users.csv', "the organisation's accounts", 'GET', (ids) => `/exports/staff-users.csv?organizationId=${ids.org}`, ITS_STAFF_URL],
  ['GET /exports/staff-users.csv', 'their own list', 'GET', () => '/exports/staff-users.csv', ANY_STAFF_URL],
  ['GET /exports/events.csv', 'their own list', 'GET', () => '/exports/events.csv', ANY_STAFF_URL],
  ['GET /exports/calendar.csv', 'the shared calendar', 'GET', () => '/exports/calendar.csv', ANY_STAFF_URL],
  ['GET /exports/mini-salon-requests.csv', 'their own list', 'GET', () => '/exports/mini-salon-requests.csv', ANY_STAFF_URL],
  ['GET /calendar.ics', 'the shared calendar', 'GET', () => '/calendar.ics', OPEN_URL],
  ['GET /events/:id', 'the published event', 'GET', (ids) => `/events/${ids.event}`, OPEN_URL],
  ['GET /events/:id', 'the draft', 'GET', (ids) => `/events/${ids.draft}`, NOT_FOUND_URL],
  ['GET /events/:id', 'the invite-only event', 'GET', (ids) => `/events/${ids.inviteOnly}`, NOT_FOUND_URL],
  ['POST /events/:id/apply', 'the published event, without an address (the form again)', 'POST', (ids) => `/events/${ids.event}/apply`, statuses(400, 400, 400)],
  ['POST /events/:id/apply', 'the draft', 'POST', (ids) => `/events/${ids.draft}/apply`, NOT_FOUND_URL],
  ['POST /events/:id/apply', 'the invite-only event', 'POST', (ids) => `/events/${ids.inviteOnly}/apply`, NOT_FOUND_URL],
  ['GET /agenda/:file', "A's feed, signature forged", 'GET', (ids) => `/agenda/${ids.a}.${'A'.repeat(43)}.ics`, NOT_FOUND_URL],
  ['GET /my-agenda/:link/:event', "A's agenda page, signature forged", 'GET', (ids) => `/my-agenda/${ids.a}.${'A'.repeat(43)}/${ids.event}`, NOT_FOUND_URL],
  ['POST /my-agenda/:link/:event', "A's agenda page, signature forged", 'POST', (ids) => `/my-agenda/${ids.a}.${'A'.repeat(43)}/${ids.event}`, NOT_FOUND_URL],
  ['GET /invitations/respond', 'a made-up token', 'GET', () => `/invitations/respond?token=${FAKE_TOKEN}&accept=1`, BAD_TOKEN_PAGE],
  ['POST /invitations/respond', 'a made-up token', 'POST', () => '/invitations/respond', BAD_TOKEN_PAGE],
  ['GET /meetings/respond', 'a made-up token', 'GET', () => `/meetings/respond?token=${FAKE_TOKEN}&accept=1`, BAD_TOKEN_PAGE],
  ['POST /meetings/respond', 'a made-up token', 'POST', () => '/meetings/respond', BAD_TOKEN_PAGE],
  ['GET /suggestions/meeting-request', 'a made-up token', 'GET', () => `/suggestions/meeting-request?token=${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /suggestions/meeting-request', 'a made-up token', 'POST', () => '/suggestions/meeting-request', BAD_TOKEN_PAGE],
  ['GET /surveys/answer', 'a made-up token', 'GET', () => `/surveys/answer?token=${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /surveys/answer', 'a made-up token', 'POST', () => '/surveys/answer', BAD_TOKEN_PAGE],
  ['GET /registrations/cancel', 'a made-up token', 'GET', () => `/registrations/cancel?token=${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /registrations/cancel', 'a made-up token', 'POST', () => '/registrations/cancel', BAD_TOKEN_PAGE],
  ['GET /registrations/apply', 'a made-up token', 'GET', () => `/registrations/apply?token=${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /registrations/apply', 'a made-up token', 'POST', () => '/registrations/apply', BAD_TOKEN_PAGE],
  ['GET /unsubscribe/:token', 'a made-up token', 'GET', () => `/unsubscribe/${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /unsubscribe/:token', 'a made-up token', 'POST', () => `/unsubscribe/${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /unsubscribe/:token/resubscribe', 'a made-up token', 'POST', () => `/unsubscribe/${FAKE_TOKEN}/resubscribe`, BAD_TOKEN_PAGE],
  ['GET /sign-in', 'a made-up token', 'GET', () => `/sign-in?token=${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /sign-in', 'a made-up token', 'POST', () => '/sign-in', BAD_TOKEN_PAGE],
  ['GET /sign-in', 'no link: the form to ask for one', 'GET', () => '/sign-in', OPEN_URL],
  ['POST /sign-in/request', 'no address given', 'POST', () => '/sign-in/request', BAD_TOKEN_PAGE],
  ['GET /email-change', 'a made-up token', 'GET', () => `/email-change?token=${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /email-change', 'a made-up token', 'POST', () => '/email-change', BAD_TOKEN_PAGE],
  ['POST /email-change/request', 'a made-up session', 'POST', () => '/email-change/request', BAD_TOKEN_PAGE],
  ['GET /password-reset', 'a made-up token', 'GET', () => `/password-reset?token=${FAKE_TOKEN}`, BAD_TOKEN_PAGE],
  ['POST /password-reset', 'a made-up token', 'POST', () => '/password-reset', BAD_TOKEN_PAGE],
  ['GET /health', 'the service', 'GET', () => '/health', OPEN_URL],
  ['GET /health/mail', 'the mail queue', 'GET', () => '/health/mail', OPEN_URL],
];

describe('access rules for every operation and URL', () => {
  let t: TestApp;
  const ids: Ids = {};
  const tokens: Record<Outsider, string | undefined> = {
    participant: undefined,
    otherOrganizer: undefined,
    anonymous: undefined,
  };
  /** The first organisation's organizer and the participants A, B and C of its event. */
  const insiders: Record<'organizer' | 'a' | 'b' | 'c', string> = { organizer: '', a: '', b: '', c: '' };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    ids.org = await createOrganization(t, admin, {
      name: '墨田区産業観光部',
      kind: 'MUNICIPALITY',
      municipality: '東京都墨田区',
      contactPhone: '03-5608-6185',
    });
    ids.organizerEmail = `organizer-${Date.now()}@example.jp`;
    const organizer = await staffSession(t, Role.ORGANIZER, ids.org, ids.organizerEmail);
    insiders.organizer = organizer;
    [{ id: ids.organizerUser }] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [
      ids.organizerEmail,
    ]);
    tokens.otherOrganizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '東大阪商工会議所', municipality: '大阪府東大阪市' }),
    );
    const as = <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
      t.gql<T>(query, variables, token).then(ok);
    ids.staffUser = (
      await as<{ createStaffUser: { id: string } }>(
        admin,
        'mutation($org: ID) { createStaffUser(input: { email: "shido@sumida.example.jp", name: "墨田 指導員", password: "long-enough-password", role: STAFF, organizationId: $org }) { id } }',
        { org: ids.org },
      )
    ).createStaffUser.id;

    ids.event = await createPublishedEvent(t, organizer, {
      kind: 'BUSINESS_MATCHING',
      title: 'すみだ ものづくり商談会',
      themes: ['販路開拓'],
    });
    const withSession = await as<{ addMatchmakingSession: { sessions: { id: string }[] } }>(
      organizer,
      'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { sessions { id } } }',
      {
        input: {
          eventId: ids.event,
          startsAt: tokyoInDays(14, '18:30'),
          slotMinutes: 20,
          slotCount: 3,
          tableCount: 5,
        },
      },
    );
    ids.session = withSession.addMatchmakingSession.sessions[0].id;
    ids.otherEvent = await createPublishedEvent(t, organizer, { title: 'すみだ異業種交流会' });
    ids.inviteOnly = await createPublishedEvent(t, organizer, {
      title: '招待制 経営者懇談会',
      visibility: 'INVITE_ONLY',
    });
    ids.draft = (
      await as<{ createEvent: { id: string } }>(
        organizer,
        'mutation { createEvent(input: { kind: SEMINAR, title: "下書きの勉強会", venue: "墨田区役所", startsAt: "2027-01-15T10:00", endsAt: "2027-01-15T12:00" }) { id } }',
      )
    ).createEvent.id;

    // Everyone consents to share contact details, so a detail shown to the wrong person would show.
    const person = (name: string, furigana: string, offers: string[], needs: string[]) =>
      createParticipant(t, organizer, {
        name,
        furigana,
        phone: '090-1111-2222',
        consentContactSharing: true,
        tags: ['墨田区ものづくり支援'],
        offers,
        needs,
        themes: ['販路開拓'],
      });
    const a = await person('髙橋 一郎', 'タカハシ イチロウ', ['金属加工'], ['販路開拓']);
    const b = await person('山田 花子', 'ヤマダ ハナコ', ['販路開拓'], ['金属加工']);
    const c = await person('佐藤 健一', 'サトウ ケンイチ', ['試作'], ['金属加工']);
    const d = await person('鈴木 次郎', 'スズキ ジロウ', ['デザイン'], ['試作']);
    const outsider = await person('田中 三郎', 'タナカ サブロウ', ['販路開拓'], ['試作']);
    // The same person twice in the pool, for the merge (名寄せ), which any organisation's staff may do.
    const twin = await person('鈴木 次郎', 'スズキ ジロウ', ['デザイン'], ['試作']);
    Object.assign(ids, {
      a: a.id,
      b: b.id,
      c: c.id,
      d: d.id,
      outsider: outsider.id,
      aEmail: a.email,
      twin: twin.id,
    });
    insiders.a = await t.participantToken(a.id);
    insiders.b = await t.participantToken(b.id);
    insiders.c = await t.participantToken(c.id);
    tokens.participant = await t.participantToken(outsider.id);

    const register = async (eventId: string, participantId: string) =>
      (await as<{ register: { id: string } }>(organizer, registerMutation(), { eventId, participantId }))
        .register.id;
    ids.aRegistration = await register(ids.event, a.id);
    for (const p of [b, c, outsider]) await register(ids.event, p.id);
    for (const p of [a, b]) await register(ids.otherEvent, p.id);
    await register(ids.inviteOnly, a.id);

    // A asked B (agreed, placed, published) and C (still unanswered).
    const ask = async (token: string, to: string) =>
      (
        await as<{ requestMeeting: { id: string } }>(
          token,
          'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p, message: "よろしくお願いします") { id } }',
          { e: ids.event, p: to },
        )
      ).requestMeeting.id;
    ids.acceptedRequest = await ask(insiders.a, b.id);
    ids.pendingRequest = await ask(insiders.a, c.id);
    await as(insiders.b, 'mutation($id: ID!) { respondToMeetingRequest(id: $id, accept: true) { id } }', {
      id: ids.acceptedRequest,
    });
    ids.meeting = (
      await as<{ placeMeeting: { id: string } }>(
        organizer,
        'mutation($r: ID!, $s: ID!) { placeMeeting(requestId: $r, sessionId: $s, slotIndex: 0, table: "1") { id } }',
        { r: ids.acceptedRequest, s: ids.session },
      )
    ).placeMeeting.id;
    ids.agendaBatch = (
      await as<{ publishSchedule: { batchId: string } }>(
        organizer,
        'mutation($e: ID!) { publishSchedule(eventId: $e) { batchId } }',
        { e: ids.event },
      )
    ).publishSchedule.batchId;
    ids.schedulingRun = (
      await as<{ scheduleMeetings: { id: string } }>(
        organizer,
        'mutation($e: ID!) { scheduleMeetings(eventId: $e) { id } }',
        { e: ids.event },
      )
    ).scheduleMeetings.id;

    ids.matchingRun = (
      await as<{ runMatching: { id: string } }>(
        organizer,
        'mutation($e: ID!) { runMatching(eventId: $e) { id } }',
        {
          e: ids.event,
        },
      )
    ).runMatching.id;
    await eventually(async () => {
      const { matchingRun } = await as<{ matchingRun: { status: string } }>(
        organizer,
        'query($id: ID!) { matchingRun(id: $id) { status } }',
        { id: ids.matchingRun },
      );
      if (matchingRun.status === 'FAILED') throw new Error('matching run failed');
      return matchingRun.status === 'SUCCEEDED';
    }, 'the matching run');
    const { mySuggestions } = await as<{ mySuggestions: { id: string }[] }>(
      insiders.a,
      'query($e: ID!) { mySuggestions(eventId: $e) { id } }',
      { e: ids.event },
    );
    ids.aSuggestion = mySuggestions[0].id;

    ids.campaign = (
      await as<{ inviteParticipants: { id: string } }>(
        organizer,
        'mutation($e: ID!, $p: ID!) { inviteParticipants(eventId: $e, participantIds: [$p]) { id } }',
        { e: ids.event, p: d.id },
      )
    ).inviteParticipants.id;

    ids.deal = (
      await as<{ recordDeal: { id: string } }>(
        organizer,
        'mutation($a: ID!, $b: ID!) { recordDeal(input: { participantAId: $a, participantBId: $b, type: ORDER, title: "精密部品の受注" }) { id } }',
        { a: a.id, b: b.id },
      )
    ).recordDeal.id;
    // The same deal entered twice: the copy kept, which a deletion may move the follow-ups to.
    ids.dealCopy = (
      await as<{ recordDeal: { id: string } }>(
        organizer,
        'mutation($a: ID!, $b: ID!) { recordDeal(input: { participantAId: $a, participantBId: $b, type: ORDER, title: "精密部品の受注" }) { id } }',
        { a: a.id, b: b.id },
      )
    ).recordDeal.id;
    ids.followUp = (
      await as<{ scheduleFollowUp: { id: string } }>(
        organizer,
        'mutation($d: ID!, $due: String!) { scheduleFollowUp(input: { dealId: $d, dueOn: $due, notes: "試作品の評価を確認" }) { id } }',
        { d: ids.deal, due: day(30) },
      )
    ).scheduleFollowUp.id;

    ids.miniSalon = (
      await as<{ requestMiniSalon: { id: string } }>(
        insiders.a,
        `mutation($o: ID!) { requestMiniSalon(input: { organizationId: $o, theme: "事業承継", area: "東京都墨田区", preferredFrom: "${day(20)}", preferredTo: "${day(50)}", expectedParticipants: 12, message: "後継者同士で話したい" }) { id } }`,
        { o: ids.org },
      )
    ).requestMiniSalon.id;
  }, 60_000);
  afterAll(() => t?.close());

  describe('GraphQL', () => {
    it('has a row for every query and mutation in the schema', async () => {
      const { __schema } = ok(
        await t.gql<{ __schema: Record<'queryType' | 'mutationType', { fields: { name: string }[] }> }>(
          '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
        ),
      );
      const inSchema = [...__schema.queryType.fields, ...__schema.mutationType.fields].map((f) => f.name);
      const inTable = new Set(cases.map(([operation]) => operation));
      expect(inSchema.filter((name) => !inTable.has(name))).toEqual([]);
      expect([...inTable].filter((name) => !inSchema.includes(name))).toEqual([]);
    });

    it.each(cases)('%s (%s)', async (_, __, query, variables, expected) => {
      const outcomes: Record<string, unknown> = {};
      for (const outsider of OUTSIDERS) {
        const response = await t.gql(query, variables(ids), tokens[outsider]);
        outcomes[outsider] = response.errors?.length ? response.errors[0].extensions?.code : 'OK';
      }
      expect(outcomes).toEqual(expected);
    });
  });

  describe('URLs', () => {
    it('has a row for every route the server answers', () => {
      const declared = routes(t);
      const inTable = new Set(urls.map(([route]) => route));
      expect(declared.filter((route) => !inTable.has(route))).toEqual([]);
      expect([...inTable].filter((route) => !declared.includes(route))).toEqual([]);
    });

    it.each(urls)('%s (%s)', async (_, __, method, path, expected) => {
      const statuses: Record<string, number> = {};
      for (const outsider of OUTSIDERS) {
        const token = tokens[outsider];
        const response = await fetch(`${t.url}${path(ids)}`, {
          method,
          redirect: 'manual',
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(method === 'POST' ? { body: `token=${FAKE_TOKEN}&accept=1&message=x` } : {}),
        });
        await response.arrayBuffer();
        statuses[outsider] = response.status;
      }
      expect(statuses).toEqual(expected);
    });
  });

  describe('what an allowed answer shows', () => {
    const ask = async <T>(
      token: string | undefined,
      query: string,
      variables: Record<string, unknown> = {},
    ) => ok(await t.gql<T>(query, variables, token));
    const text = async (path: string, token: string | undefined) =>
      (await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).text();

    it("shows a participant none of the other participants' requests, meetings, suggestions or registrations", async () => {
      const mine = await ask<{
        myRegistrations: { participant: { id: string } }[];
        myMeetingRequests: { id: string }[];
        mySuggestions: { participantId: string }[];
        myAgenda: { meetings: { id: string }[] };
        miniSalonRequests: { edges: { node: { requestedById: string } }[] };
      }>(
        tokens.participant,
        `query($e: ID!) {
          myRegistrations { participant { id } }
          myMeetingRequests(eventId: $e) { id }
          mySuggestions(eventId: $e) { participantId }
          myAgenda(eventId: $e) { meetings { id } }
          miniSalonRequests { edges { node { requestedById } } }
        }`,
        { e: ids.event },
      );
      expect(mine.myRegistrations.map((r) => r.participant.id)).toEqual([ids.outsider]);
      expect(mine.myMeetingRequests).toEqual([]);
      expect(mine.mySuggestions.every((s) => s.participantId === ids.outsider)).toBe(true);
      expect(mine.myAgenda.meetings).toEqual([]);
      expect(mine.miniSalonRequests.edges.every((edge) => edge.node.requestedById === ids.outsider)).toBe(
        true,
      );
      const { exportMyData } = await ask<{ exportMyData: { json: string } }>(
        tokens.participant,
        '{ exportMyData { json } }',
      );
      expect(exportMyData.json).not.toContain(ids.aEmail);
      expect(exportMyData.json).not.toContain('精密部品の受注');
    });

    it("shows another organisation's staff none of the organisation's deals, follow-ups, mini-salon requests, accounts or draft events", async () => {
      const seen = await ask<{
        staffUsers: { edges: { node: { email: string } }[] };
        deals: { totalCount: number };
        eventDeals: { totalCount: number };
        followUpsDue: { totalCount: number };
        miniSalonRequests: { totalCount: number };
        events: { edges: { node: { id: string } }[] };
        eventCalendar: { id: string }[];
      }>(
        tokens.otherOrganizer,
        `query($from: DateTime!, $to: DateTime!, $e: ID!) {
          staffUsers { edges { node { email } } }
          deals { totalCount }
          eventDeals: deals(filter: { eventId: $e }) { totalCount }
          followUpsDue(before: "2030-01-01") { totalCount }
          miniSalonRequests { totalCount }
          events { edges { node { id } } }
          eventCalendar(from: $from, to: $to) { id }
        }`,
        { ...CALENDAR, e: ids.event },
      );
      expect(seen.deals.totalCount).toBe(0);
      // An event's deals are read by its organiser's and co-hosts' staff, not by anyone naming it.
      expect(seen.eventDeals.totalCount).toBe(0);
      expect(seen.staffUsers.edges.map((edge) => edge.node.email)).not.toContain(ids.organizerEmail);
      expect(seen.followUpsDue.totalCount).toBe(0);
      expect(seen.miniSalonRequests.totalCount).toBe(0);
      const theirEvents = seen.events.edges.map((edge) => edge.node.id);
      for (const id of [ids.event, ids.draft, ids.otherEvent]) expect(theirEvents).not.toContain(id);
      expect(seen.eventCalendar.map((e) => e.id)).not.toContain(ids.draft);
      const csv = await Promise.all(
        [
          '/exports/deals.csv',
          `/exports/deals.csv?eventId=${ids.event}`,
          '/exports/follow-ups.csv?before=2030-01-01',
          '/exports/mini-salon-requests.csv',
          '/exports/events.csv',
          '/exports/staff-users.csv',
        ].map((path) => text(path, tokens.otherOrganizer)),
      );
      for (const body of csv) {
        for (const secret of [
          ids.organizerEmail,
          'shido@sumida.example.jp',
          '精密部品の受注',
          '試作品の評価を確認',
          '後継者同士で話したい',
          'すみだ ものづくり商談会',
        ])
          expect(body).not.toContain(secret);
      }
    });

    it('answers an event the caller may not see exactly as one that does not exist', async () => {
      const missing = randomUUID();
      /** The answer, with the id asked for put aside: the same for the hidden event and the missing one. */
      const answer = async (token: string | undefined, query: string, variables: (e: string) => Ids) => {
        const seen = await Promise.all(
          [ids.draft, ids.inviteOnly, missing].map(async (e) => {
            const { message, extensions } = failure(await t.gql(query, variables(e), token));
            return JSON.stringify({ message, extensions }).replaceAll(e, '<id>');
          }),
        );
        return { draft: seen[0], inviteOnly: seen[1], missing: seen[2] };
      };
      const participant = tokens.participant!;
      const register = await answer(
        participant,
        'mutation($e: ID!) { register(eventId: $e) { id } }',
        (e) => ({
          e,
        }),
      );
      expect(register.draft).toBe(register.missing);
      expect(register.inviteOnly).toBe(register.missing);
      expect(register.missing).toContain('EVENT_NOT_FOUND');
      const asked = await answer(
        participant,
        'mutation($e: ID!, $p: ID!) { requestMeeting(eventId: $e, toParticipantId: $p) { id } }',
        (e) => ({ e, p: ids.b }),
      );
      expect(asked.draft).toBe(asked.missing);
      expect(asked.inviteOnly).toBe(asked.missing);

      // Another organisation's staff see the invite-only event on the shared calendar: not theirs to run.
      const other = tokens.otherOrganizer!;
      for (const [query, variables] of [
        ['query($e: ID!) { registrations(eventId: $e) { totalCount } }', (e: string) => ({ e })],
        [
          'mutation($e: ID!, $p: ID) { register(eventId: $e, participantId: $p) { id } }',
          (e: string) => ({ e, p: ids.d }),
        ],
        [
          'mutation($e: ID!, $a: ID!, $b: ID!) { recordDeal(input: { eventId: $e, participantAId: $a, participantBId: $b, type: ORDER, title: "x" }) { id } }',
          (e: string) => ({ e, a: ids.a, b: ids.b }),
        ],
        ['mutation($e: ID!) { publishEvent(id: $e) { id } }', (e: string) => ({ e })],
      ] as const) {
        const staff = await answer(other, query, variables);
        expect(staff.draft).toBe(staff.missing);
        expect(staff.inviteOnly).toContain('EVENT_NOT_MANAGED');
      }
      const csv = async (e: string) => {
        const response = await fetch(`${t.url}/exports/events/${e}/registrations.csv`, {
          headers: { authorization: `Bearer ${other}` },
        });
        return `${response.status} ${(await response.text()).replaceAll(e, '<id>')}`;
      };
      expect(await csv(ids.draft)).toBe(await csv(missing));
      expect(await csv(missing)).toMatch(/^404 /);
    });

    it('keeps drafts and invite-only events out of the public calendar', async () => {
      const { eventCalendar } = await ask<{ eventCalendar: { id: string }[] }>(
        undefined,
        'query($from: DateTime!, $to: DateTime!) { eventCalendar(from: $from, to: $to) { id } }',
        CALENDAR,
      );
      expect(eventCalendar.map((e) => e.id)).toEqual(expect.arrayContaining([ids.event, ids.otherEvent]));
      expect(eventCalendar.map((e) => e.id)).not.toEqual(expect.arrayContaining([ids.draft]));
      expect(eventCalendar.map((e) => e.id)).not.toEqual(expect.arrayContaining([ids.inviteOnly]));
      const ics = await text('/calendar.ics', undefined);
      expect(ics).toContain('すみだ ものづくり商談会');
      expect(ics).not.toContain('下書きの勉強会');
      expect(ics).not.toContain('招待制 経営者懇談会');
    });

    it('shows contact details only to staff, the person, and the other side of an agreed meeting', async () => {
      const contact = (token: string | undefined, id: string) =>
        ask<{ participant: { email: string | null; phone: string | null } }>(
          token,
          'query($id: ID!) { participant(id: $id) { email phone } }',
          { id },
        ).then((data) => data.participant);
      const hidden = { email: null, phone: null };
      expect(await contact(tokens.participant, ids.a)).toEqual(hidden);
      expect(await contact(insiders.c, ids.a)).toEqual(hidden); // asked, not agreed
      expect((await contact(insiders.b, ids.a)).email).toBe(ids.aEmail); // agreed, A consents
      expect((await contact(tokens.otherOrganizer, ids.a)).email).toBe(ids.aEmail); // staff: the shared pool

      const party = 'name email phone';
      const { myMeetingRequests } = await ask<{
        myMeetingRequests: { from: { email: string | null }; to: { email: string | null } }[];
      }>(
        insiders.c,
        `query($e: ID!) { myMeetingRequests(eventId: $e) { from { ${party} } to { ${party} } } }`,
        {
          e: ids.event,
        },
      );
      expect(myMeetingRequests).toHaveLength(1);
      expect(myMeetingRequests[0].from.email).toBeNull();

      const { meeting } = await ask<{ meeting: { participantA: { email: string | null } } }>(
        insiders.b,
        `query($id: ID!) { meeting(id: $id) { participantA { ${party} } } }`,
        { id: ids.meeting },
      );
      expect(meeting.participantA.email).toBe(ids.aEmail);

      const { mySuggestions } = await ask<{
        mySuggestions: { suggested: { id: string; email: string | null; tags: string[] } }[];
      }>(
        tokens.participant,
        'query($e: ID!) { mySuggestions(eventId: $e) { suggested { id email phone tags } } }',
        { e: ids.event },
      );
      for (const suggestion of mySuggestions)
        expect(suggestion.suggested).toMatchObject({ email: null, tags: [] });
    });

    it("names whom a participant stood up only to the staff of that event's organisation", async () => {
      const noShow = (value: boolean) =>
        t.dataSource.query(
          'UPDATE meeting_participants SET no_show = $3 WHERE meeting_id = $1 AND participant_id = $2',
          [ids.meeting, ids.a, value],
        );
      await noShow(true);
      const history = (token: string) => text(`/exports/participants/${ids.a}/no-shows.csv`, token);
      expect(await history(insiders.organizer)).toContain('山田 花子');
      const shared = await history(tokens.otherOrganizer!);
      expect(shared).toContain('すみだ ものづくり商談会'); // the history itself is shared with every organisation
      expect(shared).not.toContain('山田 花子');
      await noShow(false);
    });

    it("shows the organisations' labels on a person to staff and the person only", async () => {
      const labels = (token: string | undefined, id: string) =>
        ask<{ participant: { tags: string[] } }>(token, 'query($id: ID!) { participant(id: $id) { tags } }', {
          id,
        }).then((data) => data.participant.tags);
      expect(await labels(tokens.participant, ids.a)).toEqual([]);
      expect(await labels(insiders.b, ids.a)).toEqual([]); // the other side of an agreed meeting
      expect(await labels(insiders.a, ids.a)).toEqual(['墨田区ものづくり支援']);
      expect(await labels(tokens.otherOrganizer, ids.a)).toEqual(['墨田区ものづくり支援']);
    });
  });

  describe('afterwards', () => {
    it('never changed anything on a refused call', async () => {
      const row = async (sql: string, id: string) => (await t.dataSource.query(sql, [id]))[0];
      expect(await row('SELECT title, status FROM events WHERE id = $1', ids.event)).toEqual({
        title: 'すみだ ものづくり商談会',
        status: 'PUBLISHED',
      });
      expect(await row('SELECT status FROM events WHERE id = $1', ids.draft)).toEqual({ status: 'DRAFT' });
      expect(
        await row('SELECT count(*)::int AS n FROM matchmaking_sessions WHERE event_id = $1', ids.event),
      ).toEqual({ n: 1 });
      expect(await row('SELECT status, role FROM registrations WHERE id = $1', ids.aRegistration)).toEqual({
        status: 'REGISTERED',
        role: 'VISITOR',
      });
      expect(await row('SELECT contact_phone FROM organizations WHERE id = $1', ids.org)).toEqual({
        contact_phone: '03-5608-6185',
      });
      expect(await row('SELECT status FROM meeting_requests WHERE id = $1', ids.pendingRequest)).toEqual({
        status: 'PENDING',
      });
      expect(await row('SELECT status FROM meeting_requests WHERE id = $1', ids.acceptedRequest)).toEqual({
        status: 'ACCEPTED',
      });
      expect(
        await row('SELECT status, slot_index, table_label FROM meetings WHERE id = $1', ids.meeting),
      ).toEqual({
        status: 'SCHEDULED',
        slot_index: 0,
        table_label: '1',
      });
      expect(await row('SELECT dismissed FROM suggestions WHERE id = $1', ids.aSuggestion)).toEqual({
        dismissed: false,
      });
      expect(await row('SELECT stage, title FROM deals WHERE id = $1', ids.deal)).toEqual({
        stage: 'NEGOTIATING',
        title: '精密部品の受注',
      });
      // Nobody recorded one at the event (the refused calls included).
      expect(await row('SELECT count(*)::int AS n FROM deals WHERE event_id = $1', ids.event)).toEqual({
        n: 0,
      });
      expect(
        await row('SELECT deal_id, done_at, assigned_to_id FROM follow_ups WHERE id = $1', ids.followUp),
      ).toEqual({
        deal_id: ids.deal,
        done_at: null,
        assigned_to_id: null,
      });
      expect(await row('SELECT deactivated_at, role, name FROM users WHERE id = $1', ids.staffUser)).toEqual({
        deactivated_at: null,
        role: 'STAFF',
        name: '墨田 指導員',
      });
      expect(await row('SELECT status FROM mini_salon_requests WHERE id = $1', ids.miniSalon)).toEqual({
        status: 'PENDING',
      });
      expect(await row('SELECT erased_at FROM participants WHERE id = $1', ids.a)).toEqual({
        erased_at: null,
      });
      expect(
        await row('SELECT count(*)::int AS n FROM matching_runs WHERE event_id = $1', ids.event),
      ).toEqual({
        n: 1,
      });
      expect(
        await row('SELECT count(*)::int AS n FROM scheduling_runs WHERE event_id = $1', ids.event),
      ).toEqual({ n: 1 });
    });
  });
});

/** Every route of the HTTP server but GraphQL, as `METHOD /path`. */
function routes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods)
            .filter((method) => method !== '_all')
            .map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
        : [],
    )
    .filter((route) => !route.endsWith(' /graphql'));
}
