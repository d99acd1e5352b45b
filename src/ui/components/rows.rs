//! Read-only list rows, drawn from one escaped HTML string instead of one virtual node
//! per element.
//!
//! Yew builds a list element by element: every element and text node is a call from
//! wasm into JavaScript and every string is decoded on the way, so 1,000 rows of three
//! cells took about seven times as long to reach the document as a plain JavaScript
//! loop (`.ci/bench`). Rows that only show text need none of that: their markup is
//! written here, the browser's parser builds the whole list in one call, and Yew
//! replaces it when its text changes. Rows with links, buttons or forms stay Yew
//! elements (`Paged`'s children).
//!
//! Safety rests on [`Row`]: its markup comes only from string literals in the source
//! (tags and class names, `&'static str`) and from text that is escaped on the way in,
//! so nothing a user typed can become an element or an attribute. The browser tests
//! (`tests/browser_rows.rs`) and the e2e XSS spec check it.

use std::rc::Rc;

use yew::prelude::*;

/// The cells of one row of a read-only list, as escaped markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row(String);

impl Row {
    pub fn new() -> Self {
        Self::default()
    }

    /// A `<span>` of text; `class` is written in the source ("" for none).
    #[must_use]
    pub fn cell(self, class: &'static str, text: &str) -> Self {
        self.element("span", class, text)
    }

    /// A `<strong>` of text: the row's name.
    #[must_use]
    pub fn strong(self, text: &str) -> Self {
        self.element("strong", "", text)
    }

    fn element(mut self, tag: &'static str, class: &'static str, text: &str) -> Self {
        let out = &mut self.0;
        out.push('<');
        out.push_str(tag);
        if !class.is_empty() {
            // Escaped too, though written in the source: a stray quote stays a quote.
            out.push_str(" class=\"");
            escape_into(out, class);
            out.push('"');
        }
        out.push('>');
        escape_into(out, text);
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
        self
    }
}

/// Appends `text` to `out` escaped, fit for element content and for a quoted attribute
/// value: `&`, `<`, `>`, `"` and `'` become character references.
pub fn escape_into(out: &mut String, text: &str) {
    // The five are ASCII, so a byte search finds them (and only them: no byte of a
    // multi-byte UTF-8 character is ASCII) and every cut falls between characters.
    let mut rest = text;
    while let Some(at) = rest
        .bytes()
        .position(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let mut after = after.chars();
        out.push_str(match after.next() {
            Some('&') => "&amp;",
            Some('<') => "&lt;",
            Some('>') => "&gt;",
            Some('"') => "&quot;",
            _ => "&#39;",
        });
        rest = after.as_str();
    }
    out.push_str(rest);
}

#[derive(Properties, PartialEq)]
pub struct RowListProps {
    /// The list's class.
    #[prop_or(AttrValue::Static("ll-list"))]
    pub class: AttrValue,
    /// The list's accessible name, if it has one.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The rows drawn: a page of them (see `paged::use_page`).
    pub rows: Rc<[Row]>,
}

/// A `<ul>` of read-only rows, each an `<li class="ll-row-item">`, drawn from one
/// escaped string.
#[component]
pub fn RowList(props: &RowListProps) -> Html {
    let size: usize = props.rows.iter().map(|row| row.0.len() + 32).sum();
    let mut html = String::with_capacity(size + 64);
    html.push_str("<ul class=\"");
    escape_into(&mut html, &props.class);
    if let Some(label) = &props.label {
        html.push_str("\" aria-label=\"");
        escape_into(&mut html, label);
    }
    html.push_str("\">");
    for row in props.rows.iter() {
        html.push_str("<li class=\"ll-row-item\">");
        html.push_str(&row.0);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    Html::from_html_unchecked(AttrValue::from(html))
}
