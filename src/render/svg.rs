//! Charts for the HTML report: plain inline SVG strings (no script, no fonts or files fetched)
//! drawn from figures the caller has already computed. It owns layout, scales, ticks, colours
//! and escaping; what the numbers mean, and their currency, arrive in the labels.
//!
//! The output is built to be checked by machine: one `<g class="series" data-series="NAME">` per
//! series (per row in a heat map) holding one `class="point"` element with a raw `data-value` per
//! value drawn, and coordinates with at most one decimal so the same input gives the same bytes.

use std::fmt::Write;

/// One line / one bar colour: a name for the legend and one value per x category (None = no
/// data there: a gap in a line, no bar). NaN and infinite values count as None; values past the
/// last category are ignored and missing ones are None.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub x_label: String,
    /// With unit and currency, e.g. "net sales (EUR)".
    pub y_label: String,
    /// x labels, e.g. months.
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Stacked areas (each series on top of the sum of those before it) when true, lines otherwise.
    pub stacked: bool,
}

/// Grouped bars. Labels follow the data, not the screen: `x_label` names the categories and
/// `y_label` the values, also when `horizontal` puts the categories down the left.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub horizontal: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeatMap {
    pub title: String,
    pub row_label: String,
    pub col_label: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// `cells[row][col]`, fractions 0..=1 printed as percentages; None = blank cell.
    pub cells: Vec<Vec<Option<f64>>>,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 320.0;
const PAD: f64 = 16.0;
const FONT: f64 = 12.0;
const LABEL_FONT: f64 = 13.0;
const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/// Okabe–Ito: distinguishable under the common colour-vision deficiencies and in greyscale print.
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];
/// After every eighth series the colours repeat, so lines change dash and fills get lighter.
const DASHES: [&str; 4] = ["", "6 3", "2 3", "8 3 2 3"];
const FILL_OPACITY: [&str; 4] = ["0.85", "0.55", "0.35", "0.2"];
/// ColorBrewer "Blues", light to dark: one hue, so order reads without a colour key.
const BLUES: [[u8; 3]; 9] = [
    [247, 251, 255],
    [222, 235, 247],
    [198, 219, 239],
    [158, 202, 225],
    [107, 174, 214],
    [66, 146, 198],
    [33, 113, 181],
    [8, 81, 156],
    [8, 48, 107],
];
const INK: &str = "#1b1b1b";
const MUTED: &str = "#5a5a5a";
const GRID: &str = "#e3e3e3";
const BLANK: &str = "#d0d0d0";

/// `write!` into a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        {
            let _ = write!($out, $($arg)*);
        }
    };
}

pub fn line_chart(c: &LineChart) -> String {
    let n = c.categories.len();
    let rows = clean_rows(&c.series, n);
    let stacks = if c.stacked {
        stack(&rows)
    } else {
        let flat = |row: &Vec<Option<f64>>| row.iter().map(|v| v.map(|v| (0.0, v))).collect();
        rows.iter().map(flat).collect::<Vec<Vec<_>>>()
    };
    let (min, max) = extent(stacks.iter().flatten().flatten().flat_map(|&(b, t)| [b, t]));
    let has_data = stacks.iter().flatten().any(Option::is_some);
    let axis = value_axis(min, max, 5.0).unless(!has_data);
    let lg = legend(&c.series);
    let f = cartesian_frame(lg.rows, widest(axis.ticks.iter().map(|t| &t.1), FONT), 0.0);
    let inner = f.w - 20.0;
    let spacing = if n > 1 { inner / (n - 1) as f64 } else { f.w };
    let x = |j: usize| {
        if n > 1 {
            f.left + 10.0 + j as f64 * spacing
        } else {
            f.left + f.w / 2.0
        }
    };
    let y = |v: f64| axis.at(v, f.bottom(), f.top);

    let mut b = String::new();
    heading(&mut b, &c.title, f.height);
    draw_legend(
        &mut b,
        &lg,
        if c.stacked {
            Swatch::Block
        } else {
            Swatch::Line
        },
    );
    value_ticks(&mut b, &f, &axis, true);
    let labels: Vec<String> = c.categories.iter().map(|s| clip(s, 16)).collect();
    category_ticks(&mut b, &f, &labels, &x, spacing, false);
    axis_lines(&mut b, &f, &axis, true);
    axis_titles(&mut b, &f, &c.x_label, &c.y_label);
    let r = if spacing >= 8.0 { 3.0 } else { 1.5 };
    for (i, ((s, row), st)) in c.series.iter().zip(&rows).zip(&stacks).enumerate() {
        put!(b, "<g class=\"series\" data-series=\"{}\">\n", esc(&s.name));
        let mut d = String::new();
        for run in runs(st) {
            for (k, &(j, _, top)) in run.iter().enumerate() {
                put!(
                    d,
                    "{}{} {}",
                    if k == 0 { "M" } else { "L" },
                    num(x(j)),
                    num(y(top))
                );
            }
            if c.stacked {
                for &(j, base, _) in run.iter().rev() {
                    put!(d, "L{} {}", num(x(j)), num(y(base)));
                }
                d.push('Z');
            }
        }
        if c.stacked {
            put!(
                b,
                "<path class=\"area\" d=\"{d}\"{} stroke-width=\"1\"/>\n",
                fill_attrs(i, true)
            );
        } else {
            put!(
                b,
                "<path class=\"line\" d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" \
                 stroke-linejoin=\"round\"{}/>\n",
                colour(i),
                dash_attr(i)
            );
        }
        for ((j, p), v) in st.iter().enumerate().zip(row) {
            let (Some((_, top)), Some(v)) = (p, v) else {
                continue;
            };
            let cat = c.categories.get(j).map_or("", String::as_str);
            put!(
                b,
                "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"{r}\" fill=\"{}\" data-value=\"{v}\"",
                num(x(j)),
                num(y(*top)),
                colour(i)
            );
            if c.stacked {
                put!(b, " data-stack=\"{top}\"");
            }
            put!(
                b,
                "><title>{}</title></circle>\n",
                esc(&tooltip(cat, &s.name, *v))
            );
        }
        b.push_str("</g>\n");
    }
    if !has_data {
        no_data(&mut b, &f);
    }
    let kind = if c.stacked {
        "Stacked area chart"
    } else {
        "Line chart"
    };
    let desc = describe(kind, c.series.len(), n, &c.x_label, &c.y_label);
    finish(&c.title, &desc, f.height, &b)
}

