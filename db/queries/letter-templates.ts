import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, companies, interviews, type LetterTemplate, letterTemplates } from '@/db/schema';
import { BUILTIN_TEMPLATES } from '@/lib/letters/builtins';
import { LETTER_KINDS, type LetterKind } from '@/lib/letters/kinds';
import { id as uuid } from '@/lib/validation/fields';

/**
 * The template a letter is written from. `id` is the person's own row (a
 * custom template, or their edited copy of a built-in), or null for a
 * built-in's text as it ships.
 */
export type EffectiveTemplate = {
  id: string | null;
  name: string;
  kind: LetterKind;
  subject: string;
  body: string;
  builtin: boolean;
};

/** A line on the templates page: built-ins by kind, the person's own by id. */
export type TemplateSummary = EffectiveTemplate & {
  /** What /templates/<key>/edit takes: the kind for a built-in, the id for one's own. */
  key: string;
  description: string | null;
  /** A built-in the person has changed. */
  edited: boolean;
  updatedAt: Date | null;
};

export type TemplateInput = { subject: string; body: string };
export type CustomTemplateInput = TemplateInput & { name: string; kind: LetterKind };

const ownedBy = (userId: string) => eq(letterTemplates.userId, userId);
const isCustom = isNull(letterTemplates.builtinKind);

function builtinSummary(kind: LetterKind, override: LetterTemplate | undefined): TemplateSummary {
  const builtin = BUILTIN_TEMPLATES[kind];
  return {
    key: kind,
    id: override?.id ?? null,
    name: builtin.name,
    kind,
    subject: override?.subject ?? builtin.subject,
    body: override?.body ?? builtin.body,
    builtin: true,
    description: builtin.description,
    edited: Boolean(override),
    updatedAt: override?.updatedAt ?? null,
  };
}

function customSummary(row: LetterTemplate): TemplateSummary {
  const { id, name, kind, subject, body, updatedAt } = row;
  return { key: id, id, name, kind, subject, body, builtin: false, description: null, edited: false, updatedAt };
}

const toEffective = ({ id, name, kind, subject, body, builtin }: TemplateSummary): EffectiveTemplate => ({
  id,
  name,
  kind,
  subject,
  body,
  builtin,
});

async function overrideFor(userId: string, kind: LetterKind, tx: Executor) {
  const [row] = await tx
    .select()
    .from(letterTemplates)
    .where(and(ownedBy(userId), eq(letterTemplates.builtinKind, kind)));
  return row;
}

/** The built-ins, each with the person's edits if any, then the person's own templates by name. */
export async function listTemplates(userId: string, tx: Executor = db): Promise<TemplateSummary[]> {
  const rows = await tx.select().from(letterTemplates).where(ownedBy(userId)).orderBy(asc(letterTemplates.name));
  const overrides = new Map(rows.flatMap((row) => (row.builtinKind ? [[row.builtinKind, row] as const] : [])));
  return [
    ...LETTER_KINDS.map((kind) => builtinSummary(kind, overrides.get(kind))),
    ...rows.filter((row) => !row.builtinKind).map(customSummary),
  ];
}

/** The templates a letter of this kind may be written from, the default (the built-in) first. */
export async function templatesForKind(userId: string, kind: LetterKind, tx: Executor = db): Promise<EffectiveTemplate[]> {
  const rows = await tx
    .select()
    .from(letterTemplates)
    .where(and(ownedBy(userId), eq(letterTemplates.kind, kind)))
    .orderBy(asc(letterTemplates.name));
  const override = rows.find((row) => row.builtinKind === kind);
  return [builtinSummary(kind, override), ...rows.filter((row) => !row.builtinKind).map(customSummary)].map(toEffective);
}

/**
 * The template to write a letter of this kind from. With a template id, that
 * template, but only if it is the person's and made for this kind;
 * otherwise null, as if it did not exist. Without, the person's edited
 * built-in, or the built-in as it ships.
 */
