import { describe, expect, it } from 'vitest';
import { APPLICATION_STAGES, type ApplicationStage } from '@/lib/pipeline/stages';
import { NEXT_STEP_LABELS, nextStepLabel, replyLanguage, suggestNextStep, type NextStep } from '@/lib/replies/next-step';
import { REPLY_PHRASES } from '@/lib/replies/reply-phrases';

const step = (text: string, subject = 'Re: Thank you for the interview', stage: ApplicationStage = 'applied') =>
  suggestNextStep({ subject, text, stage });

const snippets: [string, NextStep][] = [
  // English rejections, including ones that mention the interview that was.
  [
    'Hi Ada, thank you for your interest in the Senior Engineer role. Unfortunately, after careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.',
    'move_to_rejected',
  ],
  ['We regret to inform you that the position has been filled.', 'move_to_rejected'],
  ['Thank you for taking the time to interview with us. We have decided not to proceed with your application at this time.', 'move_to_rejected'],
  ['Unfortunately we will not invite you to interview for this role.', 'move_to_rejected'],
  ['Unfortunately, we won’t be scheduling a second interview.', 'move_to_rejected'],
  ['Thanks for your patience. The role is no longer available, but we will keep your CV on file.', 'move_to_rejected'],
  ['We won’t be moving forward with your application. We wish you the best in your job search.', 'move_to_rejected'],
  ['Thanks Ada. You did well in the “second interview”, but we have decided to pursue other candidates.', 'move_to_rejected'],
  ['Thank you for applying. Sadly, we are unable to offer you a position on the team.', 'move_to_rejected'],
  ['Thanks again for your time. We have gone in a different direction for this role.', 'move_to_rejected'],
  ['THANK YOU FOR YOUR PATIENCE. WE HAVE DECIDED NOT TO MOVE FORWARD.', 'move_to_rejected'],
  // English invitations.
  ['Hi Ada, thanks for applying! We would love to invite you to an interview. Are you available next Tuesday at 10am?', 'log_interview'],
  ['Could you send over your availability for a call next week?', 'log_interview'],
  ['Great news: the hiring manager would like you in the next round. Please pick a time here: https://calendly.com/acme/30min', 'log_interview'],
  ['Let’s set up a time to chat about the role.', 'log_interview'],
  ['Thanks for the kind note! We would like to move you forward to a second interview with the team.', 'log_interview'],
  ['I’m no longer available on Tuesday. Are you available on Thursday instead?', 'log_interview'],
  ['Unfortunately I am travelling next week, but would you be available the week after for a call?', 'log_interview'],
  ['Does Monday work? If not, are you available on Friday?', 'log_interview'],
  ['Don’t hesitate to send me your availability for next week.', 'log_interview'],
  ['We were impressed and would like you to come in and meet the team.', 'log_interview'],
  // A negation reaches to the end of its sentence or clause, not past it.
  ['Thanks, I am not sure yet. Are you available on Tuesday?', 'log_interview'],
  ['Monday does not work but are you available on Tuesday?', 'log_interview'],
  // English replies that are neither.
  ['Thanks, nice meeting you too!', 'mark_read'],
  ['Thank you for your note, Ada. It was a pleasure to meet you and talk about the interview. We will be in touch.', 'mark_read'],
  ['Thank you for your availability yesterday, it was great talking to you.', 'mark_read'],
  ['Received, thanks! The team is still reviewing applications.', 'mark_read'],
  ['Glad you got to meet the team! We will let you know by Friday.', 'mark_read'],
  ['We will not be scheduling interviews until the budget is approved.', 'mark_read'],
  // German rejections.
  [
    'Sehr geehrte Frau Lovelace, vielen Dank für Ihre Bewerbung. Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.',
    'move_to_rejected',
  ],
  ['Nach sorgfältiger Prüfung können wir Ihre Bewerbung leider nicht weiter berücksichtigen.', 'move_to_rejected'],
  ['Leider müssen wir Ihnen eine Absage erteilen. Wir wünschen Ihnen für Ihren weiteren beruflichen Weg alles Gute.', 'move_to_rejected'],
  ['Vielen Dank für das Gespräch. Die Stelle ist inzwischen bereits besetzt.', 'move_to_rejected'],
  ['Wir werden Sie leider nicht zu einem Vorstellungsgespräch einladen.', 'move_to_rejected'],
  ['Absage. Wir haben uns anders entschieden.', 'move_to_rejected'],
  // German invitations.
  ['Vielen Dank für Ihre Bewerbung. Wir möchten Sie gerne zu einem Vorstellungsgespräch einladen. Passt Ihnen Dienstag um 10 Uhr?', 'log_interview'],
  ['Gerne würden wir einen Termin für ein zweites Gespräch vereinbaren. Bitte senden Sie uns Ihre Verfügbarkeit.', 'log_interview'],
  ['Wir laden Sie herzlich zu einem Gespräch mit dem Team ein.', 'log_interview'],
  ['Leider bin ich nächste Woche im Urlaub. Hätten Sie Zeit in der Woche darauf?', 'log_interview'],
  ['Montag geht leider nicht aber passt Ihnen Dienstag?', 'log_interview'],
  // German replies that are neither.
  ['Vielen Dank für Ihre Nachricht, es war schön, Sie kennenlernen zu dürfen.', 'mark_read'],
  ['Danke, gleichfalls! Wir melden uns in Kürze bei Ihnen.', 'mark_read'],
  ['Vielen Dank für das nette Vorstellungsgespräch gestern und den freundlichen Termin.', 'mark_read'],
  ['Wir können Ihnen noch keinen Termin für ein Gespräch nennen.', 'mark_read'],
  ['Wir sprechen noch mit anderen Kandidaten und melden uns nächste Woche.', 'mark_read'],
  ['Ich muss unseren Termin am Dienstag leider absagen. Passt Ihnen Mittwoch?', 'log_interview'],
  // Languages without rules, and nothing at all.
  ['Malheureusement, nous avons décidé de ne pas donner suite à votre candidature.', 'mark_read'],
  ['¿Está disponible para una entrevista el martes?', 'mark_read'],
  // English rules would read this invitation; a reply in a language without rules is only marked read.
  ['Pouvons-nous fixer un entretien ? Voici mon calendly.', 'mark_read'],
  ['👍', 'mark_read'],
  ['', 'mark_read'],
];

