/**
 * The location parser's own data, read from data/locations/*.json and validated with zod once at module load:
 * metro areas (metros-v1.json), the parser's vocabulary of aliases, areas and workplace words
 * (aliases-v1.json), and the names of US states, Canadian provinces and Australian states (regions-v1.json). Cities and country
 * names are not here: they come from the gazetteer (./location-gazetteer.ts). This module only loads; it
 * parses nothing.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const countryCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code");
const regionCode = z.string().regex(/^[A-Z]{2,3}$/, "a region code of two or three capitals");
const metroId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a kebab-case id");
const names = z.array(z.string().trim().min(1)).min(1);

export const metrosSchema = z.object({
  version: z.string().min(1),
  comment: z.string().optional(),
  metros: z
    .array(
      z.object({
        id: metroId,
        label: z.string().min(1),
        country: countryCode,
        /** Cities by region code (US state, Canadian province), or under `*` in any region of the country. */
        cities: z.record(z.union([regionCode, z.literal("*")]), names),
      }),
    )
    .min(1)
    .refine((ms) => new Set(ms.map((m) => m.id)).size === ms.length, { message: "metro ids must be unique" }),
});
export type MetrosFile = z.infer<typeof metrosSchema>;

export const aliasesSchema = z.object({
  version: z.string().min(1),
  comment: z.string().optional(),
  /** Names that read as one place: a city the gazetteer spells otherwise, or an area with no city (Bay Area). */
  places: z.array(
    z.object({
      names,
      city: z.string().min(1).nullable(),
      country: countryCode,
      region: regionCode.optional(),
      metro: metroId.optional(),
      /** Read only when it is the whole location (`LA` alone is Los Angeles; `Baton Rouge, LA` is Louisiana). */
      wholeOnly: z.boolean().optional(),
    }),
  ),
  /** Country names and abbreviations beyond the CLDR names the runtime knows. */
  countries: z.record(countryCode, names),
  /** Multi-country areas (Europe, EMEA): a place with no country, its text kept raw. */
  areas: names,
  markers: z.object({ remote: names, hybrid: names, onsite: names }),
  /** Text that says there are places without naming them (`Multiple Locations`). */
  unspecified: names,
  /** Words that never name a city on their own (`Office`, `Campus`). */
  genericWords: names,
  /** Words not taken as a one-word city inside a longer phrase (`Reading`, `Mobile`, `Victoria`). */
  scanStopwords: names,
  /** Upper-case codes that in all-capitals text are more likely words (`IN`, `ME`, `CAN`). */
  codeStopwords: z.array(z.string().regex(/^[A-Z]{2,3}$/)),
});
export type AliasesFile = z.infer<typeof aliasesSchema>;

export const regionsSchema = z.object({
  version: z.string().min(1),
  comment: z.string().optional(),
  countries: z.record(
    countryCode,
    z.array(
      z.object({
        code: regionCode,
        name: z.string().min(1),
        /** The gazetteer's first-level admin code for this region when it is not `code` (GeoNames numbers Canada's). */
        gazetteerAdmin: z.string().min(1).optional(),
        aliases: z.array(z.string().min(1)).optional(),
      }),
    ),
  ),
  /** Territories with their own ISO code → the country they belong to (`PR` → `US`). */
  dependencies: z.record(countryCode, countryCode),
});
export type RegionsFile = z.infer<typeof regionsSchema>;

function load<T>(schema: z.ZodType<T>, url: URL): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(`invalid location data ${url.pathname}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return parsed.data;
}

export const METROS_FILE: MetrosFile = load(
  metrosSchema,
  new URL("../../data/locations/metros-v1.json", import.meta.url),
);
export const ALIASES_FILE: AliasesFile = load(
  aliasesSchema,
  new URL("../../data/locations/aliases-v1.json", import.meta.url),
);
export const REGIONS_FILE: RegionsFile = load(
  regionsSchema,
  new URL("../../data/locations/regions-v1.json", import.meta.url),
);

const knownMetros = new Set(METROS_FILE.metros.map((m) => m.id));
for (const place of ALIASES_FILE.places) {
  if (place.metro !== undefined && !knownMetros.has(place.metro)) {
    throw new Error(`aliases-v1.json: place ${place.names[0]} names unknown metro ${place.metro}`);
  }
}
