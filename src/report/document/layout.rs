//! One small trait per output format: a [`Layout`] says how its format draws each part of a
//! [`Document`]; [`Document::lay_out`] walks the sections in order, so every format has the
//! same sections in the same order and none of them decides what goes in.

use super::{
    Body, BottomLine, Change, Document, Load, RegionAssociations, Section, Table, Warning,
};

pub trait Layout {
    /// The report's title and period: the first line.
    fn title(&mut self, doc: &Document<'_>);
    /// The status line and the actions, right under the title.
    fn bottom_line(&mut self, b: &BottomLine);
    /// Where the report came from, and the notices.
    fn header(&mut self, doc: &Document<'_>);
    /// A section's start: its anchor and title.
    fn open(&mut self, id: &'static str, title: &str);
    /// The sentence that says a section has nothing to show.
    fn empty(&mut self, why: &str);
    /// A section's end.
    fn close(&mut self) {}
    fn warnings(&mut self, warnings: &[Warning]);
    fn episodes(&mut self, table: &Table);
    fn associations(&mut self, regions: &[RegionAssociations]);
    fn changes(&mut self, changes: &[Change]);
    fn load(&mut self, load: &Load);
    fn habits(&mut self, table: &Table);
}

/// The section's heading, then its content or the sentence that says there is none.
fn section<T, L: Layout + ?Sized>(out: &mut L, s: &Section<T>, draw: impl FnOnce(&mut L, &T)) {
    out.open(s.id, &s.title);
    match &s.body {
        Body::Content(content) => draw(out, content),
        Body::Empty(why) => out.empty(why),
    }
    out.close();
}

impl Document<'_> {
    /// Hands the header and every section, in order, to `out`.
    pub fn lay_out<L: Layout + ?Sized>(&self, out: &mut L) {
        out.title(self);
        out.bottom_line(&self.bottom_line);
        out.header(self);
        section(out, &self.warnings, |o, w| o.warnings(w));
        section(out, &self.episodes, |o, t| o.episodes(t));
        section(out, &self.associations, |o, r| o.associations(r));
        if let Some(soreness) = &self.soreness {
            section(out, soreness, |o, r| o.associations(r));
        }
        section(out, &self.changes, |o, c| o.changes(c));
        section(out, &self.load, |o, l| o.load(l));
        section(out, &self.habits, |o, t| o.habits(t));
    }
}
