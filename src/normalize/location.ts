/**
 * A posting's location text read into places (city, region, country as ISO 3166-1 alpha-2, remote), its
 * workplace (remote, hybrid, on-site) and the metro areas it is in. Pure and bounded: text in, values out; a
 * string it cannot read becomes an issue, never an exception. It does not geocode, guess a country from a
 * company, or treat a remote place as being anywhere in particular unless the text says where.
 *
 * How it reads (`San Francisco, CA | New York City, NY`, `Remote - US`, `US, CA, Santa Clara`):
 * 1. The text is cut into segments at `;` `|` `/` `•` and line ends, each segment into parts at commas,
 *    brackets and spaced dashes (`Remote - US`). A part is looked up whole (`New York City`, `So Paulo`,
 *    `Ontario`, `CA`); failing that it is scanned for the longest known phrases (`US GA Atlanta`,
 *    `Mumbai Shivaji Park`, `Palo Alto, CA Toronto, Canada`).
 * 2. Each found name may read several ways (`CA` is California or Canada, `Georgia` a state or a country,
 *    `Washington` a state or a city). Reading left to right, each name joins the place being built when one of
 *    its readings is consistent with it (a city must exist in the stated country and region), preferring the
 *    reading the next name agrees with; otherwise it starts a new place. So `Cambridge, MA` is in the US,
 *    `Ontario, CA` is the province in Canada, `Washington, DC` the city, and `Wilmington, DE` Delaware's.
 * 3. A city with no stated country is the most populous of its name (`London` is London, GB); a stated
 *    country or region always wins, and a town the gazetteer lacks (`Hurlburt Field, FL`) is kept as written.
 *
 * Workplace precedence: the source's structured workplace, then its `isRemote` flag (true: remote; false: not
 * remote, the rest may still say hybrid or on-site), then the location text (the most flexible option it
 * names: remote over hybrid over on-site), then a clear statement in the description; else null.
 */
import type { RecordIssue } from "../domain/errors.ts";
import type { Place } from "../domain/posting.ts";
import type { Workplace } from "../domain/vocab.ts";
import { METROS_FILE } from "./location-data.ts";
import { type City, fold, type Gazetteer, gazetteer, type Reading } from "./location-gazetteer.ts";
import { workplaceFromDescription } from "./location-workplace.ts";

export { warmGazetteer } from "./location-gazetteer.ts";

/** Longer location text is refused: no real location string is, and it bounds the time one string costs. */
export const MAX_LOCATION_CHARS = 2_000;
/** Phrases are looked up up to this many words long (`Las Rozas de Madrid`, `Sant Cugat del Valles`). */
const MAX_PHRASE_WORDS = 5;
/** A one-word city found inside a longer phrase counts with this population, or beside its country or state. */
const SCAN_CITY_MIN_POPULATION = 100_000;
/** ...and, from this population, when the segment names no other place (`Hicksville Duffy Avenue`). */
const WEAK_CITY_MIN_POPULATION = 15_000;

export interface LocationInput {
  /** The primary location text as the source states it. */
  text: string | null;
  /** Further location strings (a board's secondary locations); read like `text`, places merged. */
  more?: string[] | undefined;
  /** The source's structured workplace (Ashby's `workplaceType`), when it has one. */
  structuredWorkplace?: Workplace | null | undefined;
  /** The source's remote flag (Ashby's `isRemote`, LinkedIn's `remote_allowed`). */
  isRemote?: boolean | null | undefined;
  /** Plain-text description, read only for a clear workplace statement. */
  description?: string | null | undefined;
}

export interface LocationResult {
  places: Place[];
  workplace: Workplace | null;
  /** Metro ids (data/locations/metros-v1.json) of the places, in order of first appearance. */
  metros: string[];
  issues: RecordIssue[];
}

export interface Metro {
  id: string;
  label: string;
  country: string;
}

/** The metro areas a place can be tagged with, as the data defines them. */
export const METROS: readonly Metro[] = METROS_FILE.metros.map(({ id, label, country }) => ({ id, label, country }));
const METRO_LABELS = new Map(METROS.map((m) => [m.id, m.label]));

/** A metro's label (`sf-bay-area` → `San Francisco Bay Area`), or null for an unknown id. */
export const metroLabel = (id: string): string | null => METRO_LABELS.get(id) ?? null;

/** `${country}|${folded city}` → the metros listing that city, with the region they require (`*`: any). */
const METRO_INDEX: ReadonlyMap<string, readonly { region: string; metro: string }[]> = (() => {
  const index = new Map<string, { region: string; metro: string }[]>();
  for (const metro of METROS_FILE.metros) {
    for (const [region, cities] of Object.entries(metro.cities)) {
      for (const city of cities) {
        const key = `${metro.country}|${fold(city)}`;
        const list = index.get(key) ?? [];
        list.push({ region, metro: metro.id });
        index.set(key, list);
      }
    }
  }
  return index;
})();

