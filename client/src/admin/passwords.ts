type Translate = (key: string) => string;

/** The shortest password the admin console accepts (the server checks it too). */
export const MIN_PASSWORD = 12;

/** Why `password` will not do, or null. */
export function passwordProblem(password: string, t: Translate): string | null {
  return password.length < MIN_PASSWORD ? t('admin.users.passwordShort') : null;
}
