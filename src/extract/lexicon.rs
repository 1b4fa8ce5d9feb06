//! Word lists the quote and speaker rules read: knowledge as data, one row per fact, each
//! matched case-insensitively unless it says otherwise.

use super::tokens::folded8;

/// A [`List`]'s words as written, one string literal per word, joined at compile time
/// with a line break after each: the module holds each list as one string, where a slice of
/// `&str` cost it a pointer and a length per word (eight bytes, about 2 KB gzipped for the
/// thousand words of the lists).
macro_rules! words {
    ($($word:literal),* $(,)?) => {
        concat!($($word, "\n"),*)
    };
}

/// Verbs that report speech ("said", "told"), in every tense a report uses.
pub(crate) const CUE_VERBS: &List = &List {
    bit: 1 << 0,
    words: words![
        "accuse",
        "accused",
        "accuses",
        "accusing",
        "acknowledged",
        "acknowledges",
        "added",
        "adding",
        "adds",
        "admit",
        "admits",
        "admitted",
        "admitting",
        "agreed",
        "agrees",
        "announce",
        "announced",
        "announces",
        "announcing",
        "answered",
        "answers",
        "argue",
        "argued",
        "argues",
        "arguing",
        "asked",
        "asking",
        "asks",
        "asserted",
        "asserting",
        "asserts",
        "barked",
        "beamed",
        "bellowed",
        "blasted",
        "blasts",
        "boasted",
        "boomed",
        "call",
        "called",
        "calling",
        "calls",
        "cautioned",
        "cautions",
        "chant",
        "chanted",
        "chanting",
        "chants",
        "charged",
        "chided",
        "claimed",
        "claiming",
        "claims",
        "commented",
        "complain",
        "complained",
        "complaining",
        "complains",
        "conceded",
        "concedes",
        "concluded",
        "concludes",
        "condemned",
        "condemns",
        "confirm",
        "confirmed",
        "confirming",
        "confirms",
        "continued",
        "continues",
        "countered",
        "counters",
        "criticised",
        "criticises",
        "criticized",
        "criticizes",
        "declare",
        "declared",
        "declares",
        "declaring",
        "demanded",
        "demands",
        "denied",
        "denies",
        "deny",
        "denying",
        "derided",
        "describe",
        "described",
        "describes",
        "describing",
        "emailed",
        "emphasised",
        "emphasises",
        "emphasized",
        "emphasizes",
        "exclaimed",
        "exclaims",
        "exhorted",
        "explain",
        "explained",
        "explaining",
        "explains",
        "expressed",
        "expresses",
        "fired",
        "hailed",
        "hails",
        "implied",
        "implies",
        "insist",
        "insisted",
        "insisting",
        "insists",
        "interjected",
        "interjects",
        "issued",
        "issues",
        "joked",
        "knocked",
        "lambasted",
        "lamented",
        "laments",
        "lauded",
        "lauds",
        "mocked",
        "mocks",
        "mused",
        "noted",
        "notes",
        "noting",
        "observed",
        "observes",
        "offered",
        "offers",
        "opined",
        "opines",
        "pledged",
        "pledges",
        "pledging",
        "pointed",
        "posted",
        "posts",
        "praised",
        "praises",
        "predict",
        "predicted",
        "predicting",
        "predicts",
        "proclaim",
        "proclaimed",
        "proclaiming",
        "proclaims",
        "promised",
        "promises",
        "promising",
        "quipped",
        "quips",
        "recalled",
        "recalls",
        "reiterated",
        "reiterates",
        "remarked",
        "repeated",
        "replied",
        "replies",
        "replying",
        "reported",
        "reports",
        "responded",
        "responding",
        "responds",
        "retorted",
        "retorts",
        "revealed",
        "reveals",
        "said",
        "say",
        "saying",
        "says",
        "scoffed",
        "scoffs",
        "screamed",
        "shot",
        "shouted",
        "slammed",
        "slams",
        "snapped",
        "speaking",
        "speaks",
        "spoke",
        "stated",
        "states",
        "stating",
        "stressed",
        "stresses",
        "suggest",
        "suggested",
        "suggesting",
        "suggests",
        "talked",
        "talking",
        "talks",
        "tell",
        "telling",
        "tells",
        "testified",
        "testifies",
        "thanked",
        "thanks",
        "told",
        "tweeted",
        "tweeting",
        "tweets",
        "urge",
        "urged",
        "urges",
        "urging",
        "vowed",
        "vowing",
        "vows",
        "warn",
        "warned",
        "warning",
        "warns",
        "welcomed",
        "welcomes",
        "whispered",
        "whispers",
        "wondered",
        "wonders",
        "writes",
        "writing",
        "wrote",
        "yelled",
        "yelling",
        "yells",
    ],
};

