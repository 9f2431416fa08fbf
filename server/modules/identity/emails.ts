import type { OutgoingEmail } from './outbox';

const copenhagen = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
});

/** A moment as a Dane reads it, e.g. "21. november kl. 14.05". */
export function danishTime(at: Date): string {
  const parts = Object.fromEntries(copenhagen.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day}. ${parts.month} kl. ${parts.hour}.${parts.minute}`;
}

export function passwordResetEmail(input: { to: string; name: string; link: string; partnershipId: string }): OutgoingEmail {
  return {
    to: input.to,
    kind: 'password_reset',
    partnershipId: input.partnershipId,
    subject: 'Nulstil din adgangskode til Samspil',
    bodyText: [
      `Hej ${input.name}`,
      '',
      'Vi har fået en anmodning om at nulstille adgangskoden til din Samspil-konto.',
      'Vælg en ny adgangskode via linket herunder. Linket virker én gang og udløber om 1 time.',
      '',
      input.link,
      '',
      'Har du ikke bedt om det, kan du se bort fra denne e-mail. Din adgangskode er ikke ændret.',
      '',
      'Venlig hilsen',
      'Samspil',
    ].join('\n'),
  };
}

export function invitationEmail(input: {
  to: string; name: string; link: string; organisationName: string; partnershipName: string;
  invitedBy: string | null; partnershipId: string;
}): OutgoingEmail {
  return {
    to: input.to,
    kind: 'invitation',
    partnershipId: input.partnershipId,
    subject: `Du er inviteret til Samspil (${input.partnershipName})`,
    bodyText: [
      `Hej ${input.name}`,
      '',
      `${input.invitedBy ?? 'En administrator'} har inviteret dig til Samspil, partnerskabet ${input.partnershipName}s fælles arbejdsværktøj,`,
      `som bruger hos ${input.organisationName}.`,
      '',
      'Opret din adgangskode via linket herunder. Linket udløber om 7 dage.',
      '',
      input.link,
      '',
      'Venlig hilsen',
      'Samspil',
    ].join('\n'),
  };
}
