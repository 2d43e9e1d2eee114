// The web app manifest (`<base>manifest.webmanifest`): makes the book installable. Names come from the
// course data; every URL is relative to the manifest, so it works under any base path.
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course.ts';
import { t } from '../i18n/ru.ts';

export const GET: APIRoute = () => {
  const course = getCourse();
  const manifest = {
    name: `${course.shortTitle} — ${t.offline.appName}`,
    short_name: course.shortTitle,
    description: t.offline.appDescription,
    lang: t.lang,
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0a58a8',
    icons: [
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
  });
};
