import { z } from 'zod';
import { id, optionalLine, optionalPastDate, optionalText, optionalUrl, requiredLine } from '@/lib/validation/fields';

export const applicationSchema = z.object({
  applicationId: id,
  company: requiredLine('Company', 200),
  position: requiredLine('Position', 200),
  jobUrl: optionalUrl('Job posting link'),
  location: optionalLine('Location', 200),
  source: optionalLine('Where you found it', 200),
  appliedOn: optionalPastDate('Applied on'),
  notes: optionalText('Notes', 10000),
});

export type ApplicationFields = Exclude<keyof z.input<typeof applicationSchema>, 'applicationId'>;
