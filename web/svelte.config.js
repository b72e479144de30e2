// Svelte compiler options shared by Vite, svelte-check and eslint-plugin-svelte.
// Runes mode everywhere: the app is written against Svelte 5's reactivity only.

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  compilerOptions: {
    runes: true,
  },
};