/// Verbs that name or liken in someone's words ("called the plan “reckless”", "branded the
/// rival a “menace”", "likened the rules to “a tax”"): a few words before a quote, they
/// report it.
pub(crate) const NAMING_VERBS: &List = &List {
    bit: 1 << 1,
    words: words![
        "branded",
        "brands",
        "call",
        "called",
        "calling",
        "calls",
        "characterised",
        "characterized",
        "dubbed",
        "labeled",
        "labelled",
        "likened",
        "likens",
        "termed",
    ],
};

/// Words after a cue verb that complete it ("told reporters", "said in a statement").
pub(crate) const CUE_COMPLEMENTS: &[&str] = &[
    "reporters",
    "journalists",
    "a news conference",
    "a press conference",
    "a briefing",
    "in a statement",
    "on twitter",
    "on x",
    "on facebook",
    "on telegram",
    "in an interview",
    "in a tweet",
    "in a post",
];

/// Auxiliaries and adverbs that sit between a speaker and the cue ("has said", "also told").
pub(crate) const AUXILIARIES: &List = &List {
    bit: 1 << 3,
    words: words![
        "again",
        "also",
        "are",
        "been",
        "did",
        "does",
        "earlier",
        "further",
        "had",
        "has",
        "has also",
        "have",
        "is",
        "later",
        "once",
        "previously",
        "reportedly",
        "separately",
        "then",
        "was",
        "were",
        "will",
        "would",
    ],
};

/// Pronouns that stand for a speaker named before.
pub(crate) const PRONOUNS: &List = &List {
    bit: 1 << 4,
    words: words!["he", "i", "it", "she", "they", "we"],
};

/// Words that end a speaker phrase when walking back from a cue: the clause before them is
/// about something else. Prepositions among them open a phrase that names no speaker, at a
/// sentence's start ("Like Alder, Berg said", "Despite the strike, …") or after a quote
/// ("…” without reporters asking").
pub(crate) const CLAUSE_WORDS: &List = &List {
    bit: 1 << 5,
    words: words![
        "about",
        "after",
        "against",
        "although",
        "amid",
        "among",
        "and",
        "as",
        "at",
        "because",
        "before",
        "but",
        "by",
        "despite",
        "during",
        "for",
        "from",
        "if",
        "in",
        "including",
        "like",
        "not",
        "of",
        "on",
        "said",
        "says",
        "since",
        "so",
        "than",
        "that",
        "though",
        "to",
        "unlike",
        "what",
        "when",
        "where",
        "while",
        "with",
        "without",
    ],
};

/// Words that are capitalised but name no entity: calendar words, number words, pronouns
/// opening a sentence. Sorted: searched by halves.
pub(crate) const NOT_NAMES: &List = &List {
    bit: 1 << 19,
    words: words![
        "apr",
        "april",
        "aug",
        "august",
        "dec",
        "december",
        "dozens",
        "eight",
        "eleven",
        "feb",
        "february",
        "five",
        "four",
        "friday",
        "he",
        "here",
        "how",
        "hundreds",
        "i",
        "it",
        "january",
        "jul",
        "july",
        "jun",
        "june",
        "let",
        "march",
        "may",
        "me",
        "millions",
        "monday",
        "nine",
        "nov",
        "november",
        "oct",
        "october",
        "one",
        "saturday",
        "sep",
        "sept",
        "september",
        "seven",
        "she",
        "six",
        "sunday",
        "ten",
        "that",
        "there",
        "they",
        "this",
        "thousands",
        "three",
        "thursday",
        "tuesday",
        "twelve",
        "two",
        "we",
        "wednesday",
        "what",
        "when",
        "where",
        "who",
        "why",
        "you",
    ],
};

