// A «Копировать код» button on every highlighted code block (the button only makes sense with JS,
// so it is added here rather than rendered at build time).
import { ruCore } from '../i18n/ru/core.ts';
import { announce } from './announce.ts';
import { whenIdle } from './idle.ts';

function enhance(pre: HTMLPreElement): void {
  if (pre.parentElement?.classList.contains('code-block') === true) return;
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  pre.replaceWith(wrapper);
  wrapper.append(pre);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'code-copy';
  button.textContent = ruCore.copyCode;
  button.addEventListener('click', () => {
    void navigator.clipboard.writeText(pre.innerText.replace(/\n$/, '')).then(
      () => {
        button.textContent = ruCore.codeCopied;
        announce(ruCore.codeCopied);
        window.setTimeout(() => (button.textContent = ruCore.copyCode), 2000);
      },
      () => {
        announce(ruCore.linkCopyFailed);
      },
    );
  });
  wrapper.append(button);
}

export function initCodeCopy(): void {
  document.addEventListener('astro:page-load', () => {
    whenIdle(() => {
      // Python cells (py-cell) turn their code into an editor and have their own controls.
      for (const pre of document.querySelectorAll<HTMLPreElement>('.content pre.astro-code:not(py-cell pre)'))
        enhance(pre);
    });
  });
}
