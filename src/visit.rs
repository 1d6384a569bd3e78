//! Walks over every element of a model, for operations that touch them all.

use crate::model::*;

/// Clears spans, layout and "as written" punctuation everywhere (see [`Notice::without_source`]).
pub(crate) fn strip_source(n: &mut Notice) {
    n.source = SourceStyle::default();
    n.dialect = Dialect::default();
    for line in n.title.iter_mut().chain(n.unrecognized.iter_mut()) {
        strip_line(line);
    }
    for d in &mut n.diagnostics {
        d.span = Span::default();
    }
    for f in &mut n.meta.fields {
        f.span = Span::default();
        f.value_span = Span::default();
        f.before.clear();
        f.blank_before = 0;
        f.separator.clear();
        f.after.clear();
        f.blank_before = 0;
        f.key.retain(|c| !crate::parse::trivia::is_space(c));
    }
    let l = &mut n.letter;
    for line in l
        .addressee_line
        .iter_mut()
        .chain(&mut l.paragraphs)
        .chain(&mut l.attachments)
        .chain(&mut l.signatory)
        .chain(&mut l.signed_line)
    {
        strip_line(line);
    }
    for r in &mut l.requirements {
        r.span = Span::default();
        r.layout = Layout::default();
    }
    n.attachment
        .iter_mut()
        .chain(&mut n.more_attachments)
        .for_each(strip_attachment);
}

fn strip_attachment(a: &mut Attachment) {
    strip_line(&mut a.heading);
    a.title.iter_mut().for_each(strip_line);
    for s in &mut a.sections {
        s.span = Span::default();
        s.layout = Layout::default();
        if let Some(table) = s.table.as_mut() {
            table.span = Span::default();
            table.layout = Layout::default();
            strip_row(&mut table.row);
        }
        s.tasks.iter_mut().for_each(strip_task);
        for sub in &mut s.subsections {
            sub.span = Span::default();
            sub.layout = Layout::default();
            sub.tasks.iter_mut().for_each(strip_task);
        }
    }
}

fn strip_line(l: &mut TextLine) {
    l.span = Span::default();
    l.layout = Layout::default();
}

fn strip_task(t: &mut Task) {
    t.span = Span::default();
    t.text_span = Span::default();
    t.layout = Layout::default();
    for target in &mut t.targets {
        target.span = Span::default();
    }
    for i in &mut t.investments {
        i.span = Span::default();
    }
    if let Some(a) = t.attribution.as_mut() {
        a.span = Span::default();
        a.open = Default::default();
        a.close = Default::default();
        a.role_separator = Default::default();
        a.role_separators.clear();
        for r in &mut a.roles {
            r.span = Span::default();
            r.delimiter = Default::default();
            r.separators.clear();
            r.line = None;
            r.end = Default::default();
            r.written.clear();
        }
    }
    if let Some(row) = t.row.as_mut() {
        strip_row(row);
    }
}

fn strip_row(row: &mut Row) {
    row.after.clear();
    for cell in &mut row.cells {
        cell.span = Span::default();
        cell.before.clear();
        cell.layout = Layout::default();
    }
}
