// Small progressive enhancements; every page works without them.
(() => {
  // Confirmation before an operator action is sent.
  document.addEventListener('submit', (event) => {
    const question = event.target instanceof HTMLFormElement ? event.target.dataset.confirm : undefined;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // The live list: EventSource resumes with Last-Event-ID after a drop or a server restart.
  const list = document.getElementById('live');
  if (list) {
    const counts = { ACCEPTED: document.getElementById('accepted-count'), REJECTED: document.getElementById('rejected-count') };
    const rate = document.getElementById('rejection-rate');
    let lastId = '';
    const connect = () => {
      // EventSource resends the last id by itself while it retries; a source it has given up on
      // (an answer that was not a stream, e.g. during a restart) is opened again from that id.
      const source = new EventSource(lastId ? `${list.dataset.stream}?after=${encodeURIComponent(lastId)}` : list.dataset.stream);
      source.addEventListener('live', (message) => {
        lastId = message.lastEventId;
        const data = JSON.parse(message.data);
        list.insertAdjacentHTML('afterbegin', data.html);
        while (list.children.length > 200) list.lastElementChild.remove();
        const counter = counts[data.status];
        if (data.topic === 'billing.operation-decided.v1' && counter && rate) {
          counter.textContent = String(Number(counter.textContent) + 1);
          const accepted = Number(counts.ACCEPTED.textContent);
          const rejected = Number(counts.REJECTED.textContent);
          rate.textContent = `${((rejected * 100) / Math.max(1, accepted + rejected)).toFixed(1)} %`;
        }
      });
      source.addEventListener('gap', (message) => {
        document.getElementById('live-gap').textContent = JSON.parse(message.data).text;
      });
      source.addEventListener('error', () => {
        if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
      });
    };
    connect();
  }

  // A billing run's page follows the run until it is over.
  if (document.querySelector('[data-reload-while="running"]')) setTimeout(() => window.location.reload(), 1000);
})();
