"""Plain paragraphs from small HTML fragments (feed summaries, portal blocks).

trafilatura is built for whole pages and drops short fragments, so feed
entries and the portal profile use this light lxml walk instead: block
elements and ``<br>`` end a paragraph, scripts and styles are dropped.
"""

from __future__ import annotations

import re

from lxml import etree, html

_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "section", "article", "table", "tr", "figure", "figcaption", "header", "footer", "pre"}
_DROP = ("script", "style", "noscript", "template")
_MARK = "\ue000"  # private-use character: a paragraph separator clean text never holds
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000]")


def element_text(element: html.HtmlElement) -> str:
    """The text of an element with blocks as ``\\n\\n``-separated paragraphs."""
    for bad in list(element.iter(*_DROP)):
        bad.drop_tree()
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "br" or node.tag in _BLOCKS:
            node.tail = _MARK + (node.tail or "")
            if node.tag in _BLOCKS:
                node.text = _MARK + (node.text or "")
    raw = element.text_content()
    paragraphs = [" ".join(p.split()) for p in raw.split(_MARK)]
    return "\n\n".join(p for p in paragraphs if p)


def fragment_text(markup: str) -> str:
    """Paragraph text of an HTML fragment; plain text passes through (whitespace tidied)."""
    markup = _CONTROL.sub(" ", markup)
    if "<" not in markup:
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", markup) if p.strip())
    try:
        root = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(re.sub(r"<[^>]*>", " ", markup).split())
    return element_text(root)
