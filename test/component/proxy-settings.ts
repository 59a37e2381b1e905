/**
 * How the proxy behind the component tests is set up, shared by the tests
 * (browser) and test/helpers/proxy-middleware.ts (node).
 */

/**
 * Seconds between two codes to one number. The proxy enforces it on its own
 * clock, so the tests that ask for a new code really wait this long: short.
 */
export const RESEND_AFTER = 3;
