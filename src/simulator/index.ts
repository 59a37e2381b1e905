/**
 * `otp-flow/simulator`: a local Offer18 for tests, demos and `serve --simulate`.
 * Named one by one: the files' helpers (how a reply is worded, a fault acted out) are not the API.
 */
export { Offer18Simulator, type SimulatedSms, type SimulatorCredentials, type SimulatorOptions, type UpstreamCall } from './offer18-simulator.js';
export { DEFAULT_VARIANT, DOCUMENTED_VARIANTS, type ReplyVariant } from './offer18-replies.js';
export { SIMULATOR_FAULTS, type FaultOptions, type SimulatorFault } from './faults.js';
export { CONTROL_PREFIX } from './control.js';
export { SIMULATION_LIMITS, simulationSettings } from './simulation-settings.js';
export { startSimulator, type RunningSimulator } from './server.js';
export { controlRoutes, createSimulatedApp, resettableStores, type SimulatedApp, type SwitchableSettings } from './app.js';
