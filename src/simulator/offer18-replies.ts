/**
 * How the simulator words its replies: Offer18's documentation shows the same
 * answer in several shapes (`status` as a string or a number, two spellings
 * of each response, the requestId in three places), and a real campaign may
 * use any of them, so every shape is one `ReplyVariant` the simulator can be
 * switched to.
 */

export interface ReplyVariant {
  /** `"200"` as the docs print it, or the number 200. */
  status: 'string' | 'number';
  sent: 'otp_sent' | 'otp_sent_successfully';
  verified: 'otp_verified' | 'otp_verified_successfully';
  /** The requestId as `data: "…"`, as `data: {requestId: "…"}`, or no `data` at all. */
  data: 'string' | 'object' | 'absent';
  /** HTTP status of a `{"status":"400","error":…}` reply. */
  failureHttpStatus: 200 | 400;
}

export const DEFAULT_VARIANT: ReplyVariant = {
  status: 'string',
  sent: 'otp_sent',
  verified: 'otp_verified',
  data: 'string',
  failureHttpStatus: 200,
};

/**
 * Every reply shape Offer18's documentation shows, each a way a real campaign
 * may answer: the proxy must read them all alike.
 */
export const DOCUMENTED_VARIANTS: ReadonlyArray<Partial<ReplyVariant>> = [
  { status: 'string', sent: 'otp_sent', verified: 'otp_verified', data: 'string' },
  { status: 'number', sent: 'otp_sent', verified: 'otp_verified', data: 'string' },
  { status: 'string', sent: 'otp_sent_successfully', verified: 'otp_verified_successfully', data: 'absent' },
  { status: 'number', sent: 'otp_sent_successfully', verified: 'otp_verified_successfully', data: 'object' },
  { status: 'string', sent: 'otp_sent', verified: 'otp_verified', data: 'object', failureHttpStatus: 400 },
];

export const OFFER18_ENDPOINTS = ['otp_gen', 'otp_verify'] as const;
export type Offer18Endpoint = (typeof OFFER18_ENDPOINTS)[number];

export function okStatus(variant: ReplyVariant): string | number {
  return variant.status === 'number' ? 200 : '200';
}

export function failureReply(variant: ReplyVariant, error: string): Response {
  const status = variant.status === 'number' ? 400 : '400';
  return Response.json({ status, error }, { status: variant.failureHttpStatus });
}

function success(variant: ReplyVariant, endpoint: Offer18Endpoint): Record<string, unknown> {
  return { status: okStatus(variant), response: endpoint === 'otp_gen' ? variant.sent : variant.verified };
}

/** `otp_gen`'s success: the requestId where the variant puts it, or nowhere (an advertiser that returns none). */
export function sentReply(variant: ReplyVariant, requestId: string): Response {
  const body = success(variant, 'otp_gen');
  if (variant.data === 'string') body.data = requestId;
  if (variant.data === 'object') body.data = { requestId };
  return Response.json(body);
}

export function verifiedReply(variant: ReplyVariant): Response {
  return Response.json(success(variant, 'otp_verify'));
}

/** A success as text, for faults that change only how a reply travels (the Node server writes it). */
export function successBody(variant: ReplyVariant, endpoint: Offer18Endpoint): string {
  return JSON.stringify(success(variant, endpoint));
}
