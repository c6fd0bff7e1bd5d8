import type { Evidence } from "../analytics/jobs.ts";

/**
 * A small document model the report's sections are written in once, and two serializers: Markdown and a
 * self-contained HTML page. All text from postings is data here; each serializer escapes it for its format.
 */

export type Inline =
  | string
  | { strong: string }
  | { code: string }
  | { em: string }
  | { link: string; href: string }
  /** A figure's postings: plain text in Markdown, a link to the evidence appendix in HTML. */
  | { evidence: Evidence; text: string };

export type Block =
  | { h: 1 | 2 | 3; text: string; id?: string }
  /** Markup we made ourselves (a chart's SVG, already escaped): HTML only, skipped in Markdown. Never posting text. */
  | { trusted: string }
  | { p: Inline[] }
  | { ul: Inline[][] }
  | { table: { head: string[]; align: ("left" | "right")[]; rows: Inline[][][] } };

// ---------------------------------------------------------------------------------------------------
// Markdown

/** Text from a posting, safe in Markdown: no markup, no HTML a renderer would run, no table breaks. */
export function mdEscape(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ");
}

function mdInline(runs: readonly Inline[]): string {
  return runs
    .map((i) => {
      if (typeof i === "string") return mdEscape(i);
      if ("strong" in i) return `**${mdEscape(i.strong)}**`;
      if ("code" in i) return `\`${i.code.replace(/`/g, "'")}\``;
      if ("em" in i) return `*${mdEscape(i.em)}*`;
      if ("link" in i) return `[${mdEscape(i.link)}](${i.href.replace(/[()\s]/g, encodeURIComponent)})`;
      return mdEscape(i.text);
    })
    .join("");
}

export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if ("trusted" in b) continue;
    if ("h" in b) out.push(`${"#".repeat(b.h)} ${mdEscape(b.text)}`);
    else if ("p" in b) out.push(mdInline(b.p));
    else if ("ul" in b) out.push(b.ul.map((item) => `- ${mdInline(item)}`).join("\n"));
    else {
      const { head, align, rows } = b.table;
      const rule = align.map((a) => (a === "right" ? "---:" : "---"));
      out.push(
        [head.map(mdEscape), rule, ...rows.map((r) => r.map(mdInline))]
          .map((cells) => `| ${cells.join(" | ")} |`)
          .join("\n"),
      );
    }
    out.push("");
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------------
// HTML

