/** A control's refusal, as the server worded it (it says what to do), announced at once. */

/** Props of `ActionAlert`. */
export interface ActionAlertProps {
  error: string | null;
}

/** Shows `error` in a `role="alert"`, or nothing. */
export function ActionAlert({ error }: ActionAlertProps) {
  if (!error) return null;
  return (
    <p className="alert dashboard-alert" role="alert">
      {error}
    </p>
  );
}