pub fn bar_chart(c: &BarChart) -> String {
    let n = c.categories.len();
    let k = c.series.len().max(1) as f64;
    let rows = clean_rows(&c.series, n);
    let (min, max) = extent(rows.iter().flatten().flatten().copied());
    let has_data = rows.iter().flatten().any(Option::is_some);
    let axis = value_axis(min, max, if c.horizontal { 6.0 } else { 5.0 }).unless(!has_data);
    let lg = legend(&c.series);
    let labels: Vec<String> = c
        .categories
        .iter()
        .map(|s| clip(s, if c.horizontal { 25 } else { 16 }))
        .collect();
    let f = if c.horizontal {
        let per_category = (k * 5.0 + 6.0).max(18.0);
        cartesian_frame(lg.rows, widest(&labels, FONT), n as f64 * per_category)
    } else {
        cartesian_frame(lg.rows, widest(axis.ticks.iter().map(|t| &t.1), FONT), 0.0)
    };
    let (start, length) = if c.horizontal {
        (f.top, f.h)
    } else {
        (f.left, f.w)
    };
    let band = if n > 0 { length / n as f64 } else { length };
    let centre = |j: usize| start + (j as f64 + 0.5) * band;
    let at = |v: f64| {
        if c.horizontal {
            axis.at(v, f.left, f.right())
        } else {
            axis.at(v, f.bottom(), f.top)
        }
    };

    let mut b = String::new();
    heading(&mut b, &c.title, f.height);
    draw_legend(&mut b, &lg, Swatch::Block);
    value_ticks(&mut b, &f, &axis, !c.horizontal);
    category_ticks(&mut b, &f, &labels, &centre, band, c.horizontal);
    axis_lines(&mut b, &f, &axis, !c.horizontal);
    if c.horizontal {
        axis_titles(&mut b, &f, &c.y_label, &c.x_label);
    } else {
        axis_titles(&mut b, &f, &c.x_label, &c.y_label);
    }
    let slot = band * 0.8 / k;
    let thick = if slot > 4.0 { slot * 0.85 } else { slot };
    for (i, (s, row)) in c.series.iter().zip(&rows).enumerate() {
        put!(
            b,
            "<g class=\"series\" data-series=\"{}\"{}>\n",
            esc(&s.name),
            fill_attrs(i, false)
        );
        for (j, v) in row.iter().enumerate() {
            let Some(v) = *v else { continue };
            let across =
                start + j as f64 * band + band * 0.1 + i as f64 * slot + (slot - thick) / 2.0;
            let (a, z) = (at(0.0), at(v));
            let (lo, size) = (a.min(z), (a - z).abs());
            let (x, y, w, h) = if c.horizontal {
                (lo, across, size, thick)
            } else {
                (across, lo, thick, size)
            };
            let cat = c.categories.get(j).map_or("", String::as_str);
            put!(
                b,
                "<rect class=\"point\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" data-value=\"{v}\">\
                 <title>{}</title></rect>\n",
                num(x),
                num(y),
                num(w),
                num(h),
                esc(&tooltip(cat, &s.name, v))
            );
        }
        b.push_str("</g>\n");
    }
    if !has_data {
        no_data(&mut b, &f);
    }
    let kind = if c.horizontal {
        "Horizontal bar chart"
    } else {
        "Bar chart"
    };
    let desc = describe(kind, c.series.len(), n, &c.x_label, &c.y_label);
    finish(&c.title, &desc, f.height, &b)
}

pub fn heat_map(h: &HeatMap) -> String {
    const CELL_H: f64 = 20.0;
    const TOP: f64 = 96.0;
    let (nr, nc) = (h.rows.len(), h.cols.len());
    let cell = |i: usize, j: usize| {
        let v = h.cells.get(i).and_then(|r| r.get(j)).copied().flatten();
        v.filter(|v| v.is_finite())
    };
    let has_data = (0..nr).any(|i| (0..nc).any(|j| cell(i, j).is_some()));
    let row_names: Vec<String> = h.rows.iter().map(|s| clip(s, 25)).collect();
    let corner = clip(&h.row_label, 25);
    let left = PAD + widest(row_names.iter().chain([&corner]), FONT).min(180.0) + 10.0;
    let f = {
        let h = nr as f64 * CELL_H;
        let h = if has_data { h } else { h.max(60.0) };
        Frame {
            left,
            top: TOP,
            w: WIDTH - left - PAD,
            h,
            height: TOP + h + 20.0,
        }
    };
    let cw = if nc > 0 { f.w / nc as f64 } else { f.w };
    let text_size = ((cw - 3.0) / 2.4).min(11.0);

    let mut b = String::new();
    heading(&mut b, &h.title, f.height);
    heat_legend(&mut b);
    put!(
        b,
        "<text class=\"axis-title\" x=\"{}\" y=\"68\" text-anchor=\"middle\" font-size=\"{LABEL_FONT}\">{}</text>\n",
        num(f.left + f.w / 2.0),
        esc(&clip(&h.col_label, fit(f.w, LABEL_FONT)))
    );
    put!(
        b,
        "<text class=\"axis-title\" x=\"{}\" y=\"88\" text-anchor=\"end\" font-weight=\"600\">{}</text>\n",
        num(f.left - 8.0),
        esc(&corner)
    );
    let cols: Vec<String> = h.cols.iter().map(|s| clip(s, 16)).collect();
    let every = label_every(widest(&cols, FONT), cw);
    b.push_str("<g class=\"axis x\">\n");
    for (j, label) in cols.iter().enumerate().step_by(every) {
        put!(
            b,
            "<text x=\"{}\" y=\"88\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>\n",
            num(f.left + (j as f64 + 0.5) * cw),
            esc(label)
        );
    }
    b.push_str("</g>\n<g class=\"axis y\">\n");
    for (i, label) in row_names.iter().enumerate() {
        put!(
            b,
            "<text x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"end\" fill=\"{INK}\">{}</text>\n",
            num(f.left - 8.0),
            num(f.top + (i as f64 + 0.5) * CELL_H),
            esc(label)
        );
    }
    b.push_str("</g>\n");
    for (i, row) in h.rows.iter().enumerate() {
        put!(b, "<g class=\"series\" data-series=\"{}\">\n", esc(row));
        let y = f.top + i as f64 * CELL_H;
        for (j, col) in h.cols.iter().enumerate() {
            let x = f.left + j as f64 * cw;
            let Some(v) = cell(i, j) else {
                put!(
                    b,
                    "<rect class=\"blank\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{BLANK}\"/>\n",
                    num(x + 1.0),
                    num(y + 1.0),
                    num(cw - 2.0),
                    num(CELL_H - 2.0)
                );
                continue;
            };
            let rgb = blue(v);
            put!(
                b,
                "<rect class=\"point\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#fff\" data-value=\"{v}\">\
                 <title>{}</title></rect>\n",
                num(x),
                num(y),
                num(cw),
                num(CELL_H),
                hex(rgb),
                esc(&format!("{row}, {col}: {:.1}%", v * 100.0))
            );
            if text_size >= 7.0 {
                put!(
                    b,
                    "<text class=\"cell\" x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{}\">{}</text>\n",
                    num(x + cw / 2.0),
                    num(y + CELL_H / 2.0),
                    num(text_size),
                    ink_on(rgb),
                    esc(&percent(v))
                );
            }
        }
        b.push_str("</g>\n");
    }
    if !has_data {
        put!(
            b,
            "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{BLANK}\"/>\n",
            num(f.left),
            num(f.top),
            num(f.w),
            num(f.h)
        );
        no_data(&mut b, &f);
    }
    let desc = format!(
        "Heat map, {nr} rows ({}) by {nc} columns ({}), values as percentages.",
        h.row_label, h.col_label
    );
    finish(&h.title, &desc, f.height, &b)
}

