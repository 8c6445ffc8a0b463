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
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
});
copyFileSync('src/index.html', 'dist/index.html');
console.log('built dist/');
