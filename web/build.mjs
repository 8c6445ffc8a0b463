// Bundles src/ into dist/ (committed, embedded by the server): `npm ci && npm run build`.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
await esbuild.build({
  entryPoints: ['src/app.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: 'dist/app.js',
  loader: { '.json': 'json' },
  legalComments: 'eof',
});
await esbuild.build({
  entryPoints: ['src/app.css'],
  bundle: true,
  minify: true,
  outfile: 'dist/app.css',
  loader: { '.png': 'dataurl', '.svg': 'dataurl', '.woff2': 'file' },
  // the fonts (web/fonts/NOTICE.md) as files of their own, named as the server embeds them
  // (crates/server/src/fonts.rs) and served at /assets/fonts/
  assetNames: 'fonts/[name]',
  publicPath: '/assets/',
});
copyFileSync('src/index.html', 'dist/index.html');
console.log('built dist/');
