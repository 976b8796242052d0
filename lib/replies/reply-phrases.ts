/**
 * The words a reply's next step is read from, one block a language. Every
 * phrase is written as next-step.ts reads text: lowercase, words separated by
 * one space, straight apostrophes, no punctuation. A new language is a new
 * block here; the reading does not change.
 */
export type ReplyLanguage = 'en' | 'de';

export type LanguagePhrases = {
  /** Everyday words of the language: the language with more of them is the reply's. */
  stopWords: readonly string[];
  /** Say the application is over, whatever else the reply says. */
  rejection: readonly string[];
  /** Regret alone ("unfortunately"): a rejection only when no invitation stands beside it. */
  regret: readonly string[];
  /**
   * An invitation to talk or meet. Never the bare word "interview": a reply to
   * an interview thank-you mentions the interview that already happened.
   */
  invitation: readonly string[];
  /** Words that, up to four words before an invitation, take it back ("will not invite you"). */
  negations: readonly string[];
  /**
   * Phrases blanked out before reading, because they would mislead it: a
   * negation that takes nothing back ("don't hesitate"), or an invitation
   * phrase that looks back at a meeting ("thank you for your availability").
   */
  neutral: readonly string[];
  /** Words that start a new clause: a negation before one does not reach past it. */
  clauseWords: readonly string[];
};

const en: LanguagePhrases = {
  stopWords: [
    'the', 'and', 'you', 'your', 'to', 'of', 'we', 'for', 'is', 'with', 'that', 'this', 'have', 'be', 'are', 'our', 'it',
    'thank', 'thanks', 'would', 'like', 'please', 'regards', 'hello', 'dear', 'at', 'not', 'from', 'as', 'about', 'can',
    'look', 'forward', 'time', 'great', 'us', 'they', 'i', "i'm", 'my', 'me', 'very', 'if', 'or', 'but', 'just', 'know',
    'too', 'nice', 'again', 'all', 'been', 'has', 'had', 'will',
  ],
  rejection: [
    'regret to inform', 'not to move forward', 'not to proceed', 'not to progress', 'not be moving forward',
    "won't be moving forward", 'not moving forward with your', 'not be proceeding', "won't be proceeding", 'not be progressing',
    "won't be progressing", 'move forward with other candidates', 'moving forward with other candidates',
    'proceed with other candidates', 'proceeding with other candidates', 'pursue other candidates', 'decided to pursue other',
    'with another candidate', 'to another candidate', 'other candidates whose', 'position has been filled',
    'role has been filled', 'position has now been filled', 'role has now been filled', 'position was filled',
    'role was filled', 'position is no longer available', 'role is no longer available', 'position is no longer open',
    'role is no longer open', 'no longer being considered', 'no longer under consideration', 'not been selected',
    'were not selected', 'was not selected', 'not able to offer you', 'unable to offer you', 'not be offering you',
    "won't be offering you", 'decided not to offer', 'go in a different direction', 'gone in a different direction',
    'not the right fit', 'future endeavors', 'future endeavours', 'luck in your job search', 'luck with your job search',
    'luck in your search', 'success in your job search', 'best in your job search', 'best in your search',
    'keep your resume on file', 'keep your cv on file', 'keep your details on file', 'keep your application on file',
  ],
  regret: ['unfortunately', 'sadly', 'regretfully', 'we regret'],
  invitation: [
    'invite you to an interview', 'invite you for an interview', 'invite you to interview', 'invite you to a',
    'invite you for a', 'invite you in', 'invite you back', 'inviting you to', 'inviting you for', 'invitation to interview',
    'interview invitation', 'like to interview you', 'love to interview you', 'want to interview you', 'schedule a call',
    'schedule an interview', 'schedule a time', 'schedule a chat', 'schedule a meeting', 'schedule a video',
    'schedule a phone', 'schedule the next', 'scheduling a', 'scheduling an', 'scheduling the next', 'set up a time',
    'set up a call', 'set up an interview', 'set up a meeting', 'set up a chat', 'arrange a call', 'arrange an interview',
    'arrange a time', 'arrange a meeting', 'book a time', 'book a call', 'book a slot', 'pick a time', 'find a time',
    'like to invite', 'move you forward', 'moving you forward', 'advance you to', 'next round', 'second round', 'third round',
    'final round', 'second interview', 'meet the team', 'meet with the team', 'come in and meet',
    'your availability', 'are you available', 'you be available', 'what times work', 'what time works', 'which times work',
    'times that work', 'a time that works', 'time slots', 'available times', 'calendly',
  ],
  negations: [
    'not', 'never', "won't", 'wont', 'cannot', "can't", 'cant', 'unable', "don't", 'dont', "doesn't", "didn't", "isn't",
    "aren't", "wasn't", "weren't", "wouldn't", "couldn't", "shouldn't", 'nor', 'neither',
  ],
  neutral: [
    "don't hesitate", 'do not hesitate', 'not hesitate', "can't wait", 'cannot wait', 'if not', 'or not', 'not only',
    'for your availability', 'got to meet the team',
  ],
  clauseWords: ['but', 'however', 'although', 'though', 'instead'],
};

