/** `npm run build`: the full component bundle and the demo page (after tsc has built dist/lib). */
import { buildComponentBundle } from '../src/build/component-bundle.js';

const result = await buildComponentBundle({ outFile: 'dist/otp-flow.js' });
console.log(`dist/otp-flow.js  ${(result.bytes / 1024).toFixed(1)} KB, ${(result.gzip / 1024).toFixed(1)} KB gzip`);
