//! The second layer of `morgue sql`'s read-only promise: a check of the statement text.
//!
//! The first layer is the connection itself (opened read-only, `PRAGMA query_only`), the
//! third is SQLite's own verdict (`sqlite3_stmt_readonly`). This layer gives the clear
//! message: one statement, a query (SELECT, WITH ... SELECT, VALUES, EXPLAIN, or a
//! PRAGMA that only reads), and nothing that attaches files or loads extensions.

/// Words that make a statement write, change the schema or reach outside the archive.
const FORBIDDEN: &[&str] = &[
    "INSERT",
    "UPDATE",
    "DELETE",
    "REPLACE",
    "UPSERT",
    "CREATE",
    "DROP",
    "ALTER",
    "ATTACH",
    "DETACH",
    "VACUUM",
    "REINDEX",
    "ANALYZE",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT",
    "RELEASE",
];

/// Split SQL into upper-cased words and single punctuation, skipping strings, quoted
/// identifiers and comments. Returns `None` when a string or comment never ends.
fn tokens(sql: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && chars.get(i + 1) == Some(&'-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            loop {
                if i + 1 >= chars.len() {
                    return None;
                }
                if chars[i] == '*' && chars[i + 1] == '/' {
                    i += 2;
                    break;
                }
                i += 1;
            }
        } else if c == '\'' || c == '"' || c == '`' || c == '[' {
            let close = if c == '[' { ']' } else { c };
            i += 1;
            loop {
                if i >= chars.len() {
                    return None;
                }
                if chars[i] == close {
                    if close != ']' && chars.get(i + 1) == Some(&close) {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
            out.push(if c == '\'' {
                "'str'".into()
            } else {
                "\"ident\"".into()
            });
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$')
            {
                i += 1;
            }
            out.push(chars[start..i].iter().collect::<String>().to_uppercase());
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    Some(out)
}

/// Refuse anything but one read-only query, saying why.
pub fn check_read_only(sql: &str) -> Result<(), String> {
    let toks = tokens(sql).ok_or_else(|| {
        "the query has a string, identifier or comment that never ends".to_string()
    })?;
    let mut toks: &[String] = &toks;
    while toks.last().is_some_and(|t| t == ";") {
        toks = &toks[..toks.len() - 1];
    }
    let Some(first) = toks.first() else {
        return Err("the query is empty".into());
    };
    if toks.iter().any(|t| t == ";") {
        return Err("only one statement is allowed (found a `;` between statements)".into());
    }
    // (`replace(x, 'a', 'b')` is the string function, not the REPLACE statement)
    let forbidden = toks.iter().enumerate().find(|&(i, t)| {
        FORBIDDEN.contains(&t.as_str())
            && !(t == "REPLACE" && toks.get(i + 1).is_some_and(|n| n == "("))
    });
    if let Some((_, w)) = forbidden {
        return Err(format!(
            "`sql` only reads the archive: {w} is not allowed (use SELECT, WITH ... SELECT or EXPLAIN)"
        ));
    }
    if toks.iter().any(|t| t == "LOAD_EXTENSION") {
        return Err("`sql` does not load extensions".into());
    }
    match first.as_str() {
        "SELECT" | "WITH" | "VALUES" | "EXPLAIN" => Ok(()),
        "PRAGMA" if !toks.iter().any(|t| t == "=") => Ok(()),
        "PRAGMA" => Err("`sql` only reads the archive: a PRAGMA that sets a value is not allowed".into()),
        other => Err(format!("`sql` only runs queries: a statement starting with {other} is not allowed (use SELECT, WITH ... SELECT or EXPLAIN)")),
    }
}

#[cfg(test)]
mod tests {
    use super::check_read_only as ok;

    #[test]
    fn queries_pass() {
        assert!(ok("SELECT 1").is_ok());
        assert!(ok("  with x as (select 1) select * from x;  ").is_ok());
        assert!(ok("EXPLAIN QUERY PLAN SELECT * FROM quotes").is_ok());
        assert!(ok("SELECT 'DELETE; DROP' AS s -- insert\n").is_ok());
        assert!(ok("PRAGMA table_info(quotes)").is_ok());
        assert!(ok("SELECT replace(name, 'a', 'b') FROM people").is_ok());
    }

    #[test]
    fn writes_and_tricks_are_refused() {
        for q in [
            "DELETE FROM quotes",
            "WITH x AS (SELECT 1) DELETE FROM quotes",
            "SELECT 1; DROP TABLE quotes",
            "ATTACH 'x.db' AS y",
            "PRAGMA journal_mode = DELETE",
            "SELECT load_extension('x')",
            "",
            "SELECT 'unterminated",
            "/* open comment",
            "insert into people values (1)",
            "REPLACE INTO people VALUES (1, 'a', 'a', '')",
            "INSERT OR REPLACE INTO people VALUES (1, 'a', 'a', '')",
        ] {
            assert!(ok(q).is_err(), "{q}");
        }
    }
}