export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only our own pages' links and http(s) ones; anything else (javascript:, data:, //host) is dropped. */
function safeHref(href: string): string | null {
  if (/^https?:\/\/[^\s"'<>]+$/i.test(href)) return href;
  if (/^\/(?!\/)[\w\-./~%?=&+#]*$/.test(href)) return href; // our server's own paths
  if (/^(\.\.\/)*[a-z0-9][\w\-./~%?=&+#]*$/i.test(href)) return href; // the static site's relative files
  if (/^#[\w-]+$/.test(href)) return href;
  return null;
}

class EvidenceIndex {
  readonly entries: Evidence[] = [];
  private readonly byKey = new Map<string, number>();
  id(e: Evidence): string {
    const key = `${e.filter}|${e.postingIds.join(",")}`;
    let n = this.byKey.get(key);
    if (n === undefined) {
      n = this.entries.length;
      this.entries.push(e);
      this.byKey.set(key, n);
    }
    return `evidence-${n + 1}`;
  }
}

function htmlInline(runs: readonly Inline[], evidence: EvidenceIndex): string {
  return runs
    .map((i) => {
      if (typeof i === "string") return htmlEscape(i);
      if ("strong" in i) return `<strong>${htmlEscape(i.strong)}</strong>`;
      if ("code" in i) return `<code>${htmlEscape(i.code)}</code>`;
      if ("em" in i) return `<em>${htmlEscape(i.em)}</em>`;
      if ("link" in i) {
        const href = safeHref(i.href);
        return href ? `<a href="${htmlEscape(href)}">${htmlEscape(i.link)}</a>` : htmlEscape(i.link);
      }
      return `<a class="evidence" href="#${evidence.id(i.evidence)}">${htmlEscape(i.text)}</a>`;
    })
    .join("");
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1d2330;--muted:#5b6474;--line:#d9dde5;--accent:#2453c7;--bg:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#9aa3b2;--line:#343a46;--accent:#8fb0ff;--bg:#14171c}}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 1rem}h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-top:.4rem;border-top:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}p,li{max-width:46rem}a{color:var(--accent)}a.evidence{font-size:.85em}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.92rem;width:100%}th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:.9em;padding:0 .2em;border:1px solid var(--line);border-radius:3px}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}nav.site{border-bottom:1px solid var(--line);padding:.6rem 1.25rem}nav.site a{margin-right:1rem}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
details{margin:.3rem 0}summary{cursor:pointer;color:var(--muted)}.ids{font:12px/1.5 ui-monospace,monospace;word-break:break-all;color:var(--muted)}
`;

/** The blocks as HTML, followed by the evidence appendix every figure's link points to. */
export function htmlBody(blocks: readonly Block[]): string {
  const evidence = new EvidenceIndex();
  const body: string[] = [];
  for (const b of blocks) {
    if ("trusted" in b) body.push(`<figure>${b.trusted}</figure>`);
    else if ("h" in b) body.push(`<h${b.h}${b.id ? ` id="${htmlEscape(b.id)}"` : ""}>${htmlEscape(b.text)}</h${b.h}>`);
    else if ("p" in b) body.push(`<p>${htmlInline(b.p, evidence)}</p>`);
    else if ("ul" in b) body.push(`<ul>${b.ul.map((item) => `<li>${htmlInline(item, evidence)}</li>`).join("")}</ul>`);
    else {
      const { head, align, rows } = b.table;
      const cls = (i: number) => (align[i] === "right" ? ' class="num"' : "");
      body.push(
        `<table><thead><tr>${head.map((h, i) => `<th${cls(i)}>${htmlEscape(h)}</th>`).join("")}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${htmlInline(c, evidence)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>`,
      );
    }
  }
  if (evidence.entries.length) {
    body.push(`<h2 id="evidence">Evidence</h2>`);
    body.push("<p>The postings behind each figure, by id (<code>ats:board:id</code>).</p>");
    evidence.entries.forEach((e, n) => {
      body.push(
        `<details id="evidence-${n + 1}"><summary>${htmlEscape(`${n + 1}. ${e.filter}: ${e.postingIds.length} posting${e.postingIds.length === 1 ? "" : "s"}`)}</summary><p class="ids">${e.postingIds.map(htmlEscape).join(" ")}</p></details>`,
      );
    });
  }
  return body.join("\n");
}

/** The CSP every page carries: nothing loads from anywhere, no script runs; styles are inline. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";
/** The same as an HTTP header, which can also forbid framing. */
export const CONTENT_SECURITY_POLICY = `${PAGE_CSP}; frame-ancestors 'none'`;

/**
 * A complete, self-contained HTML page: inline CSS, no script, no external resource (the CSP says so too),
 * readable without JavaScript.
 */
export function htmlPage(options: {
  title: string;
  description: string;
  body: string;
  canonical?: string;
  head?: string;
  nav?: string;
}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<title>${htmlEscape(options.title)}</title>
<meta name="description" content="${htmlEscape(options.description)}">
${options.canonical ? `<link rel="canonical" href="${htmlEscape(options.canonical)}">\n` : ""}${options.head ?? ""}<style>${STYLE}</style>
</head>
<body>
${options.nav ?? ""}<main>
${options.body}
</main>
</body>
</html>
`;
}

/** One report as a self-contained page. */
export function toHtml(
  blocks: readonly Block[],
  options: { title: string; description: string; canonical?: string },
): string {
  return htmlPage({ ...options, body: htmlBody(blocks) });
}
