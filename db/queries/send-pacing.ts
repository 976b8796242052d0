import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { DEFAULT_SPACING_MS, type PacingChange } from '@/lib/mail/pacing';
import { rowsOf } from '@/db/rows';

// One row per limit, shared by every process on the database; no person's rows.

type SendSlot = { slotAt: Date; waitMs: number };

/**
 * Takes the next free slot of a limit in one atomic statement: the slot is
 * max(next_at, now), and next_at moves one spacing past it. Concurrent
 * takers, in any process, queue on the row and each gets its own slot.
 * With `maxWaitMs`, a slot further off than that is not taken at all (null):
 * a caller that would not wait for it must not use up a slot others could.
 */
export async function takeSendSlot(name?: string): Promise<SendSlot>;
export async function takeSendSlot(name: string, maxWaitMs: number | undefined): Promise<SendSlot | null>;
export async function takeSendSlot(name = 'resend', maxWaitMs?: number): Promise<SendSlot | null> {
  const limit = maxWaitMs === undefined ? sql`` : sql`where greatest(p.next_at, clock_timestamp()) <= clock_timestamp() + ${maxWaitMs} * interval '1 millisecond'`;
  const [row] = await rowsOf<{ slot_at: Date | string; wait_ms: number | string }>(
    sql`
      insert into send_pacing as p (name, next_at, spacing_ms)
      values (${name}, clock_timestamp() + ${DEFAULT_SPACING_MS} * interval '1 millisecond', ${DEFAULT_SPACING_MS})
      on conflict (name) do update
        set next_at = greatest(p.next_at, clock_timestamp()) + p.spacing_ms * interval '1 millisecond', updated_at = now()
        ${limit}
      returning next_at - spacing_ms * interval '1 millisecond' as slot_at,
        greatest(0, extract(epoch from (next_at - spacing_ms * interval '1 millisecond' - clock_timestamp())) * 1000) as wait_ms`,
  );
  return row ? { slotAt: new Date(row.slot_at), waitMs: Math.ceil(Number(row.wait_ms)) } : null;
}

/** How long until a limit's next free slot, in milliseconds (0 when it is free now or the limit has heard nothing). */
export async function nextSendSlotIn(name = 'resend'): Promise<number> {
  const [row] = await rowsOf<{ wait_ms: number | string }>(sql`
    select greatest(0, extract(epoch from (next_at - clock_timestamp())) * 1000) as wait_ms
    from send_pacing where name = ${name}`);
  return row ? Math.ceil(Number(row.wait_ms)) : 0;
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
