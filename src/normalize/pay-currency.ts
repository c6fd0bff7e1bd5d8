/**
 * Which ISO 4217 currency a pay figure is in, from what its text states and, only where the symbol is
 * shared by several currencies (`$`, `¥`, `kr`), from the posting's location.
 *
 * It never assumes a currency the text does not state: a figure with no symbol and no code has a null
 * currency (the AI-lab recorder dropped `€` from a Dublin pay, which then reads `142K – 180K`).
 *
 * The rule for `$`: it is USD unless the location names a country that writes its own currency with `$`
 * (Canada CAD, Australia AUD, New Zealand NZD, Singapore SGD, Mexico MXN, Hong Kong HKD). A location that
 * names one of those and also the United States (`New York; Toronto`), or a peso country whose postings
 * quote both local pesos and US dollars with `$` (Argentina, Chile, Colombia), makes `$` ambiguous: null.
 * With no location, or one we cannot place, `$` is USD; that is how US boards and US aggregators write it.
 * `US$`, `USD`, `C$`, `CA$`, `A$`, `R$`... are never ambiguous, and an ISO code beats a symbol
 * (`$120,000 CAD` is CAD; Greenhouse boards print `$` before CAD amounts and the code after).
 */

/** ISO 4217 codes we read when a text writes them next to a figure (upper case only: `try`, `php` are words). */
export const ISO_CODES: ReadonlySet<string> = new Set([
  "USD",
  "CAD",
  "AUD",
  "NZD",
  "SGD",
  "HKD",
  "MXN",
  "BRL",
  "GBP",
  "EUR",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "ISK",
  "PLN",
  "CZK",
  "HUF",
  "RON",
  "BGN",
  "UAH",
  "RUB",
  "TRY",
  "ILS",
  "AED",
  "SAR",
  "QAR",
  "KWD",
  "EGP",
  "ZAR",
  "NGN",
  "KES",
  "INR",
  "PKR",
  "BDT",
  "LKR",
  "JPY",
  "CNY",
  "KRW",
  "TWD",
  "PHP",
  "IDR",
  "MYR",
  "THB",
  "VND",
  "ARS",
  "CLP",
  "COP",
  "PEN",
  "UYU",
]);

/** Symbols written with letters before `$` (`US$`, `CA$`...), longest first when read right to left. */
export const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  US: "USD",
  USD: "USD",
  C: "CAD",
  CA: "CAD",
  CAD: "CAD",
  CDN: "CAD",
  A: "AUD",
  AU: "AUD",
  AUD: "AUD",
  NZ: "NZD",
  NZD: "NZD",
  S: "SGD",
  SG: "SGD",
  SGD: "SGD",
  HK: "HKD",
  HKD: "HKD",
  MX: "MXN",
  R: "BRL",
  NT: "TWD",
};

/** Single-character symbols that name one currency wherever they appear. */
export const UNAMBIGUOUS_SYMBOLS: Readonly<Record<string, string>> = {
  "£": "GBP",
  "€": "EUR",
  "₹": "INR",
  "₩": "KRW",
  "₪": "ILS",
  "₱": "PHP",
  "₦": "NGN",
  "₺": "TRY",
  "₽": "RUB",
  "฿": "THB",
  "₫": "VND",
  "₴": "UAH",
};

export type Place = "US" | "CA" | "AU" | "NZ" | "SG" | "MX" | "HK" | "PESO" | "JP" | "CN" | "SE" | "NO" | "DK" | "IS";

const PLACE_CURRENCY: Readonly<Record<Place, string | null>> = {
  US: "USD",
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  SG: "SGD",
  MX: "MXN",
  HK: "HKD",
  PESO: null,
  JP: "JPY",
  CN: "CNY",
  SE: "SEK",
  NO: "NOK",
  DK: "DKK",
  IS: "ISK",
};

// Countries named outright; they win over region codes and cities within one location segment.
const COUNTRY_PATTERNS: readonly [Place, RegExp][] = [
  ["US", /\b(?:USA|US)\b|\bU\.S\./],
  ["US", /\bunited states\b/i],
  ["CA", /\bcanad(?:a|ian)\b/i],
  ["AU", /\baustralia\b/i],
  ["NZ", /\bnew zealand\b/i],
  ["SG", /\bsingapore\b/i],
  ["MX", /(?<!new )\bm[eé]xico\b/i],
  ["HK", /\bhong kong\b/i],
  ["PESO", /\b(?:argentina|chile|colombia)\b/i],
  ["JP", /\bjapan\b/i],
  ["CN", /\b(?:mainland )?china\b|\bprc\b/i],
  ["SE", /\bsweden\b/i],
  ["NO", /\bnorway\b/i],
  ["DK", /\bdenmark\b/i],
  ["IS", /\biceland\b/i],
];

