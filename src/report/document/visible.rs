//! Every string the terminal, Markdown and HTML show passes [`text::visible`] here, once:
//! notes, exercise and file names are the user's, and a control byte in one must reach no
//! renderer. The JSON serializes the analysis, not these strings, and stays exact.

use std::borrow::Cow;

use super::{Body, Document, Section};
use crate::text::{self, Breaks};

impl Document<'_> {
    pub(super) fn neutralise(&mut self) {
        let h = &mut self.header;
        let b = &mut self.bottom_line;
        let mut all: Vec<&mut String> = h.facts.iter_mut().map(|(_, v)| v).collect();
        all.extend(h.rejected.iter_mut().chain(&mut h.notices));
        all.extend([&mut b.status].into_iter().chain(&mut b.actions));
        all.extend(b.more.iter_mut().chain(&mut b.checked));
        for w in self.warnings.titled(&mut all).into_iter().flatten() {
            all.extend([&mut w.message, &mut w.evidence, &mut w.explanation]);
            all.extend(&mut w.advice);
        }
        if let Some(t) = self.episodes.titled(&mut all) {
            all.extend(t.rows.iter_mut().flatten());
        }
        for section in [&mut self.associations]
            .into_iter()
            .chain(self.soreness.as_mut())
        {
            for g in section.titled(&mut all).into_iter().flatten() {
                all.push(&mut g.heading);
                all.extend(g.sentences.iter_mut().chain(&mut g.notes));
            }
        }
        for c in self.changes.titled(&mut all).into_iter().flatten() {
            all.extend([&mut c.name, &mut c.because, &mut c.alternatives]);
            all.extend(&mut c.risk_note);
        }
        if let Some(l) = self.load.titled(&mut all) {
            all.push(&mut l.recent);
            all.extend(l.table.rows.iter_mut().flatten());
        }
        if let Some(t) = self.habits.titled(&mut all) {
            all.extend(t.rows.iter_mut().flatten());
        }
        for s in all {
            if let Cow::Owned(shown) = text::visible(s, Breaks::Keep) {
                *s = shown;
            }
        }
    }
}

impl<T> Section<T> {
    /// Adds the title to the strings shown, and gives the content, if any, for its own.
    fn titled<'s>(&'s mut self, all: &mut Vec<&'s mut String>) -> Option<&'s mut T> {
        all.push(&mut self.title);
        match &mut self.body {
            Body::Content(content) => Some(content),
            Body::Empty(_) => None,
        }
    }
}
