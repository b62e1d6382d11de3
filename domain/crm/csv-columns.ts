// CSV lead imports: which lead field each header names. Lenient on purpose — case, spaces,
// underscores and common spreadsheet wordings ("Mobile No.", "Email ID") all map; a header
// that names no lead column is kept in extraData under its own text.

export const LEAD_COLUMNS = [
  'name',
  'phone',
  'email',
  'alternatePhone',
  'city',
  'state',
  'college',
  'qualification',
  'graduationYear',
  'sessionYear',
  'sourceDetail',
  'utmSource',
  'utmMedium',
  'utmCampaign',
] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];

const ALIASES: Record<LeadColumn, readonly string[]> = {
  name: ['name', 'fullname', 'leadname', 'studentname', 'candidatename'],
  phone: ['phone', 'mobile', 'phonenumber', 'mobilenumber', 'mobileno', 'phoneno', 'contactnumber', 'contact'],
  email: ['email', 'emailaddress', 'emailid', 'mail'],
  alternatePhone: ['alternatephone', 'alternatemobile', 'altphone', 'alternatenumber'],
  city: ['city'],
  state: ['state'],
  college: ['college', 'collegename', 'university'],
  qualification: ['qualification', 'degree', 'education'],
  graduationYear: ['graduationyear', 'passingyear', 'yearofgraduation', 'gradyear', 'yearofpassing'],
  sessionYear: ['sessionyear', 'session', 'intake'],
  sourceDetail: ['sourcedetail', 'sourcedetails', 'source'],
  utmSource: ['utmsource'],
  utmMedium: ['utmmedium'],
  utmCampaign: ['utmcampaign'],
};

const BY_ALIAS = new Map<string, LeadColumn>(LEAD_COLUMNS.flatMap((col) => ALIASES[col].map((alias) => [alias, col] as const)));

/** "Graduation Year", "graduation_year" and "graduationYear" all become "graduationyear". */
export const compactHeader = (header: string) => header.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');

/** What one CSV column holds: a lead field, an extraData key, or nothing (a blank header). */
export type ColumnTarget = { kind: 'field'; field: LeadColumn; header: string } | { kind: 'extra'; key: string; header: string } | { kind: 'skip' };

export interface HeaderMapping {
  columns: ColumnTarget[];
  /** Problems that make the file unusable (the import stops before any row). */
  problems: string[];
}

export const MAX_EXTRA_KEY_LENGTH = 100;

export function mapHeader(headers: readonly string[]): HeaderMapping {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const columns = headers.map((raw): ColumnTarget => {
    const header = raw.trim();
    if (header === '') return { kind: 'skip' };
    const field = BY_ALIAS.get(compactHeader(header));
    const id = field ?? `extra:${header.toLowerCase()}`;
    const before = seen.get(id);
    if (before !== undefined) problems.push(`Columns "${before}" and "${header}" both hold ${field ?? header}`);
    seen.set(id, header);
    if (field) return { kind: 'field', field, header };
    return { kind: 'extra', key: header.slice(0, MAX_EXTRA_KEY_LENGTH), header };
  });
  const has = (f: LeadColumn) => columns.some((c) => c.kind === 'field' && c.field === f);
  if (!has('name')) problems.push('No name column (a header such as "name" or "full name")');
  if (!has('phone') && !has('email')) problems.push('No phone or email column');
  return { columns, problems };
}

export interface MappedRow {
  /** The lead fields, as text; blank cells are left out. */
  values: Partial<Record<LeadColumn, string>>;
  extraData: Record<string, string> | undefined;
  /** Cells beyond the header, which no column names. */
  surplusCells: number;
}

export function mapRow(mapping: HeaderMapping, cells: readonly string[]): MappedRow {
  const values: Partial<Record<LeadColumn, string>> = {};
  let extraData: Record<string, string> | undefined;
  cells.forEach((cell, i) => {
    const target = mapping.columns[i];
    const value = cell.trim();
    if (!target || target.kind === 'skip' || value === '') return;
    if (target.kind === 'field') values[target.field] = value;
    else (extraData ??= {})[target.key] = value;
  });
  const surplusCells = cells.slice(mapping.columns.length).filter((c) => c.trim() !== '').length;
  return { values, extraData, surplusCells };
}

/** The header a field came from, for error paths the uploader recognises. */
export function headerOf(mapping: HeaderMapping, field: string): string {
  const col = mapping.columns.find((c) => c.kind === 'field' && c.field === field);
  return col && col.kind === 'field' ? col.header : field;
}
