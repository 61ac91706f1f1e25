//! A small page layout for the weekly PDF: items are placed on A4 pages from the top down
//! (text measured with the embedded font, wrapped to a width), then drawn with krilla. krilla
//! itself does no layout by design; this is the least needed for a two-page report.

use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::fonts;
use crate::text::{Breaks, visible, wrap_words};

/// A4 in points.
pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN: f32 = 46.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Where body content must end: the footer sits below.
pub const BOTTOM: f32 = PAGE_H - MARGIN - 14.0;

pub type Rgb = (u8, u8, u8);
pub const INK: Rgb = (0x1f, 0x29, 0x37);
pub const MUTED: Rgb = (0x5b, 0x65, 0x73);
pub const RULE: Rgb = (0xd5, 0xda, 0xe1);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Weight {
    Regular,
    Bold,
}

/// Something drawn on a page. `y` is the top of the item, from the top of the page.
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
    },
    Svg {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        tree: Box<usvg::Tree>,
    },
}

impl Item {
    /// The rectangle the item covers: a text line from its top to below its descenders.
    pub fn bounds(&self) -> Placed {
        let (x, y, w, h) = match self {
            Item::Text {
                x,
                y,
                size,
                weight,
                text,
                ..
            } => (*x, *y, text_width(text, *size, *weight), size * 1.2),
            Item::Rect { x, y, w, h, .. } | Item::Svg { x, y, w, h, .. } => (*x, *y, *w, *h),
            Item::Line { x1, y1, x2, y2, .. } => {
                (x1.min(*x2), y1.min(*y2), (x2 - x1).abs(), (y2 - y1).abs())
            }
        };
        Placed {
            what: "",
            x,
            y,
            w,
            h,
        }
    }
}

/// An element as placed on a page (a heading, a paragraph, a table, a chart): the rectangle
/// that holds everything it drew there. An element split across pages has one per page.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub what: &'static str,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Placed {
    /// True when the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, o: &Placed) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    fn union(&self, o: &Placed) -> Placed {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        Placed {
            what: self.what,
            x,
            y,
            w: (self.x + self.w).max(o.x + o.w) - x,
            h: (self.y + self.h).max(o.y + o.h) - y,
        }
    }
}

struct Faces {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        // The embedded fonts are checked by a test; a broken build fails there, not here.
        regular: ttf_parser::Face::parse(fonts::SANS, 0).expect("embedded font parses"),
        bold: ttf_parser::Face::parse(fonts::SANS_BOLD, 0).expect("embedded font parses"),
    })
}

/// The advance width of `text` at `size` points.
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    let face = match weight {
        Weight::Regular => &faces().regular,
        Weight::Bold => &faces().bold,
    };
    let units: f32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(0.0, f32::from)
        })
        .sum();
    units * size / f32::from(face.units_per_em())
}

/// Greedy word wrap to `width` points, paragraph by paragraph; an empty paragraph is an empty
/// line.
pub fn wrap(text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
    let fits = |line: &str| text_width(line, size, weight) <= width;
    let mut lines = Vec::new();
    // Every line the PDF draws is wrapped here or placed by `text_at`: both make controls
    // visible, so a note's control bytes never reach the PDF text.
    let text = visible(text, Breaks::Keep);
    for paragraph in text.split('\n') {
        let wrapped = wrap_words(paragraph, fits);
        if wrapped.is_empty() {
            lines.push(String::new());
        }
        lines.extend(wrapped);
    }
    lines
}

/// Pages under construction, with a cursor moving down the current one.
pub struct Pages {
    pub pages: Vec<Vec<Item>>,
    /// Per page, the elements placed on it, for the layout tests.
    pub placed: Vec<Vec<Placed>>,
    pub y: f32,
}

impl Default for Pages {
    fn default() -> Self {
        Self::new()
    }
}

impl Pages {
    pub fn new() -> Self {
        Pages {
            pages: vec![Vec::new()],
            placed: vec![Vec::new()],
            y: MARGIN,
        }
    }

    /// Runs `draw` and records what it drew as one element called `what`, with one rectangle
    /// on each page it reached.
    pub fn element<R>(&mut self, what: &'static str, draw: impl FnOnce(&mut Pages) -> R) -> R {
        let first_page = self.pages.len() - 1;
        let first_item = self.pages[first_page].len();
        let out = draw(self);
        for page in first_page..self.pages.len() {
            let from = if page == first_page { first_item } else { 0 };
            let bounds = self.pages[page][from..]
                .iter()
                .map(Item::bounds)
                .reduce(|a, b| a.union(&b));
            if let Some(b) = bounds {
                self.placed[page].push(Placed { what, ..b });
            }
        }
        out
    }

    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.placed.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit above `bottom`.
    pub fn ensure(&mut self, height: f32, bottom: f32) {
        if self.y + height > bottom {
            self.new_page();
        }
    }

    pub fn gap(&mut self, h: f32) {
        self.y += h;
    }

    /// Wrapped text at `x`, `width` wide; moves the cursor below it, breaking pages as needed.
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(
        &mut self,
        x: f32,
        width: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        text: &str,
        bottom: f32,
    ) {
        let leading = size * 1.32;
        for line in wrap(text, size, weight, width) {
            self.ensure(leading, bottom);
            self.push(Item::Text {
                x,
                y: self.y,
                size,
                weight,
                color,
                text: line,
            });
            self.y += leading;
        }
    }

