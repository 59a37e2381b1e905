/**
 * The constants of the wire contract, free of any runtime dependency so the
 * browser bundle can import them without pulling in the schemas.
 */
export const DEFAULT_BASE_PATH = '/otp';
export const SEND_PATH = '/send';
export const VERIFY_PATH = '/verify';
export const HEALTH_PATH = '/healthz';

