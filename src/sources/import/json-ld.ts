import { payFromSchemaOrgSalary } from "../../normalize/pay.ts";
import type { ImportRecord } from "./records.ts";

/** A record is a schema.org JobPosting when its @type says so. */
export const isJobPosting = (r: ImportRecord): boolean =>
  r["@type"] === "JobPosting" || (Array.isArray(r["@type"]) && r["@type"].includes("JobPosting"));

const text = (v: unknown): string | null => {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && "name" in v) return text((v as { name: unknown }).name);
  if (v && typeof v === "object" && "value" in v) return text((v as { value: unknown }).value);
  return null;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** "City, Region, Country" of a schema.org Place (or its address), as people write it. */
function placeText(place: unknown): string | null {
  if (typeof place === "string") return place;
  if (!place || typeof place !== "object") return null;
  const address = (place as { address?: unknown }).address ?? place;
  if (typeof address === "string") return address;
  const a = address as Record<string, unknown>;
  const parts = [text(a.addressLocality), text(a.addressRegion), text(a.addressCountry)].filter(Boolean);
  return parts.length ? parts.join(", ") : text((place as { name?: unknown }).name);
}

/**
 * A JobPosting's fields under the import's field names, so it maps like any other record. Its baseSalary
 * becomes structured pay; TELECOMMUTE becomes remote.
 */
export function jobPostingFields(r: ImportRecord): ImportRecord {
  const locations = list(r.jobLocation)
    .map(placeText)
    .filter((l): l is string => l !== null);
  const remote = list(r.jobLocationType).some((t) => String(t).toUpperCase() === "TELECOMMUTE");
  const pays = r.baseSalary ? payFromSchemaOrgSalary(r.baseSalary) : [];
  return {
    // A PropertyValue identifier names its issuer in `name` and the id in `value`.
    id:
      (r.identifier && typeof r.identifier === "object"
        ? text((r.identifier as { value?: unknown }).value)
        : text(r.identifier)) ?? text(r.url),
    title: text(r.title),
    company: text(r.hiringOrganization),
    location: locations.join("; ") || (remote ? "Remote" : null),
    description: text(r.description),
    url: text(r.url),
    publishedAt: text(r.datePosted),
    employmentType: list(r.employmentType).map(String).join(", ") || null,
    remote: remote ? "true" : null,
    industry: text(r.industry),
    payStructured: pays,
  };
}
