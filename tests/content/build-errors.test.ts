// The build itself refuses broken content, naming the file and what to fix. Each case builds a copy of the
// book with one file broken (about 10 s each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const COPY = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'content', 'src', 'public'];
const dirs: string[] = [];

function buildWith(edit: (dir: string) => void): { status: number | null; output: string } {
  // Inside the repository, so that packages resolve from its node_modules as they do for the real build.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'broken-'));
  dirs.push(dir);
  for (const entry of COPY) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  // Build steps that read files under node_modules relative to the working directory find them too.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  edit(dir);
  const astro = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a broken book does not build', () => {
  it('stops when a chapter marked finished lacks required parts', () => {
    const { status, output } = buildWith((dir) => {
      const file = path.join(dir, 'content/chapters/14-llmops.mdx');
      const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(fs.readFileSync(file, 'utf8'))?.[0] ?? '';
      fs.writeFileSync(file, `${frontmatter}\n## Единственный раздел\n\nСовсем мало текста.\n`);
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/chapters/14-llmops.mdx → body: 5 words of prose, a finished chapter needs at least 2500',
    );
    expect(output).toContain('content/chapters/14-llmops.mdx → body: no "## Частые ошибки" section');
  }, 120_000);

  it('stops when a chapter has a field the schema does not know, naming the file and the field', () => {
    const { status, output } = buildWith((dir) => {
      const file = path.join(dir, 'content/chapters/13-ci-cd.mdx');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('draft: false', 'draft: false\nauthor: Кто-то'));
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/13-ci-cd\.mdx/);
    expect(output).toMatch(/author/);
  }, 120_000);

  it('stops when a quiz breaks the schema, naming the file, the question id and the field', () => {
    const { status, output } = buildWith((dir) => {
      const file = path.join(dir, 'content/quizzes/introduction.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('tolerance: 0.05', 'tolerance: -0.05'));
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/quizzes/introduction.yaml → question "intro-error-budget" (questions[3]) → answer.tolerance: Too small: expected number to be >=0',
    );
  }, 120_000);

  it('stops when a single-choice question has two correct options', () => {
    const { status, output } = buildWith((dir) => {
      const file = path.join(dir, 'content/quizzes/introduction.yaml');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(
        file,
        text.replace('- text: Уровень 1 — автоматизация ML-пайплайна.', '$&\n        correct: true'),
      );
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/quizzes/introduction.yaml → question "intro-google-level" → options: a single-choice question needs exactly one correct option, found 2',
    );
  }, 120_000);

  it('stops when the course data do not add up', () => {
    const { status, output } = buildWith((dir) => {
      const file = path.join(dir, 'content/course.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('overall: 165', 'overall: 160'));
    });
    expect(status).not.toBe(0);
    expect(output).toContain('content/course.yaml is inconsistent');
    expect(output).toContain('totals.overall: printed 160, hours add up to 165');
  }, 120_000);
});