describe('suggestNextStep reads a reply', () => {
  it.each(snippets)('“%s” → %s', (text, expected) => {
    expect(step(text)).toBe(expected);
  });

  it('has at least 30 snippets, in both languages and all three outcomes', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(30);
    expect(new Set(snippets.map(([, outcome]) => outcome))).toEqual(new Set(['log_interview', 'move_to_rejected', 'mark_read']));
  });
});

describe('replyLanguage', () => {
  it.each([
    ['Thanks, nice meeting you too!', 'en'],
    ['Danke, gleichfalls! Wir melden uns.', 'de'],
    ['THANK YOU FOR YOUR TIME', 'en'],
    ['Vielen Dank für das Gespräch, thanks!', 'de'],
    ['Malheureusement, nous avons décidé de ne pas donner suite.', null],
    ['Danke! Thanks!', null],
    ['', null],
  ])('“%s” is %s', (text, language) => {
    expect(replyLanguage(text)).toBe(language);
  });
});

describe('the subject', () => {
  it('is read when the reply has a subject of its own', () => {
    expect(step('Hi Ada, please see the subject.', 'Interview invitation: Acme')).toBe('log_interview');
    expect(step('Bitte beachten Sie den Betreff.', 'Einladung zum Vorstellungsgespräch')).toBe('log_interview');
  });

  it('is not read when it is our own, after Re:, AW: or Fwd: (our letter’s words are not their answer)', () => {
    expect(step('Thanks, nice meeting you too', 'Re: Thank you for the second interview')).toBe('mark_read');
    expect(step('Danke, gleichfalls!', 'AW: Einladung zum Vorstellungsgespräch')).toBe('mark_read');
    expect(step('Thanks!', 'Fwd: Next round')).toBe('mark_read');
    expect(step('Thanks!', 'RE[2]: Next round')).toBe('mark_read');
  });

  it('in English does not make a German reply English', () => {
    expect(step('Leider müssen wir Ihnen absagen.', 'Re: Thank you for the interview, it was great to meet you all')).toBe('move_to_rejected');
  });
});