/** The metro a place is in, decided by (city, country, region), never by the city's name alone. */
export function metroOf(place: Pick<Place, "city" | "region" | "country">): string | null {
  if (place.city === null || place.country === null) return null;
  const entries = METRO_INDEX.get(`${place.country}|${fold(place.city)}`);
  const hit = entries?.find((e) => e.region === "*" || e.region === place.region);
  return hit?.metro ?? null;
}

/**
 * Reads a posting's location text (and any further location strings) into de-duplicated places, its workplace
 * and its metros. Never throws: what it cannot read is reported in `issues` (`location.empty`,
 * `location.too_long`, `location.unparsable`, `location.unresolved`, `location.unspecified`).
 */
export function parseLocation(input: LocationInput): LocationResult {
  const issues: RecordIssue[] = [];
  const places: Place[] = [];
  const metros: string[] = [];
  const seen = new Set<string>();
  const said = { remote: false, hybrid: false, onsite: false };

  const texts: [string | null | undefined, (string | number)[]][] = [[input.text, ["text"]]];
  (input.more ?? []).forEach((t, i) => {
    texts.push([t, ["more", i]]);
  });
  for (const [text, path] of texts) {
    if (text === null || text === undefined) continue;
    const read = readTextCached(text);
    for (const found of read.issues) issues.push(issue(found.code, path, found.message, found.input));
    said.remote ||= read.remote;
    said.hybrid ||= read.hybrid;
    said.onsite ||= read.onsite;
    for (const { place, metro, key } of read.places) {
      if (seen.has(key)) continue;
      seen.add(key);
      // A copy: the caller owns what it is given, and the remembered reading must not change.
      const { city, region, country, remote, raw } = place;
      places.push({ city, region, country, remote, raw });
      if (metro !== null && !metros.includes(metro)) metros.push(metro);
    }
  }
  return { places, workplace: decideWorkplace(input, said), metros, issues };
}

function decideWorkplace(
  input: LocationInput,
  said: { remote: boolean; hybrid: boolean; onsite: boolean },
): Workplace | null {
  if (input.structuredWorkplace !== null && input.structuredWorkplace !== undefined) return input.structuredWorkplace;
  if (input.isRemote === true) return "remote";
  const remoteAllowed = input.isRemote !== false;
  if (said.remote && remoteAllowed) return "remote";
  if (said.hybrid) return "hybrid";
  if (said.onsite) return "onsite";
  const stated = workplaceFromDescription(input.description);
  return stated === "remote" && !remoteAllowed ? null : stated;
}

// ---------------------------------------------------------------------------------------------------------------
// One location string.

interface TextRead {
  /** `key` tells places apart across the location strings of one posting. */
  places: { place: Place; metro: string | null; key: string }[];
  remote: boolean;
  hybrid: boolean;
  onsite: boolean;
  /** Issues without their path, which parseLocation adds. */
  issues: Omit<RecordIssue, "path">[];
}

/** The key that tells two places apart (the same place read twice is returned once). */
function placeKey(place: Place): string {
  // Places with nowhere stated are told apart by their text (`Europe`, `Middle East`), but remote ones are one.
  const nowhere = place.city === null && place.region === null && place.country === null && !place.remote;
  return `${place.city === null ? "" : fold(place.city)}|${place.region}|${place.country}|${place.remote}|${
    nowhere ? fold(place.raw) : ""
  }`;
}

/**
 * A crawl reads the same few hundred location strings again and again: their readings are remembered (they
 * depend on the text alone), up to READ_CACHE_SIZE strings of at most READ_CACHE_MAX_CHARS, then forgotten at once.
 */
const READ_CACHE = new Map<string, TextRead>();
const READ_CACHE_SIZE = 2_000;
const READ_CACHE_MAX_CHARS = 300;

function readTextCached(text: string): TextRead {
  if (text.length > READ_CACHE_MAX_CHARS) return readText(text);
  let read = READ_CACHE.get(text);
  if (read === undefined) {
    read = readText(text);
    if (READ_CACHE.size >= READ_CACHE_SIZE) READ_CACHE.clear();
    READ_CACHE.set(text, read);
  }
  return read;
}

const issue = (code: string, path: (string | number)[], message: string, input: unknown): RecordIssue => ({
  code,
  path,
  message,
  input,
});
/** An issue of one location string, before parseLocation says which string it is (`path`). */
const draft = (code: string, message: string, input: unknown): Omit<RecordIssue, "path"> => ({ code, message, input });

const preview = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * Characters that do not occur in a location typed by a person: C0 controls (bar tab and line ends), DEL, C1
 * controls, the replacement character a bad decode leaves, and unpaired surrogates. Returns how many there
 * were and the text with each replaced by a space.
 */
function scrubBinary(text: string): { count: number; text: string } {
  let count = 0;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let bad = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (bad) {
      count++;
      out += `${text.slice(from, i)} `;
      from = i + 1;
    }
  }
  return { count, text: count === 0 ? text : out + text.slice(from) };
}

const TAG = /<\/?[a-zA-Z!][^<>]{0,500}>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  nbsp: " ",
  quot: '"',
  apos: "'",
  "#39": "'",
  lt: " ",
  gt: " ",
};