/// Words that say when ("on Friday", "last week", "this morning"): an adjunct between a
/// speaker and the cue. Sorted.
pub(crate) const TIME_WORDS: &List = &List {
    bit: 1 << 21,
    words: words![
        "afternoon",
        "april",
        "august",
        "day",
        "december",
        "evening",
        "february",
        "friday",
        "january",
        "july",
        "june",
        "march",
        "may",
        "monday",
        "month",
        "morning",
        "night",
        "november",
        "october",
        "overnight",
        "saturday",
        "september",
        "sunday",
        "thursday",
        "today",
        "tonight",
        "tuesday",
        "wednesday",
        "week",
        "weekend",
        "year",
        "yesterday",
    ],
};

/// Words that lead a time adjunct: "on Friday", "last week", "early this morning". Sorted.
pub(crate) const TIME_LEADS: &List = &List {
    bit: 1 << 22,
    words: words!["at", "during", "earlier", "early", "in", "last", "late", "next", "on", "this",],
};

/// Abbreviations with a full stop that do not end a sentence: honorifics and ranks (`Mr.`,
/// `Sen.`, `Lt.`), name suffixes (`Jr.`) and months (`Nov.`). Sorted.
pub(crate) const ABBREVIATIONS: &List = &List {
    bit: 1 << 23,
    words: words![
        "adm", "apr", "atty", "aug", "capt", "cmdr", "col", "cpl", "dec", "del", "dr", "feb",
        "gen", "gov", "hon", "insp", "jan", "jr", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt",
        "nov", "oct", "prof", "rep", "reps", "rev", "sen", "sens", "sept", "sgt", "sr", "st",
        "supt", "vs",
    ],
};

/// Adverbs that open a sentence or a clause and are no part of a speaker's name ("Earlier
/// Trump said", "Then Sanders told"). Sorted.
pub(crate) const SENTENCE_ADVERBS: &List = &List {
    bit: 1 << 20,
    words: words![
        "again",
        "already",
        "also",
        "earlier",
        "early",
        "even",
        "eventually",
        "finally",
        "first",
        "however",
        "indeed",
        "instead",
        "last",
        "later",
        "meanwhile",
        "next",
        "now",
        "only",
        "perhaps",
        "previously",
        "recently",
        "separately",
        "since",
        "so",
        "still",
        "then",
        "today",
        "tonight",
        "yesterday",
        "yet",
    ],
};

/// Titles and role words written before a name ("US President Joe Biden"): they are the
/// speaker's role, not their name. Matched case-insensitively, without a final full stop.
pub(crate) const TITLE_WORDS: &List = &List {
    bit: 1 << 6,
    words: words![
        "acting",
        "adm",
        "adviser",
        "advisor",
        "affairs",
        "aide",
        "ambassador",
        "analyst",
        "attorney",
        "atty",
        "capt",
        "captain",
        "ceo",
        "chair",
        "chairman",
        "chairwoman",
        "chancellor",
        "chief",
        "cm",
        "cmdr",
        "coach",
        "col",
        "commander",
        "commissioner",
        "congressman",
        "congresswoman",
        "coordinator",
        "correspondent",
        "cpl",
        "dame",
        "defence",
        "defense",
        "del",
        "delegate",
        "deputy",
        "diplomat",
        "director",
        "dr",
        "economist",
        "editor",
        "envoy",
        "executive",
        "expert",
        "fm",
        "foreign",
        "former",
        "founder",
        "gen",
        "general",
        "global",
        "gov",
        "governor",
        "head",
        "hon",
        "insp",
        "interim",
        "judge",
        "justice",
        "king",
        "lawmaker",
        "leader",
        "lt",
        "maj",
        "manager",
        "mayor",
        "minister",
        "ministers",
        "mp",
        "mr",
        "mrs",
        "ms",
        "officer",
        "official",
        "pm",
        "policy",
        "pope",
        "premier",
        "president",
        "press",
        "prime",
        "prince",
        "princess",
        "prof",
        "professor",
        "queen",
        "rep",
        "reporter",
        "representative",
        "reps",
        "researcher",
        "rev",
        "secretary",
        "secretary-general",
        "self-styled",
        "sen",
        "senator",
        "senior",
        "sens",
        "sgt",
        "shadow",
        "sir",
        "speaker",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "staff",
        "supt",
        "tanaiste",
        "taoiseach",
        "the",
        "top",
        "tánaiste",
        "vice",
    ],
};

