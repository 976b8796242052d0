import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/state';
import { describeUnexpected, UserError } from '@/lib/errors';
import { getUser, type SessionUser } from './user';

type Schema = z.ZodType<unknown, Record<string, unknown>>;
type FieldsOf<S extends Schema> = Extract<keyof z.input<S>, string>;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

async function run<S extends Schema, R extends ActionState | void>(
  name: string,
  schema: S,
  formData: FormData,
  handler: (input: z.output<S>) => Promise<R>,
): Promise<ActionState<FieldsOf<S>>> {
  const values = formValues(formData) as Partial<Record<FieldsOf<S>, string>>;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error as z.ZodError<Record<string, unknown>>);
    return { ok: false, message: 'Please correct the fields marked in red.', fieldErrors, values } as ActionState<FieldsOf<S>>;
  }
  try {
    const result = await handler(parsed.data);
    return { ok: true, values, ...(result ?? {}) } as ActionState<FieldsOf<S>>;
  } catch (error) {
    // redirect() and notFound() work by throwing; they must pass through.
    unstable_rethrow(error);
    const message = error instanceof UserError ? error.message : describeUnexpected(name, error);
    return { ok: false, message, values };
  }
}

/**
 * The one way to write a server action. Server actions are public endpoints,
 * so this re-checks the session on every call, validates the form with zod,
 * and turns failures into messages instead of 500s.
 */
export function authedAction<S extends Schema, Data = unknown>(
  name: string,
  schema: S,
  // formData is there for what zod cannot read from strings, such as an uploaded file.
  handler: (input: z.output<S>, user: SessionUser, formData: FormData) => Promise<ActionState<string, Data> | void>,
) {
  return async (_previous: ActionState<FieldsOf<S>, Data>, formData: FormData): Promise<ActionState<FieldsOf<S>, Data>> => {
    let user: SessionUser | null;
    try {
      user = await getUser();
    } catch (error) {
      return { ok: false, message: describeUnexpected(name, error) };
    }
    if (!user) return { ok: false, message: 'Your session has ended. Sign in again to continue.' };
    return run(name, schema, formData, (input) => handler(input, user, formData)) as Promise<ActionState<FieldsOf<S>, Data>>;
  };
}

/** The same wrapper for the few actions a signed-out visitor may call (asking for a sign-in link). */
export function publicAction<S extends Schema>(
  name: string,
  schema: S,
  handler: (input: z.output<S>) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState<FieldsOf<S>>, formData: FormData): Promise<ActionState<FieldsOf<S>>> =>
    run(name, schema, formData, handler);
}
