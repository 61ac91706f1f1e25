use super::*;
use crate::report::words::fixture;

fn figure() -> Figure {
    Figure {
        title: "Load & pain <by week>".into(),
        svg: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg width=\"200\" height=\"100\" \
              xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\
              <rect x=\"0\" y=\"0\" width=\"200\" height=\"100\" fill=\"#eee\"/>\
              <text x=\"10\" y=\"50\">load &amp; pain</text></svg>\n"
            .into(),
    }
}

/// The fixture analysis's page with these figures.
fn fixture_html(figures: &[Figure]) -> String {
    render(
        &Document::build(&fixture::analysis(), &fixture::sources()),
        figures,
    )
    .unwrap()
}

/// The h2 titles, entities decoded.
fn h2_titles(html: &str) -> Vec<String> {
    html.split("<h2>")
        .skip(1)
        .map(|s| {
            let title = s.split("</h2>").next().unwrap();
            let title = title
                .replace("<span class=\"sub\">", "")
                .replace("</span>", "");
            html_escape::decode_html_entities(&title).into_owned()
        })
        .collect()
}

#[test]
fn esc_escapes_the_five_html_specials() {
    assert_eq!(
        esc(r#"<script>alert('x') & "y"</script>"#),
        "&lt;script&gt;alert(&#x27;x&#x27;) &amp; &quot;y&quot;&lt;/script&gt;"
    );
    assert_eq!(esc("Deadlift 100 kg"), "Deadlift 100 kg");
}

#[test]
fn sections_match_the_terminal_report_in_order() {
    let a = fixture::analysis();
    let html = render(&Document::build(&a, &fixture::sources()), &[]).unwrap();
    let titles = h2_titles(&html);
    assert_eq!(titles, fixture::text_titles(&a));
    // No region of the fixture had only soreness: no soreness section.
    assert_eq!(titles.len(), 6);
    assert_eq!(titles[3], "What to change");
    let mut with_charts = fixture::text_titles(&a);
    with_charts.push("Charts".into());
    let html = render(&Document::build(&a, &fixture::sources()), &[figure()]).unwrap();
    assert_eq!(h2_titles(&html), with_charts);
}

#[test]
fn association_sentences_carry_the_counts() {
    let html = fixture_html(&[]);
    // The counts in plain words, then the statistics, each short name with its tooltip (and
    // held to its value by a no-break space, read here as a space).
    assert!(
        html.replace('\u{a0}', " ").contains(
            "<li>In 3 of your 7 sessions with Deadlift | heavy, lower back pain started within 48 \
         hours; after other sessions, 1 of 40. <abbr title=\"relative risk: how many times as \
         often pain followed these sessions as other sessions (1 = no difference); the range is \
         the 95 % confidence interval\">RR</abbr> 8.6 (1.2–61.5), <abbr title=\"p-value: how \
         likely a difference this large would be by chance alone\">p</abbr> 0.012, <abbr \
         title=\"q-value: the p-value corrected for the many exposures tested; below 0.05 is \
         unlikely to be chance\">q</abbr> 0.046</li>"
        ),
        "{html}"
    );
}

#[test]
fn user_text_is_escaped_and_severity_has_a_label() {
    let html = fixture_html(&[]);
    assert!(html.contains("numb &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("<h3>Deadlift &lt;b&gt;|&lt;/b&gt; (lower back)</h3>"));
    assert!(!html.contains("<script") && !html.contains("<b>"));
    assert!(html.contains(
        "<article class=\"finding urgent\">\n<h3><span class=\"sev\">URGENT</span> Numbness"
    ));
    for sev in ["WARNING", "CAUTION", "INFO"] {
        assert!(html.contains(&format!("<span class=\"sev\">{sev}</span>")));
    }
}

#[test]
fn the_page_is_self_contained() {
    let html = fixture_html(&[figure()]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">"
    ));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    for banned in [
        "http:", "https:", "src=", "@import", "<script", "<link", "url(",
    ] {
        assert!(!html.contains(banned), "{banned}");
    }
    // Every link is an anchor inside the page.
    for (i, _) in html.match_indices("href=\"") {
        assert!(html[i + 6..].starts_with('#'), "{}", &html[i..i + 30]);
    }
    assert_eq!(html.matches("<div class=\"scroll\">").count(), 3);
}

#[test]
fn figures_are_inlined_with_a_viewbox_and_caption() {
    let html = fixture_html(&[figure()]);
    assert!(!html.contains("<?xml"));
    // Chart text sets the width below which the chart scrolls instead of shrinking: 9 px
    // of a 12 px text in a 960 px chart is 720 px.
    assert_eq!(
        super::chart_min_width(
            "<svg viewBox=\"0 0 960 500\"><text font-size=\"12\">a</text><text font-size=\"16\">b</text></svg>"
        ),
        Some(720)
    );
    assert_eq!(
        super::chart_min_width("<svg width=\"200\" height=\"100\"></svg>"),
        None
    );
    assert!(html.contains(
        "<figure>\n<figcaption>Load &amp; pain &lt;by week&gt;</figcaption>\n\
         <div class=\"chart\"><svg width=\"200\" height=\"100\" viewBox=\"0 0 200 100\" role=\"img\" \
         aria-label=\"Load &amp; pain &lt;by week&gt;\"><rect"
    ));
    assert!(html.contains("<text x=\"10\" y=\"50\">load &amp; pain</text></svg></div>\n</figure>"));
    assert!(html.contains("svg { display: block; max-width: 100%; height: auto; }"));
    // A viewBox already there is kept as it is.
    let kept = inline_svg("<svg viewBox=\"0 0 4 3\" width=\"400\"></svg>", "t").unwrap();
    assert_eq!(
        kept,
        "<svg viewBox=\"0 0 4 3\" width=\"400\" role=\"img\" aria-label=\"t\"></svg>"
    );
    // Without figures there is no Charts section.
    let html = fixture_html(&[]);
    assert!(!html.contains("id=\"charts\"") && !html.contains("<figure>"));
}

#[test]
fn figures_that_could_run_code_or_fetch_are_refused() {
    for svg in [
        "<svg viewBox=\"0 0 1 1\"><script>alert(1)</script></svg>",
        "<svg viewBox=\"0 0 1 1\"><image href=\"https://example.com/x.png\"/></svg>",
        "<svg viewBox=\"0 0 1 1\"><rect onclick=\"x()\"/></svg>",
        "<svg viewBox=\"0 0 1 1\"><rect style=\"fill:url(/x.svg#a)\"/></svg>",
        "<svg><rect/></svg>",
        "<p>not an svg</p>",
    ] {
        let f = Figure {
            title: "t".into(),
            svg: svg.into(),
        };
        assert!(
            render(
                &Document::build(&fixture::analysis(), &fixture::sources()),
                &[f]
            )
            .is_err(),
            "{svg}"
        );
    }
    assert!(
        inline_svg(
            "<svg viewBox=\"0 0 1 1\"><rect fill=\"url(#g)\"/></svg>",
            "t"
        )
        .is_ok()
    );
}

#[test]
fn prose_keeps_dates_numbers_and_units_whole() {
    assert_eq!(
        super::prose("on 2026-08-27; q < 0.001 within 48 h <b>"),
        "on <span class=\"nowrap\">2026-08-27</span>; q\u{a0}&lt;\u{a0}0.001 within 48\u{a0}h &lt;b&gt;"
    );
    assert_eq!(
        super::prose("(2026-W35)"),
        "(<span class=\"nowrap\">2026-W35</span>)"
    );
}