/// Titles that only a person bears ("Mr", "President", "Sir").
pub(crate) const HONORIFICS: &List = &List {
    bit: 1 << 7,
    words: words![
        "adm",
        "capt",
        "chancellor",
        "cm",
        "cmdr",
        "col",
        "cpl",
        "dame",
        "del",
        "dr",
        "fm",
        "gen",
        "gov",
        "governor",
        "insp",
        "judge",
        "king",
        "lt",
        "maj",
        "mayor",
        "minister",
        "mp",
        "mr",
        "mrs",
        "ms",
        "pm",
        "pope",
        "premier",
        "president",
        "prince",
        "princess",
        "prof",
        "professor",
        "queen",
        "rep",
        "rev",
        "sen",
        "senator",
        "sgt",
        "sir",
        "supt",
        "tanaiste",
        "taoiseach",
        "tánaiste",
    ],
};

/// Nouns for people in a role: a phrase ending in one of these names no one yet ("the
/// spokesman", "a Treasury official").
pub(crate) const ROLE_NOUNS: &List = &List {
    bit: 1 << 8,
    words: words![
        "adviser",
        "advisor",
        "aide",
        "ambassador",
        "analyst",
        "attorney",
        "chancellor",
        "chief",
        "commander",
        "coordinator",
        "correspondent",
        "diplomat",
        "director",
        "economist",
        "envoy",
        "expert",
        "general",
        "governor",
        "head",
        "lawmaker",
        "leader",
        "mayor",
        "minister",
        "officer",
        "official",
        "officials",
        "premier",
        "president",
        "reporter",
        "secretary",
        "senator",
        "source",
        "sources",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "staff",
    ],
};

/// Nouns for what someone said, owned by who said it ("Alder's claim that …", "the
/// minister's warning of …").
pub(crate) const SPEECH_NOUNS: &List = &List {
    bit: 1 << 2,
    words: words![
        "accusation",
        "argument",
        "assertion",
        "claim",
        "claims",
        "comment",
        "comments",
        "description",
        "insistence",
        "pledge",
        "promise",
        "remark",
        "remarks",
        "statement",
        "suggestion",
        "vow",
        "warning",
        "words",
    ],
};

/// Documents that "say" things on behalf of whoever issued them ("the statement said").
pub(crate) const DOCUMENT_NOUNS: &List = &List {
    bit: 1 << 14,
    words: words![
        "announcement",
        "communique",
        "document",
        "letter",
        "notice",
        "post",
        "release",
        "report",
        "statement",
        "tweet",
    ],
};

/// Words before "on" that make what follows a medium something is followed, watched or
/// heard on ("following on Twitter", "live on Sky"), beside the words of saying.
pub(crate) const MEDIA_WORDS: &[&str] = &[
    "aired",
    "appeared",
    "appearing",
    "available",
    "broadcast",
    "follow",
    "following",
    "listen",
    "live",
    "streamed",
    "streaming",
    "watch",
    "watching",
];

/// Words that make a name an organisation's ("White House", "State Department").
pub(crate) const ORG_WORDS: &List = &List {
    bit: 1 << 9,
    words: words![
        "administration",
        "agency",
        "airlines",
        "airport",
        "airways",
        "alliance",
        "army",
        "assembly",
        "association",
        "authority",
        "bank",
        "battalion",
        "board",
        "brigade",
        "broadcaster",
        "broadcasting",
        "bros",
        "brothers",
        "bureau",
        "cabinet",
        "club",
        "clube",
        "coalition",
        "commission",
        "committee",
        "commonwealth",
        "company",
        "congress",
        "corp",
        "corporation",
        "corps",
        "council",
        "court",
        "department",
        "division",
        "duma",
        "energy",
        "exchange",
        "fc",
        "federation",
        "force",
        "forces",
        "foundation",
        "fund",
        "gazette",
        "government",
        "group",
        "herald",
        "holdings",
        "house",
        "inc",
        "institute",
        "journal",
        "kremlin",
        "league",
        "ltd",
        "media",
        "ministry",
        "motors",
        "nations",
        "navy",
        "network",
        "news",
        "office",
        "organisation",
        "organization",
        "parliament",
        "partisans",
        "party",
        "pentagon",
        "plc",
        "police",
        "post",
        "presidency",
        "press",
        "radio",
        "railways",
        "regiment",
        "secretariat",
        "senate",
        "service",
        "services",
        "society",
        "systems",
        "technologies",
        "telecom",
        "television",
        "times",
        "treasury",
        "tribune",
        "trust",
        "union",
        "university",
    ],
};