/**
 * German words are used in the forms that say the thing, not bare: "Termin"
 * and "Vorstellungsgespräch" are in every thank-you reply ("danke für den
 * netten Termin"), "absagen" is also cancelling an appointment ("den Termin
 * absagen"), and "mit anderen Kandidaten" is often still in the running.
 */
const de: LanguagePhrases = {
  stopWords: [
    'und', 'der', 'die', 'das', 'ich', 'sie', 'wir', 'ihnen', 'ihre', 'ihr', 'nicht', 'mit', 'für', 'ist', 'zu', 'den',
    'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'uns', 'unser', 'unsere', 'auf', 'dass', 'vielen', 'dank', 'danke',
    'gerne', 'gern', 'sehr', 'bitte', 'grüße', 'grüßen', 'freundlichen', 'liebe', 'lieber', 'hallo', 'herr', 'frau',
    'wie', 'noch', 'auch', 'bei', 'von', 'haben', 'sind', 'werden', 'würden', 'können', 'möchten', 'leider', 'es', 'sich',
    'wenn', 'oder', 'aber', 'über', 'nach',
  ],
  rejection: [
    'absage', 'ihnen absagen', 'ihnen leider absagen', 'eine absage', 'absage erteilen', 'absage mitteilen', 'nicht weiter berücksichtigen',
    'nicht berücksichtigen', 'nicht weiter berücksichtigt', 'nicht berücksichtigt werden', 'nicht in die engere auswahl',
    'nicht in die nächste runde', 'für einen anderen kandidaten', 'für eine andere kandidatin', 'für andere kandidaten',
    'für einen anderen bewerber', 'für eine andere bewerberin', 'für andere bewerber', 'anderen kandidaten den vorzug',
    'anderen bewerbern den vorzug', 'bereits besetzt', 'anderweitig besetzt', 'anderweitig vergeben', 'gegen sie entschieden',
    'nicht weiterverfolgen', 'nicht weiter verfolgen', 'ihren weiteren beruflichen weg', 'ihre weitere stellensuche',
    'ihrer weiteren stellensuche', 'ihrer weiteren jobsuche', 'keine positive rückmeldung',
  ],
  regret: ['leider', 'bedauerlicherweise', 'bedauern'],
  invitation: [
    'einladen', 'laden sie', 'laden wir sie', 'einladung zum', 'einladung zu einem', 'zu einem zweiten gespräch',
    'zu einem persönlichen gespräch', 'zweites gespräch', 'zweites vorstellungsgespräch', 'nächste runde',
    'termin vereinbaren', 'einen termin', 'terminvorschlag', 'terminvorschläge', 'termin für', 'passt ihnen',
    'passen ihnen', 'hätten sie zeit', 'haben sie zeit', 'sind sie verfügbar', 'ihre verfügbarkeit', 'ihre verfügbarkeiten',
    'zeit für ein gespräch', 'sie gerne kennenlernen', 'sie gerne persönlich kennenlernen', 'sie gerne näher kennenlernen',
    'telefonat vereinbaren', 'telefoninterview', 'videointerview',
  ],
  negations: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'nie', 'niemals'],
  neutral: ['zögern sie nicht', 'nicht nur', 'kennenlernen zu dürfen', 'für ihre verfügbarkeit'],
  clauseWords: ['aber', 'jedoch', 'sondern', 'allerdings'],
};

export const REPLY_PHRASES: Record<ReplyLanguage, LanguagePhrases> = { en, de };