function readText(text: string): TextRead {
  const out: TextRead = { places: [], remote: false, hybrid: false, onsite: false, issues: [] };
  if (text.trim() === "") {
    out.issues.push(draft("location.empty", "location text is empty", text));
    return out;
  }
  if (text.length > MAX_LOCATION_CHARS) {
    out.issues.push(
      draft(
        "location.too_long",
        `location text is ${text.length} characters, over the ${MAX_LOCATION_CHARS} read`,
        preview(text),
      ),
    );
    return out;
  }
  const scrubbed = scrubBinary(text);
  if (scrubbed.count * 20 > text.length) {
    out.issues.push(draft("location.unparsable", "location text is binary, not text", preview(text)));
    return out;
  }
  const clean = scrubbed.text
    .replace(TAG, " ")
    .replace(/&(amp|nbsp|quot|apos|#39|lt|gt);/g, (_, name: string) => ENTITIES[name] ?? " ");
  if (!/\p{L}/u.test(clean)) {
    out.issues.push(draft("location.unparsable", "location text holds no words", preview(text)));
    return out;
  }

  const g = gazetteer();
  let unspecified = false;
  const groups: Group[] = [];
  for (const [start, end] of ranges(clean, 0, clean.length, SEGMENT_SEPARATOR)) {
    const segment = readSegment(g, clean, start, end);
    out.remote ||= segment.remote;
    out.hybrid ||= segment.hybrid;
    out.onsite ||= segment.onsite;
    unspecified ||= segment.unspecified;
    groups.push(...segment.groups);
    if (segment.groups.length === 0 && !segment.marker && !segment.unspecified) {
      out.issues.push(
        draft("location.unresolved", "no place could be read from this part", preview(clean.slice(start, end))),
      );
    }
  }
  readInContext(groups, CONTEXT_POPULATION_RATIO);
  for (const group of groups) {
    const place = placeOf(group, clean);
    if (place !== null) out.places.push({ place: place.place, metro: place.metro, key: placeKey(place.place) });
  }
  if (unspecified && out.places.length === 0) {
    out.issues.push(draft("location.unspecified", "the text says there are locations but names none", preview(text)));
  }
  return out;
}

const SEGMENT_SEPARATOR = /[;|/\\\n\r\t•·]+/g;
const PART_SEPARATOR = /,|\s[-–—]+\s|[()[\]{}:]|\s[-–—]+$|^[-–—]+\s/g;

/** The trimmed, non-empty pieces of text[start, end) between matches of `separator`, as [start, end) pairs. */
function ranges(text: string, start: number, end: number, separator: RegExp): [number, number][] {
  const out: [number, number][] = [];
  const slice = text.slice(start, end);
  separator.lastIndex = 0;
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(slice.charAt(a))) a++;
    while (b > a && /\s/.test(slice.charAt(b - 1))) b--;
    if (b > a) out.push([start + a, start + b]);
  };
  for (let m = separator.exec(slice); m !== null; m = separator.exec(slice)) {
    push(from, m.index);
    from = m.index + m[0].length;
    if (m[0].length === 0) separator.lastIndex++;
  }
  push(from, slice.length);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Parts → items: the names found in each part, with their readings.

interface Item {
  readings: readonly Reading[];
  part: number;
  start: number;
  end: number;
  text: string;
  /** A part in which nothing was found (a candidate town name when a region or country follows). */
  unknown: boolean;
  /** Found by scanning a longer phrase, not as the whole part. */
  scanned: boolean;
  /** For a town found by scanning, how far it can be trusted (see settleScanned); null otherwise. */
  town: "strong" | "weak" | "tiny" | null;
  /** The gazetteer reading `town` grades. */
  townReading: Reading | null;
}

const PLACE_KINDS = new Set(["city", "region", "country"]);
type PlaceReading = Extract<Reading, { kind: "city" | "region" | "country" }>;
const isPlaceReading = (r: Reading): r is PlaceReading => PLACE_KINDS.has(r.kind);
/** Our vocabulary (areas, workplace words) wins over a town of the same name (`Asia`, Philippines). */
const isVocabulary = (r: Reading): boolean => !isPlaceReading(r);

const cityReadings = new WeakMap<readonly City[], Reading>();
function cityReading(cities: readonly City[]): Reading {
  let reading = cityReadings.get(cities);
  if (reading === undefined) {
    reading = { kind: "city", cities, metro: null };
    cityReadings.set(cities, reading);
  }
  return reading;
}

const COUNT_OF_LOCATIONS = /^(?:\d+ )?(?:more )?(?:locations?|offices|cities|sites)(?: available)?$/;
const AREA_WORDS = /^(?:greater )?(.+?)(?: (?:metropolitan|metro|bay)? ?area| metro| region| metroplex)?$/;
const TOWN_WORDS = / (?:city|township|twp|town|village|borough)$/;
/** After a name, these make it a street (`Greensboro Dr`, `Pearl Street`) or an admin area (`Mariposa County`). */
const NOT_A_TOWN_AFTER = new Set(
  (
    "street str ave avenue road rd dr drive blvd boulevard way ln lane pkwy parkway ct court plaza sq square hwy " +
    "highway terrace crescent county district province prefecture oblast municipality parish"
  ).split(" "),
);
/** Before a name, these make it a street (`Rue d Uzes`, `Via Novara`, `Avenida das Nacoes`). */
const NOT_A_TOWN_BEFORE = new Set("rue via viale calle avenida avenue av piazza boulevard bd".split(" "));
const DIRECTIONS = new Set(["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"]);
const FLOOR = new Set(["floor", "fl", "flr"]);

/**
 * Whether the words around a phrase make it a street or an area rather than a town: `Greensboro Dr`,
 * `Dean St`, `Wellington St W`, `Via Novara`, `Mariposa County`; but not `Manchester CT` (a state),
 * `St Laurent` (a saint) or `Bengaluru rd Floor` (the recorder dropped the 3 of `3rd`).
 */
function notATown(g: Gazetteer, words: readonly { raw: string }[], from: number, to: number): boolean {
  const before = words[from - 1]?.raw.toLowerCase();
  if (before !== undefined && NOT_A_TOWN_BEFORE.has(before)) return true;
  const lastWord = words[to - 1]?.raw.toLowerCase();
  if (to - from > 1 && lastWord !== undefined && NOT_A_TOWN_AFTER.has(lastWord)) return true;
  const word = words[to];
  if (word === undefined) return false;
  const lower = word.raw.toLowerCase();
  if (/^[A-Z]{2}$/.test(word.raw) && g.codes.has(word.raw) && !g.codeStopwords.has(word.raw)) return false;
  const after = words[to + 1]?.raw.toLowerCase();
  if (after !== undefined && FLOOR.has(after)) return false;
  if (lower === "st") return after === undefined || DIRECTIONS.has(after) || /^\d/.test(after);
  return NOT_A_TOWN_AFTER.has(lower);
}

const mergedCities = new Map<string, readonly City[]>();
/** A whole part's cities: by name and by mangled name together (`Malm` is Malmö before it is Malm, Norway). */
function wholeCities(g: Gazetteer, key: string): readonly City[] | undefined {
  const named = g.cities.get(key);
  const mangled = g.mangled.get(key);
  if (named === undefined || mangled === undefined) return named ?? mangled;
  let merged = mergedCities.get(key);
  if (merged === undefined) {
    merged = [...named, ...mangled.filter((c) => !named.includes(c))].sort((a, b) => b.population - a.population);
    mergedCities.set(key, merged);
  }
  return merged;
}

function wholeReadings(g: Gazetteer, key: string, original: string, alone: boolean): Reading[] {
  const out: Reading[] = [];
  if (alone) out.push(...(g.wholeOnly.get(key) ?? []));
  out.push(...(g.names.get(key) ?? []));
  const lower = original === original.toLowerCase();
  if (key.length >= 2 && key.length <= 5 && /^[a-z]+$/.test(key) && !(lower && (key === "or" || key === "and"))) {
    const codes = g.codes.get(key.toUpperCase()) ?? [];
    // `Bengaluru, Karnataka, in`: a lower-case code is a country (Workday writes them so), not a US state.
    out.push(
      ...(lower ? [...codes].sort((a, b) => Number(b.kind === "country") - Number(a.kind === "country")) : codes),
    );
  }
  if (key.length >= 3 && !g.genericWords.has(key) && !out.some(isVocabulary)) {
    const cities = wholeCities(g, key);
    if (cities !== undefined) out.push(cityReading(cities));
  }
  return out;
}

function readPart(g: Gazetteer, text: string, start: number, part: number, alone: boolean): Item[] {
  const key = fold(text);
  if (key === "") return [];
  const item = (readings: readonly Reading[]): Item[] => [
    {
      readings,
      part,
      start,
      end: start + text.length,
      text,
      unknown: false,
      scanned: false,
      town: null,
      townReading: null,
    },
  ];
  if (COUNT_OF_LOCATIONS.test(key)) return item([{ kind: "unspecified" }]);
  const whole = wholeReadings(g, key, text, alone);
  if (whole.length > 0) return item(whole);
  // `Greater Seattle Area`, `Toulouse Area`, `New York City Metropolitan Area`: the area of a city reads as the city.
  const core = AREA_WORDS.exec(key)?.[1];
  if (core !== undefined && core !== key) {
    const readings = wholeReadings(g, core, core, false).filter((r) => r.kind === "city" || r.kind === "region");
    if (readings.length > 0) return item(readings);
  }
  // `Waterford City` is Waterford, `Woodbridge Township` Woodbridge; `Cebu` is Cebu City.
  const townKey = TOWN_WORDS.test(key) ? key.replace(TOWN_WORDS, "") : `${key} city`;
  if (!g.genericWords.has(key) && !g.genericWords.has(townKey)) {
    const cities = g.cities.get(townKey);
    if (cities !== undefined) return item([cityReading(cities)]);
  }
  return scanPart(g, text, start, part);
}

const WORD = /[\p{L}\p{N}'’.]+/gu;

/**
 * The known phrases inside a part, longest first, left to right (`US GA Atlanta`, `Mumbai Shivaji Park`).
 * Each town found is graded for settleScanned: `strong` (a city of SCAN_CITY_MIN_POPULATION, or a name of
 * several words and WEAK_CITY_MIN_POPULATION), `weak` (one word, WEAK_CITY_MIN_POPULATION) or `tiny`.
 */
function scanPart(g: Gazetteer, text: string, start: number, part: number): Item[] {
  // In all-capitals text a code may be a word (`IN`, `ME`, `ST`); in mixed case `IN` and `ON` are codes.
  const capitals = !/\p{Ll}/u.test(text);
  const words: { key: string; raw: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const key = fold(m[0]);
    if (key !== "") words.push({ key, raw: m[0].replace(/\.+$/, ""), start: m.index, end: m.index + m[0].length });
  }
  const found: Item[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && matched === 0; n--) {
      const first = words[i];
      const last = words[i + n - 1];
      if (first === undefined || last === undefined) break;
      const phrase =
        n === 1
          ? first.key
          : words
              .slice(i, i + n)
              .map((w) => w.key)
              .join(" ");
      const readings: Reading[] = [...(g.names.get(phrase) ?? [])];
      if (n === 1 && /^[A-Z]{2,5}$/.test(first.raw) && !(capitals && g.codeStopwords.has(first.raw))) {
        readings.push(...(g.codes.get(first.raw) ?? []));
      }
      const oneWordNoise =
        n === 1 &&
        (first.key.length < 3 ||
          /^[A-Z]{2,3}$/.test(first.raw) ||
          /^\d+$/.test(first.key) ||
          g.genericWords.has(first.key) ||
          g.scanStopwords.has(first.key));
      // A mangled name alone (`Bogot`) must be a big city's: `Dean` is a word before it is Deçan.
      const mangled = g.mangled.get(phrase);
      const mangledOk = n > 1 || (phrase.length >= 5 && (mangled?.[0]?.population ?? 0) >= SCAN_CITY_MIN_POPULATION);
      const cities =
        oneWordNoise || readings.some(isVocabulary) || notATown(g, words, i, i + n)
          ? undefined
          : (g.cities.get(phrase) ?? (mangledOk ? mangled : undefined));
      // `Mexico Huamantla`, `US NH Lebanon`: a name that is a country or state is a small town of that name only
      // beside that town's own state.
      const named = readings.some((r) => (r.kind === "country" || r.kind === "region") && !r.code);
      let town: Item["town"] = null;
      let townReading: Reading | null = null;
      if (cities !== undefined) {
        townReading = cityReading(cities);
        readings.push(townReading);
        const population = cities[0]?.population ?? 0;
        town =
          named && population < SCAN_CITY_MIN_POPULATION
            ? "tiny"
            : population >= SCAN_CITY_MIN_POPULATION || (n > 1 && population >= WEAK_CITY_MIN_POPULATION)
              ? "strong"
              : n === 1 && population >= WEAK_CITY_MIN_POPULATION
                ? "weak"
                : "tiny";
      }
      if (readings.length > 0) {
        found.push({
          readings,
          part,
          start: start + first.start,
          end: start + last.end,
          text: text.slice(first.start, last.end),
          unknown: false,
          scanned: true,
          town,
          townReading,
        });
        matched = n;
      }
    }
    i += Math.max(matched, 1);
  }
  return found;
}

const isCodeReading = (r: Reading): boolean => (r.kind === "country" || r.kind === "region") && r.code;
const fitsReading = (c: City, r: Reading): boolean =>
  (r.kind === "country" && sameCountry(c.country, r.country)) ||
  (r.kind === "region" && c.country === r.country && (r.region === null || c.region === r.region));

/**
 * The towns among `cities` that stated regions and countries allow: in a stated region, or in a stated country
 * for which no region is stated (`USA CA Broadway` allows no Broadway outside California; `IL Caesarea` is
 * Israel's, Illinois being a region of another country).
 */
function backedBy(cities: readonly City[], backing: readonly Reading[]): City[] {
  return cities.filter((c) =>
    backing.some((r) => r.kind === "region" && r.country === c.country)
      ? backing.some((r) => r.kind === "region" && fitsReading(c, r))
      : backing.some((r) => r.kind === "country" && fitsReading(c, r)),
  );
}

const statedPlace = (r: Reading): boolean => r.kind === "country" || r.kind === "region";

/**
 * `Clifton Park, NY`, `Linthicum Heights, MD`: a short name the gazetteer lacks, in which scanning found only a
 * smaller town's name, is kept whole as written when a state or country follows it.
 */
function preferWrittenTowns(g: Gazetteer, items: Item[], parts: [number, number][], text: string): Item[] {
  return items.filter((item) => {
    const [a, b] = parts[item.part] ?? [0, 0];
    if (!item.scanned || (item.town !== "weak" && item.town !== "tiny") || item.text === text.slice(a, b)) return true;
    if (items.some((other) => other !== item && other.part === item.part)) return true;
    const next = items.find((other) => other.part === item.part + 1);
    const stated = next?.readings.some((r) => r.kind === "country" || r.kind === "region") ?? false;
    const whole = text.slice(a, b);
    // Only when the other words are the usual parts of a town's name, not a street or a company.
    const rest = fold(whole.replace(item.text, " ")).split(" ");
    const townish = rest.every((w) => w === "" || TOWN_NAME_WORDS.has(w));
    return !stated || !townish || townName(g, whole) === null;
  });
}

const TOWN_NAME_WORDS = new Set(
  (
    "new old north south east west upper lower great little heights park hills hill falls springs spring beach lake " +
    "lakes valley point junction grove ridge harbor harbour bay bridge creek mills mill station township village " +
    "town city center centre gardens woods forest landing crossing port mount fort saint"
  ).split(" "),
);

/**
 * A segment's items, with what scanning found settled against the rest of the segment:
 * - A small town found inside a longer phrase is kept when the name beside it is its own state or country
 *   (`US NJ Montvale`, `Conshohocken PA`, `Belgium Diegem`), narrowed to that state or country.
 * - Otherwise only when the segment names no city for sure, and only the first: backed by a state or country
 *   named elsewhere in the segment (`USA, VA, McLean Greensboro Dr`), or, for a `weak` one, when the segment
 *   names no state or country at all (`Hicksville Duffy Avenue`). Beside a sure city it is a street, a
 *   building or a neighbourhood (`Cypress Waters Dallas, TX`, `Chicago S Franklin`).
 * - A code found inside a phrase that fits none of the segment's towns is an abbreviation (`BJ s Club`,
 *   `TD Centre`), not a country.
 * A part left with nothing found becomes an unknown item.
 */
function settleScanned(items: Item[], parts: [number, number][], text: string): Item[] {
  if (items.length >= parts.length && items.every((item) => !item.scanned)) return items;
  const graded = (item: Item): boolean => item.town === "weak" || item.town === "tiny";
  const sureTowns: (readonly City[])[] = items.flatMap((item) =>
    item.readings.flatMap((r) => (r.kind === "city" && !(graded(item) && r === item.townReading) ? [r.cities] : [])),
  );
  const sureCity = sureTowns.length > 0;
  // Codes found inside a phrase are weak evidence of a stated place (`NA Reston`).
  const anyStated = items.some((item) =>
    item.readings.some((r) => statedPlace(r) && !(item.scanned && isCodeReading(r))),
  );
  const stating = (other: Item | undefined): Reading[] => other?.readings.filter(statedPlace) ?? [];
  let townKept = false;
  const settled: Item[] = [];
  items.forEach((item, i) => {
    const town = item.townReading;
    if (!graded(item) || town?.kind !== "city") {
      settled.push(item);
      return;
    }
    const rest = item.readings.filter((r) => r !== town);
    const adjacent = [...stating(items[i - 1]), ...stating(items[i + 1])];
    let keep: City[] | null = backedBy(town.cities, adjacent);
    // ...but not a neighbourhood of a sure city in the same state (`NY Hudson Yards, New York`).
    const sameArea = (c: City) =>
      sureTowns.some((ts) => ts.some((t) => t.country === c.country && t.region === c.region));
    if (keep.length === 0 || keep.some(sameArea)) keep = null;
    if (keep === null && !sureCity && !townKept) {
      const elsewhere = items.flatMap((other) => (other === item ? [] : other.readings.filter(statedPlace)));
      const backed = backedBy(town.cities, elsewhere);
      if (backed.length > 0) keep = backed;
      else if (item.town === "weak" && !anyStated) keep = [...town.cities];
    }
    townKept ||= keep !== null;
    const readings: Reading[] = keep === null ? rest : [...rest, { kind: "city", cities: keep, metro: null }];
    if (readings.length > 0) settled.push({ ...item, readings, town: null, townReading: null });
  });
  const towns = settled.flatMap((item) => item.readings.flatMap((r) => (r.kind === "city" ? [r.cities] : [])));
  const out = settled.filter(
    (item) =>
      !item.scanned ||
      towns.length === 0 ||
      !item.readings.every(isCodeReading) ||
      item.readings.some((r) => towns.some((cs) => cs.some((c) => fitsReading(c, r)))),
  );
  parts.forEach(([a, b], part) => {
    if (!out.some((item) => item.part === part)) {
      const at = out.findIndex((item) => item.part > part);
      const unknown: Item = {
        readings: [],
        part,
        start: a,
        end: b,
        text: text.slice(a, b),
        unknown: true,
        scanned: false,
        town: null,
        townReading: null,
      };
      if (at < 0) out.push(unknown);
      else out.splice(at, 0, unknown);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Items → places.

interface Group {
  cities: readonly City[] | null;
  /** A city as the text writes it, when the gazetteer has none of that name in the stated country. */
  written: string | null;
  cityText: string | null;
  country: string | null;
  region: string | null;
  metro: string | null;
  remote: boolean;
  area: boolean;
  /** The text names the country or region (not only a city the gazetteer places). */
  stated: boolean;
  start: number;
  end: number;
}

const newGroup = (): Group => ({
  cities: null,
  written: null,
  cityText: null,
  country: null,
  region: null,
  metro: null,
  remote: false,
  area: false,
  stated: false,
  start: -1,
  end: -1,
});

const hasCity = (g: Group): boolean => g.cities !== null || g.written !== null;

/** Whether two country codes name the same place: equal, or a territory and its country (`PR`, `US`). */
function sameCountry(a: string, b: string): boolean {
  if (a === b) return true;
  const dependencies = gazetteer().dependencies;
  return dependencies.get(a) === b || dependencies.get(b) === a;
}

const fits = (c: City, country: string | null, region: string | null): boolean =>
  (country === null || sameCountry(c.country, country)) && (region === null || c.region === region);

function consistent(g: Group, r: PlaceReading): boolean {
  switch (r.kind) {
    case "city":
      if (hasCity(g) || (g.remote && (g.country !== null || g.region !== null))) return false;
      return r.cities.some((c) => fits(c, g.country, g.region));
    case "country":
      if (g.country !== null && !sameCountry(g.country, r.country)) return false;
      return g.cities === null || g.cities.some((c) => sameCountry(c.country, r.country));
    case "region":
      if (g.country !== null && g.country !== r.country) return false;
      if (g.region !== null && r.region !== null && g.region !== r.region) return false;
      return (
        g.cities === null ||
        g.cities.some((c) => c.country === r.country && (r.region === null || c.region === r.region))
      );
  }
}

function extend(g: Group, item: Item): void {
  if (g.start < 0 || item.start < g.start) g.start = item.start;
  if (item.end > g.end) g.end = item.end;
}

function apply(g: Group, r: PlaceReading, item: Item): void {
  extend(g, item);
  if (r.kind === "city") {
    g.cities = r.cities.filter((c) => fits(c, g.country, g.region));
    g.cityText = item.text;
    g.metro ??= r.metro;
  } else {
    g.stated = true;
    // `Aguadilla, PR, USA`: the territory is the more exact of the two.
    if (g.country === null || r.kind === "region" || gazetteer().dependencies.get(g.country) !== r.country) {
      g.country = r.country;
    }
    if (r.kind === "region") {
      if (r.region !== null) g.region = r.region;
      g.metro ??= r.metro;
    }
    if (g.cities !== null) g.cities = g.cities.filter((c) => fits(c, g.country, g.region));
  }
  if (g.cities !== null && g.country !== null) {
    // `San Antonio, Puerto Rico` is the one in PR, not the bigger one in a US state.
    const country = g.country;
    const exact = g.cities.filter((c) => c.country === country);
    if (exact.length > 0 && exact.length < g.cities.length) g.cities = exact;
  }
  if (g.cities !== null && g.cities.length === 0) {
    // The stated country or region wins over the gazetteer: keep the town as written.
    g.cities = null;
    g.written = g.cityText === null ? null : writtenName(g.cityText);
  }
}

/** The reading of `item` that fits `g`, preferring one the next name agrees with; null when none fits. */
function choose(g: Group, readings: readonly PlaceReading[], item: Item, next: Item | undefined): PlaceReading | null {
  const fitting = readings.filter((r) => consistent(g, r));
  if (fitting.length <= 1 || next === undefined) return fitting[0] ?? null;
  const nextReadings = next.readings.filter(isPlaceReading);
  if (nextReadings.length === 0) return fitting[0] ?? null;
  for (const r of fitting) {
    const trial: Group = { ...g };
    apply(trial, r, item);
    if (nextReadings.some((n) => consistent(trial, n))) return r;
  }
  return fitting[0] ?? null;
}

const NAME_LIKE = /^\p{L}[\p{L}'’. -]*$/u;

/** A part nothing was found in, taken as a town's name: `Hurlburt Field` in `Hurlburt Field, FL`. */
function townName(g: Gazetteer, text: string): string | null {
  const words = fold(text).split(" ");
  if (
    !NAME_LIKE.test(text) ||
    words.length > 4 ||
    words.some((w) => g.genericWords.has(w) || NOT_A_TOWN_AFTER.has(w) || NOT_A_TOWN_BEFORE.has(w)) ||
    // `LZ Leeuwarden Zwei`, `BCA Dmitri Pompei E`: abbreviations and initials are not part of a town's name.
    (text !== text.toUpperCase() && /(?:^|\s)(?:[A-Z]{2,4}|\p{L})(?=\s|$)/u.test(text))
  ) {
    return null;
  }
  return writtenName(text);
}

/** `HURLBURT FIELD` → `Hurlburt Field`; any other casing is kept as the text writes it. */
function writtenName(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t !== t.toUpperCase()) return t;
  return t.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

interface SegmentRead {
  groups: Group[];
  remote: boolean;
  hybrid: boolean;
  onsite: boolean;
  /** A workplace word was found (so a segment with no place is not unresolved). */
  marker: boolean;
  unspecified: boolean;
}

function readSegment(g: Gazetteer, text: string, start: number, end: number): SegmentRead {
  const out: SegmentRead = {
    groups: [],
    remote: false,
    hybrid: false,
    onsite: false,
    marker: false,
    unspecified: false,
  };
  const parts = ranges(text, start, end, PART_SEPARATOR);
  const found: Item[] = [];
  parts.forEach(([a, b], i) => {
    found.push(...readPart(g, text.slice(a, b), a, i, parts.length === 1));
  });
  const items = settleScanned(preferWrittenTowns(g, found, parts, text), parts, text);

  let group = newGroup();
  const flush = () => {
    const somewhere = hasCity(group) || group.region !== null || group.country !== null;
    if (group.start >= 0 && (somewhere || group.remote || group.area)) out.groups.push(group);
    group = newGroup();
  };

  items.forEach((item, i) => {
    const next = items[i + 1];
    if (item.unknown) {
      const name = townName(g, item.text);
      const followedByPlace =
        next !== undefined &&
        next.part === item.part + 1 &&
        next.readings.some((r) => r.kind === "country" || r.kind === "region");
      if (name !== null && followedByPlace && !hasCity(group) && !(group.remote && group.country !== null)) {
        extend(group, item);
        group.written = name;
        group.cityText = item.text;
      }
      return;
    }
    const kinds = new Set(item.readings.map((r) => r.kind));
    if (kinds.has("remote")) {
      out.remote = true;
      out.marker = true;
      if (hasCity(group)) flush();
      group.remote = true;
      extend(group, item);
      return;
    }
    if (kinds.has("hybrid") || kinds.has("onsite")) {
      out.hybrid ||= kinds.has("hybrid");
      out.onsite ||= kinds.has("onsite");
      out.marker = true;
      return;
    }
    if (kinds.has("unspecified")) {
      out.unspecified = true;
      return;
    }
    const readings = item.readings.filter(isPlaceReading);
    if (readings.length === 0) {
      if (kinds.has("area") && !hasCity(group) && group.country === null) {
        group.area = true;
        extend(group, item);
      }
      return;
    }
    const fitting = choose(group, readings, item, next);
    if (fitting !== null) {
      apply(group, fitting, item);
      return;
    }
    const offersCity = readings.some((r) => r.kind === "city");
    if (!offersCity && group.cities !== null && readings.every((r) => r.kind !== "city" && r.code)) {
      // A code that contradicts the town before it starts the next place when the next name fits it
      // (`US IL Chicago US TX Lewisville`); otherwise it is stray (`Reutlingen, BW, de`).
      const nextReadings = next?.readings.filter(isPlaceReading) ?? [];
      const startsNext = readings.some((r) => {
        const trial = newGroup();
        apply(trial, r, item);
        return nextReadings.some((n) => consistent(trial, n));
      });
      if (!startsNext) return;
    }
    const [first] = readings;
    if (!offersCity && first !== undefined && hasCity(group) && group.country === null && group.region === null) {
      // `Springfield, Germany`: a stated country wins over the gazetteer's towns of that name.
      apply(group, first, item);
      return;
    }
    flush();
    const fresh = choose(group, readings, item, next) ?? first;
    if (fresh !== undefined) apply(group, fresh, item);
  });
  flush();
  // `Chiswick, London, UK`, `St Petersburg Tampa, FL`: a town the segment does not place itself is read in the
  // country the segment names.
  readInContext(out.groups, Number.POSITIVE_INFINITY);
  return out;
}

/** How many times more populous a town elsewhere must be to win over one in a country the text names. */
const CONTEXT_POPULATION_RATIO = 10;

/**
 * Towns the text does not place themselves, read in the countries it names elsewhere, unless the town elsewhere
 * is more than `ratio` times bigger (`Dublin; Remote - US` is still Dublin, Ireland).
 */
function readInContext(groups: readonly Group[], ratio: number): void {
  const stated = new Set(groups.flatMap((gr) => (gr.stated && gr.country !== null ? [gr.country] : [])));
  if (stated.size === 0) return;
  for (const gr of groups) {
    if (gr.stated || gr.cities === null || gr.cities.length < 2) continue;
    const top = gr.cities[0];
    if (top === undefined || stated.has(top.country)) continue;
    const inContext = gr.cities.filter((c) => stated.has(c.country));
    const best = inContext[0];
    if (best !== undefined && top.population <= best.population * ratio) gr.cities = inContext;
  }
}

function placeOf(g: Group, text: string): { place: Place; metro: string | null } | null {
  if (g.start < 0) return null;
  let raw = text.slice(g.start, g.end).trim();
  // `Remote (Canada)`: the place's text closes its bracket.
  if (raw.includes("(") && !raw.includes(")") && text.charAt(g.end) === ")") raw += ")";
  let city: string | null = null;
  let region = g.region;
  let country = g.country;
  const top = g.cities?.[0];
  if (top !== undefined) {
    city = top.name;
    country = top.country;
    region = top.region ?? region;
  } else if (g.written !== null) {
    city = g.written;
  }
  if (city === null && region === null && country === null && !g.remote && !g.area) return null;
  const place: Place = { city, region, country, remote: g.remote, raw };
  return { place, metro: g.metro ?? metroOf(place) };
}
