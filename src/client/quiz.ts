// <quiz-block>: enhances the quiz rendered by Quiz.astro. «Проверить» scores with src/lib/quiz/score.ts and
// shows per-option feedback; «Показать ответ» opens the answer after an attempt; ordering steps move with
// buttons; code exercises run through exercise-runner.ts. Answers are saved in the progress store and
// restored on the next visit; an answer to a question that has changed since is flagged, not restored.
// Loaded on demand by Quiz.astro; the element is defined once per browsing session.
import { ruQuiz } from '../i18n/ru/quiz.ts';
import type { Answer } from '../lib/quiz/answer.ts';
import type { CheckResult } from '../lib/quiz/exercise.ts';
import { inlineSegments } from '../lib/quiz/inline.ts';
import { formatPoints, quizPoints, scoreAnswer, type Mark, type Outcome } from '../lib/quiz/score.ts';
import type { CodeQuestion, Question, QuizData } from '../lib/quiz/schema.ts';
import { answerStatus } from '../lib/progress/summary.ts';
import { announce } from './announce.ts';
import { prewarmExercise, runExercise, stopExercise, type RunReport } from './exercise-runner.ts';
import { renderNotices } from './progress-notices.ts';
import { progress } from './progress.ts';

const s = ruQuiz;
type ClientQuestion = Question & { hash: string };

function one(root: ParentNode, selector: string): HTMLElement {
  return oneOf(root, selector, HTMLElement);
}

function oneOf<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`quiz-block: ${selector} is missing`);
  return found;
}

/** Quiz text (with `code` runs) as DOM nodes. */
function inline(text: string): Node[] {
  return inlineSegments(text).map((segment) => {
    if (!segment.code) return document.createTextNode(segment.text);
    const code = document.createElement('code');
    code.textContent = segment.text;
    return code;
  });
}

/** `<strong>label</strong> explanation` inside `target`. */
function explain(target: Element, label: string, explanation: string | null): void {
  const strong = document.createElement('strong');
  strong.textContent = label;
  target.replaceChildren(
    strong,
    ...(explanation === null ? [] : [document.createTextNode(' '), ...inline(explanation)]),
  );
}

/** What a run that did not reach the checks' report tells the student. */
function runMessage(report: Exclude<RunReport, { kind: 'checked' }>): string {
  switch (report.kind) {
    case 'failed':
      return s.code.engineFailed(report.detail);
    case 'code-error':
      return s.code.codeError(report.detail);
    case 'timeout':
      return s.code.timeout(report.seconds);
    case 'stopped':
      return s.code.stopped;
    case 'no-report':
      return s.code.noReport;
  }
}

/** One question's view: reads and fills its inputs, shows outcomes. */
class QuestionView {
  readonly question: ClientQuestion;
  readonly root: HTMLElement;
  readonly #block: QuizBlock;
  readonly #result: HTMLElement;
  readonly #answer: HTMLDetailsElement;
  #outcome: Outcome | null = null;
  #saveTimer: number | undefined;
  /** A code run is in progress (a second «Проверить код» waits for it). */
  #running = false;

