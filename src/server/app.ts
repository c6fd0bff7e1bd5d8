import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { streamSSE } from "hono/streaming";
import { dataAsOf, type ReportFilters } from "../analytics/filters.ts";
import { DEFAULT_MIN_N, type Report } from "../analytics/report.ts";
import { parseBoardList, presetNames, readPreset } from "../crawl/boards.ts";
import { type ErrorCode, isRoledexError, RoledexError } from "../domain/errors.ts";
import { INDUSTRIES, ROLES, type Role, SENIORITIES } from "../domain/vocab.ts";
import { toExportRow } from "../export/columns.ts";
import { toCsv, toNdjson } from "../export/export.ts";
import { requireRole } from "../normalize/taxonomy.ts";
import { CONTENT_SECURITY_POLICY, htmlBody, htmlPage } from "../report/document.ts";
import type { StoredPosting } from "../store/store.ts";
import { explorerPage, homePage, type PageContext, reportPage } from "../web/pages.ts";
import { RateLimiter } from "./rate-limit.ts";
import type { Service } from "./service.ts";

/**
 * The HTTP face of roledex: a JSON API described by OpenAPI 3.1 at /openapi.json, and web pages that work
 * without JavaScript. Every input is validated; every error is JSON (or an HTML page) with a code, never a
 * stack trace.
 */

const STATUS: Partial<Record<ErrorCode, 400 | 404 | 409 | 413 | 429 | 500 | 503>> = {
  E_USAGE: 400,
  E_INPUT: 400,
  E_UNKNOWN_ROLE: 400,
  E_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_BODY_TOO_LARGE: 413,
  E_RATE_LIMITED: 429,
  E_DB_LOCKED: 503,
};

const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error", { description: "Every error: a stable code and a one-line message." });

const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "a two-letter ISO 3166-1 code such as US")
  .transform((c) => c.toUpperCase());
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const filterQuery = {
  country: country
    .optional()
    .openapi({ description: "ISO 3166-1 alpha-2: postings with a place in this country", example: "US" }),
  since: date.optional().openapi({ description: "postings published (where not stated, first seen) on or after" }),
  company: z.string().min(1).max(200).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  seniority: z.enum(SENIORITIES).optional(),
};
const reportQuery = z.object({
  ...filterQuery,
  minN: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_MIN_N)
    .openapi({ description: "suppress pay cells with fewer jobs" }),
});
const roleName = z
  .string()
  .min(1)
  .max(100)
  .openapi({ description: "a role slug, label or alias", example: "research-engineer" });

const payFigure = z
  .object({
    unit: z.literal("jobs"),
    n: z.number(),
    postings: z.number(),
    median: z.number().nullable(),
    ci95: z.object({ low: z.number(), high: z.number() }).nullable(),
    p25: z.number().nullable(),
    p75: z.number().nullable(),
    converted: z.number(),
    currency: z.literal("USD"),
    period: z.literal("year"),
    evidence: z.object({ filter: z.string(), postingIds: z.array(z.string()) }),
  })
  .openapi("PayFigure");
const roleRow = z
  .object({
    role: z.enum(ROLES),
    label: z.string(),
    plural: z.string(),
    activePostings: z.number(),
    jobs: z.number(),
    pay: payFigure,
  })
  .openapi("RoleRow");
const report = z.record(z.string(), z.unknown()).openapi("Report", {
  description:
    "The full report: quick answer, responsibilities, skills, education, careers, compensation, industries, transitions, survey, conclusion, related, provenance; every figure with its n, interval and posting ids.",
});
const postingSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    company: z.string().nullable(),
    url: z.string().nullable(),
    role: z.enum(ROLES),
    seniority: z.enum(SENIORITIES),
    industry: z.string().nullable(),
    locations: z.array(
      z.object({
        city: z.string().nullable(),
        region: z.string().nullable(),
        country: z.string().nullable(),
        remote: z.boolean(),
      }),
    ),
    workplace: z.string().nullable(),
    pay: z.record(z.string(), z.unknown()).nullable(),
    skills: z.array(z.string()),
    firstSeen: z.string(),
    lastSeen: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi("PostingSummary");
