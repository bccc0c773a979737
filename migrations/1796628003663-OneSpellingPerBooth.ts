import { MigrationInterface, QueryRunner } from 'typeorm';

/** As src/registrations/booth-label.ts tells booths apart today; copied so this migration never changes. */
function boothKey(value: string): string | null {
  const booth = value
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/(?<=[0-9A-Za-z])ー(?=[0-9A-Za-z])/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(ブース|booth)\s*/iu, '')
    .toUpperCase();
  if (!booth) return null;
  const runs = booth.match(/[0-9]+|[^0-9\s-]+/gu) ?? [];
  const key = runs.map((run) => (/^[0-9]/u.test(run) ? run.replace(/^0+(?=[0-9])/u, '') : run)).join('-');
  return key || booth;
}

/**
 * 「B-1」 and 「B-01」 were two booths: one company could be given the booth another holds, and
 * two colleagues at one booth could be sent two meetings there at once. Registering now writes a
 * booth the way the event first wrote it; this does the same for what is stored. At each event,
 * every registration whose booth is one booth under another spelling takes the spelling of the
 * earliest registration still holding it (else of the earliest at all), and so does the place of
 * each meeting in a booth-mode 商談枠 at that booth, cancelled ones included, so the history reads
 * as the floor plan. A live meeting whose new label would meet another live meeting at that booth
 * and time keeps its label: those two were placed at one booth at once, and staff have to move one
 * of them. Not undone on the way down: the spellings replaced are not kept, and either is valid.
 */
export class OneSpellingPerBooth1796628003663 implements MigrationInterface {
  name = 'OneSpellingPerBooth1796628003663';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const registrations: { id: string; eventId: string; booth: string }[] = await queryRunner.query(
      `SELECT id, event_id AS "eventId", booth FROM registrations
        WHERE booth IS NOT NULL
        ORDER BY status NOT IN ('DECLINED', 'CANCELLED') DESC, created_at, id`,
    );
    const spelling = new Map<string, string>();
    for (const { eventId, booth } of registrations) {
      const key = `${eventId}/${boothKey(booth)}`;
      if (!spelling.has(key)) spelling.set(key, booth);
    }
    for (const { id, eventId, booth } of registrations) {
      const canonical = spelling.get(`${eventId}/${boothKey(booth)}`)!;
      if (canonical !== booth)
        await queryRunner.query('UPDATE registrations SET booth = $2 WHERE id = $1', [id, canonical]);
    }

    const meetings: { id: string; eventId: string; slot: string; label: string; live: boolean }[] =
      await queryRunner.query(
        `SELECT m.id, m.event_id AS "eventId", m.session_id || '/' || m.slot_index AS slot,
                m.table_label AS label, m.status <> 'CANCELLED' AS live
           FROM meetings m JOIN matchmaking_sessions s ON s.id = m.session_id
          WHERE s.mode = 'BOOTHS'
          ORDER BY m.created_at, m.id`,
      );
    const taken = new Set(meetings.filter((m) => m.live).map((m) => `${m.slot}/${m.label}`));
    for (const meeting of meetings) {
      const canonical = spelling.get(`${meeting.eventId}/${boothKey(meeting.label)}`);
      if (canonical === undefined || canonical === meeting.label) continue;
      const place = `${meeting.slot}/${canonical}`;
      if (meeting.live && taken.has(place)) continue;
      if (meeting.live) {
        taken.delete(`${meeting.slot}/${meeting.label}`);
        taken.add(place);
      }
      await queryRunner.query('UPDATE meetings SET table_label = $2 WHERE id = $1', [meeting.id, canonical]);
    }
  }

  public async down(): Promise<void> {
    // Nothing to undo: one spelling per booth is valid data.
  }
}
