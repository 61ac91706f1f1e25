//! Chart text a reader can read: no text smaller than the minimum at the size the chart is
//! shown (9 px in the HTML on a 390 px phone, 7 pt in the weekly PDF), and no text that runs
//! out of the SVG. Measured with the embedded font the PDF uses (report::pdf::layout).

use super::*;
use crate::analysis::Analysis;
use crate::report::html::{MIN_CHART_TEXT_PX, chart_min_width};
use crate::report::pdf::layout::{CONTENT_W, Weight, text_width};

/// One `<text>`: its font size and its estimated box (left, top, right, bottom) in SVG units.
#[derive(Debug)]
struct Placed {
    text: String,
    size: f64,
    bounds: (f64, f64, f64, f64),
}

fn attr(n: &roxmltree::Node, name: &str) -> f64 {
    n.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("<text> without a numeric {name}"))
}

/// The SVG's viewBox size and every text in it, placed as plotters writes them: `dy` 0.76em
/// hangs the text from y, 0.5ex centres it, none puts the baseline on y; `text-anchor` says
/// where x is; `rotate(±90, cx, cy)` turns the box about (cx, cy).
fn placed_texts(svg: &str) -> ((f64, f64), Vec<Placed>) {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let vb: Vec<f64> = doc
        .root_element()
        .attribute("viewBox")
        .expect("a viewBox")
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    let texts = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let text = n.text().unwrap_or("").trim().to_string();
            let size = attr(&n, "font-size");
            let weight = if n.attribute("font-weight") == Some("bold") {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let w = f64::from(text_width(&text, size as f32, weight));
            let (x, y) = (attr(&n, "x"), attr(&n, "y"));
            let (left, right) = match n.attribute("text-anchor") {
                Some("middle") => (x - w / 2.0, x + w / 2.0),
                Some("end") => (x - w, x),
                _ => (x, x + w),
            };
            // DejaVu's ascent and descent: about 0.93 and 0.24 of the size.
            let (top, bottom) = match n.attribute("dy") {
                Some("0.76em") => (y, y + 1.17 * size),
                Some("0.5ex") => (y - 0.6 * size, y + 0.6 * size),
                _ => (y - 0.93 * size, y + 0.24 * size),
            };
            let bounds = match n.attribute("transform") {
                Some(t) if t.starts_with("rotate(") => {
                    let nums: Vec<f64> = t["rotate(".len()..t.len() - 1]
                        .split(',')
                        .map(|v| v.trim().parse().unwrap())
                        .collect();
                    let (cx, cy) = (nums[1], nums[2]);
                    // A quarter turn swaps the box's extents about the centre.
                    let (hw, hh) = ((right - left) / 2.0, (bottom - top) / 2.0);
                    let (mx, my) = ((left + right) / 2.0 - cx, (top + bottom) / 2.0 - cy);
                    let (mx, my) = if nums[0] == 90.0 {
                        (-my, mx)
                    } else {
                        (my, -mx)
                    };
                    (cx + mx - hh, cy + my - hw, cx + mx + hh, cy + my + hw)
                }
                _ => (left, top, right, bottom),
            };
            Placed { text, size, bounds }
        })
        .collect();
    ((vb[2], vb[3]), texts)
}

fn story() -> &'static Analysis {
    super::tests::story()
}

#[track_caller]
fn assert_inside(kind: ChartKind, size: (u32, u32), svg: &str) {
    let ((w, h), texts) = placed_texts(svg);
    assert!(!texts.is_empty(), "{kind:?} has text");
    for t in &texts {
        let (l, top, r, b) = t.bounds;
        assert!(
            l >= -0.5 && top >= -0.5 && r <= w + 0.5 && b <= h + 0.5,
            "{kind:?} at {size:?}: {:?} ({l:.0}, {top:.0})–({r:.0}, {b:.0}) leaves the {w}×{h} viewBox",
            t.text
        );
    }
}

#[test]
fn every_chart_text_lies_inside_its_svg() {
    let data = ChartData::new(story());
    // The report's size, the weekly PDF's, and a narrow one.
    for kind in ChartKind::ALL {
        for size in [kind.default_size(), (740, 620), (700, 400), (640, 480)] {
            let s = svg(kind, &data, None, size).unwrap();
            assert_inside(kind, size, &s);
        }
    }
}

#[test]
fn html_chart_text_is_at_least_9_px_on_a_390_px_phone() {
    let data = ChartData::new(story());
    // A 390 px screen less the page's padding: the chart would shrink to this without a
    // min-width.
    let phone: f64 = 390.0 - 2.0 * 12.0;
    for kind in ChartKind::ALL {
        let (w, _) = kind.default_size();
        let s = svg(kind, &data, None, kind.default_size()).unwrap();
        let min = chart_min_width(&s).expect("a min-width") as f64;
        // At 1280 px the page's 60rem column holds the chart whole: no scrolling there.
        assert!(min <= 960.0, "{kind:?} min-width {min}");
        let shown = min.max(phone.min(f64::from(w)));
        let (_, texts) = placed_texts(&s);
        for t in &texts {
            let px = t.size * shown / f64::from(w);
            assert!(
                px >= MIN_CHART_TEXT_PX - 1e-9,
                "{kind:?}: {:?} shows at {px:.2} px",
                t.text
            );
        }
    }
}

#[test]
fn weekly_pdf_chart_text_is_at_least_7_pt() {
    let data = ChartData::new(story());
    // Where the PDF places it: the load chart LOAD_CHART_H pt high within the text width
    // (report::pdf). The weekly PDF has no other chart; its associations are a table.
    let (w, h) = super::WEEKLY_LOAD_SIZE;
    let height = f64::from(crate::report::pdf::LOAD_CHART_H);
    let scale = (height / f64::from(h)).min(f64::from(CONTENT_W) / f64::from(w));
    let s = svg(ChartKind::Load, &data, None, (w, h)).unwrap();
    let (_, texts) = placed_texts(&s);
    let smallest = texts.iter().map(|t| t.size).fold(f64::INFINITY, f64::min);
    assert!(
        smallest * scale >= 7.0,
        "Load: smallest text {:.2} pt",
        smallest * scale
    );
}