/// The plot area inside the picture, and the picture's height (its width is always `WIDTH`).
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f64,
    top: f64,
    w: f64,
    h: f64,
    height: f64,
}

impl Frame {
    fn right(&self) -> f64 {
        self.left + self.w
    }
    fn bottom(&self) -> f64 {
        self.top + self.h
    }
}

/// Title and legend on top, left labels `label_w` wide, tick labels and axis title below; the
/// plot is at least `min_h` tall, so long horizontal bar charts grow downwards.
fn cartesian_frame(legend_rows: usize, label_w: f64, min_h: f64) -> Frame {
    let top = 44.0 + legend_rows as f64 * 18.0;
    let left = PAD + 18.0 + label_w.min(180.0) + 10.0;
    let h = (HEIGHT - top - 50.0).max(140.0).max(min_h);
    Frame {
        left,
        top,
        w: WIDTH - left - 24.0,
        h,
        height: top + h + 50.0,
    }
}

/// A value axis: its extent (round numbers that hold 0 and every value) and labelled ticks.
#[derive(Debug)]
struct Axis {
    lo: f64,
    hi: f64,
    ticks: Vec<(f64, String)>,
}

impl Axis {
    /// Without data the scale means nothing: keep the frame, drop the tick labels.
    fn unless(mut self, empty: bool) -> Axis {
        if empty {
            self.ticks.clear();
        }
        self
    }

    /// Where `v` lands between screen positions `from` (at `lo`) and `to` (at `hi`).
    fn at(&self, v: f64, from: f64, to: f64) -> f64 {
        if self.hi > self.lo {
            from + (v - self.lo) / (self.hi - self.lo) * (to - from)
        } else {
            from
        }
    }
}

/// Ticks at multiples of 1, 2 or 5 × 10ⁿ, about `target` of them, from below `min` and 0 to
/// above `max` and 0.
fn value_axis(min: f64, max: f64, target: f64) -> Axis {
    let (lo, hi) = (min.min(0.0), max.max(0.0));
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo, lo + 1.0) };
    let raw = (hi - lo) / target;
    let plain = |lo: f64, hi: f64| Axis {
        lo,
        hi,
        ticks: vec![(lo, readable(lo)), (hi, readable(hi))],
    };
    if !(raw.is_finite() && raw > 0.0) {
        return plain(lo, hi);
    }
    let mut exp = (raw.log10().floor() as i32).clamp(-300, 300);
    let norm = raw / 10f64.powi(exp);
    let m = match norm {
        n if n <= 1.0 => 1.0,
        n if n <= 2.0 => 2.0,
        n if n <= 5.0 => 5.0,
        _ => {
            exp += 1;
            1.0
        }
    };
    // Negative powers divide so that 3 × 0.2 prints as 0.6, not 0.6000000000000001.
    let tick = |k: f64| {
        if exp >= 0 {
            k * m * 10f64.powi(exp)
        } else {
            k * m / 10f64.powi(-exp)
        }
    };
    let size = tick(1.0);
    let (k0, k1) = ((lo / size + 1e-9).floor(), (hi / size - 1e-9).ceil());
    if !(k0.is_finite() && k1.is_finite()) || k1 - k0 > 60.0 || k1 <= k0 {
        return plain(lo, hi);
    }
    let (div, suffix) = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        .into_iter()
        .find(|&(d, _)| size >= d)
        .unwrap_or((1.0, ""));
    let decimals = if exp < 0 { (-exp).min(15) as usize } else { 0 };
    let ticks = (k0 as i64..=k1 as i64)
        .map(|k| {
            let v = tick(k as f64);
            let label = if k == 0 {
                "0".to_owned()
            } else {
                format!("{}{suffix}", grouped(v / div, decimals))
            };
            (v, label)
        })
        .collect();
    Axis {
        lo: tick(k0),
        hi: tick(k1),
        ticks,
    }
}

/// Each series' values, one per category, with NaN and infinities as gaps.
fn clean_rows(series: &[Series], n: usize) -> Vec<Vec<Option<f64>>> {
    let value = |s: &Series, j: usize| s.values.get(j).copied().flatten().filter(|v| v.is_finite());
    series
        .iter()
        .map(|s| (0..n).map(|j| value(s, j)).collect())
        .collect()
}

/// (base, top) per value: each series sits on the running sum of the series before it at that
/// category (a gap adds nothing), so the last series' tops are the totals.
fn stack(rows: &[Vec<Option<f64>>]) -> Vec<Vec<Option<(f64, f64)>>> {
    let mut sums = vec![0.0; rows.first().map_or(0, Vec::len)];
    rows.iter()
        .map(|row| {
            row.iter()
                .zip(sums.iter_mut())
                .map(|(v, sum)| {
                    v.map(|v| {
                        let base = *sum;
                        *sum += v;
                        (base, *sum)
                    })
                })
                .collect()
        })
        .collect()
}

