//! The HTML report's one template: a self-contained page (inline CSS and SVG, no script, no
//! fetch) from typed sections. Every chart carries the table behind it in a `<details>`.

use std::fmt::Write;

use crate::report::{Cell, Table};

pub struct Page {
    pub title: String,
    /// Store, period, generated at, zone: shown under the title.
    pub facts: Vec<(String, String)>,
    pub conventions: Vec<(String, String)>,
    pub sections: Vec<Section>,
}

pub struct Section {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

pub enum Block {
    /// A chart (an `<svg>` from `render::svg`) and the table it was drawn from.
    Chart {
        svg: String,
        table: Table,
    },
    Table {
        caption: String,
        table: Table,
    },
    /// Key figures as tiles: (label, value).
    Figures(Vec<(String, String)>),
    Note(String),
}

/// XML/HTML text escaping.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d9d9d9; --tile: #f3f6f9; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; padding: 24px; max-width: 1040px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-top: 8px; border-top: 2px solid var(--ink); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 16px; color: var(--muted); }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.figure { background: var(--tile); padding: 10px 14px; border-radius: 6px; min-width: 150px; }
.figure .value { font-size: 20px; font-weight: 650; }
.figure .label { color: var(--muted); font-size: 12px; }
.chart { margin: 16px 0; break-inside: avoid; page-break-inside: avoid; }
.chart svg { width: 100%; height: auto; display: block; }
details { margin: 4px 0 12px; }
summary { cursor: pointer; color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; font-size: 12px; margin: 6px 0 12px; width: 100%; }
caption { text-align: left; font-weight: 600; font-size: 14px; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--tile); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
p.note { color: var(--muted); }
section.conventions dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12px; }
section.conventions dt { font-weight: 600; }
section.conventions dd { margin: 0; }
@page { size: A4; margin: 14mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { break-inside: auto; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  summary { display: none; }
}
"#;

fn table_html(out: &mut String, table: &Table, caption: Option<&str>) {
    out.push_str("<table>");
    if let Some(c) = caption {
        let _ = write!(out, "<caption>{}</caption>", escape(c));
    }
    out.push_str("<thead><tr>");
    for c in &table.columns {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            escape(&c.replace('_', " "))
        );
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let class = if cell.is_numeric() {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", escape(&cell.table_text()));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    for note in &table.notes {
        let _ = write!(out, "<p class=\"note\">{}</p>", escape(note));
    }
}

pub fn page(p: &Page) -> String {
    let mut out = String::with_capacity(1 << 16);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>",
        escape(&p.title)
    );
    let _ = write!(
        out,
        "<header><h1>{}</h1><dl class=\"facts\">",
        escape(&p.title)
    );
    for (k, v) in &p.facts {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
    }
    out.push_str("</dl><nav>");
    let links: Vec<String> = p
        .sections
        .iter()
        .map(|s| format!("<a href=\"#{}\">{}</a>", escape(&s.id), escape(&s.title)))
        .collect();
    out.push_str(&links.join(" · "));
    out.push_str("</nav></header><main>");
    for s in &p.sections {
        let _ = write!(
            out,
            "<section id=\"{}\" class=\"report-section\"><h2>{}</h2>",
            escape(&s.id),
            escape(&s.title)
        );
        for b in &s.blocks {
            match b {
                Block::Chart { svg, table } => {
                    out.push_str("<figure class=\"chart\">");
                    out.push_str(svg);
                    out.push_str("<details><summary>The table behind this chart</summary>");
                    table_html(&mut out, table, None);
                    out.push_str("</details></figure>");
                }
                Block::Table { caption, table } => {
                    if table.rows.is_empty() {
                        let _ = write!(
                            out,
                            "<p class=\"note\"><strong>{}</strong>: none.</p>",
                            escape(caption)
                        );
                    } else {
                        table_html(&mut out, table, Some(caption));
                    }
                }
                Block::Figures(figures) => {
                    out.push_str("<div class=\"figures\">");
                    for (label, value) in figures {
                        let _ = write!(
                            out,
                            "<div class=\"figure\"><div class=\"value\">{}</div><div class=\"label\">{}</div></div>",
                            escape(value),
                            escape(label)
                        );
                    }
                    out.push_str("</div>");
                }
                Block::Note(text) => {
                    let _ = write!(out, "<p class=\"note\">{}</p>", escape(text));
                }
            }
        }
        out.push_str("</section>");
    }
    out.push_str("<section id=\"conventions\" class=\"conventions\"><h2>Conventions</h2><dl>");
    for (k, v) in &p.conventions {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
    }
    out.push_str("</dl></section></main></body></html>\n");
    out
}

/// A cell's value as a number to draw (money decimals included); none when it has none.
pub fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Int(i) => Some(*i as f64),
        Cell::Real(f) | Cell::Rate(f) => Some(*f),
        Cell::Decimal(s) => s.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_escapes_text_and_keeps_each_charts_table() {
        let mut t = Table::new(&["channel", "net_sales"]);
        t.push(vec![
            Cell::text("<web> & co"),
            Cell::Decimal("12.50".into()),
        ]);
        let p = Page {
            title: "Report \"x\"".into(),
            facts: vec![("store".into(), "/tmp/a&b.db".into())],
            conventions: vec![("currency".into(), "never summed".into())],
            sections: vec![Section {
                id: "sales".into(),
                title: "Sales".into(),
                blocks: vec![
                    Block::Chart {
                        svg: "<svg></svg>".into(),
                        table: t.clone(),
                    },
                    Block::Table {
                        caption: "empty".into(),
                        table: Table::new(&["a"]),
                    },
                ],
            }],
        };
        let html = page(&p);
        assert!(html.contains("<title>Report &quot;x&quot;</title>"));
        assert!(html.contains("&lt;web&gt; &amp; co"));
        assert!(html.contains("/tmp/a&amp;b.db"));
        assert_eq!(html.matches("<details>").count(), 1);
        assert!(html.contains("<strong>empty</strong>: none."));
        assert!(!html.contains("<script"));
        assert_eq!(number(&Cell::Decimal("-3.25".into())), Some(-3.25));
    }
}
