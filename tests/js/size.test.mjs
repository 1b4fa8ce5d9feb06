// The download a news page pays for, gzipped at level 9 (sizes are deterministic, so they
// can be tested; times cannot). Issue 9's budget for the wasm and its glue is 80 KB, and
// the build is far above it (BENCHMARKS.md, "Download size", says where the bytes go): the
// ceilings below hold the size where it is so that it can only go down. Lower them when a
// change makes the package smaller; a change that needs them raised must say why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

const pkg = resolve(import.meta.dirname, '..', '..', 'pkg');
const gzipped = (files) => gzipSync(Buffer.concat(files.map((f) => readFileSync(join(pkg, f)))), { level: 9 }).length;

// 308,100: +660 B for bounded windows around quote cues (a 700 KB fuzz input took 40 s).
// 312,400: +4.3 KB for issue 20 speaker attribution (PolNeAR dev speakers 0.752 -> 0.907).
// 313,700: +1.3 KB for reported words after "called", titles and more cue forms (quotes F1 0.878 -> 0.913).
// 315,400: +1.7 KB for one name per person and common-word precision (corpus2 entities 0.517 -> 0.545).
// 328,400: +13.1 KB for the induced text reader (drawn layouts read 6% -> 92%, corpus2 updates 0.996 -> 1.000).
// 328,700: +250 B for the layout survey fixes (a lone "Live" badge, one wrapped sentence, the first headline).
// 329,200: +570 B for more survey fixes (discourse markers, bullets past their time, bylines over times): drawn layouts failing 42 -> 31 of 600.
// 330,000: +800 B for a headline quote linked to its body's, and repeats compared by words (each quote listed and counted once).
// 330,300: +280 B for further survey fixes (bylines never continue a wrapped line, labels glued to a number, blank lines between posts): 31 -> 25 of 600 failing.
// 330,400: +75 B for a headline after a time over an indented body (24 of 600 failing).
// 349,800: +19.4 KB for issue 21 knowledge tables: subdivisions 12.8 KB (corpus2 places 0.624 -> 0.755), companies 7.0 KB (orgs 0.492 -> 0.576), parties and agencies 1.3 KB (orgs 0.458 -> 0.576).
// 350,100: +250 B for acronyms of things and times (GDP, COVID, GMT) and Australian states by their short names (corpus2 orgs 0.576 -> 0.626, places 0.755 -> 0.796).
// 350,300: +190 B for a name after an inverted verb of speech ("…," said Patil) as a person.
// 350,500: +180 B for a lone quote after a name that a verb of speech follows ("Jobs talks about …"), and talk as such a verb.
// 351,500: +710 B for a quote left open before its attribution and an open quote taking its continuation's speaker (corpus2 speakers 36 -> 38 of 45); +230 B for speakers() by key (issue 25).
// 351,700: +190 B for a line ending on a word no heading ends on going on under a time (24 -> 22 of 600 drawn layouts failing).
// 355,500: +3.75 KB for the page reader on real live pages (issue 23): a post's time line as furniture, JSON-LD repeats known by first words, kickers, <amp-timeago>, clocks in lines, teasers no posts, bare-address embeds as links (3 real pages' updates F1 0.760 -> 1.000; 70 -> 36 of 78 plain articles misread as live).
// 356,200: +670 B for telling an article from a live blog (plain articles read as live: 36 -> 4 of 77 English pages, 93 -> 19 of 179 others).
// 358,800: +2,590 B for the entity rules of issue 21 (streets, plural acronyms, acronyms in brackets, a club's town, what companies own, brands' inner capitals, events, places in titles), 788 B of it saved by keying them as the surname table is: corpus2 entity precision 0.754 -> 0.792, orgs F1 0.626 -> 0.678; corpus precision 0.964 -> 0.970.
// 370,600: +11,730 B for data/common_words.txt (3,983 frequent English words, wordfreq 3.1.1 + Webster's 2nd) and two names inside a sentence as a person: corpus2 people F1 0.745 -> 0.803, entity precision 0.792 -> 0.803; corpus people 0.950 -> 0.957.
// 372,000: +810 B for buildings as addresses, a word-named place after a comma, hyphenated surnames, things' capitals (DVD, SDK), a name between a quote and its verb, role qualifiers, two names opening a sentence: corpus2 places 0.827 -> 0.838, people 0.803 -> 0.819.
// 375,700: +3,460 B for issue 20's attribution rules (listed quotes, naming verbs, abbreviated titles, 'Said X:', an owner's speech noun, a post going on with the last speaker): PolNeAR dev quotes F1 0.910 -> 0.931, speakers 0.912 -> 0.940; corpus2 speakers 0.844 -> 0.933.
// 376,900: +1,170 B for issue 23's markup oracle fixes (bold headlines, hidden times, data-* moments in streams, bylines, JSON-LD-only posts in the page's order and marked inPage, kickers anywhere, an article's header): drawn pages failing 774 -> 0 of 2,000 (seed 1, developed on), 770 -> 0 (seed 2, held out).
// 360,500: -16,228 B for issue 22 point 1 (the model as one JSON string, word lists front coded, the text reader's and search's sorts shared, no option-name cache): 376,721 -> 360,493 B, brotli -q 11 300,147 -> 289,345 B; outputs unchanged.
// 364,300: +3,789 B measured together on top of it (364,282 B): ReadOptions.posts and inPageOnly, for <liveblog-filter> reading a new or edited post alone and leaving out posts only a page's JSON-LD lists (issues 25, 23; about 230 B); typos measured against the words as written, "Zelenksy" finding "Zelenskyy" (issue 22; about 600 B); memory that runs out as LB_TOO_LARGE with its size (issue 25; about 170 B); issue 21's second pass (about 2,040 B: no name on the evidence of a shout, an ordinal, a saint, a street or pub word, an article before it; seats of government; portfolio words; a one-word name joined to a person's): entities F1 0.862 -> 0.881, orgs 0.775 -> 0.806, precision 0.887 -> 0.914.
// 365,200: +913 B for issue 19's layout induction fixes (a title only at the page's head, repeated times no furniture, a headline set apart by another mark than the prose, kickers printed twice, a first block closed by its time a post): drawn layouts failing 22 -> 8 of 600 (fixed), 157 -> 121 of 3,000 (seed 1, developed on), 162 -> 118 and 147 -> 105 (seeds 2 and 3, held out) (364,282 -> 365,195 B).
// 368,500: +3,299 B for flat post streams on pages (issue 23: posts with no element of their own, each opened by a timed heading or a paragraph opening with a bold clock, "Uhr" and French "14 h 30" included; about 326 B of it the French hours): held-out real pages' updates F1 0.000 -> 1.000 (BR) and 0.000 -> 0.960 (Telegraph) (365,195 -> 368,494 B).
// 368,900: +362 B for issue 19's reader fixes (the byline vote within the blank lines that part posts and a tie above, a headline's tail broken at the width, a photo credit broken onto its own line, openings not reaching down across a blank line, an untimed post right after a time run into prose): drawn layouts failing 8 -> 6 of 600 (fixed), 121 -> 88 of 3,000 (seed 1, developed on), 118 -> 94 and 105 -> 81 (seeds 2 and 3, held out) (368,494 -> 368,856 B).
// 369,500: this session's branches measured together, 369,417 B (368,494 B at its start): issue 19's reader fixes +362 B (the line above); issue 22's speed work -1,565 B (every map hashed by FxHash, SipHash gone, -4,263 B, paying for gazetteer hash tables and faster word-list lookups, +2,698 B; whole job on 2,000 synthetic updates 2,288M -> 1,863M instructions); issue 23's page reader +2,186 B (a post's title first in its <header>, short entries kept in their stream, repeated short lines matched to JSON-LD posts, an age alone furniture): SportoweFakty updates F1 0.680 -> 1.000.
// 370,300: +872 B for every map's hash seeded from the page's randomness (issue 25: 4,000 words built to collide under the unseeded hash took 1.44 s to index natively against 0.12 s for as many other words; seeded, the same) (369,417 -> 370,289 B).
// 369,700: +225 B for issue 19's reader fixes (a badge glued to a headline makes it one, a short headline under the kicker is no list item, an untimed first post signed with the posts' mark, a line broken at the width after "with" or "by" goes on on any page, a credited caption opens its own line): drawn layouts failing 6 -> 1 of 600 (fixed), 88 -> 74 of 3,000 (seed 1, developed on), 94 -> 73 and 81 -> 66 (seeds 2 and 3, held out); corpus, corpus2, PolNeAR dev and train predictions unchanged (369,417 -> 369,642 B).
// 371,700: +2,209 B on main (369,417 -> 371,626 B) for issue 23 point 5's attribution rules on real pages (a he/she opening its sentence stands for the subject of the one before, particles inside a name, about 440 B; a statement a post names no one for is made by whom its sentence-case headline is about, a quoted name in a headline no quote, about 1,570 B; an owner's role noun a role, 11 B): Guardian speakers 20/26 -> 26/26, CorkBeo 24/36 -> 34/37, Telegraph (held out) 16/24 -> 19/24, PolNeAR train 2962/3272 -> 2984/3276 ; of it +356 B for reading only the sentence before a pronoun, once for all its pronouns (the look-back had made a sentence of n pronoun quotes quadratic: cue-chain 0.68/3.1/11.8 s -> 0.08/0.11/0.23 s at 1,000/2,000/4,000). Measured 368,494 -> 370,517 B before the rebase.
// 371,800: +167 B for a paragraph of prose with no quote marks under an "X said:" paragraph read as X's words (issue 23 point 5; 371,626 -> 371,793 B): Telegraph page (held out) quotes F1 0.787 -> 0.818, speakers 19/24 -> 21/27; CorkBeo 0.932 -> 0.921 (a letter's bullet points under "The letter warned:"); corpus, corpus2, PolNeAR dev and train unchanged.
// 371,900: +90 B for an "and" inside an organisation's name opening a sentence ("Search and Rescue Agency chief Name") not ending its subject (371,793 -> 371,883 B): Telegraph page (held out) speakers 21/27 -> 22/27; others unchanged.
// 367,400: -2,022 B for issue 22's inline threshold 40 in the wasm build (.cargo/config.toml; BENCHMARKS.md, "Issue 22: where the 369 KB went"): 369,417 -> 367,395 B, brotli -q 11 297,970 -> 296,597 B; outputs unchanged, six search kinds 7% fewer instructions.
// 364,700: -2,733 B for the inline threshold 20 instead of 40 (367,395 -> 364,662 B, brotli 296,597 -> 294,651 B; outputs unchanged, the Al Jazeera job and searches no more instructions).
// 368,000: this session's branches measured together, 367,952 B (369,417 B at its start): seeded hashes +872 B, issue 19's reader fixes +225 B, issue 23's attribution rules and the bounded adjunct look-back +2,466 B, issue 22's inline threshold 20 -4,998 B (the lines above).
// 368,400: +357 B for issue 19's last drawn layout (a heading about as wide as the wrap width under a byline or a time alone stands alone over a capitalised body where two posts or more show such a heading standing alone): drawn layouts failing 1 -> 0 of 600 (fixed), 74 -> 74 and 73 -> 73 of 3,000 (seeds 1 and 2), 66 -> 64 (seed 3), none newly failing; corpus, corpus2, PolNeAR dev and train predictions unchanged (367,952 -> 368,309 B).
// 369,000: +982 B for issue 23's quotes on real pages (367,952 -> 368,934 B): "lauded" a verb of speech, a passive cue ("after being asked if …") reporting the words it quotes, a person "of" a place the person, a closing mark with no opening mark and an attribution after it closing a quote from its sentence's start: pages quotes F1 0.889 -> 0.904 (CorkBeo 0.921 -> 0.933, Guardian 0.966 -> 0.983, Telegraph 0.818 -> 0.836), speakers 82/90 -> 85/92; corpus, corpus2, PolNeAR dev unchanged, train 0.917 (0.927/0.906 -> 0.928/0.907).
//   then +31 B (368,934 -> 368,965 B, same ceiling) for a few words quoted later in a sentence, no cue nor capital between, said by the sentence's first quote's speaker: pages 0.904 -> 0.909 (CorkBeo 0.933 -> 0.945), PolNeAR train speakers 2984/3277 -> 2988/3280, quotes F1 0.917 either way; corpus, corpus2, dev unchanged.
// 369,400: issue 19's last layout and issue 23's quotes measured together on 367,952 B: 369,309 B (+357 and +1,013 B).
// 369,100: -220 B (369,309 -> 369,089 B) for a thin boundary (issue 22.5): the lazily built index and the memory reservation policy moved into core, and LiveBlog.toBytes writing the core's bytes instead of a round trip through the engine's JSON.parse and JSON.stringify.
// 369,900: +500 B for issue 22 point 4's faster whole job (369,309 -> 369,809 B): one hash look-up for all 24 word lists (each List a bit) and gazetteer keys hashed from their ends, an update's term counts in an array by term id, dates turned away on their first bytes; whole job in callgrind, native: synthetic 2,000 1,651.5M -> 1,510.3M instructions (-8.6%), Al Jazeera -6.1%; wasm in Node (startup taken off) -3.9% and -3.1%; outputs unchanged.
//   then +51 B (369,809 -> 369,860 B, same ceiling) for a line's shape read without collecting its last word's letters: native synthetic 2,000 -0.4% instructions.
// 369,100: this session's branches measured together, 369,015 B (369,309 B at its start): the thin boundary -220 B, search results' numbers written without core::fmt -353 B, the whole job's speed steps +551 B (the lines above).
// 350,500: -18,527 B for wasm-opt inlining a function called from one place only when under 30 bytes (-ocimfs=30, Makefile; binaryen's default is any size): 369,015 -> 350,488 B, brotli -q 11 298,137 -> 285,126 B (the thin boundary's 369,089 B build for the latter). Instructions in Node with every function compiled by TurboFan up front (callgrind, startup subtracted): whole Al Jazeera job +1.7%, synthetic 2,000 +1.9%, 240 searches -1.1% (under 100 bytes: -11.2 KB, +0.5%, +0.6%, -1.4%); with this session's speed steps, the Al Jazeera job 880.3M -> 867.4M against main's build.
// 350,600: +37 B for dates and times written without format! (src/decimal.rs, shared with search results' numbers): an update's ISO time is written once per update; native whole job on synthetic 2,000 1,498.4M -> 1,491.7M instructions (-0.4%), Al Jazeera the same (350,488 -> 350,525 B).
// 350,900: +352 B for LiveBlog.update(id), one update converted alone (issue 25): <liveblog-filter>'s answer to a new post on a 2,000-post page 534,853 -> 243 characters, 2,001 updates and 2,001 quotes converted -> 1 and 0 (350,449 -> 350,801 B). A filter on updates() (ids sorted, searched) cost +2,293 B; reusing updatesMentioning()'s serializer +526 B.
const WASM_AND_GLUE_CEILING = 350_900;
// element 8,200: +710 B to start on a shared link, the blog in view or the first interaction, and to keep its parameters apart (issue 24).
// element 8,700: +500 B to highlight a phrase as a run of its words, not its words alone (issue 24).
// element 8,820: +120 B for the chips of each kind in a group under a visible label (issue 24).
// element 9,220: +410 B for `for` naming several containers and a pinned copy going with its post (issue 24).
// element 10,640: +1,425 B to index a new, edited or removed post alone (append, replace, remove) instead of reading the whole blog again on any change, and to reject pending requests when stopped (issue 25): a 2,000-post page whose labels tick no longer sends its 608 KB to the worker every second.
// element 10,790: +146 B to leave out the posts only a page's JSON-LD lists (issue 23), to read a list drawn anew whole once rather than post by post, and to read again a post put back (10,785 B).
const ELEMENT_CEILING = 10_790;

test('the wasm and its JS glue stay within their ceiling, gzipped', () => {
  const bytes = gzipped(['liveblog_index_bg.wasm', 'liveblog_index.js', 'load.js', 'guard.js', 'index.js']);
  assert.ok(bytes <= WASM_AND_GLUE_CEILING, `wasm + glue: ${bytes} B gzipped, over the ceiling of ${WASM_AND_GLUE_CEILING} B`);
});

test('<liveblog-filter> (the element and its worker) stays within its ceiling, gzipped', () => {
  const bytes = gzipped(['element.js', 'worker.js']);
  assert.ok(bytes <= ELEMENT_CEILING, `element + worker: ${bytes} B gzipped, over the ceiling of ${ELEMENT_CEILING} B`);
});
