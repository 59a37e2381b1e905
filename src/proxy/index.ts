/**
 * `otp-flow/proxy`: the runtime-agnostic proxy core. Nothing Node-only and
 * nothing that needs a bundler's Node shims: Web Crypto, `fetch`, `console`.
 * The same handler runs on Node, Deno, Bun and Cloudflare Workers.
 */
export { createOtpProxy, proxyFromConfig, NON_GEOGRAPHIC_CODES, type OtpProxy, type OtpProxyOptions, type OtpProxyHandler, type ProxyDeps, type ConnectionInfo } from './proxy.js';
export { ProxyOptionsSchema, parseOptions, optionsFromEnv, configure, envNames, optionNames, ConfigError, ENV_NAMES, DEFAULT_API_BASE } from './config.js';
export type { ProxyOptionsInput, ProxySettings, ProxyConfig, ConfigureOptions, SettingNames, StartupWarning } from './config.js';
export { ProxyError } from './errors.js';
export { fetchTransport, createOffer18Client, UpstreamNotReached, type Transport, type Offer18Client } from './offer18.js';
export { MemoryBudgetStore, MemoryVerifyStore, DEFAULT_MAX_KEYS } from './memory-store.js';
export type { Budget, BudgetStore, TakeResult, VerifyStore, BeginResult, VerifyOutcome } from './store.js';
export type { MemoryStoreOptions } from './memory-store.js';
export { webSessionCrypto, KEY_DERIVATION, type SessionCrypto, type SessionCryptoFactory } from './session.js';
export type { Measurement, Observer, UpstreamOutcome, PostbackOutcome, PostbackStage } from './observe.js';
export { MemoryPostbackOutbox, type PostbackQueue, type PostbackOutbox, type ClaimedPostback, type RetryPolicy } from './outbox.js';
export type { PostbackEntry, PostbackEvent, PostbackMethod } from './postback.js';
export { jsonLogger, silentLogger, redacting, type Logger, type LogEntry, type LogLevel } from './log.js';
export * from '../contract/index.js';
