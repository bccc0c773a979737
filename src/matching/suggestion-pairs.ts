/**
 * SQL conditions on a suggestion aliased `s`, shared by the digest (who is emailed, who is
 * introduced) and the lists a participant reads (mySuggestions), so that both leave out, and mark,
 * the same people.
 */

/**
 * Both sides agree to matchmaking (マッチング同意) as they stand now, not as they stood when the run
 * computed the pair: someone who withdraws consent (or never gave it) is from that moment shown to
 * nobody as a suggestion, staff's lists and CSV included, is introduced in no digest, and is sent
 * none. Their own suggestions go with it, since they asked to be out of matchmaking.
 */
export const CONSENTING_PAIR_SQL = `NOT EXISTS (
  SELECT 1 FROM participants c
   WHERE c.id IN (s.participant_id, s.suggested_participant_id) AND NOT c.consent_matchmaking)`;

/**
 * Both still hold a seat at the event (REGISTERED or ATTENDED). Someone who cancelled after the
 * run is neither emailed a digest nor introduced in one, nor listed to others.
 */
export const SEATED_PAIR_SQL = `(
  SELECT count(*) FROM registrations g
   WHERE g.event_id = s.event_id AND g.status IN ('REGISTERED', 'ATTENDED')
     AND g.participant_id IN (s.participant_id, s.suggested_participant_id)) = 2`;

/**
 * On a meeting request `r`: it is between the two at the event, in either direction, and holds the
 * pair (waiting for an answer and not expired, or agreed), so a new request could only be refused.
 */
export const PAIR_OPEN_REQUEST_SQL = `r.event_id = s.event_id
     AND (r.status = 'ACCEPTED' OR (r.status = 'PENDING' AND (r.expires_at IS NULL OR r.expires_at > now())))
     AND ((r.from_participant_id = s.participant_id AND r.to_participant_id = s.suggested_participant_id)
       OR (r.from_participant_id = s.suggested_participant_id AND r.to_participant_id = s.participant_id))`;

/**
 * On a meeting request `r`: the suggestion's receiver asked the suggested person at the event and
 * was declined. A 見送り holds for the rest of the event (MEETING_DECLINED_BEFORE): a new request
 * from the receiver could only be refused, so their list says so where a button would be, as the
 * digest's 「面談を申し込む」 page does.
 */
export const DECLINED_PAIR_REQUEST_SQL = `r.event_id = s.event_id AND r.status = 'DECLINED'
     AND r.from_participant_id = s.participant_id AND r.to_participant_id = s.suggested_participant_id`;

/**
 * The two have no such request. Whoever asked has done what the link offers; whoever was asked
 * answers from the request email.
 */
export const UNASKED_PAIR_SQL = `NOT EXISTS (
  SELECT 1 FROM meeting_requests r
   WHERE ${PAIR_OPEN_REQUEST_SQL})`;

/**
 * The registrations (aliased `g`, their participant `p`) of event $1 whom run $2 left without anyone
 * to meet: they hold a seat and have no suggestion of the run that is not dismissed and whose two
 * sides still hold a seat and agree to matchmaking (those who have not agreed among them). For staff
 * to pair by hand (participantsWithoutSuggestions).
 */
export const UNMATCHED_REGISTRATIONS_SQL = `FROM registrations g
  JOIN participants p ON p.id = g.participant_id
 WHERE g.event_id = $1 AND g.status IN ('REGISTERED', 'ATTENDED')
   AND p.erased_at IS NULL
   AND NOT EXISTS (
     SELECT 1 FROM suggestions s
      WHERE s.event_id = g.event_id AND s.participant_id = g.participant_id
        AND s.run_id = $2 AND NOT s.dismissed AND ${SEATED_PAIR_SQL} AND ${CONSENTING_PAIR_SQL})`;
