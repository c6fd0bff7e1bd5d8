import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import { isSpace } from "./chars.ts";

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
  return foldWhitespace(out.join(""));
}

/** Spaces and tabs that fold into one space: `[ \t\f\v\u00a0]`. */
const isBlank = (c: number) => c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0;

/** Where folding has work: a tab-like blank, a line break, or a space before another blank or a line break. */
const NEXT_FOLD = /[\t\n\v\f\u00a0]| (?=[ \t\n\v\f\u00a0])/g;

/**
 * Runs of spaces and tabs become one space, a line break swallows the spaces before it and all white space
 * after it, and the ends are trimmed. The regex jumps to the next place with work and the stretches between
 * are copied whole: the two global replaces this stands for (tested as its reference) matched at every
 * single space between words.
 */
export function foldWhitespace(s: string): string {
  const n = s.length;
  let from = 0;
  while (from < n && isSpace(s.charCodeAt(from))) from++;
  let out = "";
  NEXT_FOLD.lastIndex = from;
  for (let m = NEXT_FOLD.exec(s); m !== null; m = NEXT_FOLD.exec(s)) {
    const i = m.index;
    let j = i + 1;
    if (s.charCodeAt(i) === 10) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      out += s.slice(from, i + 1);
    } else {
      while (j < n && isBlank(s.charCodeAt(j))) j++;
      // blanks before a line break go; elsewhere a run of them is one space
      out += j < n && s.charCodeAt(j) === 10 ? s.slice(from, i) : `${s.slice(from, i)} `;
    }
    from = j;
    NEXT_FOLD.lastIndex = from;
  }
  return (out + s.slice(from)).trimEnd();
}

/** Greenhouse sends `content` entity-escaped (`&lt;p&gt;...`): decode once, then read it as HTML. */
export const unescapeHtml = (escaped: string): string => decodeHTML(escaped);
