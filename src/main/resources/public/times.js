// Times arrive in UTC; show them in the reader's time zone: "5 min ago", the exact time on hover.
(() => {
  const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [30, 'day'], [12, 'month'], [Infinity, 'year']];
  function ago(date) {
    let amount = (date.getTime() - Date.now()) / 1000;
    for (const [size, unit] of steps) {
      if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
      amount /= size;
    }
    return '';
  }
  function show(root) {
    root.querySelectorAll('time[datetime]').forEach((t) => {
      const date = new Date(t.getAttribute('datetime'));
      if (isNaN(date)) return;
      const format = t.dataset.format;
      t.title = exact.format(date);
      t.textContent = format === 'clock' ? clock.format(date)
        : format === 'both' ? clock.format(date) + ' · ' + ago(date) : ago(date);
    });
  }
  window.countdownTimes = show;
  show(document);
  setInterval(() => show(document), 30000);
})();
