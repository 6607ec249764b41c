// The playground's channel follows changes made elsewhere (another tab, a probe run finishing).
(() => {
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
      if (!typing) {
        source.close();
        location.reload();
      }
    }
    seen = event.data;
  });
})();
