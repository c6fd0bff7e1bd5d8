import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/server/app.ts";
import { Service } from "../src/server/service.ts";
import { serialized } from "../src/store/serialized.ts";
import type { Store } from "../src/store/store.ts";
import { fixtureStore, HOSTILE_TITLE, hostilePostings } from "./support/store.ts";

let store: Store;
let app: ReturnType<typeof createApp>;
const unreachable = { greenhouse: "http://127.0.0.1:9", ashby: "http://127.0.0.1:9", lever: "http://127.0.0.1:9" };

beforeAll(async () => {
  store = serialized(await fixtureStore(":memory:", hostilePostings()));
  app = createApp({ service: new Service(store, unreachable), rateLimit: 10_000 });
});
afterAll(() => store.close());

const get = async (path: string) => {
  const res = await app.request(path);
  const type = res.headers.get("content-type") ?? "";
  return {
    status: res.status,
    headers: res.headers,
    body: type.startsWith("application/json") ? ((await res.json()) as Record<string, unknown>) : await res.text(),
  };
};
const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe("JSON API", () => {
  it("GET /health answers ok with the size of the data", async () => {
    expect(await get("/health")).toMatchObject({ status: 200, body: { status: "ok", activePostings: 36, boards: 1 } });
  });

  it("GET /api/roles lists every role with postings, counts and median pay", async () => {
    const { body } = await get("/api/roles");
    const roles = (
      body as { roles: { role: string; activePostings: number; pay: { n: number; median: number | null } }[] }
    ).roles;
    expect(roles.map((r) => [r.role, r.activePostings])).toEqual([
      ["ml-engineer", 16],
      ["research-engineer", 16],
      ["data-engineer", 2],
      ["other", 2],
    ]);
    expect(roles[0]?.pay).toMatchObject({ n: 16, median: 212500 });
  });

  it("GET /api/roles/{slug} gives the role report, by slug or alias, with filters", async () => {
    const { status, body } = await get("/api/roles/Applied%20ML%20Engineer?country=us&minN=3");
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: "role", title: "ML Engineer", filters: { country: "US" }, minN: 3 });
  });

  it("GET /api/compare gives the comparison report", async () => {
    const { body } = await get("/api/compare?a=research-engineer&b=ml-engineer");
    const r = body as {
      kind: string;
      roles: { role: string; pay: { median: number } }[];
      quickAnswer: { verdict: string };
    };
    expect(r.kind).toBe("comparison");
    expect(r.roles.map((x) => [x.role, x.pay.median])).toEqual([
      ["research-engineer", 310000],
      ["ml-engineer", 212500],
    ]);
    expect(r.quickAnswer.verdict).toMatch(/^Research engineers are paid more than applied ML engineers/);
  });

  it("GET /api/postings filters, searches and pages, with the total", async () => {
    const page1 = (await get("/api/postings?role=ml-engineer&pageSize=5")).body as {
      total: number;
      items: { id: string; role: string }[];
    };
    expect(page1.total).toBe(16);
    expect(page1.items).toHaveLength(5);
    const page4 = (await get("/api/postings?role=ml-engineer&pageSize=5&page=4")).body as { items: unknown[] };
    expect(page4.items).toHaveLength(1);
    const words = (await get("/api/postings?q=principal")).body as { total: number; items: { title: string }[] };
    expect(words.items.map((p) => p.title)).toEqual([
      "Principal Machine Learning Engineer",
      "Principal Machine Learning Engineer",
    ]);
    const hostile = (await get("/api/postings?q=onerror")).body as { items: { title: string }[] };
    expect(hostile.items.map((p) => p.title)).toEqual([`${HOSTILE_TITLE} Machine Learning Engineer`]);
    const gb = (await get("/api/postings?country=GB&seniority=staff")).body as { total: number };
    expect(gb.total).toBe(2);
  });

  it("GET /api/postings/{id} gives every normalized field and the raw payload", async () => {
    const { status, body } = await get("/api/postings/greenhouse%3Afixture%3A1");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: "greenhouse:fixture:1",
      role: "research-engineer",
      pay: { currency: "USD", kind: "base" },
    });
    expect(body).toHaveProperty("raw");
    expect(await get("/api/postings/nope")).toMatchObject({ status: 404, body: { error: { code: "E_NOT_FOUND" } } });
  });

  it("GET /api/stats counts postings by role and names the boards", async () => {
    const { body } = await get("/api/stats");
    expect(body).toMatchObject({
      activePostings: 36,
      byRole: { "ml-engineer": 16, "research-engineer": 16 },
      surveyRows: 0,
    });
  });

  it("GET /api/export gives CSV and NDJSON of the filtered postings", async () => {
    const csv = await get("/api/export?format=csv&role=data-engineer");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = String(csv.body).trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^id,/);
    const nd = await get("/api/export?format=ndjson&role=data-engineer");
    expect(
      String(nd.body)
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).role),
    ).toEqual(["data-engineer", "data-engineer"]);
  });

  it("GET /openapi.json describes every route in OpenAPI 3.1", async () => {
    const { body } = await get("/openapi.json");
    const doc = body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/compare",
      "/api/crawl",
      "/api/crawl/{id}",
      "/api/export",
      "/api/postings",
      "/api/postings/{id}",
      "/api/roles",
      "/api/roles/{slug}",
      "/api/stats",
    ]);
  });

  it("POST /api/crawl starts a crawl, follows it, and refuses a second one while it runs", async () => {
    const res = await app.request("/api/crawl", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ boards: [{ ats: "lever", board: "nobody" }] }),
    });
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; status: string; boards: number };
    expect(job).toMatchObject({ status: "running", boards: 1 });
    expect(res.headers.get("location")).toBe(`/api/crawl/${job.id}`);
    const second = await app.request("/api/crawl", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ preset: "ai-labs" }),
    });
    expect([second.status, errorCode(await second.json())]).toEqual([409, "E_CONFLICT"]);
    let state = job;
    for (let i = 0; i < 100 && state.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await get(`/api/crawl/${job.id}`)).body as typeof job;
    }
    expect(state).toMatchObject({
      status: "done",
      done: 1,
      results: [{ status: "failed", error: { code: "E_NETWORK" } }],
    });
    // its server-sent events replay the progress and the end of a finished crawl
    const events = await app.request(`/api/crawl/${job.id}/events`);
    expect(events.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const text = await events.text();
    expect(text).toMatch(/^event: progress\ndata: \{"done":1,"boards":1,"status":"done"\}/);
    expect(text).toContain("event: end\ndata: ");
    expect((await get("/api/crawl/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  describe("bad parameters get a 400 with a code, never a stack trace", () => {
    it.each([
      ["/api/compare?a=research-engineer", "E_USAGE"],
      ["/api/compare?a=quantum%20chef&b=ml-engineer", "E_UNKNOWN_ROLE"],
      ["/api/roles/ml-engineer?country=USA", "E_USAGE"],
      ["/api/roles/ml-engineer?since=yesterday", "E_USAGE"],
      ["/api/roles/ml-engineer?minN=0", "E_USAGE"],
      ["/api/postings?pageSize=100000", "E_USAGE"],
      ["/api/postings?role=wizard", "E_USAGE"],
      ["/api/postings?industry=crypto", "E_USAGE"],
      ["/api/export?format=xlsx", "E_USAGE"],
      ["/api/crawl/not-a-uuid", "E_USAGE"],
    ])("%s → 400 %s", async (path, code) => {
      const { status, body } = await get(path);
      expect([status, errorCode(body)]).toEqual([400, code]);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|Error:/);
    });

    it("a bad crawl body, an unknown preset and a body over the limit", async () => {
      const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
        app.request("/api/crawl", { method: "POST", headers, body });
      expect((await post("{not json")).status).toBe(400);
      expect(errorCode(await (await post(JSON.stringify({}))).json())).toBe("E_USAGE");
      expect(errorCode(await (await post(JSON.stringify({ boards: [{ ats: "workday", board: "x" }] }))).json())).toBe(
        "E_USAGE",
      );
      expect(await (await post(JSON.stringify({ preset: "nope" }))).json()).toMatchObject({
        error: { code: "E_USAGE", message: 'unknown preset "nope"; presets: ai-labs' },
      });
      const big = await post(
        JSON.stringify({ boards: Array.from({ length: 5000 }, () => ({ ats: "lever", board: "x".repeat(20) })) }),
      );
      expect([big.status, errorCode(await big.json())]).toEqual([413, "E_BODY_TOO_LARGE"]);
    });
  });

  it("limits each client's requests, with Retry-After", async () => {
    const limited = createApp({ service: new Service(store, unreachable), rateLimit: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.request("/health")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const res = await limited.request("/health");
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await res.json()).toMatchObject({ error: { code: "E_RATE_LIMITED" } });
  });
});

describe("web pages", () => {
  it.each([
    "/",
    "/roles/ml-engineer",
    "/compare/ml-engineer-vs-research-engineer",
    "/postings",
    "/postings?role=ml-engineer&q=engineer",
  ])("%s is HTML with a strict CSP that shows hostile posting text as text", async (path) => {
    const { status, headers, body } = await get(path);
    expect(status).toBe(200);
    expect(headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    const html = String(body);
    expect(html).not.toMatch(/<script|<img|javascript:/i);
  });

  it("the postings explorer lists the hostile title escaped, and never links to javascript:", async () => {
    const html = String((await get("/postings?q=onerror")).body);
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62; Machine Learning Engineer");
    expect(html).toContain("&#34;&#62;&#60;script&#62;alert(2)&#60;/script&#62;");
  });

  it("an unknown page or role is a 404 page, a bad filter a 400 page", async () => {
    expect((await get("/roles/wizard")).status).toBe(404);
    expect((await get("/nope")).status).toBe(404);
    const bad = await get("/postings?country=USA");
    expect(bad.status).toBe(400);
    expect(String(bad.body)).toContain("country: a two-letter ISO 3166-1 code such as US");
  });
});