  constructor(block: QuizBlock, question: ClientQuestion, root: HTMLElement) {
    this.#block = block;
    this.question = question;
    this.root = root;
    this.#result = one(root, '[data-result]');
    this.#answer = oneOf(root, '[data-answer]', HTMLDetailsElement);
    this.#answer.hidden = true;
    for (const el of root.querySelectorAll<HTMLElement>('[data-enhanced]')) el.hidden = false;
    oneOf(root, '[data-form]', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.check();
    });
    root.addEventListener('click', (event) => {
      const target = (event.target as Element | null)?.closest<HTMLButtonElement>(
        'button[data-action], button[data-move]',
      );
      if (target === null || target === undefined) return;
      if (target.dataset['move'] !== undefined) this.#move(target);
      else this.#act(target.dataset['action'] ?? '');
    });
    if (question.type === 'ordering') this.#updateMoveButtons();
    if (question.type === 'code') {
      this.#code().addEventListener('input', () => {
        this.#saveCodeSoon();
      });
      this.#code().addEventListener('focus', prewarmExercise, { once: true });
    }
  }

  /** Score counted in the quiz total: null when not answered (or answered a changed question). */
  get score(): number | null {
    return this.#outcome?.status === 'scored' ? this.#outcome.score : null;
  }

  /** Restores a saved answer (only when it was given to this version of the question). */
  restore(): void {
    const record = progress().doc.answers[this.question.id];
    const status = answerStatus(record, this.question.hash);
    one(this.root, '[data-changed]').hidden = status !== 'changed';
    if (status !== 'current' || record === undefined) return;
    this.#fill(record.answer);
    if (record.answer.type === 'code') {
      if (this.question.type === 'code' && record.answer.passed !== undefined)
        this.#showChecks(this.question, record.answer.passed);
      return;
    }
    this.#show(scoreAnswer(this.question, record.answer), false);
  }

  async check(): Promise<void> {
    if (this.question.type === 'code') {
      await this.#runCode(this.question);
      return;
    }
    const answer = this.#read();
    const outcome: Outcome =
      answer === null ? { status: 'invalid', reason: 'no-choice' } : scoreAnswer(this.question, answer);
    this.#show(outcome, true);
    if (answer !== null && outcome.status === 'scored') this.#save(answer, outcome.score);
  }

  #act(action: string): void {
    if (action === 'reveal') this.#reveal();
    else if (action === 'retry') this.#retry();
    else if (action === 'stop') stopExercise();
    else if (action === 'reset' && this.question.type === 'code') {
      this.#code().value = this.question.starter;
      this.#saveCodeSoon();
      announce(s.code.resetDone);
    }
  }

  #save(answer: Answer, score: number | undefined): void {
    progress().saveAnswer({
      question: this.question.id,
      quiz: this.#block.quizId,
      hash: this.question.hash,
      answer,
      score,
    });
    one(this.root, '[data-changed]').hidden = true;
  }

  #saveCodeSoon(): void {
    window.clearTimeout(this.#saveTimer);
    this.#saveTimer = window.setTimeout(() => {
      this.#save({ type: 'code', code: this.#code().value }, undefined);
    }, 500);
  }

  #code(): HTMLTextAreaElement {
    return oneOf(this.root, '[data-code]', HTMLTextAreaElement);
  }

  #parts(): HTMLElement[] {
    return Array.from(this.root.querySelectorAll<HTMLElement>('[data-part]'));
  }

  /** The answer as the inputs show it; null for a single choice with nothing chosen. */
  #read(): Answer | null {
    const q = this.question;
    switch (q.type) {
      case 'single': {
        const checked = this.root.querySelector<HTMLInputElement>('input[type="radio"]:checked');
        return checked === null ? null : { type: 'single', choice: Number(checked.value) };
      }
      case 'multiple':
        return {
          type: 'multiple',
          choices: Array.from(this.root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked'), (i) =>
            Number(i.value),
          ),
        };
      case 'numeric':
      case 'text':
        return { type: q.type, text: oneOf(this.root, '[data-input]', HTMLInputElement).value };
      case 'ordering':
        return { type: 'ordering', order: this.#parts().map((li) => Number(li.dataset['part'])) };
      case 'code':
        return { type: 'code', code: this.#code().value };
    }
  }

  /** Puts a saved answer back into the inputs. */
  #fill(answer: Answer): void {
    switch (answer.type) {
      case 'single':
      case 'multiple': {
        const chosen = new Set(answer.type === 'single' ? [answer.choice] : answer.choices);
        for (const input of this.root.querySelectorAll<HTMLInputElement>('input[name]'))
          input.checked = chosen.has(Number(input.value));
        break;
      }
      case 'numeric':
      case 'text':
        oneOf(this.root, '[data-input]', HTMLInputElement).value = answer.text;
        break;
      case 'ordering': {
        const list = one(this.root, '[data-steps]');
        const byItem = new Map(this.#parts().map((li) => [Number(li.dataset['part']), li]));
        for (const item of answer.order) {
          const li = byItem.get(item);
          if (li !== undefined) list.append(li);
        }
        this.#updateMoveButtons();
        break;
      }
      case 'code':
        this.#code().value = answer.code;
        break;
    }
  }

  /** Shows an outcome; `say` also announces it (not on restore). */
  #show(outcome: Outcome, say: boolean): void {
    this.#clearMarks();
    if (outcome.status === 'invalid') {
      this.#outcome = null;
      this.#result.textContent = s.invalid[outcome.reason];
      delete this.#result.dataset['verdict'];
      if (say) announce(this.#result.textContent);
      this.#block.updateScore();
      return;
    }
    this.#outcome = outcome;
    const verdict =
      outcome.verdict === 'partial' ? s.verdicts.partial(formatPoints(outcome.score)) : s.verdicts[outcome.verdict];
    this.#result.dataset['verdict'] = outcome.verdict;
    this.#result.textContent = verdict;
    this.#markParts(outcome.marks, false);
    for (const action of ['reveal', 'retry']) one(this.root, `[data-action="${action}"]`).hidden = false;
    if (say) announce(verdict);
    this.#block.updateScore();
  }

  /** Marks options, steps or checks; after «Показать ответ» (`full`) every part gets its explanation. */
  #markParts(marks: readonly Mark[], full: boolean): void {
    const q = this.question;
    if (q.type === 'single' || q.type === 'multiple') {
      this.#parts().forEach((li, i) => {
        const mark = marks[i] ?? 'neutral';
        const shown = full || mark === 'correct' || mark === 'wrong';
        const option = q.options[i];
        if (!shown || option === undefined) return;
        li.dataset['mark'] = mark;
        explain(one(li, '[data-feedback]'), s.marks[mark], option.explanation);
      });
    } else if (q.type === 'ordering') {
      this.#parts().forEach((li, position) => {
        const item = Number(li.dataset['part']);
        const inPlace = item === position;
        li.dataset['mark'] = inPlace ? 'correct' : 'wrong';
        const label = inPlace ? s.marks.inPlace : full ? s.marks.outOfPlace(item + 1) : s.marks.notInPlace;
        explain(one(li, '[data-feedback]'), label, null);
      });
    }
  }

  #clearMarks(): void {
    for (const li of this.#parts()) {
      delete li.dataset['mark'];
      const feedback = li.querySelector('[data-feedback]');
      if (feedback !== null) feedback.textContent = '';
    }
  }

  #reveal(): void {
    const q = this.question;
    if (q.type === 'single' || q.type === 'multiple') {
      const answer = this.#read();
      const outcome = answer === null ? null : scoreAnswer(q, answer);
      const marks =
        outcome?.status === 'scored' ? outcome.marks : q.options.map((o): Mark => (o.correct ? 'missed' : 'neutral'));
      this.#markParts(marks, true);
    } else if (q.type === 'ordering') this.#markParts([], true);
    this.#answer.hidden = false;
    this.#answer.open = true;
    one(this.#answer, 'summary').focus();
  }

  #retry(): void {
    this.#clearMarks();
    this.#outcome = null;
    this.#result.textContent = '';
    delete this.#result.dataset['verdict'];
    this.#answer.hidden = true;
    for (const action of ['reveal', 'retry']) one(this.root, `[data-action="${action}"]`).hidden = true;
    for (const input of this.root.querySelectorAll<HTMLInputElement>('input[name]')) input.checked = false;
    const typed = this.root.querySelector<HTMLInputElement>('[data-input]');
    if (typed !== null) typed.value = '';
    this.#block.updateScore();
    const first = this.root.querySelector<HTMLElement>('input, [data-move]');
    first?.focus();
  }

  #move(button: HTMLButtonElement): void {
    const li = button.closest<HTMLElement>('[data-part]');
    if (li === null) return;
    const up = button.dataset['move'] === 'up';
    const sibling = up ? li.previousElementSibling : li.nextElementSibling;
    if (sibling === null) return;
    if (up) sibling.before(li);
    else sibling.after(li);
    this.#clearMarks();
    this.#updateMoveButtons();
    const target = button.disabled
      ? li.querySelector<HTMLButtonElement>(`[data-move="${up ? 'down' : 'up'}"]`)
      : button;
    target?.focus();
    const parts = this.#parts();
    const item = this.question.type === 'ordering' ? (this.question.items[Number(li.dataset['part'])] ?? '') : '';
    announce(s.moved(item, parts.indexOf(li) + 1, parts.length));
  }

  #updateMoveButtons(): void {
    const parts = this.#parts();
    parts.forEach((li, i) => {
      oneOf(li, '[data-move="up"]', HTMLButtonElement).disabled = i === 0;
      oneOf(li, '[data-move="down"]', HTMLButtonElement).disabled = i === parts.length - 1;
    });
  }

  async #runCode(q: CodeQuestion): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const code = this.#code().value;
    window.clearTimeout(this.#saveTimer);
    this.#save({ type: 'code', code }, undefined);
    const stop = one(this.root, '[data-action="stop"]');
    stop.hidden = false;
    delete this.#result.dataset['verdict'];
    const report = await runExercise(
      q.id,
      code,
      q.checks.map((c) => c.code),
      (state) => {
        this.#result.textContent = state === 'loading' ? s.code.loading : s.code.running;
      },
    );
    this.#running = false;
    stop.hidden = true;
    const output = one(this.root, '[data-output]');
    const text = 'output' in report ? report.output : '';
    output.hidden = text === '';
    one(output, 'pre').textContent = text;
    if (report.kind !== 'checked') {
      this.#showChecks(q, null);
      const message = runMessage(report);
      this.#result.textContent = message;
      announce(message);
      return;
    }
    const passed = report.results.map((r) => r.ok);
    const answer: Answer = { type: 'code', code, passed };
    const outcome = scoreAnswer(q, answer);
    this.#save(answer, outcome.status === 'scored' ? outcome.score : undefined);
    this.#showChecks(q, report.results);
    announce(this.#result.textContent);
  }

  /**
   * Lists the checks with ✓ or ✗ (and, after a run, why a check failed) and sums them up; null empties the
   * list. Restored results carry no details.
   */
  #showChecks(q: CodeQuestion, results: ReadonlyArray<CheckResult | boolean> | null): void {
    const list = one(this.root, '[data-checks]');
    list.replaceChildren();
    list.hidden = results === null;
    if (results === null) return;
    const passed = results.map((r) => (typeof r === 'boolean' ? r : r.ok));
    for (const [i, check] of q.checks.entries()) {
      const result = results[i];
      const ok = passed[i] === true;
      const li = document.createElement('li');
      li.dataset['mark'] = ok ? 'correct' : 'wrong';
      const status = document.createElement('strong');
      status.textContent = `${ok ? '✓' : '✗'} ${ok ? s.code.checkPassed : s.code.checkFailed}:`;
      li.append(status, ' ', ...inline(check.message));
      if (typeof result === 'object' && !result.ok && result.detail !== '') {
        const detail = document.createElement('span');
        detail.className = 'q-check-detail';
        detail.textContent = result.detail;
        li.append(detail);
      }
      list.append(li);
    }
    this.#outcome = scoreAnswer(q, { type: 'code', code: '', passed });
    const count = passed.filter(Boolean).length;
    this.#result.textContent = count === passed.length ? s.code.allPassed(count) : s.code.passed(count, passed.length);
    if (this.#outcome.status === 'scored') this.#result.dataset['verdict'] = this.#outcome.verdict;
    this.#block.updateScore();
  }
}

