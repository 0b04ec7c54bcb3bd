import { useState } from 'react';
import { NO_ERRORS, toFormErrors, type FormErrors } from './formErrors';

/** The save cycle every dialog repeats: busy flag, and the core's errors split into form and field messages. */
export function useSubmit(locale: string) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  async function run(action: () => Promise<void>): Promise<void> {
    setSaving(true);
    try {
      await action();
      setErrors(NO_ERRORS);
    } catch (e) {
      setErrors(toFormErrors(e, locale));
    } finally {
      setSaving(false);
    }
  }
  return { errors, setErrors, saving, run };
}
