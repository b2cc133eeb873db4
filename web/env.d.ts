// esbuild bundles the CSS a module imports (into assets/app.css).
declare module '*.css';
