/**
 * Worked postback templates for the common trackers, as both kits' READMEs
 * show them. `docs/trackers.md` explains each with its sources; a test holds
 * the two to the same templates, and renders every one.
 */

export interface TrackerTemplate {
  name: string;
  /** The click id's token in the tracker's own spelling, for the landing URL set up in the tracker. */
  token: string;
  /** `OTP_POSTBACK_URL` with the tracker's own parameter names. */
  postback: string;
  /** What to replace in it besides the domain. */
  note?: string;
}

export const TRACKERS: readonly TrackerTemplate[] = [
  { name: 'Voluum', token: '{clickid}', postback: 'https://your-voluum-domain.example/postback?cid={clickid}&payout={payout}&txid={txid}' },
  { name: 'Binom', token: '{clickid}', postback: 'https://your-binom-domain.example/click.php?cnv_id={clickid}&payout={payout}&cnv_status={event}' },
  {
    name: 'Keitaro',
    token: '{subid}',
    postback: 'https://your-keitaro-domain.example/a1b2c3d/postback?subid={clickid}&status={event}&lead_status=sent&sale_status=verified&payout={payout}',
    note: '`a1b2c3d` is your postback key (Maintenance → Postback URL)',
  },
  {
    name: 'RedTrack',
    token: '{clickid}',
    postback: 'https://your-redtrack-domain.example/postback?clickid={clickid}&sum={payout}&type={event}&rdtk_event_id={txid}',
    note: 'add conversion types `sent` and `verified`, or leave `&type={event}` out',
  },
  {
    name: 'Everflow',
    token: '{transaction_id}',
    postback: 'https://your-everflow-domain.example/?nid=123&transaction_id={clickid}&amount={payout}&adv1={txid}',
    note: '`123` is your network id',
  },
];

/**
 * The kit README's section on postbacks: how to fill `OTP_POSTBACK_URL` for
 * each tracker, written as the kit sets it (`line`: a `.env` line, a
 * `wrangler.jsonc` var), then what the kit does with it (`behaviour`).
 */
export function postbackSection({ origin, where, line, behaviour }: { origin: string; where: string; line: (value: string) => string; behaviour: string }): string {
  const trackers = TRACKERS.map(
    ({ name, token, postback, note }) => `**${name}**: landing URL \`${origin}/?clickid=${token}\`${note ? `; ${note}` : ''}.

\`\`\`
${line(postback)}
\`\`\``,
  ).join('\n\n');
  return `## Postbacks to your tracker

If you buy the traffic through a tracker, this kit tells it which clicks converted: one postback per
verified number, with the tracker's click id.

1. In the tracker, send visitors to the page with its click id in \`clickid\` and any sub ids in
   \`sub1\`…\`sub5\`. The page reads them from its address and sends them with the code.
2. Set \`OTP_POSTBACK_URL\` (${where})
   to the tracker's postback URL, with otp-flow's placeholders where it wants values: \`{clickid}\`,
   \`{sub1}\`…\`{sub5}\`, \`{txid}\` (one id per conversion, the same on every retry), \`{country}\`,
   \`{event}\` (\`verified\`) and \`{payout}\` (\`OTP_POSTBACK_PAYOUT\`, e.g. \`1.50\`).
   \`otp-flow init --postback-url … --postback-payout …\` writes both.

For the common trackers (put your tracker's domain in; it shows its postback URL in its settings):

${trackers}

Placeholders may stand only after the \`?\`, and every value is percent-encoded as it is put in, so no
click id can change where a postback goes. \`OTP_POSTBACK_ON=sent,verified\` also tells the tracker
of each code sent (a lead: \`{event}\` is \`sent\`).

${behaviour}
`;
}