const US_STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR";
// Region codes after a comma: `Vancouver, WA` is in the United States, `Vancouver, BC` in Canada.
const REGION_PATTERNS: readonly [Place, RegExp][] = [
  ["CA", /,\s*(?:ON|BC|QC|AB|MB|NS|NB|NL|PE|SK|YT|NT|NU)\b/],
  ["CA", /\b(?:ontario|british columbia|qu[eé]bec|alberta|manitoba|nova scotia|saskatchewan)\b/i],
  ["AU", /,\s*(?:NSW|VIC|QLD|TAS|ACT)\b/],
  ["US", new RegExp(`,\\s*(?:${US_STATES})\\b`)],
  ["US", /\b(?:california|new york|texas|washington|massachusetts|illinois|colorado|florida|georgia)\b/i],
];

const CITY_PATTERNS: readonly [Place, RegExp][] = [
  ["CA", /\b(?:toronto|montr[eé]al|vancouver|ottawa|calgary|edmonton|waterloo|kitchener|winnipeg|halifax)\b/i],
  ["AU", /\b(?:sydney|melbourne|brisbane|perth|adelaide|canberra)\b/i],
  ["NZ", /\b(?:auckland|wellington|christchurch)\b/i],
  ["MX", /\b(?:cdmx|guadalajara|monterrey)\b/i],
  ["PESO", /\b(?:buenos aires|bogot[aá]|medell[ií]n|santiago de chile)\b/i],
  ["JP", /\b(?:tokyo|osaka|kyoto)\b/i],
  ["CN", /\b(?:beijing|shanghai|shenzhen|hangzhou|guangzhou)\b/i],
  ["SE", /\b(?:stockholm|gothenburg|g[oö]teborg|malm[oö])\b/i],
  ["NO", /\boslo\b/i],
  ["DK", /\b(?:copenhagen|k[oø]benhavn|aarhus)\b/i],
  ["US", /\b(?:san francisco|new york city|nyc|seattle|boston|chicago|austin|los angeles|palo alto|mountain view)\b/i],
];

const placeOfSegment = (segment: string): Place | null => {
  for (const patterns of [COUNTRY_PATTERNS, REGION_PATTERNS, CITY_PATTERNS]) {
    for (const [place, pattern] of patterns) if (pattern.test(segment)) return place;
  }
  return null;
};

/** Longest location string we read; a location is a few dozen characters, anything longer is cut. */
const MAX_LOCATION_CHARS = 2_000;

// A crawl sees the same few hundred location strings again and again: remember their places.
const PLACES_CACHE = new Map<string, ReadonlySet<Place>>();
const PLACES_CACHE_SIZE = 1_000;
const NO_PLACES: ReadonlySet<Place> = new Set();

/** The places a location string names, one per `;`, `|`, `/`, ` or `, ` and `-separated segment. */
export function placesOf(location: string | null | undefined): ReadonlySet<Place> {
  if (!location) return NO_PLACES;
  const cached = PLACES_CACHE.get(location);
  if (cached !== undefined) return cached;
  const places = readPlaces(location);
  if (PLACES_CACHE.size >= PLACES_CACHE_SIZE) PLACES_CACHE.clear();
  PLACES_CACHE.set(location, places);
  return places;
}

function readPlaces(location: string): Set<Place> {
  const places = new Set<Place>();
  const text = location.length > MAX_LOCATION_CHARS ? location.slice(0, MAX_LOCATION_CHARS) : location;
  for (const segment of text.split(/[;|/\n]| or | and | & /)) {
    const place = placeOfSegment(segment);
    if (place !== null) places.add(place);
  }
  return places;
}

/** True when the location names any country we can place (used to prefer a Greenhouse range title). */
export const namesPlace = (location: string | null | undefined): boolean => placesOf(location).size > 0;

/** The currency `$` stands for at this location (see the module header), null when ambiguous. */
export function dollarCurrency(location: string | null | undefined): string | null {
  const places = placesOf(location);
  const dollarPlaces = [...places].filter(
    (p) => p === "CA" || p === "AU" || p === "NZ" || p === "SG" || p === "MX" || p === "HK" || p === "PESO",
  );
  if (dollarPlaces.length === 0) return "USD";
  if (dollarPlaces.length > 1 || places.has("US")) return null;
  return PLACE_CURRENCY[dollarPlaces[0] as Place];
}

/** The location names a country whose `$` may be pesos, where a `$` amount's size tells nothing. */
export const namesPesoCountry = (location: string | null | undefined): boolean => placesOf(location).has("PESO");

/** `¥` is JPY in Japan and CNY in China; elsewhere it says too little. */
export function yenCurrency(location: string | null | undefined): string | null {
  const places = placesOf(location);
  if (places.has("JP") && !places.has("CN")) return "JPY";
  if (places.has("CN") && !places.has("JP")) return "CNY";
  return null;
}

/** `kr` is the krona or krone of the Nordic country the posting is in; elsewhere null. */
export function kronaCurrency(location: string | null | undefined): string | null {
  const places = [...placesOf(location)].filter((p) => p === "SE" || p === "NO" || p === "DK" || p === "IS");
  return places.length === 1 ? PLACE_CURRENCY[places[0] as Place] : null;
}

/** A currency field from a structured source: an ISO code (any case) or null. */
export function isoCodeOrNull(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const code = value.trim().toUpperCase();
  if (code === "RMB") return "CNY";
  return /^[A-Z]{3}$/.test(code) ? code : null;
}
