//! Terminal tables: sized to the screen, wrapped, cut, and coloured only when wanted.
//!
//! comfy-table's own dynamic arrangement splits a narrow screen evenly, so a date breaks
//! in the middle and a long quote gets no more room than the `kind` column. Reports mix
//! a few long text columns (quote, title, caption, snippet) with many short ones (ids,
//! dates, counts, names, outlets), so the widths are planned here instead:
//!
//! 1. every column gets a floor: its whole width when its values are short single tokens
//!    (ids, dates, counts, up to [`TOKEN_CAP`]), else its header and longest word (up to
//!    [`WORD_CAP`]);
//! 2. the room left is shared max-min fairly, so short columns reach their natural width
//!    and the long text columns split what remains (on a screen too narrow for every
//!    floor, text columns give way first, down to [`TIGHT_TEXT`]);
//! 3. cells are word-wrapped to their width and cut after [`MAX_LINES`] lines with `…`,
//!    so one long quote does not fill the screen;
//! 4. when even that would break dates and ids, each row is printed as a record instead
//!    (`name │ value` lines), which any width can show.
//!
//! The table is then drawn by comfy-table from the pre-wrapped text. Without a width
//! (stdout is not a terminal and `COLUMNS` is unset) nothing is wrapped or cut, so a table
//! written to a file does not depend on the terminal it was run from.

use crate::archive::{Cell, Row};
use crate::report::format::sanitize;
use comfy_table::{
    presets::UTF8_FULL_CONDENSED, Attribute, Cell as TCell, CellAlignment, ContentArrangement,
    Table,
};
use std::ffi::OsStr;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lines a cell may take on a terminal before it is cut with `…`.
pub const MAX_LINES: usize = 3;
/// Lines a value may take in the record layout of narrow screens.
pub const RECORD_LINES: usize = 6;
/// A column of single tokens (ids, dates, counts) up to this wide is never broken; wider
/// ones (URLs) wrap like text.
pub const TOKEN_CAP: usize = 30;
/// Text columns keep at least their longest word, up to this width.
pub const WORD_CAP: usize = 16;
/// ... unless the screen is too narrow for that: then text columns go down to this.
pub const TIGHT_TEXT: usize = 8;
/// ... and on a very narrow one down to this before dates and ids are broken.
pub const SQUEEZED_TEXT: usize = 4;

/// `--color`: when tables are coloured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set
    #[default]
    Auto,
    /// Always, even in a pipe or with `NO_COLOR`
    Always,
    /// Never
    Never,
}

/// How a table is drawn: the width to fit (none: natural widths) and whether to colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableStyle {
    pub width: Option<usize>,
    pub color: bool,
}

/// Colour or not: `always` and `never` as told; `auto` only on a terminal and never when
/// `NO_COLOR` is set to a non-empty value (no-color.org; a command-line flag overrides it).
pub fn color_enabled(choice: ColorChoice, no_color: Option<&OsStr>, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && no_color.is_none_or(OsStr::is_empty),
    }
}

/// The width to fit: `COLUMNS` when set to a number (so scripts and tests can force one),
/// else the terminal's own width on a terminal, else none.
pub fn table_width(
    columns_env: Option<&str>,
    terminal: bool,
    terminal_size: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    if let Some(w) = columns_env.and_then(|c| c.trim().parse::<usize>().ok()) {
        if w > 0 {
            return Some(w);
        }
    }
    if terminal {
        return Some(terminal_size().unwrap_or(120));
    }
    None
}

/// The rows as a table, with a header, ending in a newline; on a screen too narrow for
/// the columns, one record per row instead.
pub fn render(columns: &[String], rows: &[Row], style: TableStyle) -> String {
    if rows.is_empty() {
        return "(no rows)\n".to_string();
    }
    let texts: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    let widths = match style.width {
        None => None,
        Some(w) => match plan(columns, &texts, w) {
            Some(widths) => Some(widths),
            None => return render_records(columns, &texts, w, style.color),
        },
    };
    render_columns(columns, rows, &texts, widths.as_deref(), style.color)
}