/// Capitals that name a thing, a measure, a role or a time zone, not an organisation: "GDP",
/// "CCTV", "COVID", "FTSE" (an index), "GMT", "DVD", "SDK", "MEP".
pub(crate) const COMMON_ACRONYMS: &List = &List {
    bit: 1 << 12,
    words: words![
        "aedt", "aest", "agm", "aids", "api", "atm", "bmi", "bst", "cbd", "cctv", "cdt", "ceo",
        "cest", "cet", "cfo", "cgt", "coo", "covid", "cpi", "cpr", "cpu", "cst", "cto", "dax",
        "dna", "drs", "dvd", "edt", "eps", "esg", "est", "faq", "ftse", "gcse", "gdp", "gmt",
        "gps", "gpu", "hdmi", "hiv", "icu", "iht", "ipo", "isa", "ist", "lbw", "lcd", "led",
        "lgbt", "lgbtq", "mba", "mdt", "mep", "mla", "msp", "mst", "mvp", "nft", "pdt", "pmi",
        "pmqs", "ppe", "pst", "pvc", "ram", "rip", "rpi", "sdk", "sms", "ssd", "suv", "ufo", "url",
        "usb", "utc", "var", "vat", "vip", "vpn",
    ],
};

/// The parts of a place a compass names ("Tipperary North", "Dublin Mid West").
pub(crate) const COMPASS: &List = &List {
    bit: 1 << 11,
    words: words![
        "central",
        "east",
        "mid",
        "north",
        "north-east",
        "north-west",
        "northeast",
        "northwest",
        "south",
        "south-east",
        "south-west",
        "southeast",
        "southwest",
        "west",
    ],
};

/// Words that make a two-word name a place ("United Kingdom", "South Korea").
pub(crate) const PLACE_WORDS: &List = &List {
    bit: 1 << 10,
    words: words![
        "city", "east", "island", "islands", "kingdom", "new", "north", "republic", "saudi",
        "south", "states", "united", "west",
    ],
};

/// Lower-case words that belong inside a name ("Ursula von der Leyen").
pub(crate) const NAME_PARTICLES: &List = &List {
    bit: 1 << 13,
    words: words![
        "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "ibn", "la", "le", "van", "von",
    ],
};

/// Prepositions that open a phrase of place, occasion or means between a subject and its
/// verb ("Hart in a statement said", "Dane at a rally told").
pub(crate) const ADJUNCT_PREPOSITIONS: [&str; 8] =
    ["at", "during", "from", "in", "on", "over", "through", "via"];

/// Words that open a noun phrase as owners or pointers ("his claims", "these reports"):
/// after one a word is a noun, and before one the words in front end a verb's clause.
pub(crate) const DETERMINERS: [&str; 9] = [
    "his", "her", "its", "their", "our", "my", "your", "these", "those",
];

/// Words right before a quote that mark it as a name or a term, not speech
/// ("the so-called “Harbour Watch Brigade”").
pub(crate) const SCARE_MARKERS: &[&str] = &[
    "so-called",
    "so called",
    "dubbed",
    "known as",
    "termed",
    "labelled",
    "labeled",
    "the word",
    "the term",
    "the phrase",
    "nicknamed",
    "branded",
];

/// Last words of sports clubs' names ("Swansea City", "Leeds United"): a name ending in one
/// is a club unless the gazetteer knows it as a place ("Mexico City").
pub(crate) const CLUB_WORDS: &List = &List {
    bit: 1 << 15,
    words: words![
        "albion",
        "athletic",
        "city",
        "hotspur",
        "rangers",
        "rovers",
        "united",
        "villa",
        "wanderers",
    ],
};

