/** `otp-flow/simulator`: a local Offer18 for tests, demos and `serve --simulate`. */
export * from './offer18-simulator.js';
export * from './server.js';
export * from './app.js';
