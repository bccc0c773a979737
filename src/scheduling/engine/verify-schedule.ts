import { ScheduleInstance, ScheduleResult } from './types';

const pair = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Checks a schedule against every rule from scratch, sharing no code with the scheduler so a bug
 * there cannot hide here. Returns one sentence per violation; an empty list means valid.
 */
export function verifySchedule(instance: ScheduleInstance, schedule: ScheduleResult): string[] {
  const violations: string[] = [];
  const sessions = new Map(instance.sessions.map((s) => [s.id, s]));
  const people = new Map(instance.participants.map((p) => [p.id, p]));
  const tableNames = new Map(
    instance.sessions.map((s) => [
      s.id,
      new Set(
        typeof s.tables === 'number' ? Array.from({ length: s.tables }, (_, k) => String(k + 1)) : s.tables,
      ),
    ]),
  );
  const requestWeight = new Map<string, number>();
  for (const r of instance.requests) {
    if (r.a === r.b) continue;
    const key = pair(r.a, r.b);
    requestWeight.set(key, Math.max(requestWeight.get(key) ?? 0, r.weight ?? 1));
  }
  const lockedPairs = new Set((instance.locked ?? []).map((l) => pair(l.a, l.b)));

  const personSlot = new Set<string>();
  const placeSlot = new Set<string>();
  const metPairs = new Set<string>();
  const count = new Map<string, number>();
  let weight = 0;

  schedule.meetings.forEach((m, i) => {
    const label = `meeting ${i} (${m.a}–${m.b} at ${m.session} slot ${m.slot})`;
    const session = sessions.get(m.session);
    const a = people.get(m.a);
    const b = people.get(m.b);
    if (!session || !a || !b) {
      violations.push(`${label}: unknown session or participant`);
      return;
    }
    if (m.a === m.b) violations.push(`${label}: a participant meets themselves`);
    if (!Number.isInteger(m.slot) || m.slot < 0 || m.slot >= session.slots)
      violations.push(`${label}: no such slot`);
    for (const p of [a, b]) {
      if (!p.sessions.includes(m.session)) violations.push(`${label}: ${p.id} does not attend ${m.session}`);
      if ((p.unavailable ?? []).some((u) => u.session === m.session && u.slot === m.slot)) {
        violations.push(`${label}: ${p.id} is unavailable then`);
      }
      const key = `${p.id}\u0000${m.session}\u0000${m.slot}`;
      if (personSlot.has(key)) violations.push(`${label}: ${p.id} has two meetings in this slot`);
      personSlot.add(key);
      count.set(p.id, (count.get(p.id) ?? 0) + 1);
    }
    if (a.booth !== undefined && b.booth !== undefined) violations.push(`${label}: two booth holders meet`);
    const booth = a.booth ?? b.booth;
    if (booth !== undefined) {
      if (m.table !== booth) violations.push(`${label}: must take place at booth ${booth}, not ${m.table}`);
      const key = `booth\u0000${booth}\u0000${m.session}\u0000${m.slot}`;
      if (placeSlot.has(key)) violations.push(`${label}: booth ${booth} holds two meetings`);
      placeSlot.add(key);
    } else {
      if (!tableNames.get(m.session)!.has(m.table))
        violations.push(`${label}: no table "${m.table}" in ${m.session}`);
      const key = `table\u0000${m.table}\u0000${m.session}\u0000${m.slot}`;
      if (placeSlot.has(key)) violations.push(`${label}: table ${m.table} holds two meetings`);
      placeSlot.add(key);
    }
    const key = pair(m.a, m.b);
    if (metPairs.has(key)) violations.push(`${label}: the pair meets twice`);
    metPairs.add(key);
    if (!requestWeight.has(key) && !lockedPairs.has(key)) violations.push(`${label}: nobody requested it`);
    const expected = requestWeight.get(key) ?? 0;
    if (m.weight !== expected) violations.push(`${label}: weight ${m.weight}, request says ${expected}`);
    weight += m.weight;
  });

  for (const p of instance.participants) {
    if ((count.get(p.id) ?? 0) > p.maxMeetings) {
      violations.push(`${p.id} has ${count.get(p.id)} meetings, more than maxMeetings (${p.maxMeetings})`);
    }
  }

  (instance.locked ?? []).forEach((l, i) => {
    const kept = schedule.meetings.some(
      (m) =>
        pair(m.a, m.b) === pair(l.a, l.b) &&
        m.session === l.session &&
        m.slot === l.slot &&
        m.table === l.table,
    );
    if (!kept) violations.push(`locked[${i}] (${l.a}–${l.b}) was moved or dropped`);
  });

  const fulfilled = schedule.meetings.filter((m) => requestWeight.has(pair(m.a, m.b))).length;
  if (fulfilled + schedule.unscheduled.length !== instance.requests.length) {
    violations.push(
      `${instance.requests.length} requests but ${fulfilled} fulfilled and ${schedule.unscheduled.length} unscheduled`,
    );
  }
  for (const u of schedule.unscheduled) {
    if (u.code !== 'DUPLICATE_REQUEST' && metPairs.has(pair(u.a, u.b))) {
      violations.push(`${u.a}–${u.b} is reported unscheduled but meets`);
    }
    if (!u.reason) violations.push(`${u.a}–${u.b} is unscheduled without a reason`);
  }

  if (Math.abs(weight - schedule.scheduledWeight) > 1e-6) {
    violations.push(`scheduledWeight ${schedule.scheduledWeight} but the meetings add up to ${weight}`);
  }
  if (schedule.upperBound < schedule.scheduledWeight - 1e-6) {
    violations.push(`upperBound ${schedule.upperBound} is below scheduledWeight ${schedule.scheduledWeight}`);
  }
  return violations;
}
