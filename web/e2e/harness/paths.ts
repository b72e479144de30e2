// Absolute paths the e2e harness needs: the repository root, the proxy package and the built app.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (this file is web/e2e/harness/paths.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The proxy package folder, used as the proxy process's working directory. */
export const PROXY_DIR = path.join(REPO_ROOT, 'proxy');

/** The built web app the proxy serves; XQUIZIT_E2E_DIST points the specs at another build (e.g. `vite build --outDir`). */
export const WEB_DIST = process.env.XQUIZIT_E2E_DIST ?? path.join(REPO_ROOT, 'web', 'dist');

/** The tiny Kokoro and Moonshine stand-ins (web/scripts/make-tts-test-model.ts, make-stt-test-models.ts), served as MODELS_DIR in specs. */
export const TEST_MODELS_DIR = path.join(REPO_ROOT, 'web', 'src', 'lib', 'speech', 'tts', 'testdata', 'models');
