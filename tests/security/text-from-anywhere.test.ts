import { describe, expect, it } from 'vitest';
import { optionalLine, optionalText, requiredLine } from '@/lib/validation/fields';

/**
 * Names and addresses typed in any script, case and Unicode form. Matching is
 * the database's alone, on both sides of every comparison, so JavaScript and
 * Postgres can never disagree about which company a name names; and what a
 * person types is stored composed (NFC), whatever their keyboard sent.
 */

const decomposed = (text: string) => text.normalize('NFD');

describe('the field rules every form and the import share', () => {
  it('keep text composed (NFC), however it was typed, and count its length composed', () => {
    const nfc = (text: string) => text.normalize('NFC');
    expect(requiredLine('Company').parse(decomposed(' Café Noir '))).toBe(nfc('Café Noir'));
    expect(requiredLine('Company').parse('\u212Bngström AB')).toBe(nfc('Ångström AB'));
    expect(optionalLine('Location').parse(decomposed('Malmö '))).toBe(nfc('Malmö'));
    expect(optionalText('Notes').parse(decomposed('Met José at the café.\n'))).toBe(nfc('Met José at the café.'));
    expect(requiredLine('Company', 4).safeParse(decomposed('Café')).success).toBe(true);
  });
});
