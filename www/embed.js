// The embedding example's own script: a button that appends a post the way a live blog's
// polling would, so the filter's handling of new posts can be seen (and tested).
const posts = [
  ['Traffic builds on the approach roads', 'Queues stretch back to the ring road as drivers return to the Eastport bridge.'],
  ['‘This city owes them’, says mayor', '“This city owes them,” Mayor Jonas Feld said on the quay.'],
];
let next = 6;
document.getElementById('simulate').addEventListener('click', () => {
  const [headline, body] = posts[(next - 6) % posts.length];
  const article = document.createElement('article');
  article.id = `block-${next}`;
  article.className = 'block';
  const time = document.createElement('time');
  const at = new Date(Date.UTC(2026, 2, 14, 13, 20 + 10 * (next - 5)));
  time.dateTime = at.toISOString();
  time.textContent = `${String(at.getUTCHours()).padStart(2, '0')}.${String(at.getUTCMinutes()).padStart(2, '0')} GMT`;
  const h2 = document.createElement('h2');
  h2.className = 'block-title';
  h2.textContent = headline;
  const div = document.createElement('div');
  div.className = 'block-elements';
  const p = document.createElement('p');
  p.textContent = body;
  div.append(p);
  article.append(time, h2, div);
  document.getElementById('liveblog').prepend(article);
  next += 1;
});
