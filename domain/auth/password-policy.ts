// What makes a password acceptable. Pure, so the api's zod schema and tests share it.
const COMMON = new Set(['password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwerty123', 'iloveyou', 'admin123', 'welcome1', 'letmein123']);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Reasons the password is weak; empty when it is acceptable. */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(`must be at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) problems.push(`must be at most ${PASSWORD_MAX} characters`);
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('must contain letters and digits');
  if (/^(.)\1+$/.test(password)) problems.push('must not repeat one character');
  if (COMMON.has(password.toLowerCase())) problems.push('is too common');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) problems.push('must not contain your email');
  return problems;
}
