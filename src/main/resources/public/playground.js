// The playground's channel: Slack's dialogs and menus, and changes made elsewhere (another tab, a probe run finishing).
(() => {
  // Fail…, Add a note…, Decide, Override and Cancel open a dialog, as they open a modal or a confirmation in Slack.
  document.addEventListener('click', (event) => {
    const opener = event.target.closest('[data-dialog]');
    if (opener) {
      const dialog = document.getElementById(opener.dataset.dialog);
      if (dialog && dialog.showModal) {
        opener.closest('details')?.removeAttribute('open');
        dialog.showModal();
        dialog.querySelector('textarea, button[type=submit]')?.focus();
      }
      return;
    }
    if (event.target.closest('[data-close]')) {
      event.target.closest('dialog')?.close();
      return;
    }
    // One overflow menu open at a time; a click elsewhere closes it.
    document.querySelectorAll('details.overflow[open]').forEach((d) => {
      if (!d.contains(event.target)) d.removeAttribute('open');
    });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') document.querySelectorAll('details.overflow[open]').forEach((d) => d.removeAttribute('open'));
  });

  const main = document.querySelector('main[data-playground-release]');
  if (!main || !window.EventSource) return;
  const source = new EventSource('/releases/' + encodeURIComponent(main.dataset.playgroundRelease) + '/events');
  // Browsers allow few connections per server: give this one back as soon as the page goes.
  window.addEventListener('pagehide', () => source.close());
  // A click or a command already brings a fresh page: do not reload over it.
  document.addEventListener('submit', () => source.close());
  let seen = null;
  source.addEventListener('changed', (event) => {
    if (seen !== null && event.data !== seen) {
      const typing = document.activeElement && document.activeElement.value;
      const busy = document.querySelector('dialog[open], details.overflow[open]');
      if (!typing && !busy) {
        source.close();
        location.reload();
      }
    }
    seen = event.data;
  });
})();