/// A table drawn by comfy-table from text wrapped to `widths` (unwrapped without).
fn render_columns(
    columns: &[String],
    rows: &[Row],
    texts: &[Vec<String>],
    widths: Option<&[usize]>,
    color: bool,
) -> String {
    let fit = |col: usize, s: &str| match widths {
        Some(ws) => wrap(s, ws[col], MAX_LINES).join("\n"),
        None => s.to_string(),
    };
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    if color {
        t.enforce_styling().style_text_only();
    }
    t.set_header(columns.iter().enumerate().map(|(i, c)| {
        let cell = TCell::new(fit(i, &sanitize(c)));
        if color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for (row, text) in rows.iter().zip(texts) {
        t.add_row(row.iter().zip(text).enumerate().map(|(i, (c, s))| {
            let mut cell = TCell::new(fit(i, s));
            if c.is_numeric() {
                cell = cell.set_alignment(CellAlignment::Right);
            }
            if color && is_secondary(&columns[i]) {
                cell = cell.add_attribute(Attribute::Dim);
            }
            cell
        }));
    }
    format!("{t}\n")
}

/// Rows as records, `name │ value` per line under a rule naming the row (as `psql \x`
/// does): what a screen too narrow for the columns can still show legibly.
fn render_records(columns: &[String], texts: &[Vec<String>], width: usize, color: bool) -> String {
    let names: Vec<String> = columns.iter().map(|c| sanitize(c)).collect();
    let name_w = names
        .iter()
        .map(|c| c.width())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let value_w = width.saturating_sub(name_w + 3).max(1);
    let (bold, dim, reset) = if color {
        ("\x1b[1m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut out = String::new();
    for (n, row) in texts.iter().enumerate() {
        let label = format!("─[ {} ]", n + 1);
        let rule = "─".repeat(width.saturating_sub(label.width()));
        out.push_str(&format!("{dim}{label}{rule}{reset}\n"));
        for (name, value) in names.iter().zip(row) {
            let name = wrap(name, name_w, 1).remove(0);
            let padding = " ".repeat(name_w.saturating_sub(name.width()));
            for (i, line) in wrap(value, value_w, RECORD_LINES).iter().enumerate() {
                if i == 0 {
                    out.push_str(&format!("{bold}{name}{reset}{padding} │ {line}\n"));
                } else {
                    out.push_str(&format!("{} │ {line}\n", " ".repeat(name_w)));
                }
            }
        }
    }
    out
}

/// A cell as it may appear on a terminal: control characters escaped, tabs as spaces.
fn cell_text(c: &Cell) -> String {
    sanitize(&c.display()).replace('\t', " ")
}

/// Id columns are there to be copied into other commands, not read: dimmed.
fn is_secondary(column: &str) -> bool {
    matches!(column, "id" | "article" | "rank") || column.ends_with("_id")
}

/// Widths of the table's columns so that the whole table fits `total` terminal columns;
/// none when only breaking dates and ids would make it fit.
pub fn plan(columns: &[String], texts: &[Vec<String>], total: usize) -> Option<Vec<usize>> {
    let n = columns.len();
    let natural: Vec<usize> = (0..n).map(|i| natural_width(columns, texts, i)).collect();
    // borders and padding of UTF8_FULL_CONDENSED: "│ a ┆ b │"
    let room = total.saturating_sub(3 * n + 1).max(n);
    if natural.iter().sum::<usize>() <= room {
        return Some(natural);
    }
    let floor: Vec<usize> = (0..n).map(|i| floor_width(columns, texts, i)).collect();
    let fixed = fixed(texts, &natural);
    let tight: Vec<usize> = (0..n).map(|i| tight_width(fixed[i], floor[i])).collect();
    if tight.iter().sum::<usize>() > room {
        return squeeze(&tight, &fixed, room);
    }
    // the first room goes to text columns up to their floor, the rest up to their width
    let (base, top) = if floor.iter().sum::<usize>() > room {
        (&tight, &floor)
    } else {
        (&floor, &natural)
    };
    let wants: Vec<usize> = top.iter().zip(base).map(|(t, b)| t - b).collect();
    let extra = fair_share(&wants, room - base.iter().sum::<usize>());
    Some(base.iter().zip(extra).map(|(b, e)| b + e).collect())
}

/// Columns that are never broken while text columns can still shrink.
fn fixed(texts: &[Vec<String>], natural: &[usize]) -> Vec<bool> {
    (0..natural.len())
        .map(|i| is_token_column(texts, i) && natural[i] <= TOKEN_CAP)
        .collect()
}

/// Widths on a screen too narrow even for the tight widths: fixed columns keep theirs
/// while the others can have [`SQUEEZED_TEXT`] each, else none.
fn squeeze(tight: &[usize], fixed: &[bool], room: usize) -> Option<Vec<usize>> {
    let fixed_sum: usize = (0..tight.len())
        .filter(|&i| fixed[i])
        .map(|i| tight[i])
        .sum();
    let text_cols = fixed.iter().filter(|f| !**f).count();
    if fixed_sum + SQUEEZED_TEXT * text_cols > room {
        return None;
    }
    let wants: Vec<usize> = (0..tight.len())
        .map(|i| if fixed[i] { 0 } else { tight[i] })
        .collect();
    let shares = fair_share(&wants, room - fixed_sum);
    Some(
        (0..tight.len())
            .map(|i| if fixed[i] { tight[i] } else { shares[i] })
            .collect(),
    )
}

/// On a crowded screen text columns give way first (they wrap well), down to
/// [`TIGHT_TEXT`]; short single-token columns keep their whole width.
fn tight_width(fixed: bool, floor: usize) -> usize {
    if fixed {
        floor
    } else {
        floor.min(TIGHT_TEXT)
    }
}

/// True when no value of the column has a space: ids, dates, counts, URLs, kinds.
fn is_token_column(texts: &[Vec<String>], col: usize) -> bool {
    texts.iter().all(|r| !r[col].contains(char::is_whitespace))
}

/// The widest line of a column, header included.
fn natural_width(columns: &[String], texts: &[Vec<String>], col: usize) -> usize {
    texts
        .iter()
        .flat_map(|r| r[col].lines())
        .chain(std::iter::once(columns[col].as_str()))
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// The narrowest a column should get when there is room for every column's floor.
fn floor_width(columns: &[String], texts: &[Vec<String>], col: usize) -> usize {
    let natural = natural_width(columns, texts, col);
    let header = columns[col].width();
    if is_token_column(texts, col) && natural <= TOKEN_CAP {
        return natural;
    }
    let longest_word = texts
        .iter()
        .flat_map(|r| r[col].split_whitespace())
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    header.max(longest_word.min(WORD_CAP)).min(natural)
}

/// Max-min fair shares of `total`: each gets what it wants, up to one common level, so
/// small wants are met in full and the big ones split the rest evenly.
pub fn fair_share(wants: &[usize], total: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..wants.len()).collect();
    order.sort_by_key(|&i| wants[i]);
    let mut given = vec![0; wants.len()];
    let mut left = total;
    for (k, &i) in order.iter().enumerate() {
        let level = left / (wants.len() - k);
        given[i] = wants[i].min(level);
        left -= given[i];
    }
    // what integer division left over goes to the widest wants still short of their mark
    for &i in order.iter().rev() {
        if left == 0 {
            break;
        }
        if given[i] < wants[i] {
            given[i] += 1;
            left -= 1;
        }
    }
    given
}

/// `text` word-wrapped to `width` columns, on at most `max_lines` lines, the last one
/// ending in `…` when text was cut. Line breaks in the text are kept; a word wider than
/// the column is broken where it must be.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, width, &mut lines);
        if lines.len() > max_lines {
            break;
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.pop().unwrap_or_default();
        lines.push(with_ellipsis(&last, width));
    }
    lines
}

/// Greedy word wrap of one line of text, appended to `lines`.
fn wrap_paragraph(text: &str, width: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        let (line_w, word_w) = (line.width(), word.width());
        if !line.is_empty() && line_w + 1 + word_w <= width {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_w <= width {
            line.push_str(word);
        } else {
            line = break_word(word, width, lines);
        }
    }
    lines.push(line);
}

/// Pieces of `width` columns of a too-long word pushed to `lines`; the rest returned.
fn break_word(word: &str, width: usize, lines: &mut Vec<String>) -> String {
    let mut piece = String::new();
    let mut piece_w = 0;
    for c in word.chars() {
        let w = c.width().unwrap_or(0);
        if piece_w + w > width && !piece.is_empty() {
            lines.push(std::mem::take(&mut piece));
            piece_w = 0;
        }
        piece.push(c);
        piece_w += w;
    }
    piece
}

/// `line` shortened to fit `width` columns with a trailing `…`.
fn with_ellipsis(line: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in line.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn fair_share_meets_small_wants_first() {
        assert_eq!(fair_share(&[2, 50, 5, 80], 40), vec![2, 16, 5, 17]);
        assert_eq!(fair_share(&[3, 4], 100), vec![3, 4]);
        assert_eq!(fair_share(&[10, 10, 10], 7), vec![2, 2, 3]);
    }

    #[test]
    fn wrap_keeps_words_and_cuts_with_an_ellipsis() {
        assert_eq!(wrap("one two three", 7, 3), vec!["one two", "three"]);
        assert_eq!(
            wrap("aaaa bbbb cccc dddd eeee", 4, 3),
            vec!["aaaa", "bbbb", "ccc…"]
        );
        assert_eq!(
            wrap("abcdefghij", 4, 5),
            vec!["abcd", "efgh", "ij"],
            "a long word is broken"
        );
        assert_eq!(wrap("a\nb", 10, 3), vec!["a", "b"]);
        assert_eq!(wrap("", 10, 3), vec![""]);
        assert_eq!(wrap("日本語の文", 4, 3), vec!["日本", "語の", "文"]);
    }

    #[test]
    fn short_columns_keep_their_width_and_long_text_shares_the_rest() {
        let columns = cols(&["id", "date", "quote", "kind"]);
        let quote = "word ".repeat(60);
        let texts = vec![vec![
            "12".to_string(),
            "2024-04-02T08:15:00+02:00".to_string(),
            quote.trim().to_string(),
            "direct".to_string(),
        ]];
        let w = plan(&columns, &texts, 80).unwrap();
        assert_eq!(w[0], 2);
        assert_eq!(w[1], 25, "dates are never broken");
        assert_eq!(w[3], 6);
        assert_eq!(w.iter().sum::<usize>() + 3 * 4 + 1, 80, "{w:?}");
    }

    #[test]
    fn every_line_fits_the_width() {
        let columns = cols(&["id", "title", "snippet", "outlet"]);
        let texts = [vec![
            "1".to_string(),
            "A headline of some length about a rail tunnel".to_string(),
            "x ".repeat(200),
            "The Coastline Courier".to_string(),
        ]];
        let rows: Vec<Row> = texts
            .iter()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect();
        for width in [40, 60, 100] {
            let style = TableStyle {
                width: Some(width),
                color: false,
            };
            let out = render(&columns, &rows, style);
            for line in out.lines() {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn a_screen_too_narrow_for_the_columns_gets_records() {
        let columns = cols(&["id", "date", "quote", "kind"]);
        let rows = vec![vec![
            Cell::Int(7),
            Cell::text("2024-04-02T08:15:00+02:00"),
            Cell::text("We lost water, not memory, and we will open again in spring"),
            Cell::text("direct"),
        ]];
        let style = TableStyle {
            width: Some(40),
            color: false,
        };
        assert_eq!(
            render(&columns, &rows, style),
            "─[ 1 ]──────────────────────────────────\n\
             id    │ 7\n\
             date  │ 2024-04-02T08:15:00+02:00\n\
             quote │ We lost water, not memory, and\n\
             \x20     │ we will open again in spring\n\
             kind  │ direct\n"
        );
    }

    #[test]
    fn colour_only_when_wanted() {
        use ColorChoice::*;
        let set = Some(OsStr::new("1"));
        assert!(color_enabled(Auto, None, true));
        assert!(!color_enabled(Auto, None, false));
        assert!(!color_enabled(Auto, set, true));
        assert!(color_enabled(Auto, Some(OsStr::new("")), true));
        assert!(color_enabled(Always, set, false));
        assert!(!color_enabled(Never, None, true));
    }

    #[test]
    fn width_from_columns_then_terminal() {
        assert_eq!(table_width(Some("80"), false, || None), Some(80));
        assert_eq!(table_width(Some("x"), true, || Some(90)), Some(90));
        assert_eq!(table_width(None, true, || None), Some(120));
        assert_eq!(table_width(None, false, || Some(90)), None);
    }
}