export async function effectiveTemplate(
  userId: string,
  kind: LetterKind,
  templateId?: string | null,
  tx: Executor = db,
): Promise<EffectiveTemplate | null> {
  if (templateId) {
    if (!uuid.safeParse(templateId).success) return null;
    const [row] = await tx
      .select()
      .from(letterTemplates)
      .where(and(ownedBy(userId), eq(letterTemplates.id, templateId)));
    if (!row || row.kind !== kind) return null;
    // A picker may hand back the id of an edited built-in (listTemplates shows it): that is the built-in.
    return toEffective(row.builtinKind ? builtinSummary(kind, row) : customSummary(row));
  }
  return toEffective(builtinSummary(kind, await overrideFor(userId, kind, tx)));
}

/** A built-in as the person sees it, for its editor. */
export async function getBuiltinTemplate(userId: string, kind: LetterKind, tx: Executor = db): Promise<TemplateSummary> {
  return builtinSummary(kind, await overrideFor(userId, kind, tx));
}

/** One of the person's own templates, or null when it is missing, someone else's, or an edited built-in. */
export async function getCustomTemplate(userId: string, templateId: string, tx: Executor = db): Promise<TemplateSummary | null> {
  const [row] = await tx
    .select()
    .from(letterTemplates)
    .where(and(ownedBy(userId), eq(letterTemplates.id, templateId), isCustom));
  return row ? customSummary(row) : null;
}

/** Keeps the person's edits to a built-in: one row per kind, which the partial unique index guarantees. */
export async function saveBuiltinTemplate(userId: string, kind: LetterKind, input: TemplateInput, tx: Executor = db) {
  const [row] = await tx
    .insert(letterTemplates)
    .values({ userId, kind, builtinKind: kind, name: BUILTIN_TEMPLATES[kind].name, ...input })
    .onConflictDoUpdate({
      target: [letterTemplates.userId, letterTemplates.builtinKind],
      targetWhere: isNotNull(letterTemplates.builtinKind),
      set: { ...input, updatedAt: sql`now()` },
    })
    .returning({ id: letterTemplates.id });
  return row.id;
}

/** Drops the person's edits, so the built-in's own text is used again. False when there were none. */
export async function resetBuiltinTemplate(userId: string, kind: LetterKind, tx: Executor = db) {
  const deleted = await tx
    .delete(letterTemplates)
    .where(and(ownedBy(userId), eq(letterTemplates.builtinKind, kind)))
    .returning({ id: letterTemplates.id });
  return deleted.length > 0;
}

export async function createCustomTemplate(userId: string, input: CustomTemplateInput, tx: Executor = db) {
  const [row] = await tx
    .insert(letterTemplates)
    .values({ userId, ...input, builtinKind: null })
    .returning({ id: letterTemplates.id });
  return row.id;
}

/** False when the template is missing or not the person's own. */
export async function updateCustomTemplate(userId: string, templateId: string, input: CustomTemplateInput, tx: Executor = db) {
  const updated = await tx
    .update(letterTemplates)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(ownedBy(userId), eq(letterTemplates.id, templateId), isCustom))
    .returning({ id: letterTemplates.id });
  return updated.length > 0;
}

/** Letters written from it keep their words and template name; only the template goes. */
export async function deleteCustomTemplate(userId: string, templateId: string, tx: Executor = db) {
  const deleted = await tx
    .delete(letterTemplates)
    .where(and(ownedBy(userId), eq(letterTemplates.id, templateId), isCustom))
    .returning({ id: letterTemplates.id });
  return deleted.length > 0;
}

/** The interview a thank-you for this application would be about: its latest. Null if none, or not the person's. */
export async function latestInterviewId(userId: string, applicationId: string, tx: Executor = db) {
  const [row] = await tx
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.applicationId, applicationId)))
    .orderBy(desc(interviews.scheduledAt))
    .limit(1);
  return row?.id ?? null;
}

/** The applications a template can be previewed against, latest changed first. */
export async function previewApplications(userId: string, limit = 20, tx: Executor = db) {
  return tx
    .select({
      id: applications.id,
      company: companies.name,
      position: applications.position,
    })
    .from(applications)
    .innerJoin(companies, and(eq(companies.id, applications.companyId), eq(companies.userId, userId)))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.updatedAt))
    .limit(limit);
}

export type PreviewApplication = Awaited<ReturnType<typeof previewApplications>>[number];