describe('every phrase', () => {
  // Written as the text is read (lowercase, straight apostrophes, no punctuation), or it would never match.
  const opening = { en: 'Thank you for your application.', de: 'Vielen Dank für Ihre Bewerbung.' };

  for (const [language, rules] of Object.entries(REPLY_PHRASES) as [keyof typeof opening, (typeof REPLY_PHRASES)['en']][]) {
    it(`of ${language} matches as it is written`, () => {
      for (const phrase of rules.rejection) expect(step(`${opening[language]} ${phrase}.`), phrase).toBe('move_to_rejected');
      for (const phrase of rules.regret) expect(step(`${opening[language]} ${phrase}.`), phrase).toBe('move_to_rejected');
      for (const phrase of rules.invitation) expect(step(`${opening[language]} ${phrase}.`), phrase).toBe('log_interview');
      for (const phrase of rules.neutral) expect(step(`${opening[language]} ${phrase}.`), phrase).toBe('mark_read');
    });
  }
});

describe('the stage', () => {
  const rejection = 'Unfortunately, we have decided not to move forward.';
  const invitation = 'We would love to invite you to an interview.';

  it.each(APPLICATION_STAGES.map((stage) => [stage]))('decides what a rejection suggests when the application is %s', (stage) => {
    const settled = ['rejected', 'withdrawn', 'declined', 'accepted'].includes(stage);
    expect(step(rejection, 'Your application', stage)).toBe(settled ? 'mark_read' : 'move_to_rejected');
  });

  it.each(APPLICATION_STAGES.map((stage) => [stage]))('decides what an invitation suggests when the application is %s', (stage) => {
    const open = ['wishlist', 'applied', 'interviewing', 'offer'].includes(stage);
    expect(step(invitation, 'Your application', stage)).toBe(open ? 'log_interview' : 'mark_read');
  });

  it('leaves a plain reply as mark_read at every stage', () => {
    for (const stage of APPLICATION_STAGES) expect(step('Thanks, nice meeting you too', 'Re: Thanks', stage)).toBe('mark_read');
  });
});

describe('long replies', () => {
  it('reads the first 20,000 characters only, and quickly', () => {
    const filler = 'Thanks for the update. '.repeat(1_000);
    expect(step(`${filler.slice(0, 19_000)} We regret to inform you.`)).toBe('move_to_rejected');
    expect(step(`${filler} We regret to inform you.`)).toBe('mark_read');

    const started = performance.now();
    expect(step('not '.repeat(250_000), 'x'.repeat(1_000_000))).toBe('mark_read');
    expect(step(`${"don't hesitate ".repeat(100_000)}`)).toBe('mark_read');
    expect(step(`Thank you. ${'are you available '.repeat(100_000)}`)).toBe('log_interview');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('labels', () => {
  it('are the person’s words for each step', () => {
    expect(NEXT_STEP_LABELS).toEqual({
      log_interview: 'Move to Interviewing and log the interview',
      move_to_rejected: 'Move to Rejected',
      mark_read: 'Mark as read',
    });
  });

  it('say only “Log the interview” where the stage would not move', () => {
    expect(nextStepLabel('log_interview', 'wishlist')).toBe('Move to Interviewing and log the interview');
    expect(nextStepLabel('log_interview', 'applied')).toBe('Move to Interviewing and log the interview');
    expect(nextStepLabel('log_interview', 'interviewing')).toBe('Log the interview');
    expect(nextStepLabel('log_interview', 'offer')).toBe('Log the interview');
    expect(nextStepLabel('move_to_rejected', 'interviewing')).toBe('Move to Rejected');
    expect(nextStepLabel('mark_read', 'offer')).toBe('Mark as read');
  });
});
