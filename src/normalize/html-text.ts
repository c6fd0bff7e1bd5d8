import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";

const BLOCK = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "pre",
  "hr",
  "dd",
  "dt",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "iframe", "object", "svg"]);

/** Longest HTML we read; a description beyond this is cut, never allowed to stall a batch. */
export const MAX_HTML_CHARS = 2_000_000;

/**
 * Plain text of an HTML fragment: tags dropped, entities decoded, script/style content skipped,
 * block elements turned into line breaks, runs of white space folded. Never throws.
 */
export function htmlToText(html: string): string {
  const input = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const out: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipDepth++;
        else if (BLOCK.has(name)) out.push("\n");
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name)) out.push("\n");
      },
      ontext(text) {
        if (skipDepth === 0) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(input);
  parser.end();
  return out
    .join("")
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}

/** Greenhouse sends `content` entity-escaped (`&lt;p&gt;...`): decode once, then read it as HTML. */
export const unescapeHtml = (escaped: string): string => decodeHTML(escaped);
