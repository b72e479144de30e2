// Entry point: loads the global styles, reads what the first screen shows from this device, then mounts the app shell into #app.
import { mount } from 'svelte';
import App from './App.svelte';
import { readFirst } from './lib/storage/index.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('xquizit: #app element missing from index.html');

mount(App, { target, props: { firstRead: await readFirst() } });
