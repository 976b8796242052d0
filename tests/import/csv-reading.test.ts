import { describe, expect, it } from 'vitest';
import { chosenMapping, guessMapping, mappingProblems } from '@/lib/csv/columns';
import { detectDateOrder, parseDate } from '@/lib/csv/dates';
import { MAX_ROWS } from '@/lib/csv/limits';
import { readCsv } from '@/lib/csv/read-csv';
import { stageFromWord } from '@/lib/csv/stage-words';

describe('readCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a byte-order mark', () => {
    const file = readCsv('\ufeffCompany,Notes\r\n"Acme, Inc.","said ""hi""\r\nthen left"\r\nBeta,plain\r\n');
    expect(file).toEqual({
      ok: true,
      headers: ['Company', 'Notes'],
      records: [
        { line: 2, cells: ['Acme, Inc.', 'said "hi"\r\nthen left'] },
        { line: 3, cells: ['Beta', 'plain'] },
      ],
      problems: [],
    });
  });

  it('detects semicolons and tabs as separators', () => {
    const semicolons = readCsv('Company;Position\nAcme;Engineer, senior\n');
    expect(semicolons.ok && semicolons.records[0].cells).toEqual(['Acme', 'Engineer, senior']);
    const tabs = readCsv('Company\tPosition\nAcme\tEngineer\n');
    expect(tabs.ok && tabs.records[0].cells).toEqual(['Acme', 'Engineer']);
  });

  it('skips blank lines but keeps counting them, as a spreadsheet numbers rows', () => {
    const file = readCsv('Company\nAcme\n\n,\nBeta\n');
    expect(file.ok && file.records.map((r) => r.line)).toEqual([2, 5]);
  });

  it('reports an unclosed quote as a problem on its line', () => {
    const file = readCsv('Company,Position\nAcme,Engineer\nBeta,"Designer\nGamma,Writer\n');
    expect(file.ok && file.problems).toEqual([{ line: 3, reason: expect.stringMatching(/quoted value is not closed/) }]);
    expect(file.ok && file.records.map((r) => r.cells[0])).toEqual(['Acme']);
  });

  it('refuses empty files, files with only a header, binary files and too many rows', () => {
    expect(readCsv('  \n')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(readCsv('Company,Position\n')).toMatchObject({ ok: false, message: expect.stringMatching(/no applications/) });
    expect(readCsv('PK\u0003\u0004\u0000\u0000')).toMatchObject({ ok: false, message: expect.stringMatching(/not a CSV/) });
    const many = `Company\n${'Acme\n'.repeat(MAX_ROWS + 1)}`;
    expect(readCsv(many)).toMatchObject({ ok: false, message: expect.stringMatching(/5,001 rows; import at most 5,000/) });
  });
});

describe('column mapping', () => {
  it('maps the headers Huntr, Teal and spreadsheets use, whatever the case and spacing', () => {
    expect(
      guessMapping(['Company Name', ' JOB_TITLE ', 'List', 'Date Applied', 'Job Link', 'location', 'Description', 'Salary']),
    ).toEqual(['company', 'position', 'stage', 'appliedOn', 'jobUrl', 'location', 'notes', 'skip']);
    expect(guessMapping(['Employer', 'Role', 'Status', 'Applied On', 'Posting URL', 'Comments'])).toEqual([
      'company',
      'position',
      'stage',
      'appliedOn',
      'jobUrl',
      'notes',
    ]);
    expect(guessMapping(['Organization', 'Title', 'Date', 'URL'])).toEqual(['company', 'position', 'appliedOn', 'jobUrl']);
  });

  it('gives a field to the first column that could fill it and skips the second', () => {
    expect(guessMapping(['Company', 'Employer', 'Notes', 'Comments'])).toEqual(['company', 'skip', 'notes', 'skip']);
  });

  it('takes the person’s choices, falling back to the guess for anything unknown', () => {
    expect(chosenMapping(['Company', 'Job', 'Extra'], ['skip', 'company', 'userId'])).toEqual(['skip', 'company', 'skip']);
  });

  it('says when company or position has no column, or a field has two', () => {
    expect(mappingProblems(['company', 'company', 'skip'])).toEqual([
      '2 columns are set to Company: choose one.',
      'No column is set to Position: choose the column that holds it.',
    ]);
    expect(mappingProblems(['company', 'position'])).toEqual([]);
  });
});

describe('stage words', () => {
  it.each([
    ['Wishlist', 'wishlist'],
    ['saved', 'wishlist'],
    ['Bookmarked', 'wishlist'],
    ['Applying', 'applied'],
    ['APPLIED', 'applied'],
    ['Phone Screen', 'interviewing'],
    ['interview', 'interviewing'],
    ['Offered', 'offer'],
    ['Hired', 'accepted'],
    ['Declined by company', 'rejected'],
    ['Rejected', 'rejected'],
    ['Withdrawn', 'withdrawn'],
    ['Declined', 'declined'],
    ['No response', 'ghosted'],
    ['ghosted', 'ghosted'],
  ])('%s is %s', (word, stage) => {
    expect(stageFromWord(word)).toBe(stage);
  });

  it('names no stage for an unknown word', () => {
    expect(stageFromWord('Maybe later')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026/3/4', '2026-03-04'],
    ['2026-03-14T23:30:00Z', '2026-03-14'],
    ['2026-03-14 09:15:00', '2026-03-14'],
    ['2026-03-14T09:15:00.000+02:00', '2026-03-14'],
    ['14.3.2026', '2026-03-14'],
    ['14 March 2026', '2026-03-14'],
    ['Mar 4, 2026', '2026-03-04'],
    ['Sept 30 2025', '2025-09-30'],
  ])('reads %s as %s', (text, date) => {
    expect(parseDate(text, 'month-first')).toEqual({ ok: true, date });
  });

  it('reads slash dates in the order given', () => {
    expect(parseDate('3/4/2026', 'month-first')).toEqual({ ok: true, date: '2026-03-04' });
    expect(parseDate('3/4/2026', 'day-first')).toEqual({ ok: true, date: '2026-04-03' });
    expect(parseDate('12/31/25', 'month-first')).toEqual({ ok: true, date: '2025-12-31' });
  });

  it('refuses what is no date', () => {
    for (const text of ['2026-02-30', '13/13/2026', 'yesterday', 'Marx 4, 2026', '31/12/2026 ']) {
      expect(parseDate(text, 'month-first').ok, text).toBe(false);
    }
  });

  it('detects the order from a day above 12, and says when it had to assume', () => {
    expect(detectDateOrder(['3/4/2026', '25/03/2026'])).toEqual({ order: 'day-first', ambiguous: true });
    expect(detectDateOrder(['3/4/2026', '03/25/2026'])).toEqual({ order: 'month-first', ambiguous: true });
    expect(detectDateOrder(['3/4/2026', '2026-01-05'])).toEqual({ order: null, ambiguous: true });
    expect(detectDateOrder(['2026-01-05', '5/5/2026'])).toEqual({ order: null, ambiguous: false });
  });
});
