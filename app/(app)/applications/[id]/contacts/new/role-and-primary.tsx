import { SelectField } from '@/components/ui/select-field';
import { CONTACT_ROLES } from '@/lib/pipeline/labels';

/** The role and primary choice both add-contact forms ask for; ids are prefixed so two forms can share a page. */
export function RoleAndPrimary({ prefix, values, errors }: { prefix: string; values?: Partial<Record<string, string>>; errors?: string[] }) {
  return (
    <>
      {/* A select ignores a new defaultValue, so remount it to show what was submitted. */}
      <SelectField key={values?.role} id={`${prefix}-role`} name="role" label="Role" options={CONTACT_ROLES} defaultValue={values?.role ?? 'interviewer'} errors={errors} />
      <label className="flex min-h-10 items-center gap-2 text-sm text-stone-800">
        <input type="checkbox" name="primary" defaultChecked={values?.primary === 'on'} className="size-4" />
        Make them the primary contact (the thank-you letter goes to them)
      </label>
    </>
  );
}
