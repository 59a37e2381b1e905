/**
 * `otp-flow/proxy`: the runtime-agnostic proxy core. No Node-only imports
 * here, so the same handler runs on Node, Bun, Deno or an edge runtime.
 */
export { createOtpProxy, type OtpProxyOptions, type OtpProxyHandler, type ConnectionInfo } from './proxy.js';
export { ProxyOptionsSchema, parseOptions, optionsFromEnv, ConfigError, ENV_NAMES, DEFAULT_API_BASE } from './config.js';
export type { ProxyOptionsInput, ProxySettings } from './config.js';
export { ProxyError } from './errors.js';
export { fetchTransport, createOffer18Client, type Transport, type Offer18Client } from './offer18.js';
export { MemoryVerifyStore, type VerifyStore, type BeginResult } from './store.js';
export { jsonLogger, silentLogger, redacting, type Logger, type LogEntry, type LogLevel } from './log.js';
export * from '../contract/index.js';