/// Last words of the names of districts and regions ("Mercer County", "Donetsk Oblast"):
/// such a name is a place.
pub(crate) const DISTRICT_WORDS: &List = &List {
    bit: 1 << 16,
    words: words![
        "borough",
        "canton",
        "county",
        "district",
        "governorate",
        "municipality",
        "oblast",
        "parish",
        "prefecture",
        "province",
        "region",
        "township",
    ],
};

/// Last words of the names of events, laws and statements ("Autumn Statement", "Finance
/// Bill", "Australian Open"): such a name is nobody's, whatever given name opens it. Sorted.
pub(crate) const EVENT_WORDS: &List = &List {
    bit: 1 << 18,
    words: words![
        "act",
        "awards",
        "bill",
        "budget",
        "championship",
        "championships",
        "cup",
        "festival",
        "games",
        "open",
        "review",
        "statement",
        "summit",
    ],
};

/// Last words of the names of streets and buildings ("Grange Road", "Bulah Way", "Loreto
/// Sports Hall", "Main Campus"): an address names no place of its own. Sorted.
pub(crate) const STREET_WORDS: &List = &List {
    bit: 1 << 17,
    words: words![
        "arena",
        "avenue",
        "bar",
        "boulevard",
        "bridge",
        "campus",
        "center",
        "centre",
        "drive",
        "hall",
        "hospital",
        "hotel",
        "inn",
        "lane",
        "park",
        "pub",
        "quay",
        "road",
        "school",
        "square",
        "stadium",
        "street",
        "tavern",
        "terrace",
        "way",
    ],
};

/// A word that opens a sentence or a clause without naming anyone: "But", "On", "Earlier",
/// "Sunday", "Tonight", "He".
pub(crate) fn is_opener(word: &str) -> bool {
    let opener = CLAUSE_WORDS.bit | SENTENCE_ADVERBS.bit | TIME_WORDS.bit | NOT_NAMES.bit;
    classes(word) & opener != 0
}

/// A word list of this module: its words, sorted and lower case (a test checks), and its
/// own bit in [`classes`].
pub(crate) struct List {
    pub(crate) bit: u32,
    /// Each word followed by a line break ([`words!`]).
    words: &'static str,
}

impl List {
    fn words(&self) -> impl Iterator<Item = &'static str> {
        self.words.split_terminator('\n')
    }
}

/// Every [`List`], in the order of their bits.
const LISTS: [&List; 24] = [
    CUE_VERBS,
    NAMING_VERBS,
    SPEECH_NOUNS,
    AUXILIARIES,
    PRONOUNS,
    CLAUSE_WORDS,
    TITLE_WORDS,
    HONORIFICS,
    ROLE_NOUNS,
    ORG_WORDS,
    PLACE_WORDS,
    COMPASS,
    COMMON_ACRONYMS,
    NAME_PARTICLES,
    DOCUMENT_NOUNS,
    CLUB_WORDS,
    DISTRICT_WORDS,
    STREET_WORDS,
    EVENT_WORDS,
    NOT_NAMES,
    SENTENCE_ADVERBS,
    TIME_WORDS,
    TIME_LEADS,
    ABBREVIATIONS,
];

/// Every word of the lists once, with the bits of the lists holding it, in a hash table
/// keyed with ASCII case ignored: worked out on first use.
struct Classes {
    /// Open addressing, at the hash of each word's [`folded8`] and length; a power of two in size, at
    /// least twice the words, so an empty slot (no bits) ends every probe. The words are
    /// ours, so no text can make their probes longer.
    slots: Vec<Slot>,
    /// The longest word's length: a longer word is in no list, unread.
    longest: usize,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    head: u64,
    word: &'static str,
    bits: u32,
}

