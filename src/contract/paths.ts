/**
 * The constants of the wire contract, free of any runtime dependency so the
 * browser bundle can import them without pulling in the schemas.
 */
export const DEFAULT_BASE_PATH = '/otp';
export const SEND_PATH = '/send';
export const VERIFY_PATH = '/verify';
export const HEALTH_PATH = '/healthz';

/** Largest request body the proxy reads, in bytes. */
export const MAX_BODY_BYTES = 4096;
