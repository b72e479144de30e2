// Entry point: loads the global styles, starts listening for the install offer and the network state, reads what the
// first screen shows from this device, then mounts the app shell into #app.
import { mount } from 'svelte';
import App from './App.svelte';
import { PwaState, startPwa } from './lib/pwa/index.ts';
import { readFirst } from './lib/storage/index.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('xquizit: #app element missing from index.html');

// Warning: before the read below. The browser offers installation once per page load (beforeinstallprompt), and
// may do so while the read is still going; a listener attached after it would miss the offer for good.
const pwa = new PwaState();
startPwa(pwa);
mount(App, { target, props: { firstRead: await readFirst(), pwa } });
