import { EntityManager } from 'typeorm';
import { agreementEmailKeys } from './mail/meeting-mail-templates';
import { MeetingRequest } from './meeting-request.entity';

/**
 * Whether the participant was told that the agreed meeting of `request` is on: their 【面談成立】
 * went out (AGREED to the person asked, or an auto-agreed REQUEST from before AGREED existed;
 * OUTCOME to the requester), or an agenda email listing it did. Only someone told it is on is told
 * it is off: a 面談成立 still waiting in the outbox reads the request when it is sent, finds it called
 * off and goes nowhere, so its reader never heard of the meeting.
 *
 * SENDING counts as told, as for invitations (invitees-told.ts): a sender may have read the request
 * before it was called off and be handing that email over now; one notice too many is better than
 * someone coming for a meeting nobody told them was off.
 */
export async function toldOfAgreement(
  manager: EntityManager,
  request: Pick<MeetingRequest, 'id' | 'eventId' | 'toParticipantId' | 'autoAccepted'>,
  participantId: string,
): Promise<boolean> {
  const keys =
    participantId === request.toParticipantId
      ? [
          agreementEmailKeys.agreed(request.id),
          ...(request.autoAccepted ? [agreementEmailKeys.request(request.id)] : []),
        ]
      : [agreementEmailKeys.outcome(request.id)];
  const [{ told }]: { told: boolean }[] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM outbox_messages o
                     WHERE o.key = ANY($3::varchar[]) AND o.participant_id = $2
                       AND o.status IN ('SENDING', 'SENT'))
         OR EXISTS (SELECT 1 FROM agenda_deliveries d
                      JOIN outbox_messages o ON o.id = d.outbox_message_id
                     WHERE d.participant_id = $2 AND d.event_id = $4 AND o.status IN ('SENDING', 'SENT')
                       AND (d.agenda @> jsonb_build_object('unscheduled', jsonb_build_array($1::text))
                            OR d.agenda @> jsonb_build_object('meetings',
                                 jsonb_build_array(jsonb_build_object('requestId', $1::text))))) AS told`,
    [request.id, participantId, keys, request.eventId],
  );
  return told;
}