/// Unbroken stretches of values: (category, base, top).
fn runs(points: &[Option<(f64, f64)>]) -> Vec<Vec<(usize, f64, f64)>> {
    let mut out: Vec<Vec<(usize, f64, f64)>> = Vec::new();
    let mut open = false;
    for (j, p) in points.iter().enumerate() {
        match (p, out.last_mut()) {
            (Some((b, t)), Some(run)) if open => run.push((j, *b, *t)),
            (Some((b, t)), _) => out.push(vec![(j, *b, *t)]),
            (None, _) => {}
        }
        open = p.is_some();
    }
    out
}

fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((0.0, 0.0), |(lo, hi): (f64, f64), v| (lo.min(v), hi.max(v)))
}

fn heading(out: &mut String, title: &str, height: f64) {
    put!(
        out,
        "<rect class=\"background\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>\n\
         <text class=\"chart-title\" x=\"{PAD}\" y=\"24\" font-size=\"16\" font-weight=\"600\" fill=\"{INK}\">{}</text>\n",
        num(WIDTH),
        num(height),
        esc(&clip(title, fit(WIDTH - 2.0 * PAD, 16.0)))
    );
}

/// Legend entries flowing left to right under the title, wrapping into rows.
struct Legend {
    items: Vec<(f64, f64, String)>,
    rows: usize,
}

#[derive(Clone, Copy)]
enum Swatch {
    Line,
    Block,
}

fn legend(series: &[Series]) -> Legend {
    let (mut x, mut row) = (PAD, 0);
    let mut items = Vec::with_capacity(series.len());
    for s in series {
        let label = clip(&s.name, 40);
        let w = 26.0 + text_w(&label, FONT) + 14.0;
        if x + w > WIDTH - PAD && x > PAD {
            (x, row) = (PAD, row + 1);
        }
        items.push((x, 34.0 + row as f64 * 18.0, label));
        x += w;
    }
    Legend {
        rows: if items.is_empty() { 0 } else { row + 1 },
        items,
    }
}

fn draw_legend(out: &mut String, lg: &Legend, swatch: Swatch) {
    out.push_str("<g class=\"legend\">\n");
    for (i, (x, y, label)) in lg.items.iter().enumerate() {
        out.push_str("<g class=\"legend-item\">");
        match swatch {
            Swatch::Line => put!(
                out,
                "<line x1=\"{}\" y1=\"{y2}\" x2=\"{}\" y2=\"{y2}\" stroke=\"{c}\" stroke-width=\"2\"{}/>\
                 <circle cx=\"{}\" cy=\"{y2}\" r=\"3\" fill=\"{c}\"/>",
                num(*x),
                num(x + 20.0),
                dash_attr(i),
                num(x + 10.0),
                y2 = num(y + 7.0),
                c = colour(i)
            ),
            Swatch::Block => put!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"12\"{}/>",
                num(x + 3.0),
                num(y + 1.0),
                fill_attrs(i, true)
            ),
        }
        put!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"{INK}\">{}</text></g>\n",
            num(x + 26.0),
            num(y + 11.0),
            esc(label)
        );
    }
    out.push_str("</g>\n");
}

fn heat_legend(out: &mut String) {
    out.push_str("<g class=\"legend\">\n");
    for (k, v) in [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().enumerate() {
        let x = PAD + k as f64 * 44.0;
        let rgb = blue(v);
        put!(
            out,
            "<rect x=\"{}\" y=\"34\" width=\"44\" height=\"16\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"42\" dy=\"0.35em\" text-anchor=\"middle\" font-size=\"11\" fill=\"{}\">{}</text>\n",
            num(x),
            hex(rgb),
            num(x + 22.0),
            ink_on(rgb),
            percent(v)
        );
    }
    put!(
        out,
        "<rect x=\"{PAD}\" y=\"34\" width=\"220\" height=\"16\" fill=\"none\" stroke=\"{BLANK}\"/>\n"
    );
    let x = PAD + 5.0 * 44.0 + 14.0;
    put!(
        out,
        "<rect x=\"{}\" y=\"35\" width=\"14\" height=\"14\" fill=\"none\" stroke=\"{BLANK}\"/>\
         <text x=\"{}\" y=\"42\" dy=\"0.35em\" fill=\"{INK}\">no data</text>\n</g>\n",
        num(x),
        num(x + 20.0)
    );
}

/// Grid lines, ticks and labels of the value axis: on the left when `vertical`, else below.
fn value_ticks(out: &mut String, f: &Frame, axis: &Axis, vertical: bool) {
    put!(
        out,
        "<g class=\"axis {}\">\n",
        if vertical { "y" } else { "x" }
    );
    for (v, label) in &axis.ticks {
        if vertical {
            let y = num(axis.at(*v, f.bottom(), f.top));
            put!(
                out,
                "<line class=\"grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{GRID}\"/>\
                 <line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{INK}\"/>\
                 <text x=\"{}\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"end\" fill=\"{INK}\">{}</text>\n",
                num(f.left),
                num(f.right()),
                num(f.left - 5.0),
                num(f.left),
                num(f.left - 8.0),
                esc(label)
            );
        } else {
            let x = num(axis.at(*v, f.left, f.right()));
            put!(
                out,
                "<line class=\"grid\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\"/>\
                 <line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{INK}\"/>\
                 <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>\n",
                num(f.top),
                num(f.bottom()),
                num(f.bottom()),
                num(f.bottom() + 5.0),
                num(f.bottom() + 18.0),
                esc(label)
            );
        }
    }
    out.push_str("</g>\n");
}

/// Category ticks and labels, `spacing` apart: below the plot, or on the left when `vertical`;
/// labels are thinned out so they never overlap.
fn category_ticks(
    out: &mut String,
    f: &Frame,
    labels: &[String],
    pos: &dyn Fn(usize) -> f64,
    spacing: f64,
    vertical: bool,
) {
    let every = if vertical {
        label_every(FONT, spacing)
    } else {
        label_every(widest(labels, FONT), spacing)
    };
    put!(
        out,
        "<g class=\"axis {}\">\n",
        if vertical { "y" } else { "x" }
    );
    for (j, label) in labels.iter().enumerate().step_by(every) {
        let p = num(pos(j));
        if vertical {
            put!(
                out,
                "<line x1=\"{}\" y1=\"{p}\" x2=\"{}\" y2=\"{p}\" stroke=\"{INK}\"/>\
                 <text x=\"{}\" y=\"{p}\" dy=\"0.35em\" text-anchor=\"end\" fill=\"{INK}\">{}</text>\n",
                num(f.left - 5.0),
                num(f.left),
                num(f.left - 8.0),
                esc(label)
            );
        } else {
            put!(
                out,
                "<line x1=\"{p}\" y1=\"{}\" x2=\"{p}\" y2=\"{}\" stroke=\"{INK}\"/>\
                 <text x=\"{p}\" y=\"{}\" text-anchor=\"middle\" fill=\"{INK}\">{}</text>\n",
                num(f.bottom()),
                num(f.bottom() + 5.0),
                num(f.bottom() + 18.0),
                esc(label)
            );
        }
    }
    out.push_str("</g>\n");
}

/// The left and bottom axis lines, and a darker zero line when the values go below zero.
fn axis_lines(out: &mut String, f: &Frame, axis: &Axis, vertical: bool) {
    put!(
        out,
        "<path class=\"axis-line\" d=\"M{} {}V{}H{}\" fill=\"none\" stroke=\"{INK}\"/>\n",
        num(f.left),
        num(f.top),
        num(f.bottom()),
        num(f.right())
    );
    if axis.lo < 0.0 && axis.hi > 0.0 {
        if vertical {
            let y = num(axis.at(0.0, f.bottom(), f.top));
            put!(
                out,
                "<line class=\"zero\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{INK}\"/>\n",
                num(f.left),
                num(f.right())
            );
        } else {
            let x = num(axis.at(0.0, f.left, f.right()));
            put!(
                out,
                "<line class=\"zero\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{INK}\"/>\n",
                num(f.top),
                num(f.bottom())
            );
        }
    }
}

/// `bottom` centred under the tick labels, `left` turned up along the left edge.
fn axis_titles(out: &mut String, f: &Frame, bottom: &str, left: &str) {
    put!(
        out,
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{LABEL_FONT}\" fill=\"{INK}\">{}</text>\n\
         <text class=\"axis-title\" transform=\"translate({} {}) rotate(-90)\" text-anchor=\"middle\" font-size=\"{LABEL_FONT}\" fill=\"{INK}\">{}</text>\n",
        num(f.left + f.w / 2.0),
        num(f.bottom() + 40.0),
        esc(&clip(bottom, fit(f.w, LABEL_FONT))),
        num(PAD + 12.0),
        num(f.top + f.h / 2.0),
        esc(&clip(left, fit(f.h.max(200.0), LABEL_FONT)))
    );
}

fn no_data(out: &mut String, f: &Frame) {
    put!(
        out,
        "<text class=\"no-data\" x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"middle\" font-size=\"14\" fill=\"{MUTED}\">no data</text>\n",
        num(f.left + f.w / 2.0),
        num(f.top + f.h / 2.0)
    );
}

/// The `<svg>` around a body; its id comes from the content, so it is stable and two different
/// charts on one page get different ids.
fn finish(title: &str, desc: &str, height: f64, body: &str) -> String {
    let id = format!("chart-{:016x}", fnv1a([title, desc, body]));
    let mut out = String::with_capacity(body.len() + 600);
    put!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"omni-chart\" viewBox=\"0 0 {} {}\" role=\"img\" \
         aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"{FONT_FAMILY}\" font-size=\"{FONT}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        num(WIDTH),
        num(height),
        esc(title),
        esc(desc)
    );
    out.push_str(body);
    out.push_str("</svg>\n");
    out
}

fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn describe(kind: &str, series: usize, categories: usize, x: &str, y: &str) -> String {
    format!("{kind}, {series} series over {categories} categories ({x}); values: {y}.")
}

fn colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// Which repeat of the palette series `i` is in.
fn cycle(i: usize) -> usize {
    (i / PALETTE.len()) % DASHES.len()
}

fn dash_attr(i: usize) -> String {
    match DASHES[cycle(i)] {
        "" => String::new(),
        d => format!(" stroke-dasharray=\"{d}\""),
    }
}

/// Fill for bars, areas and their swatches; repeats of the palette are lighter and outlined.
fn fill_attrs(i: usize, outline: bool) -> String {
    let c = colour(i);
    let stroke = if outline || cycle(i) > 0 {
        format!(" stroke=\"{c}\"")
    } else {
        String::new()
    };
    format!(
        " fill=\"{c}\" fill-opacity=\"{}\"{stroke}",
        FILL_OPACITY[cycle(i)]
    )
}

/// Light to dark blue for a fraction (clamped to 0..=1).
fn blue(v: f64) -> [u8; 3] {
    let pos = if v.is_finite() {
        v.clamp(0.0, 1.0) * 8.0
    } else {
        0.0
    };
    let i = (pos.floor() as usize).min(7);
    let t = pos - i as f64;
    let (a, b) = (BLUES[i], BLUES[i + 1]);
    let mix = |k: usize| (f64::from(a[k]) + (f64::from(b[k]) - f64::from(a[k])) * t).round() as u8;
    [mix(0), mix(1), mix(2)]
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Dark or white text, whichever contrasts more with the cell (WCAG relative luminance).
fn ink_on(rgb: [u8; 3]) -> &'static str {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
    let ink = 0.0116; // luminance of INK
    if 1.05 / (l + 0.05) > (l + 0.05) / (ink + 0.05) {
        "#fff"
    } else {
        INK
    }
}

fn percent(v: f64) -> String {
    let p = v * 100.0;
    if p > 0.0 && p < 0.5 {
        "<1%".to_owned()
    } else {
        format!("{}%", grouped(p, 0))
    }
}

fn tooltip(category: &str, series: &str, v: f64) -> String {
    format!("{category}, {series}: {}", readable(v))
}

/// Whole numbers as such, others with two decimals; thousands separated.
fn readable(v: f64) -> String {
    grouped(v, if (v - v.round()).abs() < 1e-9 { 0 } else { 2 })
}

