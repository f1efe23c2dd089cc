#!/usr/bin/env python3
"""Parses HTML files with Python's own HTML parser (html.parser) and prints each one's element
tree as JSON: {"path": [node]} where a node is {"tag", "attrs", "children"} and text is a plain
string among the children. Used by the tests (LabbookTestSupport's HTMLDocument) to assert on
the structure of pages rather than on substrings of their source.

Void elements (img, br, meta, …) take no end tag; an end tag closes the nearest open element of
its name (and everything opened inside it), as browsers do; character references are decoded.

Usage: html-tree.py FILE...
"""
import html.parser
import json
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "#document", "attrs": {}, "children": []}
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": {k: (v if v is not None else "") for k, v in attrs}, "children": []}
        self.stack[-1]["children"].append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth]["tag"] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        children = self.stack[-1]["children"]
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def main():
    trees = {}
    for path in sys.argv[1:]:
        builder = TreeBuilder()
        with open(path, encoding="utf-8") as f:
            builder.feed(f.read())
        builder.close()
        trees[path] = builder.root
    json.dump(trees, sys.stdout)


if __name__ == "__main__":
    main()
