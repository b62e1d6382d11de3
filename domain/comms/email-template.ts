// Email templates: `{{name}}` placeholders in the subject, HTML and text bodies. A template is
// valid when its placeholders are exactly its declared variables (none unknown, none unused);
// rendering fills every declared variable in one pass (a value is never expanded again), escapes
// values for HTML in the HTML body, and keeps the subject on one line (no header injection).
import type { FieldError } from '../errors.js';

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export interface TemplateContent {
  subject: string;
  htmlBody: string;
  textBody: string | null;
  variables: readonly string[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const FIELDS = ['subject', 'htmlBody', 'textBody'] as const;

/** The placeholder names a text uses, in order of first use, and the malformed ones (`{{ first name }}`). */
export function placeholdersOf(text: string): { names: string[]; malformed: string[] } {
  const names: string[] = [];
  const malformed: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (!VARIABLE_NAME.test(name)) malformed.push(m[0]);
    else if (!names.includes(name)) names.push(name);
  }
  return { names, malformed };
}

/** Field errors (paths `json.<field>`) of a template whose placeholders and declared variables disagree; empty when valid. */
export function validateTemplate(t: TemplateContent): FieldError[] {
  const errors: FieldError[] = [];
  const declared = new Set<string>();
  t.variables.forEach((v, i) => {
    if (!VARIABLE_NAME.test(v)) errors.push({ path: `json.variables.${i}`, message: `"${v}" is not a variable name (letters, digits, _; not starting with a digit)` });
    else if (declared.has(v)) errors.push({ path: `json.variables.${i}`, message: `"${v}" is declared twice` });
    declared.add(v);
  });
  const used = new Set<string>();
  for (const field of FIELDS) {
    const text = t[field];
    if (text === null) continue;
    const { names, malformed } = placeholdersOf(text);
    for (const bad of malformed) errors.push({ path: `json.${field}`, message: `${bad} is not a valid placeholder; use {{variableName}}` });
    const unknown = names.filter((n) => !declared.has(n));
    if (unknown.length) errors.push({ path: `json.${field}`, message: `Unknown variable(s) ${unknown.map((n) => `{{${n}}}`).join(', ')}: declare them in variables` });
    names.forEach((n) => used.add(n));
  }
  t.variables.forEach((v, i) => {
    if (VARIABLE_NAME.test(v) && !used.has(v)) errors.push({ path: `json.variables.${i}`, message: `"${v}" is declared but no placeholder uses it` });
  });
  return errors;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The declared variables `data` lacks (a value of "" counts as given). */
export const missingVariables = (t: Pick<TemplateContent, 'variables'>, data: Readonly<Record<string, string>>): string[] => t.variables.filter((v) => !Object.hasOwn(data, v));

function fill(text: string, data: Readonly<Record<string, string>>, encode: (v: string) => string): string {
  return text.replace(PLACEHOLDER, (whole, inner: string) => {
    const name = inner.trim();
    return Object.hasOwn(data, name) ? encode(data[name]!) : whole;
  });
}

/** HTML stripped to text, for a template with no text body. */
function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Renders a template; the caller checks missingVariables first (a missing one would stay as its placeholder). */
export function renderEmailTemplate(t: TemplateContent, data: Readonly<Record<string, string>>): RenderedEmail {
  const subject = fill(t.subject, data, (v) => v.replace(/[\r\n]+/g, ' ')).trim();
  const html = fill(t.htmlBody, data, escapeHtml);
  const text = t.textBody !== null ? fill(t.textBody, data, (v) => v) : textOf(html);
  return { subject, html, text };
}