class QuizBlock extends HTMLElement {
  #views: QuestionView[] = [];
  #unsubscribe: (() => void) | undefined;
  quizId = '';

  connectedCallback(): void {
    if (this.#views.length === 0) {
      const data = JSON.parse(one(this, 'script[data-quiz-data]').textContent) as QuizData;
      this.quizId = data.quiz;
      this.#views = data.questions.map((q) => new QuestionView(this, q, one(this, `[data-question="${q.id}"]`)));
      for (const view of this.#views) view.restore();
      this.updateScore();
    }
    const notices = one(this, '[data-progress-notice]');
    const show = (): void => {
      renderNotices(notices, progress().notices());
    };
    this.#unsubscribe = progress().subscribe(show);
    show();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  /** «Тест: 4,5 из 5 · упражнения: решено 1 из 1». */
  updateScore(): void {
    const quiz = this.#views.filter((v) => v.question.type !== 'code');
    const exercises = this.#views.filter((v) => v.question.type === 'code');
    const points = quizPoints(quiz.map((v) => v.score ?? undefined));
    const parts = [];
    if (quiz.length > 0) parts.push(s.score(formatPoints(points.points), points.max));
    if (exercises.length > 0) parts.push(s.exercises(exercises.filter((v) => v.score === 1).length, exercises.length));
    const line = one(this, '[data-score]');
    line.textContent = parts.join(' · ');
    line.hidden = false;
  }
}

if (customElements.get('quiz-block') === undefined) customElements.define('quiz-block', QuizBlock);
