/** The form-level outcome line: announced politely, coloured by success. */
export function FormMessage({ ok, message }: { ok?: boolean; message?: string }) {
  return (
    <p role="status" aria-live="polite" className={`min-h-5 text-sm ${ok ? 'text-green-800' : 'text-red-700'}`}>
      {message}
    </p>
  );
}
