/** Day arithmetic in fixed 24-hour days: the windows and cadences are measured in elapsed time, not calendar days. */
export const DAY_MS = 24 * 60 * 60 * 1000;

export const daysBefore = (moment: Date, days: number) => new Date(moment.getTime() - days * DAY_MS);
export const daysAfter = (moment: Date, days: number) => new Date(moment.getTime() + days * DAY_MS);
