// What a person sees on the page, measured in the browser: run by HtmlReportInBrowserTest.
(() => {
  const viewport = document.documentElement.clientWidth;
  const shown = el => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  // The smallest text on screen, in CSS pixels as drawn: SVG text is scaled with its drawing.
  let smallest = { size: 1e9, text: "" };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el || el.closest("script, style, title, desc") || !shown(el)) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg) {
      if (!shown(svg)) continue;
      size = size * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    if (size < smallest.size) smallest = { size: Math.round(size * 100) / 100, text: text.slice(0, 40) };
  }
  const tables = [...document.querySelectorAll("table")].filter(shown)
      .map(t => ({ id: t.id, right: Math.round(t.getBoundingClientRect().right) }));
  const charts = [...document.querySelectorAll("svg")].map(s => ({
      shown: shown(s),
      title: (s.querySelector(":scope > title") || {}).textContent || "",
      desc: (s.querySelector(":scope > desc") || {}).textContent || "" }));
  const stacked = [...document.querySelectorAll("table.stack")].filter(shown)
      .map(t => getComputedStyle(t.querySelector("tbody td")).display === "block");
  return {
    viewport,
    scrollWidth: document.documentElement.scrollWidth,
    smallest,
    tables,
    charts,
    sections: [...document.querySelectorAll("h2[id]")].map(h => h.id),
    stacked: stacked.length > 0 && stacked.every(s => s),
    flat: stacked.length > 0 && stacked.every(s => !s),
    title: document.title
  };
})()