/// Where the probe for a word with this head and length starts.
fn slot_of(head: u64, len: usize, mask: usize) -> usize {
    ((head ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

fn table() -> &'static Classes {
    static CLASSES: std::sync::OnceLock<Classes> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let words: usize = LISTS.iter().map(|l| l.words().count()).sum();
        let mask = (words * 2).next_power_of_two() - 1;
        let mut slots = vec![Slot::default(); mask + 1];
        for list in LISTS {
            for word in list.words() {
                let head = folded8(word.as_bytes());
                let mut at = slot_of(head, word.len(), mask);
                while slots[at].bits != 0 && slots[at].word != word {
                    at = (at + 1) & mask;
                }
                let slot = &mut slots[at];
                *slot = Slot {
                    head,
                    word,
                    bits: slot.bits | list.bit,
                };
            }
        }
        let longest = (LISTS.iter().flat_map(|l| l.words()))
            .map(|w| w.len())
            .max()
            .unwrap_or(0);
        Classes { slots, longest }
    })
}

/// The bits of every [`List`] holding `word`, ASCII case ignored: one look-up tells all
/// the lists, where a search by halves in each list asked about it compared a dozen entries
/// (the rules ask about every word of every sentence, about twenty times).
fn classes(word: &str) -> u32 {
    let table = table();
    let bytes = word.as_bytes();
    if bytes.len() > table.longest {
        return 0;
    }
    let head = folded8(bytes);
    let mask = table.slots.len() - 1;
    let mut at = slot_of(head, bytes.len(), mask);
    while let Some(slot) = table.slots.get(at).filter(|s| s.bits != 0) {
        if slot.head == head
            && slot.word.len() == bytes.len()
            && (bytes.len() <= 8 || slot.word.as_bytes()[8..].eq_ignore_ascii_case(&bytes[8..]))
        {
            return slot.bits;
        }
        at = (at + 1) & mask;
    }
    0
}

/// What [`is_in`] searches: a [`List`] of this module, or a short list of a rule's own.
pub(crate) trait Words: Copy {
    fn has(self, word: &str) -> bool;
}

impl Words for &List {
    fn has(self, word: &str) -> bool {
        classes(word) & self.bit != 0
    }
}

/// A rule's own list, sorted and lower case: the entries sharing the word's first letter
/// are found by halves on that letter alone, then only those of the word's length compared.
impl Words for &[&str] {
    fn has(self, word: &str) -> bool {
        let Some(first) = word.as_bytes().first().map(u8::to_ascii_lowercase) else {
            return self.first() == Some(&"");
        };
        let from = self.partition_point(|entry| entry.as_bytes().first() < Some(&first));
        self[from..]
            .iter()
            .take_while(|entry| entry.as_bytes().first() == Some(&first))
            .any(|entry| entry.len() == word.len() && entry.eq_ignore_ascii_case(word))
    }
}

/// Whether `word` (without surrounding punctuation) is in `list`, ignoring ASCII case.
pub(crate) fn is_in(list: impl Words, word: &str) -> bool {
    list.has(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searched_lists_are_sorted_and_lower_case() {
        for (i, list) in LISTS.iter().enumerate() {
            let words: Vec<&str> = list.words().collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
            assert!(words.iter().all(|w| *w == w.to_lowercase()));
            assert_eq!(list.bit, 1 << i, "{words:?}");
        }
        assert!(is_in(CUE_VERBS, "Said"));
        assert!(is_in(ORG_WORDS, "MINISTRY"));
        assert!(!is_in(CUE_VERBS, "sai"));
        assert!(is_in(HONORIFICS, "TáNAISTE") && is_in(TITLE_WORDS, "Tánaiste"));
    }

    /// The table answers as a search of each list would: every word of every list, in
    /// upper case, found in exactly its own lists, and words one letter off in none.
    #[test]
    fn one_look_up_tells_every_list() {
        for list in LISTS {
            let words: Vec<&str> = list.words().collect();
            for word in &words {
                for other in LISTS {
                    let others: Vec<&str> = other.words().collect();
                    let held = others.contains(word);
                    assert_eq!(is_in(other, &word.to_ascii_uppercase()), held, "{word}");
                    assert_eq!(is_in(&others[..], word), held, "{word}");
                }
                assert!(!is_in(list, &format!("{word}x")) || words.contains(&&*format!("{word}x")));
                assert!(!is_in(list, &word[1..]) || words.contains(&&word[1..]));
            }
        }
        assert!(!is_in(CUE_VERBS, "") && !is_in(CUE_VERBS, &"said".repeat(10)));
    }
}
