// PAP agreement rules: age on a date, the guardian rule, placeholders against declared
// variables, and rendering a body as text (tags never interpreted, placeholders filled).
import { describe, expect, it } from 'vitest';
import { ageOn, mouDetailsProblem, placeholdersOf, renderAgreementText, variablesMismatch, type MouDetails } from '../../domain/pap/mou.js';
import { papLifecycle, papStepRefusal } from '../../domain/pap/status.js';

const details: MouDetails = { legalName: 'A B', dateOfBirth: '2008-06-15', address: { line1: 'x', city: 'y', state: 'z', pin: '411001' }, expectedSalaryBand: 'UP_TO_3_LPA' };

describe('PAP MOU rules', () => {
  it('counts whole years: the day before the 18th birthday is 17, and then a guardian is required', () => {
    expect(ageOn('2008-06-15', new Date('2026-06-14T23:00:00Z'))).toBe(17);
    expect(ageOn('2008-06-15', new Date('2026-06-15T00:00:00Z'))).toBe(18);
    expect(mouDetailsProblem(details, new Date('2026-06-14T00:00:00Z'))).toEqual({ path: 'json.guardian', message: expect.any(String) });
    expect(mouDetailsProblem({ ...details, guardian: { name: 'G', relation: 'Mother', phone: '+919812300009' } }, new Date('2026-06-14T00:00:00Z'))).toBeNull();
    expect(mouDetailsProblem(details, new Date('2026-06-15T00:00:00Z'))).toBeNull();
  });

  it('finds placeholders once each and reports undeclared and unused variables', () => {
    const body = '<p>{{legalName}} and {{ papFee }} and {{legalName}}</p>';
    expect(placeholdersOf(body)).toEqual(['legalName', 'papFee']);
    expect(variablesMismatch(body, ['legalName', 'date'])).toEqual({ undeclared: ['papFee'], unused: ['date'] });
  });

  it('renders text paragraphs: tags dropped, entities decoded, script blocks dropped, missing values left blank', () => {
    const out = renderAgreementText('<h1>MOU</h1><p>I, {{legalName}} &amp; co,</p><script>alert(1)</script><p>pay {{papFee}}</p>', { legalName: '<b>Asha</b>' });
    expect(out).toEqual(['MOU', 'I, <b>Asha</b> & co,', 'pay ________']);
  });

  it('allows each step only from its state; review rejections go back to details or upload', () => {
    expect(papStepRefusal('reviewMou', 'PENDING_MOU_REVIEW')).toBeNull();
    expect(papStepRefusal('reviewMou', 'PENDING_MOU_UPLOAD')).toMatch(/not allowed/);
    expect(papLifecycle.canTransition('PENDING_MOU_REVIEW', 'PENDING_MOU_DETAILS')).toBe(true);
    expect(papLifecycle.canTransition('PENDING_MOU_REVIEW', 'PENDING_MOU_UPLOAD')).toBe(true);
    expect(papLifecycle.isTerminal('COMPLETED') && papLifecycle.isTerminal('WRITTEN_OFF')).toBe(true);
  });
});
