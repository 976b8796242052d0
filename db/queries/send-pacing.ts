import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { DEFAULT_SPACING_MS, type PacingChange } from '@/lib/mail/pacing';
import { rowsOf } from './outcomes/scope';

// One row per limit, shared by every process on the database; no person's rows.

/**
 * Takes the next free slot of a limit in one atomic statement: the slot is
 * max(next_at, now), and next_at moves one spacing past it. Concurrent
 * takers, in any process, queue on the row and each gets its own slot.
 */
export async function takeSendSlot(name = 'resend'): Promise<{ slotAt: Date; waitMs: number }> {
  return (await takeSlot(name, null))!;
}

/**
 * The same, for a taker that will not wait longer than `withinMs`: when the
 * next free slot is further off, it takes nothing and gets null, so the
 * slot stays for the sender that will use it instead of being spent idle.
 */
export async function takeSendSlotWithin(withinMs: number, name = 'resend'): Promise<{ slotAt: Date; waitMs: number } | null> {
  return takeSlot(name, withinMs);
}

async function takeSlot(name: string, withinMs: number | null): Promise<{ slotAt: Date; waitMs: number } | null> {
  const [row] = await rowsOf<{ slot_at: Date | string; wait_ms: number | string }>(
    sql`
      insert into send_pacing as p (name, next_at, spacing_ms)
      values (${name}, clock_timestamp() + ${DEFAULT_SPACING_MS} * interval '1 millisecond', ${DEFAULT_SPACING_MS})
      on conflict (name) do update
        set next_at = greatest(p.next_at, clock_timestamp()) + p.spacing_ms * interval '1 millisecond', updated_at = now()
        where ${withinMs}::int is null or p.next_at <= clock_timestamp() + ${withinMs}::int * interval '1 millisecond'
      returning next_at - spacing_ms * interval '1 millisecond' as slot_at,
        greatest(0, extract(epoch from (next_at - spacing_ms * interval '1 millisecond' - clock_timestamp())) * 1000) as wait_ms`,
  );
  return row ? { slotAt: new Date(row.slot_at), waitMs: Math.ceil(Number(row.wait_ms)) } : null;
}

/** What a response said, for every process: a new spacing, and nothing sent before now + holdMs. */
export async function changeSendPacing(change: PacingChange, name = 'resend'): Promise<void> {
  if (change.spacingMs === undefined && change.holdMs === undefined) return;
  const spacing = change.spacingMs ?? null;
  const hold = change.holdMs ?? 0;
  await db.execute(sql`
    insert into send_pacing as p (name, next_at, spacing_ms)
    values (${name}, clock_timestamp() + ${hold} * interval '1 millisecond', coalesce(${spacing}::int, ${DEFAULT_SPACING_MS}))
    on conflict (name) do update
      set spacing_ms = coalesce(${spacing}::int, p.spacing_ms),
        next_at = greatest(p.next_at, clock_timestamp() + ${hold} * interval '1 millisecond'),
        updated_at = now()`);
}

/** Forgets every limit's pace (tests start from nothing heard). */
export async function clearSendPacing(): Promise<void> {
  await db.execute(sql`delete from send_pacing`);
}
