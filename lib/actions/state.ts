/**
 * What every action returns to its form. `values` echoes what was typed, so a
 * form that fails keeps it; `fieldErrors` sit next to their fields.
 */
export type ActionState<Fields extends string = string, Data = unknown> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<Fields, string[]>>;
  values?: Partial<Record<Fields, string>>;
  /** What a form shows beyond a message, e.g. an import's preview. */
  data?: Data;
  /**
   * Where the page goes next, for a form answered by a route handler rather
   * than a server action (the CSV import): redirect() reaches the browser
   * only from a server action.
   */
  redirectTo?: string;
};

/** A server action as a form receives it: a shared component takes its action as a prop of this type. */
export type FormAction<Data = unknown> = (state: ActionState<string, Data>, formData: FormData) => Promise<ActionState<string, Data>>;
