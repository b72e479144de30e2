// Entry point: loads the global styles and mounts the app shell into #app.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('xquizit: #app element missing from index.html');

mount(App, { target });
