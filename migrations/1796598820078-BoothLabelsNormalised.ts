import { MigrationInterface, QueryRunner } from 'typeorm';

/** As src/registrations/booth-label.ts reads a booth today; copied so this migration never changes. */
function normalizeBooth(value: string): string | null {
  const booth = value
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(ブース|booth)\s*/iu, '')
    .toUpperCase();
  return booth || null;
}

/**
 * Booths were stored as typed, so 「A-04 」 and 「A-04」 were two booths to the scheduler. Each booth
 * is written once the way registering one now writes it, and so is the place of each meeting in a
 * booth-mode 商談枠 (the scheduler checks a placed meeting is at its exhibitor's booth). A meeting
 * whose new label would meet another live meeting at that booth and time keeps its label: those two
 * were placed at one booth at once, and staff have to move one of them. Not undone on the way down:
 * the labels as first typed are not kept.
 */
export class BoothLabelsNormalised1796598820078 implements MigrationInterface {
  name = 'BoothLabelsNormalised1796598820078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const registrations: { id: string; booth: string }[] = await queryRunner.query(
      'SELECT id, booth FROM registrations WHERE booth IS NOT NULL',
    );
    for (const { id, booth } of registrations) {
      const normalized = normalizeBooth(booth);
      if (normalized !== booth)
        await queryRunner.query('UPDATE registrations SET booth = $2 WHERE id = $1', [id, normalized]);
    }
    const meetings: { id: string; key: string; label: string; live: boolean }[] = await queryRunner.query(
      `SELECT m.id, m.session_id || '/' || m.slot_index AS key, m.table_label AS label, m.status <> 'CANCELLED' AS live
         FROM meetings m JOIN matchmaking_sessions s ON s.id = m.session_id
        WHERE s.mode = 'BOOTHS'
        ORDER BY m.created_at, m.id`,
    );
    const taken = new Set(meetings.filter((m) => m.live).map((m) => `${m.key}/${m.label}`));
    for (const meeting of meetings) {
      const normalized = normalizeBooth(meeting.label);
      if (!normalized || normalized === meeting.label) continue;
      const place = `${meeting.key}/${normalized}`;
      if (meeting.live && taken.has(place)) continue;
      if (meeting.live) {
        taken.delete(`${meeting.key}/${meeting.label}`);
        taken.add(place);
      }
      await queryRunner.query('UPDATE meetings SET table_label = $2 WHERE id = $1', [meeting.id, normalized]);
    }
  }

  public async down(): Promise<void> {
    // Nothing to undo: normalised labels are valid labels.
  }
}