/// `v` with `decimals` decimals and commas between thousands; never "-0".
fn grouped(v: f64, decimals: usize) -> String {
    let digits = format!("{:.*}", decimals, v.abs());
    let (int, frac) = digits
        .split_once('.')
        .map_or((digits.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::with_capacity(digits.len() + int.len() / 3 + 1);
    if v < 0.0 && digits.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A coordinate with at most one decimal, so output is stable.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if !r.is_finite() || r == 0.0 {
        return "0".to_owned();
    }
    let s = format!("{r:.1}");
    match s.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => s,
    }
}

/// Text safe in XML content and attribute values; characters XML cannot hold are dropped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if u32::from(c) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters, an ellipsis marking the cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Estimated width of `s` at `size` (no font metrics without a renderer: an average glyph).
fn text_w(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.6
}

fn widest<S: AsRef<str>>(labels: impl IntoIterator<Item = S>, size: f64) -> f64 {
    labels
        .into_iter()
        .map(|s| text_w(s.as_ref(), size))
        .fold(0.0, f64::max)
}

/// How many characters fit in `width` at `size`.
fn fit(width: f64, size: f64) -> usize {
    (width / (size * 0.6)).floor().max(1.0) as usize
}

/// Label every n-th category so labels `extent` long, `spacing` apart, keep a gap between them.
fn label_every(extent: f64, spacing: f64) -> usize {
    let n = ((extent + 6.0) / spacing).ceil();
    if n.is_finite() && n > 1.0 {
        n as usize
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, values: &[Option<f64>]) -> Series {
        Series {
            name: name.to_owned(),
            values: values.to_vec(),
        }
    }

    fn months(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("{}-{:02}", 2020 + i / 12, i % 12 + 1))
            .collect()
    }

    fn line(series: Vec<Series>, n: usize, stacked: bool) -> LineChart {
        LineChart {
            title: "Net sales".into(),
            x_label: "month".into(),
            y_label: "net sales (EUR)".into(),
            categories: months(n),
            series,
            stacked,
        }
    }

    fn bars(series: Vec<Series>, n: usize, horizontal: bool) -> BarChart {
        BarChart {
            title: "Sales by channel".into(),
            x_label: "channel".into(),
            y_label: "net sales (EUR)".into(),
            categories: (0..n).map(|i| format!("channel {i}")).collect(),
            series,
            horizontal,
        }
    }

    fn count(svg: &str, needle: &str) -> usize {
        svg.matches(needle).count()
    }

    /// Every start tag containing `needle`.
    fn tags<'a>(svg: &'a str, needle: &str) -> Vec<&'a str> {
        svg.split('<')
            .filter(|t| t.contains(needle))
            .map(|t| t.split('>').next().unwrap_or(""))
            .collect()
    }

    fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
        let key = format!(" {name}=\"");
        let start = tag
            .find(&key)
            .map(|i| i + key.len())
            .expect("attribute present");
        tag[start..].split('"').next().unwrap_or("")
    }

    fn attr_f(tag: &str, name: &str) -> f64 {
        attr(tag, name).parse().expect("a number")
    }

    /// Tags nest and close, text holds no raw `<`/`>`, and every `&` starts an entity.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = svg;
        let mut roots = 0;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            assert!(!text.contains('>'), "raw > in text {text:?}");
            for (i, _) in text.match_indices('&') {
                let t = &text[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                        .iter()
                        .any(|e| t.starts_with(e)),
                    "bare & in {text:?}"
                );
            }
            let close = rest[open..].find('>').expect("tag closes") + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "< inside tag {tag:?}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().unwrap_or("");
                if stack.is_empty() {
                    roots += 1;
                }
                stack.push(name);
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
        assert_eq!(roots, 1);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"chart-"));
    }

    #[test]
    fn line_chart_has_one_group_per_series_and_one_point_per_value() {
        let c = line(
            vec![
                series("web", &[Some(1.0), Some(2.0), None, Some(4.0)]),
                series("shop", &[None, None, None, None]),
                series(
                    "market",
                    &[
                        Some(3.0),
                        Some(f64::NAN),
                        Some(f64::INFINITY),
                        Some(1.0),
                        Some(9.0),
                    ],
                ),
            ],
            4,
            false,
        );
        let svg = line_chart(&c);
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "class=\"series\""), 3);
        assert_eq!(count(&svg, "class=\"point\""), 3 + 2);
        assert_eq!(count(&svg, "<circle class=\"point\""), 5);
        assert_eq!(count(&svg, "<path class=\"line\""), 3);
        assert!(svg.contains("data-series=\"market\""));
        // The gap splits the web line into two runs.
        let web = tags(&svg, "class=\"line\"")[0];
        assert_eq!(attr(web, "d").matches('M').count(), 2);
        for name in [
            "web",
            "shop",
            "market",
            "net sales (EUR)",
            "month",
            "<title id=",
        ] {
            assert!(svg.contains(name), "{name}");
        }
        assert!(!svg.contains("no data"));
    }

    #[test]
    fn bar_charts_have_one_rect_point_per_value() {
        let s = vec![
            series("2024", &[Some(5.0), None, Some(7.0)]),
            series("2025", &[Some(6.0), Some(1.0), Some(0.0)]),
        ];
        for horizontal in [false, true] {
            let svg = bar_chart(&bars(s.clone(), 3, horizontal));
            assert_well_formed(&svg);
            assert_eq!(count(&svg, "class=\"series\""), 2);
            assert_eq!(count(&svg, "<rect class=\"point\""), 5);
            assert_eq!(count(&svg, "class=\"point\""), 5);
            let values: Vec<&str> = tags(&svg, "class=\"point\"")
                .iter()
                .map(|t| attr(t, "data-value"))
                .collect();
            assert_eq!(values, ["5", "7", "6", "1", "0"]);
        }
    }

    #[test]
    fn bars_grow_from_zero_both_ways() {
        let svg = bar_chart(&bars(
            vec![series("net", &[Some(-300.0), Some(900.0)])],
            2,
            false,
        ));
        let zero = attr_f(tags(&svg, "class=\"zero\"")[0], "y1");
        let r = tags(&svg, "class=\"point\"");
        assert_eq!(attr_f(r[0], "y"), zero, "a negative bar hangs from zero");
        assert!(
            (attr_f(r[1], "y") + attr_f(r[1], "height") - zero).abs() < 0.11,
            "a positive bar stands on zero"
        );
        let h = bar_chart(&bars(
            vec![series("net", &[Some(-300.0), Some(900.0)])],
            2,
            true,
        ));
        let zero = attr_f(tags(&h, "class=\"zero\"")[0], "x1");
        let r = tags(&h, "class=\"point\"");
        assert!((attr_f(r[0], "x") + attr_f(r[0], "width") - zero).abs() < 0.11);
        assert_eq!(attr_f(r[1], "x"), zero);
    }

    #[test]
    fn heat_map_rows_are_series_and_blank_cells_are_not_points() {
        let h = HeatMap {
            title: "Retention".into(),
            row_label: "cohort".into(),
            col_label: "months since first order".into(),
            rows: vec!["2024-01".into(), "2024-02".into(), "2024-03".into()],
            cols: vec!["M0".into(), "M1".into(), "M2".into()],
            cells: vec![
                vec![Some(1.0), Some(0.42), Some(0.004)],
                vec![Some(1.0), None],
                vec![Some(f64::NAN)],
            ],
        };
        let svg = heat_map(&h);
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "class=\"series\""), 3);
        assert_eq!(count(&svg, "class=\"point\""), 4);
        assert_eq!(count(&svg, "class=\"blank\""), 5);
        for blank in tags(&svg, "class=\"blank\"") {
            assert_eq!(attr(blank, "fill"), "none");
            assert!(!blank.contains("data-value"));
        }
        assert!(
            svg.contains(">42%</text>")
                && svg.contains(">100%</text>")
                && svg.contains(">&lt;1%</text>")
        );
        // Full cells are the darkest blue with white text; 42% lies between.
        let cells = tags(&svg, "class=\"point\"");
        assert_eq!(attr(cells[0], "fill"), "#08306b");
        assert!(svg.contains("fill=\"#fff\">100%</text>"));
        assert_ne!(attr(cells[1], "fill"), attr(cells[0], "fill"));
        assert!(svg.contains("months since first order") && svg.contains("cohort"));
    }

    #[test]
    fn heat_map_grows_with_rows() {
        let heights: Vec<f64> = [10, 200]
            .into_iter()
            .map(|n| {
                let h = HeatMap {
                    title: "t".into(),
                    rows: (0..n).map(|i| format!("r{i}")).collect(),
                    cols: vec!["a".into()],
                    cells: vec![vec![Some(0.5)]; n],
                    ..HeatMap::default()
                };
                let svg = heat_map(&h);
                assert_eq!(count(&svg, "class=\"point\""), n);
                let vb = attr(tags(&svg, "viewBox")[0], "viewBox").to_owned();
                vb.rsplit(' ').next().unwrap_or("").parse().expect("height")
            })
            .collect();
        assert!(heights[1] > 200.0 * 20.0 && heights[0] < heights[1]);
    }

    #[test]
    fn text_is_escaped() {
        let nasty = "A&B <b>\"quoted\" 'x'\u{1}";
        let c = LineChart {
            title: nasty.into(),
            x_label: nasty.into(),
            y_label: nasty.into(),
            categories: vec![nasty.into(), "b".into()],
            series: vec![series(nasty, &[Some(1.0), Some(2.0)])],
            stacked: false,
        };
        let h = HeatMap {
            title: nasty.into(),
            row_label: nasty.into(),
            col_label: nasty.into(),
            rows: vec![nasty.into()],
            cols: vec![nasty.into()],
            cells: vec![vec![Some(0.5)]],
        };
        let b = bars(vec![series(nasty, &[Some(1.0)])], 1, true);
        for svg in [line_chart(&c), bar_chart(&b), heat_map(&h)] {
            assert_well_formed(&svg);
            assert!(!svg.contains("<b>"));
            assert!(
                svg.contains("data-series=\"A&amp;B &lt;b&gt;&quot;quoted&quot; &#39;x&#39;\"")
            );
            assert!(!svg.contains('\u{1}'));
        }
    }

    #[test]
    fn negative_values_put_the_zero_line_between_min_and_max() {
        let c = line(
            vec![series("net", &[Some(-1_250.0), Some(400.0), Some(8_000.0)])],
            3,
            false,
        );
        let svg = line_chart(&c);
        let zero = attr_f(tags(&svg, "class=\"zero\"")[0], "y1");
        let ys: Vec<f64> = tags(&svg, "class=\"point\"")
            .iter()
            .map(|t| attr_f(t, "cy"))
            .collect();
        // Screen y grows downwards: the minimum sits below zero, the maximum above it.
        assert!(ys[0] > zero && zero > ys[2], "{ys:?} zero {zero}");
        assert!(
            svg.contains(">-2k</text>") && svg.contains(">0</text>") && svg.contains(">8k</text>")
        );
        let positive = line_chart(&line(
            vec![series("net", &[Some(1.0), Some(2.0)])],
            2,
            false,
        ));
        assert!(!positive.contains("class=\"zero\""));
    }

    #[test]
    fn stacked_areas_put_each_series_on_the_sum_below() {
        let c = line(
            vec![
                series("shop", &[Some(1.0), Some(2.0), Some(3.0)]),
                series("web", &[Some(10.0), None, Some(30.0)]),
                series("market", &[Some(100.0), Some(200.0), Some(300.0)]),
            ],
            3,
            true,
        );
        let svg = line_chart(&c);
        assert_well_formed(&svg);
        assert_eq!(count(&svg, "<path class=\"area\""), 3);
        assert_eq!(count(&svg, "class=\"line\""), 0);
        let points = tags(&svg, "class=\"point\"");
        assert_eq!(points.len(), 8);
        let top: Vec<&str> = points[5..].iter().map(|t| attr(t, "data-stack")).collect();
        assert_eq!(top, ["111", "202", "333"]);
        let raw: Vec<&str> = points[5..].iter().map(|t| attr(t, "data-value")).collect();
        assert_eq!(raw, ["100", "200", "300"]);
        // Each higher layer is drawn higher up the screen.
        let cy = |k: usize| attr_f(points[k], "cy");
        assert!(cy(0) > cy(3) && cy(3) > cy(5));
        assert!(
            stack(&[vec![Some(1.0), Some(-2.0)], vec![Some(3.0), Some(4.0)]])[1]
                == [Some((1.0, 4.0)), Some((-2.0, 2.0))]
        );
    }

    #[test]
    fn empty_input_draws_a_frame_and_says_no_data() {
        let charts = [
            line_chart(&LineChart::default()),
            line_chart(&line(vec![], 12, false)),
            line_chart(&line(vec![series("a", &[None, Some(f64::NAN)])], 2, true)),
            line_chart(&line(vec![series("a", &[Some(1.0)])], 0, false)),
            bar_chart(&BarChart::default()),
            bar_chart(&bars(vec![series("a", &[]), series("b", &[None])], 3, true)),
            heat_map(&HeatMap::default()),
            heat_map(&HeatMap {
                rows: vec!["r".into()],
                cols: vec!["c".into()],
                ..HeatMap::default()
            }),
            heat_map(&HeatMap {
                rows: vec![],
                cols: vec!["c".into()],
                cells: vec![vec![Some(1.0)]],
                ..HeatMap::default()
            }),
        ];
        for svg in &charts {
            assert_well_formed(svg);
            assert!(svg.contains(">no data</text>"), "{svg}");
            assert_eq!(count(svg, "class=\"point\""), 0);
            assert!(svg.contains("class=\"axis-line\"") || svg.contains("class=\"frame\""));
        }
        assert_eq!(count(&charts[5], "class=\"series\""), 2);
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        for (min, max) in [
            (0.0, 12_345.0),
            (-1_250.0, 8_000.0),
            (0.0, 0.73),
            (3.0, 3.0),
            (-5e6, -1e6),
            (0.0, 0.0),
            (0.0, 1e15),
        ] {
            let a = value_axis(min, max, 5.0);
            assert!(
                a.lo <= min.min(0.0) && a.hi >= max.max(0.0),
                "{min}..{max}: {a:?}"
            );
            assert!((4..=12).contains(&a.ticks.len()), "{min}..{max}: {a:?}");
            assert!(a.ticks.iter().any(|t| t.0 == 0.0 && t.1 == "0"));
            let step = a.ticks[1].0 - a.ticks[0].0;
            let mantissa = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-6),
                "step {step}"
            );
            for (v, _) in &a.ticks {
                assert!(
                    ((v / step) - (v / step).round()).abs() < 1e-6,
                    "{v} not a multiple of {step}"
                );
            }
        }
        let labels = |min, max| -> Vec<String> {
            value_axis(min, max, 5.0)
                .ticks
                .into_iter()
                .map(|t| t.1)
                .collect()
        };
        assert_eq!(labels(0.0, 12_345.0), ["0", "5k", "10k", "15k"]);
        assert_eq!(
            labels(0.0, 1_800.0),
            ["0", "500", "1,000", "1,500", "2,000"]
        );
        assert_eq!(labels(-3e6, 4e6), ["-4M", "-2M", "0", "2M", "4M"]);
        assert_eq!(labels(0.0, 0.73), ["0", "0.2", "0.4", "0.6", "0.8"]);
    }

    #[test]
    fn many_categories_thin_out_labels() {
        let c = line(vec![series("net", &vec![Some(1.0); 60])], 60, false);
        let svg = line_chart(&c);
        assert_eq!(count(&svg, "class=\"point\""), 60);
        let labels: Vec<f64> = tags(&svg, "text-anchor=\"middle\" fill=")
            .iter()
            .filter(|t| !t.contains("class="))
            .map(|t| attr_f(t, "x"))
            .collect();
        assert!(labels.len() > 4 && labels.len() < 15, "{}", labels.len());
        let width = text_w("2020-01", FONT);
        assert!(
            labels.windows(2).all(|w| w[1] - w[0] > width),
            "labels overlap"
        );
        let tall = bar_chart(&bars(vec![series("net", &vec![Some(1.0); 200])], 200, true));
        assert_eq!(count(&tall, "class=\"point\""), 200);
        assert!(attr(tags(&tall, "viewBox")[0], "viewBox").ends_with(|c: char| c.is_ascii_digit()));
        assert!(count(&tall, "text-anchor=\"end\" fill=") >= 200);
    }

    #[test]
    fn series_past_the_palette_change_dash() {
        let many: Vec<Series> = (0..10)
            .map(|i| series(&format!("s{i}"), &[Some(i as f64), Some(1.0)]))
            .collect();
        let svg = line_chart(&line(many, 2, false));
        let paths = tags(&svg, "class=\"line\"");
        assert_eq!(attr(paths[0], "stroke"), "#0072B2");
        assert_eq!(attr(paths[8], "stroke"), "#0072B2");
        assert!(!paths[0].contains("dasharray") && paths[8].contains("stroke-dasharray"));
        assert_eq!(count(&svg, "class=\"legend-item\""), 10);
    }

    #[test]
    fn output_is_stable_with_one_decimal_coordinates() {
        let c = line(
            vec![
                series("a", &[Some(1.0), Some(7.0), Some(3.0)]),
                series("b", &[Some(2.0), None, Some(5.0)]),
            ],
            3,
            false,
        );
        let svg = line_chart(&c);
        assert_eq!(svg, line_chart(&c));
        for tag in tags(&svg, "class=\"point\"") {
            for key in ["cx", "cy"] {
                let v = attr(tag, key);
                assert!(
                    v.split('.').nth(1).is_none_or(|d| d.len() == 1),
                    "{key}={v}"
                );
            }
        }
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(12.25), "12.3");
        assert_eq!(num(f64::NAN), "0");
        assert_ne!(
            line_chart(&line(vec![], 1, false)),
            line_chart(&line(vec![], 2, false))
        );
    }

    #[test]
    fn extreme_values_do_not_panic() {
        let wild = [
            Some(f64::MAX),
            Some(-f64::MAX),
            Some(1e-300),
            Some(f64::MIN_POSITIVE),
            Some(0.0),
        ];
        for stacked in [false, true] {
            let c = line(vec![series("a", &wild), series("b", &wild)], 5, stacked);
            let svg = line_chart(&c);
            assert_well_formed(&svg);
            assert_eq!(count(&svg, "class=\"point\""), 10);
        }
        let svg = bar_chart(&bars(vec![series("a", &wild)], 5, false));
        assert_eq!(count(&svg, "class=\"point\""), 5);
        let tiny = line_chart(&line(
            vec![series("a", &[Some(1e-12), Some(3e-12)])],
            2,
            false,
        ));
        assert_well_formed(&tiny);
        let h = HeatMap {
            rows: vec!["r".into()],
            cols: vec!["a".into(), "b".into(), "c".into()],
            cells: vec![vec![Some(-0.5), Some(2.5), Some(f64::MAX)]],
            ..HeatMap::default()
        };
        let svg = heat_map(&h);
        assert_eq!(count(&svg, "class=\"point\""), 3);
        assert!(svg.contains(">250%</text>"));
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(grouped(-1_234_567.891, 2), "-1,234,567.89");
        assert_eq!(grouped(-0.001, 2), "0.00");
        assert_eq!(readable(12_345.0), "12,345");
        assert_eq!(percent(0.426), "43%");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(ink_on(blue(0.0)), INK);
        assert_eq!(ink_on(blue(1.0)), "#fff");
    }
}
