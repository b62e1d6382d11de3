// Reference data the product needs everywhere: tenants, every GST state code, and the
// SAC codes the product bills. Upserts by natural key, so reruns change nothing.
import type { Db } from '../../infra/prisma.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** GST state codes (GSTIN's first two digits). 25 and 28 are historic codes kept for old invoices. */
export const GST_STATE_CODES: [code: string, name: string, alpha: string, ut: boolean, active: boolean][] = [
  ['01', 'Jammu and Kashmir', 'JK', true, true],
  ['02', 'Himachal Pradesh', 'HP', false, true],
  ['03', 'Punjab', 'PB', false, true],
  ['04', 'Chandigarh', 'CH', true, true],
  ['05', 'Uttarakhand', 'UK', false, true],
  ['06', 'Haryana', 'HR', false, true],
  ['07', 'Delhi', 'DL', true, true],
  ['08', 'Rajasthan', 'RJ', false, true],
  ['09', 'Uttar Pradesh', 'UP', false, true],
  ['10', 'Bihar', 'BR', false, true],
  ['11', 'Sikkim', 'SK', false, true],
  ['12', 'Arunachal Pradesh', 'AR', false, true],
  ['13', 'Nagaland', 'NL', false, true],
  ['14', 'Manipur', 'MN', false, true],
  ['15', 'Mizoram', 'MZ', false, true],
  ['16', 'Tripura', 'TR', false, true],
  ['17', 'Meghalaya', 'ML', false, true],
  ['18', 'Assam', 'AS', false, true],
  ['19', 'West Bengal', 'WB', false, true],
  ['20', 'Jharkhand', 'JH', false, true],
  ['21', 'Odisha', 'OD', false, true],
  ['22', 'Chhattisgarh', 'CG', false, true],
  ['23', 'Madhya Pradesh', 'MP', false, true],
  ['24', 'Gujarat', 'GJ', false, true],
  ['25', 'Daman and Diu (before 2020)', 'DD', true, false],
  ['26', 'Dadra and Nagar Haveli and Daman and Diu', 'DN', true, true],
  ['27', 'Maharashtra', 'MH', false, true],
  ['28', 'Andhra Pradesh (before 2014)', 'AP', false, false],
  ['29', 'Karnataka', 'KA', false, true],
  ['30', 'Goa', 'GA', false, true],
  ['31', 'Lakshadweep', 'LD', true, true],
  ['32', 'Kerala', 'KL', false, true],
  ['33', 'Tamil Nadu', 'TN', false, true],
  ['34', 'Puducherry', 'PY', true, true],
  ['35', 'Andaman and Nicobar Islands', 'AN', true, true],
  ['36', 'Telangana', 'TS', false, true],
  ['37', 'Andhra Pradesh', 'AD', false, true],
  ['38', 'Ladakh', 'LA', true, true],
  ['97', 'Other Territory', 'OT', false, true],
  ['99', 'Centre Jurisdiction', 'CJ', false, true],
];

/** SAC codes the product bills, with their GST rates. */
export const SAC_CODES: [code: string, description: string, ratePercent: string][] = [
  ['999293', 'Commercial training and coaching services (mentoring sessions, MAS programs)', '18.00'],
  ['999294', 'Other education and training services n.e.c.', '18.00'],
  ['998439', 'Other on-line contents n.e.c. (token packs, recorded content)', '18.00'],
  ['998512', 'Permanent placement services, other than executive search (Mr-Hire)', '18.00'],
  ['998511', 'Executive and retained personnel search services', '18.00'],
];

export const PLATFORMS: [key: string, name: string, domain: string][] = [
  ['mr-mentor', 'Mr. Mentor', 'mrmentor.in'],
  ['my-analytics-school', 'My Analytics School', 'myanalyticsschool.com'],
];

export async function seedReferenceData(tx: Tx): Promise<void> {
  for (const [key, name, domain] of PLATFORMS) {
    await tx.platform.upsert({ where: { key }, create: { key, name, domain }, update: {} });
  }
  for (const [code, name, alphaCode, isUnionTerritory, isActive] of GST_STATE_CODES) {
    await tx.gstStateCode.upsert({ where: { code }, create: { code, name, alphaCode, isUnionTerritory, isActive }, update: {} });
  }
  for (const [code, description, gstRatePercent] of SAC_CODES) {
    await tx.hsnSacMaster.upsert({ where: { code }, create: { code, type: 'SAC', description, gstRatePercent }, update: {} });
  }
}
