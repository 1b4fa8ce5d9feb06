// A seeded synthetic live blog for the benchmarks: N updates built from realistic sentence
// patterns and real and fictional names, the same on every run. Common words match a
// quarter of all updates, a hard case for engines that score every match.
//
//   node bench/synthetic.mjs N > FILE   writes the blog's text (to profile the native build)

/** mulberry32: a small seeded generator, so every run builds the same blog. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Volodymyr Zelensky', 'Joe Biden', 'Emmanuel Macron', 'Olaf Scholz', 'Antony Blinken',
  'Jens Stoltenberg', 'Dmitry Peskov', 'Ursula von der Leyen', 'Ines Varga', 'Pieter Alsen', 'Lena Brook',
  'Tomas Reid', 'Mara Quinlan', 'Rishi Sunak', 'Kaja Kallas'];
const PLACES = ['Kyiv', 'Kharkiv', 'Odesa', 'Moscow', 'Brussels', 'Warsaw', 'Donetsk', 'Mariupol', 'Berlin',
  'Paris', 'London', 'Washington', 'Riga', 'Vilnius', 'Port Ellery'];
const ORGS = ['NATO', 'European Union', 'Pentagon', 'United Nations', 'Red Cross', 'World Bank', 'Kremlin'];
const SUBJECTS = ['troops', 'officials', 'rescue teams', 'engineers', 'aid convoys', 'residents', 'diplomats',
  'border guards', 'investigators', 'volunteers'];
const VERBS = ['reached', 'left', 'surrounded', 'evacuated', 'shelled', 'inspected', 'reinforced', 'crossed',
  'visited', 'defended'];
const NOUNS = ['the border', 'the city centre', 'a humanitarian corridor', 'the power station', 'the harbour',
  'the railway bridge', 'a field hospital', 'the grain terminal', 'the airport', 'the front line'];
const TAILS = ['on Tuesday morning', 'after heavy shelling overnight', 'despite the ceasefire',
  'as talks resumed', 'for the third day', 'amid sanctions talks', 'under fire', 'before dawn'];
const QUOTES = ['We will not give up', 'The situation is very serious', 'Severe costs will follow',
  'Talks must continue', 'Our crews worked through the night', 'Help is on its way'];

/** N updates, newest first, as objects and as the plain text our parser reads. */
export function generate(n, seed = 7) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const updates = [];
  let minutes = 0;
  for (let i = 0; i < n; i++) {
    minutes += 7 + Math.floor(r() * 10);
    const person = pick(PEOPLE);
    const place = pick(PLACES);
    const org = pick(ORGS);
    const cap = (s) => s[0].toUpperCase() + s.slice(1);
    const headline = `${cap(pick(SUBJECTS))} ${pick(VERBS)} ${pick(NOUNS)} near ${place}`;
    const body = [
      `${cap(pick(SUBJECTS))} ${pick(VERBS)} ${pick(NOUNS)} in ${place} ${pick(TAILS)}, ${org} said.`,
      `“${pick(QUOTES)},” ${person} said in ${pick(PLACES)}.`,
      `About ${1 + Math.floor(r() * 9)},${String(Math.floor(r() * 1000)).padStart(3, '0')} ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(NOUNS)} ${pick(TAILS)}.`,
    ];
    updates.push({ id: `u${i + 1}`, minutes, headline, body, person, place, org });
  }
  updates.reverse();
  const day = (m) => Math.floor(m / 1440);
  const lines = ['Conflict diary – live', '', 'Updates as they come in, officials said.', ''];
  let lastDay = null;
  for (const u of updates) {
    const d = day(u.minutes);
    if (d !== lastDay) {
      const date = new Date(Date.UTC(2023, 0, 1) + d * 86400000);
      lines.push(date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }), '');
      lastDay = d;
    }
    const h = Math.floor((u.minutes % 1440) / 60);
    const m = u.minutes % 60;
    lines.push(`${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')} ${u.headline}`, '', ...u.body.flatMap((p) => [p, '']));
  }
  return { updates, text: lines.join('\n') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(generate(Number(process.argv[2] ?? 2000)).text);
}
