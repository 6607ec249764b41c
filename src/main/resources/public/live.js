// Keeps a release page current: the server says when the release moved, the page fetches its new state.
(() => {
  const main = document.querySelector('main[data-release]');
  const live = document.getElementById('live');
  if (!main || !live || !window.EventSource) return;
  const id = encodeURIComponent(main.dataset.release);
  const source = new EventSource('/releases/' + id + '/events');
  // Browsers allow few connections per server: give this one back as soon as the page goes.
  window.addEventListener('pagehide', () => source.close());
  source.addEventListener('changed', async () => {
    const response = await fetch('/releases/' + id + '/live');
    if (!response.ok) return;
    live.innerHTML = await response.text();
    if (window.countdownTimes) window.countdownTimes(live);
    // Say what moved in one line, rather than have a screen reader read the whole page again.
    const status = document.getElementById('live-status');
    const state = document.getElementById('state');
    const counters = document.getElementById('counters');
    if (status && state && counters) status.textContent = 'Updated: ' + state.textContent + '. ' + counters.textContent;
  });
})();