const postingsQuery = z.object({
  ...filterQuery,
  role: z.enum(ROLES).optional(),
  q: z.string().max(200).optional().openapi({ description: "words in the title, employer or description" }),
  includeClosed: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const boardInput = z.object({
  ats: z.enum(["greenhouse", "ashby", "lever"]),
  board: z.string().min(1).max(200),
  company: z.string().max(200).nullish(),
  industry: z.enum(INDUSTRIES).nullish(),
});
const crawlRequest = z
  .object({ preset: z.string().max(100).optional(), boards: z.array(boardInput).max(500).optional() })
  .refine((b) => b.preset !== undefined || (b.boards?.length ?? 0) > 0, "name a preset or at least one board")
  .openapi("CrawlRequest");
const crawlJob = z.record(z.string(), z.unknown()).openapi("CrawlJob");

function summary(p: StoredPosting) {
  return {
    id: p.id,
    title: p.title,
    company: p.company,
    url: p.url,
    role: p.role,
    seniority: p.seniority,
    industry: p.industry,
    locations: p.places.map(({ city, region, country: c, remote }) => ({ city, region, country: c, remote })),
    workplace: p.workplace,
    pay: p.pay as unknown as Record<string, unknown> | null,
    skills: p.skills,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    closedAt: p.closedAt,
  };
}

/** The report filters among validated query parameters. */
function filtersOf(q: {
  country?: string | undefined;
  since?: string | undefined;
  company?: string | undefined;
  industry?: ReportFilters["industry"] | undefined;
  seniority?: ReportFilters["seniority"] | undefined;
}): ReportFilters {
  return {
    ...(q.country ? { country: q.country } : {}),
    ...(q.since ? { since: q.since } : {}),
    ...(q.company ? { company: q.company } : {}),
    ...(q.industry ? { industry: q.industry } : {}),
    ...(q.seniority ? { seniority: q.seniority } : {}),
  };
}

export interface AppOptions {
  service: Service;
  /** Requests per minute per client before 429. */
  rateLimit?: number;
  /** Largest request body, in bytes. */
  maxBody?: number;
}

/** Links of the server's own pages. */
export const SERVER_LINKS: PageContext = {
  home: "/",
  role: (r) => `/roles/${r}`,
  compare: (a, b) => `/compare/${[a, b].sort().join("-vs-")}`,
  explorer: (query) => {
    const qs = new URLSearchParams(query).toString();
    return qs ? `/postings?${qs}` : "/postings";
  },
};

export function createApp(options: AppOptions) {
  const { service } = options;
  const limiter = new RateLimiter(options.rateLimit ?? 600, 60_000);
  const fail = (c: Context, error: unknown) => {
    if (error instanceof HTTPException) {
      // hono's own refusals (a malformed JSON body, ...) are the client's mistake
      const code = error.status === 413 ? "E_BODY_TOO_LARGE" : "E_USAGE";
      return c.json({ error: { code, message: error.message || "bad request" } }, error.status === 413 ? 413 : 400);
    }
    if (isRoledexError(error)) {
      return c.json({ error: { code: error.code, message: error.message } }, STATUS[error.code] ?? 500);
    }
    console.error(error);
    return c.json({ error: { code: "E_INTERNAL", message: "an unexpected error; it was logged" } }, 500);
  };
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const where = issue?.path.join(".") || "request";
      return c.json({ error: { code: "E_USAGE", message: `${where}: ${issue?.message ?? "invalid"}` } }, 400);
    },
  });

  app.use("*", async (c, next) => {
    const client = clientOf(c);
    const wait = limiter.take(client);
    if (wait > 0) {
      c.header("Retry-After", String(Math.ceil(wait / 1000)));
      return c.json({ error: { code: "E_RATE_LIMITED", message: "too many requests; try again shortly" } }, 429);
    }
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: options.maxBody ?? 64 * 1024,
      onError: (c) => c.json({ error: { code: "E_BODY_TOO_LARGE", message: "request body too large" } }, 413),
    }),
  );
  app.onError((error, c) =>
    c.req.path.startsWith("/api") || c.req.path === "/health" ? fail(c, error) : htmlError(c, error),
  );
  app.notFound((c) =>
    c.req.path.startsWith("/api")
      ? c.json({ error: { code: "E_NOT_FOUND", message: `no route ${c.req.method} ${c.req.path}` } }, 404)
      : htmlError(c, new RoledexError("E_NOT_FOUND", "there is no such page")),
  );

  app.get("/health", async (c) => {
    const data = await service.data();
    return c.json({ status: "ok", activePostings: data.active.length, boards: data.boards.length });
  });

  // ---- JSON API ----------------------------------------------------------------------------------

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/roles",
      summary: "Every role with active postings, its counts and median base pay",
      responses: {
        200: {
          description: "roles",
          content: { "application/json": { schema: z.object({ roles: z.array(roleRow) }) } },
        },
      },
    }),
    async (c) => c.json({ roles: await service.roles() }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/roles/{slug}",
      summary: "One role's report: every section, the role against all postings",
      request: { params: z.object({ slug: roleName }), query: reportQuery },
      responses: {
        200: { description: "the role report", content: { "application/json": { schema: report } } },
        400: { description: "bad parameters or unknown role", content: { "application/json": { schema: errorBody } } },
      },
    }),
    async (c) => {
      const { slug } = c.req.valid("param");
      const q = c.req.valid("query");
      const r = await service.report([{ query: slug, role: requireRole(slug) }], filtersOf(q), q.minN);
      return c.json(r as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/compare",
      summary: "Compare two roles: the full report",
      request: { query: reportQuery.extend({ a: roleName, b: roleName }) },
      responses: {
        200: { description: "the comparison report", content: { "application/json": { schema: report } } },
        400: { description: "bad parameters or unknown role", content: { "application/json": { schema: errorBody } } },
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const roles = [q.a, q.b].map((query) => ({ query, role: requireRole(query) }));
      return c.json((await service.report(roles, filtersOf(q), q.minN)) as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/postings",
      summary: "Postings matching filters, newest first, a page at a time, with the total",
      request: { query: postingsQuery },
      responses: {
        200: {
          description: "a page of postings",
          content: {
            "application/json": {
              schema: z.object({
                total: z.number(),
                page: z.number(),
                pageSize: z.number(),
                items: z.array(postingSummary),
              }),
            },
          },
        },
        400: { description: "bad parameters", content: { "application/json": { schema: errorBody } } },
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const result = await service.store.searchPostings({
        ...searchOf(q),
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return c.json({ total: result.total, page: q.page, pageSize: q.pageSize, items: result.items.map(summary) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/postings/{id}",
      summary:
        "One posting: every normalized field and the raw item its source sent, less the description body (kept as text)",
      request: { params: z.object({ id: z.string().min(1).max(500) }) },
      responses: {
        200: {
          description: "the posting",
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
        },
        404: { description: "no such posting", content: { "application/json": { schema: errorBody } } },
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const p = await service.store.posting(id);
      if (!p) throw new RoledexError("E_NOT_FOUND", `no posting ${id}`);
      return c.json(p as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/export",
      summary: "Postings matching filters as CSV or NDJSON, for analysts",
      request: {
        query: postingsQuery
          .omit({ page: true, pageSize: true, q: true })
          .extend({ format: z.enum(["csv", "ndjson"]) }),
      },
      responses: {
        200: {
          description: "the file",
          content: { "text/csv": { schema: z.string() }, "application/x-ndjson": { schema: z.string() } },
        },
        400: { description: "bad parameters", content: { "application/json": { schema: errorBody } } },
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const all = await service.store.searchPostings({ ...searchOf(q), limit: 1_000_000, offset: 0 });
      const rows = all.items.map(toExportRow);
      const csv = q.format === "csv";
      c.header("Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="roledex-postings.${q.format}"`);
      return c.body(csv ? toCsv(rows) : toNdjson(rows), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/stats",
      summary: "How much data there is, from which boards, as of when",
      responses: {
        200: { description: "stats", content: { "application/json": { schema: z.record(z.string(), z.unknown()) } } },
      },
    }),
    async (c) => {
      const data = await service.data();
      const byRole = Object.fromEntries(ROLES.map((r) => [r, data.active.filter((p) => p.role === r).length]));
      return c.json(
        {
          activePostings: data.active.length,
          withPay: data.active.filter((p) => p.pay?.kind === "base").length,
          withDescription: data.active.filter((p) => p.descriptionText).length,
          byRole,
          boards: data.boards,
          surveyRows: data.survey.length,
          dataAsOf: dataAsOf(data.boards),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/crawl",
      summary: "Start a crawl of a preset or of named boards; follow it at /api/crawl/{id} or its events",
      request: { body: { content: { "application/json": { schema: crawlRequest } }, required: true } },
      responses: {
        202: { description: "the crawl started", content: { "application/json": { schema: crawlJob } } },
        400: { description: "bad request", content: { "application/json": { schema: errorBody } } },
        409: { description: "a crawl is already running", content: { "application/json": { schema: errorBody } } },
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      if (body.preset !== undefined && !presetNames().includes(body.preset)) {
        throw new RoledexError(
          "E_USAGE",
          `unknown preset "${body.preset.slice(0, 100)}"; presets: ${presetNames().join(", ")}`,
        );
      }
      const boards = [
        ...(body.preset ? readPreset(body.preset) : []),
        ...parseBoardList(JSON.stringify(body.boards ?? []), "boards"),
      ];
      const job = service.startCrawl(boards);
      c.header("Location", `/api/crawl/${job.id}`);
      return c.json(job as unknown as Record<string, unknown>, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/crawl/{id}",
      summary: "A crawl's progress and per-board results (poll this, or read /api/crawl/{id}/events)",
      request: { params: z.object({ id: z.string().uuid() }) },
      responses: {
        200: { description: "the crawl", content: { "application/json": { schema: crawlJob } } },
        404: { description: "no such crawl", content: { "application/json": { schema: errorBody } } },
      },
    }),
    (c) => {
      const job = service.crawl(c.req.valid("param").id);
      if (!job) throw new RoledexError("E_NOT_FOUND", "no such crawl");
      return c.json(job as unknown as Record<string, unknown>, 200);
    },
  );

  app.get("/api/crawl/:id/events", (c) => {
    const job = service.crawl(c.req.param("id"));
    if (!job) throw new RoledexError("E_NOT_FOUND", "no such crawl");
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({
        event: "progress",
        data: JSON.stringify({ done: job.done, boards: job.boards, status: job.status }),
      });
      if (job.status === "done") {
        await stream.writeSSE({ event: "end", data: JSON.stringify(job) });
        return;
      }
      await new Promise<void>((resolve) => {
        const stop = service.listen(job.id, (event) => {
          if (event.type === "board") {
            void stream.writeSSE({
              event: "board",
              data: JSON.stringify({ done: event.done, boards: event.total, result: event.result }),
            });
          } else if (event.type === "end") {
            void stream.writeSSE({ event: "end", data: JSON.stringify(event.job) }).then(() => {
              stop();
              resolve();
            });
          }
        });
        stream.onAbort(() => {
          stop();
          resolve();
        });
      });
    });
  });

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "roledex API",
      version: "0.1.0",
      description:
        "AI/ML job-market figures from public job boards: every figure with its sample size, its uncertainty and the postings behind it.",
    },
  });

  // ---- Web pages ---------------------------------------------------------------------------------

  app.get("/", async (c) => {
    const data = await service.data();
    return c.html(
      homePage(await service.roles(), { dataAsOf: dataAsOf(data.boards), active: data.active.length }, SERVER_LINKS),
    );
  });

  app.get("/roles/:slug", async (c) => {
    const role = pageRole(c.req.param("slug"));
    const r = await service.report([{ query: role, role }], filtersOf(pageFilters(c)), DEFAULT_MIN_N);
    return c.html(reportPage(r, (await service.data()).active, SERVER_LINKS));
  });

  app.get("/compare/:pair", async (c) => {
    const [a, b] = c.req.param("pair").split("-vs-");
    if (!a || !b) throw new RoledexError("E_NOT_FOUND", "a comparison is /compare/ROLE-vs-ROLE");
    const roles = [pageRole(a), pageRole(b)];
    const r: Report = await service.report(
      roles.map((role) => ({ query: role, role })),
      filtersOf(pageFilters(c)),
      DEFAULT_MIN_N,
    );
    return c.html(reportPage(r, (await service.data()).active, SERVER_LINKS));
  });

  app.get("/postings", async (c) => {
    const parsed = postingsQuery.safeParse(
      Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RoledexError("E_USAGE", `${issue?.path.join(".")}: ${issue?.message}`);
    }
    const q = parsed.data;
    const result = await service.store.searchPostings({
      ...searchOf(q),
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return c.html(
      explorerPage(
        result,
        {
          ...(q.role ? { role: q.role } : {}),
          ...(q.seniority ? { seniority: q.seniority } : {}),
          ...(q.country ? { country: q.country } : {}),
          ...(q.company ? { company: q.company } : {}),
          ...(q.industry ? { industry: q.industry } : {}),
          ...(q.q ? { q: q.q } : {}),
          page: q.page,
          pageSize: q.pageSize,
        },
        SERVER_LINKS,
      ),
    );
  });

  return app;
}

function searchOf(q: z.infer<typeof postingsQuery> | Omit<z.infer<typeof postingsQuery>, "page" | "pageSize" | "q">) {
  return {
    activeOnly: q.includeClosed !== "true",
    ...(q.role ? { role: q.role } : {}),
    ...(q.seniority ? { seniority: q.seniority } : {}),
    ...(q.country ? { country: q.country } : {}),
    ...(q.company ? { company: q.company } : {}),
    ...(q.industry ? { industry: q.industry } : {}),
    ...(q.since ? { since: q.since } : {}),
    ...("q" in q && q.q ? { text: q.q } : {}),
  };
}

/** A page's role from its URL: only slugs (pages have one address each); anything else is a 404. */
function pageRole(slug: string): Role {
  if ((ROLES as readonly string[]).includes(slug)) return slug as Role;
  throw new RoledexError("E_NOT_FOUND", `there is no role "${slug.slice(0, 60)}"`);
}

/** Report filters from a page's query string, validated like the API's. */
function pageFilters(c: Context) {
  const parsed = z
    .object(filterQuery)
    .safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RoledexError("E_USAGE", `${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

function htmlError(c: Context, error: unknown) {
  const known = isRoledexError(error);
  if (!known) console.error(error);
  const status = known ? (STATUS[error.code] ?? 500) : 500;
  const message = known ? error.message : "Something went wrong on our side; it was logged.";
  const body = htmlBody([
    { h: 1, text: status === 404 ? "Not found" : "That did not work" },
    { p: [message] },
    { p: [{ link: "Back to all roles", href: "/" }] },
  ]);
  return c.html(htmlPage({ title: `${status}: roledex`, description: message, body }), status);
}

function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}
