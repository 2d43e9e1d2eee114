// A chapter made by `npm run new:chapter` builds: a copy of the book gets a new topic in content/course.yaml,
// the scaffolder writes its draft chapter and quiz (renumbering the chapters after it), and `astro build`
// succeeds and publishes the new page as a draft («в работе») and the host's header rules (about a minute).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { scaffoldChapter } from '../../scripts/new-chapter.ts';

const ROOT = process.cwd();
const COPY = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'content', 'src', 'public'];
let dir = '';

afterAll(() => {
  if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
});

it('builds the book with a chapter scaffolded for a new topic', () => {
  // Inside the repository, so that packages resolve from its node_modules as they do for the real build.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'new-chapter-'));
  for (const entry of COPY) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const course = path.join(dir, 'content/course.yaml');
  const anchor = '        chapter: deployment-1\n';
  const topic = "      - title: 'Обслуживание моделей'\n        chapter: model-serving\n";
  fs.writeFileSync(course, fs.readFileSync(course, 'utf8').replace(anchor, anchor + topic));

  const { chapter } = scaffoldChapter(dir, 'model-serving');
  expect(chapter.file).toBe('content/chapters/07-model-serving.mdx');

  const astro = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const page = fs.readFileSync(path.join(dir, 'dist/chapters/model-serving/index.html'), 'utf8');
  expect(page).toContain('Обслуживание моделей');
  // A draft shows its summary and objectives under a notice, and the sidebar marks it «в работе».
  expect(page).toContain('<p class="callout draft" role="note">Текст этой главы ещё пишется.');
  expect(page).toMatch(
    /aria-current="page"[^>]*><span[^>]*>Обслуживание моделей<\/span><span class="badge"[^>]*>в работе</,
  );
  expect(fs.existsSync(path.join(dir, 'dist/chapters/containerization/index.html'))).toBe(true);
  expect(fs.readFileSync(path.join(dir, 'dist/_headers'), 'utf8')).toBe(fs.readFileSync('public/_headers', 'utf8'));
}, 600_000);
