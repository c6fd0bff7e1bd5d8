import { existsSync, mkdirSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money } from "../src/analytics/format.ts";
import { createApp } from "../src/server/app.ts";
import { Service } from "../src/server/service.ts";
import { serialized } from "../src/store/serialized.ts";
import type { Store } from "../src/store/store.ts";
import { fixtureStore, HOSTILE_COMPANY, HOSTILE_TITLE, hostilePostings } from "./support/store.ts";

/**
 * The web pages in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser). .ci/run installs the package; elsewhere the test says it is skipped.
 */
const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`skipping the browser tests: ${CHROMIUM} is not installed (apt-get install chromium)`);

const SCREENSHOTS = new URL("../test-results/", import.meta.url);

describe.skipIf(!HAS_CHROMIUM)("the web pages in Chromium", () => {
  let store: Store;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  const dialogs: string[] = [];

  beforeAll(async () => {
    store = serialized(await fixtureStore(":memory:", hostilePostings()));
    const app = createApp({ service: new Service(store, { greenhouse: "", ashby: "", lever: "" }) });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await store?.close();
  });

  async function open(path: string) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, javaScriptEnabled: true });
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it("shows on the comparison page the numbers the API gives, follows its links, and saves a screenshot", async () => {
    const api = (await (await fetch(`${base}/api/compare?a=ml-engineer&b=research-engineer`)).json()) as {
      roles: { role: string; plural: string; activePostings: number; pay: { median: number; n: number } }[];
    };
    const page = await open("/compare/ml-engineer-vs-research-engineer");
    await expect(page.locator("h1").textContent()).resolves.toBe("ML Engineer vs Research Engineer");
    const quick = (await page.locator("#quick-answer + ul").textContent()) ?? "";
    for (const r of api.roles) {
      expect(quick).toContain(`median base ${money(r.pay.median)} a year`);
      expect(quick).toContain(`across ${r.pay.n} distinct jobs`);
      expect(quick).toContain(`of ${r.activePostings} active postings`);
    }
    await expect(page.locator("figure svg").count()).resolves.toBeGreaterThanOrEqual(3);

    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = new URL("comparison.png", SCREENSHOTS);
    await page.screenshot({ path: shot.pathname, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);

    await page.getByRole("link", { name: "the ML Engineer page" }).click();
    await page.waitForURL(`${base}/roles/ml-engineer`);
    await expect(page.locator("h1").textContent()).resolves.toBe("ML Engineer");

    await page.getByRole("link", { name: "applied ML engineers' postings" }).click();
    await page.waitForURL(`${base}/postings?role=ml-engineer`);
    const rows = await page.locator("table tbody tr").count();
    const total = ((await (await fetch(`${base}/api/postings?role=ml-engineer`)).json()) as { total: number }).total;
    expect(rows).toBe(total);
    await page.close();
  });

  it("filters the postings explorer with its form, without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/postings`);
    await page.selectOption("select[name=role]", "data-engineer");
    await page.click("button[type=submit]");
    await page.waitForURL(/role=data-engineer/);
    await expect(page.locator("table tbody tr").count()).resolves.toBe(2);
    await page.close();
  });

  it("shows a posting titled <img src=x onerror=alert(1)> as text on every page that lists it, and no dialog opens", async () => {
    for (const path of [
      "/postings?q=onerror",
      "/postings?role=ml-engineer",
      "/roles/ml-engineer",
      "/compare/ml-engineer-vs-research-engineer",
    ]) {
      const page = await open(path);
      const text = (await page.locator("main").textContent()) ?? "";
      if (path.startsWith("/postings")) expect(text, path).toContain(HOSTILE_TITLE);
      else expect(text, path).toContain(HOSTILE_COMPANY);
      await expect(page.locator("main img").count()).resolves.toBe(0);
      await expect(page.locator("main script").count()).resolves.toBe(0);
      await page.waitForTimeout(100);
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });
});
