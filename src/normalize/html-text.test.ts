import { describe, expect, it } from "vitest";
import { foldWhitespace, htmlToText, unescapeHtml } from "./html-text.ts";

describe("htmlToText", () => {
  it("drops tags, decodes entities and breaks lines at block elements", () => {
    expect(htmlToText("<p>Train <b>large</b> models &amp; evals.</p><ul><li>PyTorch</li><li>JAX</li></ul>")).toBe(
      "Train large models & evals.\nPyTorch\nJAX",
    );
  });

  it("skips script and style content", () => {
    expect(htmlToText("<p>Hi</p><script>alert(1)</script><style>p{}</style><p>there</p>")).toBe("Hi\nthere");
  });

  it("survives broken HTML and binary bytes without throwing", () => {
    expect(htmlToText("<div><p>unclosed <b>bold")).toBe("unclosed bold");
    expect(typeof htmlToText("\u0000\u0001\uFFFD<<<>>>&&&;")).toBe("string");
  });

  it("reads Greenhouse's entity-escaped content once decoded", () => {
    expect(htmlToText(unescapeHtml("&lt;p&gt;Salary: $200,000&amp;mdash;$250,000&lt;/p&gt;"))).toBe(
      "Salary: $200,000—$250,000",
    );
  });
});

describe("foldWhitespace", () => {
  const reference = (s: string) =>
    s
      .replace(/[ \t\f\v\u00a0]+/g, " ")
      .replace(/ *\n\s*/g, "\n")
      .trim();

  it("folds runs, drops spaces around line breaks and trims", () => {
    expect(foldWhitespace("  a \t b\u00a0 \n \n\r c  \u2003\n d ")).toBe("a b\nc \u2003\nd");
    expect(foldWhitespace("a \r\nb")).toBe("a \r\nb");
    expect(foldWhitespace(" \n\t ")).toBe("");
  });

  it("agrees with the two-regex reference on random white-space soup", () => {
    const alphabet = [" ", " ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u2003", "\u2028", "\ufeff", "a", "b", "."];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let k = 0; k < 3000; k++) {
      const length = next() % 40;
      let s = "";
      for (let i = 0; i < length; i++) s += alphabet[next() % alphabet.length];
      expect(foldWhitespace(s), JSON.stringify(s)).toBe(reference(s));
    }
  });
});