    /// A single line, never wrapped (table cells are sized to fit).
    pub fn text_at(&mut self, x: f32, y: f32, size: f32, weight: Weight, color: Rgb, text: &str) {
        self.push(Item::Text {
            x,
            y,
            size,
            weight,
            color,
            text: visible(text, Breaks::Escape).into_owned(),
        });
    }

    pub fn heading(&mut self, text: &str) {
        self.ensure(40.0, BOTTOM);
        self.gap(8.0);
        self.element("heading", |p| {
            p.paragraph(MARGIN, CONTENT_W, 13.0, Weight::Bold, INK, text, BOTTOM);
            p.push(Item::Line {
                x1: MARGIN,
                y1: p.y,
                x2: MARGIN + CONTENT_W,
                y2: p.y,
                color: RULE,
            });
        });
        self.gap(6.0);
    }
}

/// The font database usvg resolves SVG text with: only the embedded font, with the generic
/// `sans-serif` family (what plotters writes) mapped to it. Without that mapping usvg drops
/// every text node silently.
pub fn svg_options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(fonts::SANS.to_vec());
        db.load_font_data(fonts::SANS_BOLD.to_vec());
        db.set_sans_serif_family(fonts::FAMILY);
        usvg::Options {
            fontdb: Arc::new(db),
            font_family: fonts::FAMILY.to_string(),
            ..Default::default()
        }
    })
}

pub fn parse_svg(svg: &str) -> anyhow::Result<usvg::Tree> {
    usvg::Tree::from_str(svg, svg_options())
        .map_err(|e| anyhow::anyhow!("a chart could not be read as SVG: {e}"))
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Draws the pages into a PDF, with `footer(page, pages)` at the bottom of each.
pub fn render(
    pages: Pages,
    title: &str,
    footer: impl Fn(usize, usize) -> String,
) -> anyhow::Result<Vec<u8>> {
    let regular = Font::new(fonts::SANS.into(), 0)
        .ok_or_else(|| anyhow::anyhow!("the embedded font cannot be used"))?;
    let bold = Font::new(fonts::SANS_BOLD.into(), 0)
        .ok_or_else(|| anyhow::anyhow!("the embedded font cannot be used"))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("strainscope".into())
            .language("en".into()),
    );
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| anyhow::anyhow!("bad page size"))?;
    let n = pages.pages.len();
    for (i, items) in pages.pages.into_iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    weight,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(color)));
                    let font = if weight == Weight::Bold {
                        &bold
                    } else {
                        &regular
                    };
                    // `y` is the top of the line; krilla wants the baseline.
                    surface.draw_text(
                        Point::from_xy(x, y + size * 0.95),
                        font.clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Rect { x, y, w, h, color } => {
                    let mut pb = PathBuilder::new();
                    if let Some(rect) = krilla::geom::Rect::from_xywh(x, y, w, h) {
                        pb.push_rect(rect);
                    }
                    if let Some(path) = pb.finish() {
                        surface.set_stroke(None);
                        surface.set_fill(Some(fill(color)));
                        surface.draw_path(&path);
                    }
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    color,
                } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(x1, y1);
                    pb.line_to(x2, y2);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(color.0, color.1, color.2).into(),
                            width: 0.75,
                            ..Default::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Item::Svg { x, y, w, h, tree } => {
                    surface.push_transform(&Transform::from_translate(x, y));
                    if let Some(size) = Size::from_wh(w, h) {
                        surface.draw_svg(&tree, size, SvgSettings::default());
                    }
                    surface.pop();
                }
            }
        }
        let text = footer(i + 1, n);
        surface.set_fill(Some(fill(MUTED)));
        surface.draw_text(
            Point::from_xy(MARGIN, PAGE_H - MARGIN + 8.0),
            regular.clone(),
            7.5,
            &text,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| anyhow::anyhow!("the PDF could not be written: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_with_the_embedded_font_and_wrapped_to_width() {
        let w = text_width("Load (kg)", 10.0, Weight::Regular);
        assert!(w > 40.0 && w < 55.0, "{w}");
        assert!(text_width("Load (kg)", 10.0, Weight::Bold) > w);
        let text = "Deadlift came before 5 of 7 lower-back onsets within 48 hours of a session";
        let lines = wrap(text, 10.0, Weight::Regular, 150.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, 10.0, Weight::Regular) <= 150.0)
        );
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn svg_text_survives_the_trip_into_usvg() {
        // Plotters writes font-family="sans-serif"; without the family mapping usvg would
        // drop both text nodes silently.
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
            <text x="10" y="20" font-family="sans-serif" font-size="12">Load (kg)</text>
            <text x="10" y="60" font-family="sans-serif" font-size="12">Pain (0–10)</text></svg>"#;
        let tree = parse_svg(svg).unwrap();
        fn texts(g: &usvg::Group) -> usize {
            g.children()
                .iter()
                .map(|n| match n {
                    usvg::Node::Group(g) => texts(g),
                    usvg::Node::Text(_) => 1,
                    _ => 0,
                })
                .sum()
        }
        assert_eq!(texts(tree.root()), 2);
    }
}
