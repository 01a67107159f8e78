// A static SPA: the hub serves the build and the fallback page renders everything in the browser.
export const ssr = false;
export const prerender = false;
