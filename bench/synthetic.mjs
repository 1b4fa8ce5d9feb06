// A seeded synthetic live blog for the benchmarks: N updates built from realistic sentence
// patterns and real and fictional names, the same on every run. Common words match a
// quarter of all updates, a hard case for engines that score every match.
//
//   node bench/synthetic.mjs N [conflict|election] > FILE   writes the blog's text (to profile
//                                                         the native build)

/** mulberry32: a small seeded generator, so every run builds the same blog. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Two vocabularies, so that no figure rests on one text's word frequencies: a war's
// diary (24-hour times, "said" attributions) and an election night's count (12-hour
// times, other common words, other sentence shapes, other names).
const VOCABULARIES = {
  conflict: {
    title: 'Conflict diary – live',
    people: ['Volodymyr Zelensky', 'Joe Biden', 'Emmanuel Macron', 'Olaf Scholz', 'Antony Blinken',
      'Jens Stoltenberg', 'Dmitry Peskov', 'Ursula von der Leyen', 'Ines Varga', 'Pieter Alsen', 'Lena Brook',
      'Tomas Reid', 'Mara Quinlan', 'Rishi Sunak', 'Kaja Kallas'],
    places: ['Kyiv', 'Kharkiv', 'Odesa', 'Moscow', 'Brussels', 'Warsaw', 'Donetsk', 'Mariupol', 'Berlin',
      'Paris', 'London', 'Washington', 'Riga', 'Vilnius', 'Port Ellery'],
    orgs: ['NATO', 'European Union', 'Pentagon', 'United Nations', 'Red Cross', 'World Bank', 'Kremlin'],
    subjects: ['troops', 'officials', 'rescue teams', 'engineers', 'aid convoys', 'residents', 'diplomats',
      'border guards', 'investigators', 'volunteers'],
    verbs: ['reached', 'left', 'surrounded', 'evacuated', 'shelled', 'inspected', 'reinforced', 'crossed',
      'visited', 'defended'],
    nouns: ['the border', 'the city centre', 'a humanitarian corridor', 'the power station', 'the harbour',
      'the railway bridge', 'a field hospital', 'the grain terminal', 'the airport', 'the front line'],
    tails: ['on Tuesday morning', 'after heavy shelling overnight', 'despite the ceasefire',
      'as talks resumed', 'for the third day', 'amid sanctions talks', 'under fire', 'before dawn'],
    quotes: ['We will not give up', 'The situation is very serious', 'Severe costs will follow',
      'Talks must continue', 'Our crews worked through the night', 'Help is on its way'],
    headline: (w) => `${cap(w.subject())} ${w.verb()} ${w.noun()} near ${w.place}`,
    body: (w) => [
      `${cap(w.subject())} ${w.verb()} ${w.noun()} in ${w.place} ${w.tail()}, ${w.org} said.`,
      `“${w.quote()},” ${w.person} said in ${w.anyPlace()}.`,
      `About ${w.digit()},${String(w.int(1000)).padStart(3, '0')} ${w.subject()} ${w.verb()} ${w.noun()} ${w.tail()}.`,
    ],
    clock: (h, m) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
  },
  election: {
    title: 'Count night: results as they come in',
    people: ['Siobhan Mulcahy', 'Adebayo Okafor', 'Marguerite Delacroix', 'Hamish Ferguson',
      'Priya Raghunathan', 'Tobias Lindqvist', 'Aoife Brennan', 'Kwame Mensah', 'Eleanor Whitcombe',
      'Rafael Quintero', 'Yuki Tanabe', 'Declan Fitzgerald'],
    places: ['Northfield', 'Ashby Vale', 'Kingsmere', 'Harrowgate East', 'Lowther', 'Penrith Moor',
      'Castlebridge', 'Dunmore', 'Westcombe', 'Ravensholt', 'Fenwick', 'Saltmarsh'],
    orgs: ['Electoral Commission', 'Green Party', 'Reform Alliance', 'Liberal Democrats', 'Labour Party',
      'Ipsos', 'Returning Office'],
    subjects: ['counters', 'candidates', 'tellers', 'party agents', 'voters', 'observers',
      'returning officers', 'campaigners', 'pollsters', 'stewards'],
    verbs: ['declared', 'contested', 'verified', 'counted', 'disputed', 'delayed', 'announced', 'checked',
      'recounted', 'sealed'],
    nouns: ['the ballot boxes', 'the postal votes', 'the final tally', 'the exit poll', 'a polling station',
      'the count centre', 'the spoilt ballots', 'the turnout figures', 'the marginal seat', 'the sports hall'],
    tails: ['shortly after midnight', 'as the polls closed', 'amid a tight race', 'for a second time',
      'after a recount was called', 'before the declaration', 'in heavy rain', 'with turnout up'],
    quotes: ['Every vote has been counted', 'It is too close to call', 'We are confident of holding the seat',
      'The voters have spoken', 'Turnout looks strong tonight', 'We will ask for a recount'],
    headline: (w) => `${w.place}: ${w.subject()} ${w.verb()} ${w.noun()}`,
    body: (w) => [
      `${cap(w.subject())} ${w.verb()} ${w.noun()} ${w.tail()}, according to the ${w.org}.`,
      `“${w.quote()},” ${w.person} told supporters at ${w.anyPlace()}.`,
      `Turnout stood at ${40 + w.int(40)}.${w.int(10)}% with ${w.digit()} of ${10 + w.digit()} wards in ${w.place} declared ${w.tail()}.`,
    ],
    clock: (h, m) => `${h % 12 || 12}.${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`,
  },
};

const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** N updates, newest first, as objects and as the plain text our parser reads, in one of
 * the vocabularies above. */
export function generate(n, seed = 7, vocabulary = 'conflict') {
  const v = VOCABULARIES[vocabulary];
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const updates = [];
  let minutes = 0;
  for (let i = 0; i < n; i++) {
    minutes += 7 + Math.floor(r() * 10);
    const w = {
      person: pick(v.people),
      place: pick(v.places),
      org: pick(v.orgs),
      subject: () => pick(v.subjects),
      verb: () => pick(v.verbs),
      noun: () => pick(v.nouns),
      tail: () => pick(v.tails),
      quote: () => pick(v.quotes),
      anyPlace: () => pick(v.places),
      int: (k) => Math.floor(r() * k),
      digit: () => 1 + Math.floor(r() * 9),
    };
    const headline = v.headline(w);
    const body = v.body(w);
    updates.push({ id: `u${i + 1}`, minutes, headline, body, person: w.person, place: w.place, org: w.org });
  }
  updates.reverse();
  const day = (m) => Math.floor(m / 1440);
  const lines = [v.title, '', 'Updates as they come in, officials said.', ''];
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
    lines.push(`${v.clock(h, m)} ${u.headline}`, '', ...u.body.flatMap((p) => [p, '']));
  }
  return { updates, text: lines.join('\n') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(generate(Number(process.argv[2] ?? 2000), 7, process.argv[3] ?? 'conflict').text);
}
