import { describe, expect, it } from "vitest";
import { htmlToText, unescapeHtml } from "./html-text.ts";

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
