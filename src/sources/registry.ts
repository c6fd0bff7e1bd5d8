import type { Ats } from "../domain/vocab.ts";
import { ashby } from "./ashby/connector.ts";
import type { SourceConnector } from "./connector.ts";
import { greenhouse } from "./greenhouse/connector.ts";
import { lever } from "./lever/connector.ts";

export const CONNECTORS: Readonly<Record<Ats, SourceConnector>> = { greenhouse, ashby, lever };

/** The API base URL of each ATS: the environment variable when set, else the real host. */
export function baseUrls(env: Readonly<Record<string, string | undefined>>): Record<Ats, string> {
  const pick = (c: SourceConnector) => env[c.envVar]?.trim() || c.defaultBaseUrl;
  return { greenhouse: pick(greenhouse), ashby: pick(ashby), lever: pick(lever) };
}
