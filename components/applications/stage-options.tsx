import { STAGES } from '@/lib/pipeline/stages';

/** The stages as <option>s in pipeline order, after an empty first choice ("All stages", "Choose a stage…"). */
export function StageOptions({ empty }: { empty: string }) {
  return (
    <>
      <option value="">{empty}</option>
      {STAGES.map((s) => (
        <option key={s.id} value={s.id}>
          {s.label}
        </option>
      ))}
    </>
  );
}
