/** Says `message` to screen readers through the page's persistent live region. */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (region === null) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
