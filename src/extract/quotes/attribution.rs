//! Attribution cues: the speech verb and speaker phrase around one quote.
//!
//! Real news puts the cue right after the closing mark (`"…," X said`, `"…," said X`,
//! with adverbs and appositives between) or before the opening mark in the same sentence
//! (`X said: "…"`, `X said that … "…"`), or uses "according to X" or a colon. Each rule
//! reads only the words between this quote and its neighbours, cut at sentence ends, so
//! the whole pass stays linear in the length of the paragraph.

use super::phrases::{combine_appositive, Phrase, PhraseKind, Text};
use super::tokens::Kind;
use super::words::{lex, words};

/// How far after a closing mark a speech verb may stand (appositives can be long).
const AFTER_REACH: usize = 40;
/// How many speech verbs before a quote are tried as its cue.
const MAX_VERBS: usize = 4;
/// How far before an opening mark its cue may stand.
const BEFORE_REACH: usize = 80;
/// How far back from a verb an appositive's opening comma may stand.
const APPOSITIVE_REACH: usize = 30;

/// Possessive words and determiners that turn a verb form into a noun ("his remarks").
const NOUN_MAKERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those",
];

/// A cue found for a quote.
#[derive(Debug, Clone)]
pub struct Cue {
    pub phrase: Phrase,
    pub verb: String,
    pub rule: &'static str,
    pub confidence: f32,
}

/// A speech verb at token `i`: lower case, listed, and not used as a noun.
fn is_verb(text: &Text<'_>, i: usize) -> bool {
    let Some(t) = text.toks.get(i) else {
        return false;
    };
    if !t.is_word() || t.cap || t.lex() & lex::VERB == 0 {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|p| text.toks.get(p));
    !prev.is_some_and(|p| p.is_word() && (NOUN_MAKERS.contains(&p.key()) || p.possessive))
}

/// How many tokens "according to" takes at `i`, in the languages wire copy comes in:
/// "according to", "selon" (French), "según" (Spanish), "laut" (German).
fn according_to(text: &Text<'_>, i: usize) -> Option<usize> {
    let key = |k: usize| text.toks.get(k).map(|t| t.key());
    match key(i)? {
        "according" => (key(i + 1) == Some("to")).then_some(2),
        "selon" | "según" | "segun" | "laut" => Some(1),
        _ => None,
    }
}

/// An auxiliary before a participle that attributes a quote after it: the "a" of
/// "…», a déclaré Ana Ruiz", the "ha" of "…», ha dicho Ana Ruiz" (the participle is
/// checked alone: after "a" an English reading would take it for a noun).
fn is_auxiliary(text: &Text<'_>, i: usize) -> bool {
    let participle = text
        .toks
        .get(i + 1)
        .is_some_and(|t| t.is_word() && !t.cap && words().inverting.contains(t.key()));
    participle
        && text.toks.get(i).is_some_and(|t| {
            !t.cap && matches!(t.key(), "a" | "ont" | "avait" | "ha" | "han" | "había")
        })
}

/// Skip punctuation and dashes at the start of a context.
fn skip_lead(text: &Text<'_>, mut i: usize, hi: usize) -> usize {
    while i < hi && matches!(text.toks[i].kind, Kind::Punct(',' | '—' | '–' | '-' | ':')) {
        i += 1;
    }
    i
}

/// The subject of the speech verb at `v`, reading back no further than `lo`:
/// "Stoltenberg said", "he later added", "Grassley, Republican of Iowa, said".
pub fn subject_before(text: &Text<'_>, lo: usize, v: usize) -> Option<Phrase> {
    let mut e = v;
    while e > lo {
        let t = &text.toks[e - 1];
        let adverb = t.is_word() && !t.cap && t.key().ends_with("ly") && t.key().len() > 4;
        if t.is_word() && (t.lex() & lex::FILLER != 0 || adverb) && t.lex() & lex::PRONOUN == 0 {
            e -= 1;
        } else {
            break;
        }
    }
    if e > lo && text.is_punct(e - 1, ',') {
        // "Goldberg, editor of The Forward, a weekly, wrote": the head is the first name
        // before one of the commas, the rest its appositive
        let comma = e - 1;
        let commas: Vec<usize> = (lo..comma)
            .rev()
            .take(APPOSITIVE_REACH)
            .take_while(|&k| !text.toks[k].ends_sentence())
            .filter(|&k| text.is_punct(k, ','))
            .take(3)
            .collect();
        let mut fallback = None;
        for &first in &commas {
            let app = text.parse_exact(first + 1, comma);
            let Some(head) = text
                .parse_backward(lo, first)
                .map(|h| extend_of(text, lo, h))
            else {
                continue;
            };
            let mut head = head;
            if let Some(app) = app {
                // "In Ohio, after the primary, Gov. Ana Ruiz (D-OH), said": the name
                // between commas is the subject when what precedes it is no clause start
                let sure = app.evidence || app.name.as_deref().is_some_and(|n| n.contains(' '));
                if app.kind == PhraseKind::Name
                    && sure
                    && head.kind != PhraseKind::Name
                    && !at_clause_start(text, lo, &head)
                {
                    return Some(app);
                }
                combine_appositive(text, &mut head, &app);
            } else if head.kind == PhraseKind::Name && head.role.is_none() && comma - first <= 16 {
                head.role = Some(text.slice(first + 1, comma));
            }
            if head.kind == PhraseKind::Name {
                return Some(head);
            }
            fallback = fallback.or(Some(head));
        }
        return fallback;
    }
    let p = text.parse_backward(lo, e)?;
    Some(extend_of(text, lo, p))
}

/// "Mr. Morgan of the Sierra Club said": the speaker is the phrase before "of".
fn extend_of(text: &Text<'_>, lo: usize, p: Phrase) -> Phrase {
    let mut at = p.start;
    if at > lo && text.toks[at - 1].key() == "the" {
        at -= 1;
    }
    if at < lo + 2
        || !matches!(
            text.toks[at - 1].key(),
            "of" | "at" | "from" | "for" | "with"
        )
    {
        return p;
    }
    match text.parse_backward(lo, at - 1) {
        Some(mut head) if matches!(head.kind, PhraseKind::Name | PhraseKind::Role(_)) => {
            if head.kind == PhraseKind::Name && head.role.is_none() {
                head.role = Some(text.slice(at - 1, p.end));
            }
            head.end = p.end;
            head
        }
        _ => p,
    }
}

/// A cue after the closing mark: tokens `lo..hi` up to the end of the sentence.
pub fn after(text: &Text<'_>, lo: usize, hi: usize) -> Option<Cue> {
    let i = skip_lead(text, lo, hi);
    if i >= hi {
        return None;
    }
    if let Some(n) = according_to(text, i) {
        let phrase = text.parse_forward(i + n, hi)?;
        return Some(cue(phrase, "according to", "after-according-to", 0.85));
    }
    if is_auxiliary(text, i) {
        let phrase = text.parse_forward(i + 2, hi)?;
        return Some(cue(phrase, text.toks[i + 1].key(), "after-verb-name", 0.9));
    }
    let i = if text.toks[i].key() == "as" && !text.toks[i].cap {
        i + 1
    } else {
        i
    };
    if is_verb(text, i) {
        if !words().inverting.contains(text.toks[i].key()) {
            return None;
        }
        let phrase = text.parse_forward(i + 1, hi)?;
        return Some(cue(phrase, text.toks[i].key(), "after-verb-name", 0.9));
    }
    let reach = hi.min(i + AFTER_REACH);
    let Some(v) = (i..reach).find(|&k| is_verb(text, k)) else {
        return unlisted_verb(text, i, hi);
    };
    if let Some(p) = leading_name(text, i, v) {
        return Some(cue(p, text.toks[v].key(), "after-name-verb", 0.9));
    }
    let inverted = || {
        // "…" aside from the rest, said the bureau's director
        let ok =
            v > i && text.is_punct(v - 1, ',') && words().inverting.contains(text.toks[v].key());
        ok.then(|| text.parse_forward(v + 1, hi))
            .flatten()
            .map(|p| cue(p, text.toks[v].key(), "after-verb-name", 0.75))
    };
    let Some(phrase) = subject_before(text, i, v) else {
        return inverted();
    };
    // the subject must open the context or follow a comma: "…," Smith said / "…" in Ohio,
    // Smith said; a titled name may follow a few words ("…," Fight for Jobs director Ana Ruiz said)
    let starts_right = phrase.start == i
        || (phrase.start > i && text.is_punct(phrase.start - 1, ','))
        || (phrase.kind == PhraseKind::Name
            && phrase.start - i <= 6
            && !(i..phrase.start).any(|k| !text.toks[k].is_word() || is_verb(text, k)));
    if !starts_right {
        return inverted();
    }
    Some(cue(phrase, text.toks[v].key(), "after-name-verb", 0.9))
}

/// "…," Ana Ruiz, now 81 and retired in Leeds, Yorks., said: a name opening the context,
/// then a comma, an appositive of any shape and a comma right before the verb `v`. The
/// name is the subject, the appositive its role.
fn leading_name(text: &Text<'_>, i: usize, v: usize) -> Option<Phrase> {
    let mut e = v;
    while e > i && text.toks[e - 1].is_word() && text.toks[e - 1].lex() & lex::FILLER != 0 {
        e -= 1;
    }
    if !(text.toks[i].is_word() && text.toks[i].cap) || e <= i + 2 {
        return None;
    }
    let z = text.run_forward(i, e);
    if z + 1 >= e || !text.is_punct(z, ',') {
        return None;
    }
    // the appositive ends in a comma, or holds a relative clause running up to the verb:
    // "Ana Ruiz, the analyst who ran the poll, said" / "…who ran the poll tweeted"
    let closed = text.is_punct(e - 1, ',');
    let relative = (z + 1..e).any(|k| text.toks[k].key() == "who" && !text.toks[k].cap);
    if !(closed || relative) {
        return None;
    }
    let e = if closed { e } else { e + 1 };
    // the appositive is no clause of its own: no speech verb, no sentence end, no quote
    if (z + 1..e - 1).any(|k| {
        is_verb(text, k) || text.toks[k].ends_sentence() || text.toks[k].kind == Kind::Mark
    }) {
        return None;
    }
    let mut p = text.parse_exact(i, z)?;
    if p.kind != PhraseKind::Name
        || !(p.evidence || p.name.as_deref().is_some_and(|n| n.contains(' ')))
    {
        return None;
    }
    if p.role.is_none() {
        p.role = Some(text.slice(z + 1, e - 1));
    }
    p.end = e - 1;
    Some(p)
}

/// A cue with a verb the lexicon lacks, in the tight shapes only news uses for speech:
/// "…," beamed Ana Ruiz / "…," Ruiz barked.
fn unlisted_verb(text: &Text<'_>, i: usize, hi: usize) -> Option<Cue> {
    let verbish = |k: usize| {
        text.toks.get(k).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && t.key().len() > 3
                && t.key().ends_with("ed")
                && t.lex() & lex::FUNCTION == 0
        })
    };
    if verbish(i) && text.toks.get(i + 1).is_some_and(|t| t.cap) {
        let p = text
            .parse_forward(i + 1, hi)
            .filter(|p| p.kind == PhraseKind::Name)?;
        return Some(cue(p, text.toks[i].key(), "after-verb-name", 0.6));
    }
    let p = text
        .parse_forward(i, hi)
        .filter(|p| matches!(p.kind, PhraseKind::Name | PhraseKind::Pronoun(_)))?;
    let ends = |k: usize| k >= hi || text.toks.get(k).is_some_and(|t| !t.is_word());
    if verbish(p.end)
        && (ends(p.end + 1)
            || text
                .toks
                .get(p.end + 1)
                .is_some_and(|t| matches!(t.key(), "back" | "out" | "up")))
    {
        return Some(cue(
            p.clone(),
            text.toks[p.end].key(),
            "after-name-verb",
            0.6,
        ));
    }
    None
}

/// Whether the cue after a quote is tight: the verb comes within a few words and the
/// sentence ends soon after it ("…." Ortiz said.). Used when the quote ended a sentence.
pub fn is_tight(text: &Text<'_>, lo: usize, hi: usize) -> bool {
    let i = skip_lead(text, lo, hi);
    let Some(v) = (i..hi.min(i + 8)).find(|&k| is_verb(text, k)) else {
        return false;
    };
    hi <= v + 4
}

/// Words that may stand right before a clause's subject.
const CLAUSE_OPENERS: &[&str] = &[
    "that",
    "and",
    "but",
    "as",
    "while",
    "when",
    "because",
    "after",
    "before",
    "since",
    "so",
    "then",
    "who",
    "where",
    "if",
    "although",
    "though",
    "also",
    "which",
    "yet",
    "now",
    "later",
    "earlier",
    "meanwhile",
    "however",
    "instead",
    "still",
    "once",
    "whereas",
    "until",
    "what",
    "whom",
    "whose",
];

/// The subject phrase stands at a clause start: sentence start, punctuation, a conjunction.
fn at_clause_start(text: &Text<'_>, lo: usize, p: &Phrase) -> bool {
    if p.start <= lo {
        return true;
    }
    let prev = &text.toks[p.start - 1];
    if !prev.is_word() {
        return true;
    }
    CLAUSE_OPENERS.contains(&prev.key())
        || prev.lex() & lex::FILLER != 0
        || (prev.cap && prev.lex() & lex::NOT_PEOPLE != 0)
}

/// Verbs that name something rather than quote it: their subject must be a person.
const NAMING_VERBS: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "dub",
    "dubbed",
    "label",
    "labeled",
    "labelled",
    "describe",
    "describes",
    "described",
    "describing",
];

/// A cue before the opening mark: tokens `lo..hi`, from the start of the sentence or the
/// previous quote; `sent_lo` is the start of the sentence across earlier quotes, where a
/// participle's subject is ("Ruiz called it “x” and added “y”"). `quoted` are the
/// character ranges inside quotes (sorted): a verb there is the quote's, not a cue
/// (“If he thinks so,” the narrator asks, “…”).
pub fn before(
    text: &Text<'_>,
    lo: usize,
    hi: usize,
    sent_lo: usize,
    quoted: &[(usize, usize)],
) -> Option<Cue> {
    let inside = |k: usize| {
        let pos = text.toks[k].start;
        let i = quoted.partition_point(|r| r.0 <= pos);
        i > 0 && pos < quoted[i - 1].1
    };
    // the cue is near the quote: a bounded look back keeps long run-on text linear
    let lo = lo.max(hi.saturating_sub(BEFORE_REACH));
    let sent_lo = sent_lo.max(hi.saturating_sub(BEFORE_REACH));
    let mut tried = 0;
    for v in (lo..hi).rev() {
        if tried >= MAX_VERBS {
            break;
        }
        if let Some(n) = according_to(text, v) {
            if let Some(p) = text.parse_forward(v + n, hi) {
                return Some(cue(p, "according to", "before-according-to", 0.85));
            }
            continue;
        }
        if !is_verb(text, v) || inside(v) {
            continue;
        }
        tried += 1;
        let verb = text.toks[v].key().to_string();
        if let Some(p) = before_subject(text, lo, v, sent_lo) {
            let naming = NAMING_VERBS.contains(&verb.as_str());
            let named = matches!(p.kind, PhraseKind::Name | PhraseKind::Pronoun(_));
            let personal = named
                || matches!(&p.kind, PhraseKind::Role(k) if k.split(' ').any(|w| words().roles.contains(w)));
            if !naming || personal {
                let found = cue(p, &verb, "before-name-verb", 0.85);
                if named {
                    return Some(found);
                }
                // a thing as subject ("the protests demand …"): an earlier verb with a
                // named subject in the same sentence speaks for the quote
                let earlier = (lo..v)
                    .rev()
                    .filter(|&u| is_verb(text, u) && !inside(u))
                    .take(MAX_VERBS)
                    .find_map(|u| {
                        before_subject(text, lo, u, sent_lo)
                            .filter(|q| matches!(q.kind, PhraseKind::Name | PhraseKind::Pronoun(_)))
                            .map(|q| cue(q, text.toks[u].key(), "before-name-verb", 0.8))
                    });
                return Some(earlier.unwrap_or(found));
            }
        }
        // sentence-initial verb: "Said Ortiz: …"
        if v == lo {
            if let Some(p) = text.parse_forward(v + 1, hi) {
                return Some(cue(p, &verb, "before-verb-name", 0.8));
            }
        }
    }
    // "Ortiz: “…”", "Ortiz gloated: “…”", "Ana Ruiz, The Daily Example: “…”"
    if hi > lo && text.is_punct(hi - 1, ':') {
        if let Some(c) = colon_cue(text, lo, hi - 1) {
            return Some(c);
        }
    }
    // "Smith’s claim that “…”", "his words: “…”"
    for n in (lo..hi).rev() {
        let t = &text.toks[n];
        if t.is_word() && !t.cap && words().cue_nouns.contains(t.key()) && n > lo {
            let o = &text.toks[n - 1];
            if o.possessive
                && (o.cap
                    || words().roles.contains(o.key())
                    || words().titles.contains_key(o.key()))
            {
                if let Some(p) = text.parse_backward(lo, n) {
                    if matches!(p.kind, PhraseKind::Name | PhraseKind::Role(_)) {
                        return Some(cue(p, t.key(), "possessive-cue", 0.6));
                    }
                }
            }
        }
    }
    None
}

/// The speaker of verb `v` in a before-context: its own subject, the sentence subject for
/// a participle or a second verb ("…, saying", "and added"), the antecedent of "who".
fn before_subject(text: &Text<'_>, lo: usize, v: usize, sent_lo: usize) -> Option<Phrase> {
    let key = text.toks[v].key();
    let prev_key = v
        .checked_sub(1)
        .filter(|&p| p >= lo)
        .map(|p| text.toks[p].key());
    let participle = key.ends_with("ing");
    let compound = matches!(prev_key, Some("and" | "but"));
    if participle {
        // "with Sen. Ana Ruiz calling it “…”": a name right before the participle
        // "– Ryan saying …", "and Trump calling it …": a name opening the clause
        if let Some(p) = text.parse_backward(lo, v) {
            let by = p.start == lo
                || !text.toks[p.start - 1].is_word()
                || matches!(
                    text.toks[p.start - 1].key(),
                    "with" | "as" | "and" | "while"
                );
            if p.kind == PhraseKind::Name && by {
                return Some(p);
            }
        }
    }
    if participle || compound {
        return sentence_subject(text, sent_lo.min(lo), v);
    }
    let p = subject_before(text, lo, v)?;
    if !at_clause_start(text, lo, &p) {
        return None;
    }
    resolve_relative(text, lo, p)
}

/// "…, said Blinken, who assured that “…”": a relative pronoun stands for the phrase
/// before its comma.
fn resolve_relative(text: &Text<'_>, lo: usize, p: Phrase) -> Option<Phrase> {
    match p.kind {
        PhraseKind::Pronoun(info) if info.relative => {
            let s = p.start;
            if s > lo && text.is_punct(s - 1, ',') {
                return text
                    .parse_backward(lo, s - 1)
                    .filter(|a| matches!(a.kind, PhraseKind::Name | PhraseKind::Role(_)));
            }
            None
        }
        _ => Some(p),
    }
}

/// The subject of the sentence `lo..v`: an earlier speech verb's subject, else the first
/// phrase of the sentence (after an opening clause ending in a comma).
fn sentence_subject(text: &Text<'_>, lo: usize, v: usize) -> Option<Phrase> {
    if let Some(u) = (lo..v)
        .rev()
        .find(|&k| is_verb(text, k) && !text.toks[k].key().ends_with("ing"))
    {
        if let Some(p) = subject_before(text, lo, u).and_then(|p| resolve_relative(text, lo, p)) {
            if !matches!(p.kind, PhraseKind::Pronoun(i) if i.relative) {
                return Some(p);
            }
        }
    }
    // the subject opens the sentence or follows an opening phrase and its comma
    let mut start = skip_lead(text, lo, v);
    // "But Ruiz quickly replied: …": a conjunction opening the sentence is no intro phrase
    if start + 1 < v && matches!(text.toks[start].key(), "but" | "and" | "so" | "yet") {
        start += 1;
    }
    let mut starts = vec![start];
    starts.extend(
        (start..v)
            .filter(|&k| text.is_punct(k, ','))
            .take(4)
            .map(|k| k + 1),
    );
    let mut fallback = None;
    for (n, s) in starts.into_iter().enumerate() {
        if s >= v || (n == 0 && intro_word(text, s)) {
            continue;
        }
        let Some(p) = text.parse_forward(s, v) else {
            continue;
        };
        if matches!(p.kind, PhraseKind::Pronoun(i) if i.relative) {
            continue;
        }
        let verb_follows = text.toks.get(p.end).is_some_and(|t| t.is_word() && !t.cap);
        let good = match &p.kind {
            PhraseKind::Name | PhraseKind::Pronoun(_) => true,
            PhraseKind::Role(_) => p.definite,
            PhraseKind::Thing => false,
        };
        if good && verb_follows {
            return Some(p);
        }
        let rank = |q: &Phrase| usize::from(!matches!(q.kind, PhraseKind::Thing));
        if fallback
            .as_ref()
            .is_none_or(|f: &Phrase| rank(&p) > rank(f))
        {
            fallback = Some(p);
        }
    }
    fallback
}

/// A sentence-opening word that starts an introductory phrase, not the subject:
/// "Following the vote, …", "Shortly after, …", "In Ohio, …".
pub fn intro_word(text: &Text<'_>, i: usize) -> bool {
    let t = &text.toks[i];
    let next_lower = text.toks.get(i + 1).is_some_and(|n| !n.cap || !n.is_word());
    let determiner = t.lex() & lex::DETERMINER != 0;
    (t.cap && (t.key().ends_with("ly") || t.key().ends_with("ing")) && next_lower)
        || t.lex() & lex::FUNCTION != 0 && t.lex() & lex::PRONOUN == 0 && !determiner
}

/// A speaker before a colon, with at most one unlisted verb between ("Ortiz gloated:") or
/// an outlet after a comma ("Ana Ruiz, The Daily Example:").
fn colon_cue(text: &Text<'_>, lo: usize, colon: usize) -> Option<Cue> {
    let mut end = colon;
    let mut verb = ":".to_string();
    if end > lo {
        let t = &text.toks[end - 1];
        if t.is_word()
            && !t.cap
            && (t.key().ends_with("ed") || t.key().ends_with("s"))
            && !words().roles.contains(t.key())
        {
            verb = t.key().to_string();
            end -= 1;
        }
    }
    let p = extend_of(text, lo, text.parse_backward(lo, end)?);
    let boundary = p.start == lo || !text.toks[p.start - 1].is_word();
    if matches!(p.kind, PhraseKind::Name | PhraseKind::Pronoun(_)) && boundary {
        return Some(cue(p, &verb, "colon", 0.7));
    }
    // "Name, Outlet:"
    if p.start > lo + 1 && text.is_punct(p.start - 1, ',') {
        let name = text.parse_backward(lo, p.start - 1)?;
        let boundary = name.start == lo || !text.toks[name.start - 1].is_word();
        if name.kind == PhraseKind::Name && boundary {
            return Some(cue(name, &verb, "colon", 0.65));
        }
    }
    None
}

/// The last resort for a quote inside a sentence with no speech verb ("Cruz blamed the
/// law on “…”"): the sentence's subject, when it is a person or a role.
/// With `broad`, any subject will do (a thing, a plural): the best guess for a quote that
/// has no cue at all.
pub fn sentence_subject_cue(
    text: &Text<'_>,
    sent_lo: usize,
    hi: usize,
    broad: bool,
) -> Option<Cue> {
    let mut start = skip_lead(text, sent_lo, hi);
    if start >= hi || text.toks[start].kind == Kind::Mark {
        return None;
    }
    // "According to his doctor, the senator had “…” results": the source, not the subject
    if let Some((a, n)) = (start..hi).find_map(|k| according_to(text, k).map(|n| (k, n))) {
        if let Some(p) = text.parse_forward(a + n, hi) {
            return Some(cue(p, "according to", "according-to-sentence", 0.6));
        }
    }
    // a sentence-initial adverb is no name: "Shortly after, Ruiz sent a note saying “…”"
    let t = &text.toks[start];
    if t.cap
        && t.key().ends_with("ly")
        && text
            .toks
            .get(start + 1)
            .is_some_and(|n| !n.cap || !n.is_word())
    {
        start += 1;
    }
    // a headline or lead-in colon: "Ortiz: Port Will Close, ‘We Have No Choice’"
    if let Some(colon) = (start..hi.min(start + 8)).find(|&k| text.is_punct(k, ':')) {
        if let Some(c) = colon_cue(text, start, colon) {
            return Some(c);
        }
    }
    let p = sentence_subject(text, start, hi)?;
    // a person for sure: a full or titled name, he or she, a role noun
    let personal = match &p.kind {
        PhraseKind::Name => true,
        PhraseKind::Pronoun(info) => info.gender.is_some(),
        PhraseKind::Role(k) => k.split(' ').any(|w| words().roles.contains(w)),
        PhraseKind::Thing => false,
    };
    if !(personal || broad && !matches!(p.kind, PhraseKind::Pronoun(i) if i.relative))
        || p.end >= hi
    {
        return None;
    }
    // the subject's verb follows it directly
    let v = p.end;
    let next = &text.toks[v];
    if !(next.is_word() && !next.cap || next.is_punct(',')) {
        return None;
    }
    let verb = if next.is_word() {
        next.key().to_string()
    } else {
        String::new()
    };
    let rule = if personal {
        "sentence-subject"
    } else {
        "sentence-subject-weak"
    };
    Some(cue(p, &verb, rule, if personal { 0.45 } else { 0.3 }))
}

/// A cue closing the sentence after a comma, further than a tight cue stands: "Ruiz was
/// “deeply troubled” by the vote in Leeds on Monday, the statement says." (tokens
/// `lo..hi` after the closing mark, to the sentence end).
pub fn final_clause(text: &Text<'_>, lo: usize, hi: usize) -> Option<Cue> {
    // the speaker may carry an appositive: ", said the port's director, Ana Ruiz, on Monday"
    let commas = (lo..hi)
        .rev()
        .take_while(|&k| hi - k <= 16)
        .filter(|&k| text.is_punct(k, ','))
        .take(3);
    for comma in commas {
        if (lo..comma).any(|k| text.toks[k].kind == Kind::Mark) {
            return None;
        }
        let Some(c) = after(text, comma, hi) else {
            continue;
        };
        let Some(v) =
            (comma + 1..hi).find(|&k| text.toks[k].is_word() && text.toks[k].key() == c.verb)
        else {
            continue;
        };
        // nothing but the speaker and a few words of time or place after the verb
        if hi <= v.max(c.phrase.end) + 4 {
            return Some(cue(c.phrase, &c.verb, "sentence-final-cue", 0.6));
        }
    }
    None
}

/// Verbs of a medium passing on what someone said: "…," Ruiz said, the Gazette reported.
const REPORTING_VERBS: &[&str] = &["reported", "reports"];

/// The source a whole attribution is passed on from, written after it in the same
/// sentence (tokens `lo..hi`, no quote mark between): "…," Ruiz said, according to the
/// Gazette / "…," Ruiz said, the Gazette reported / reports the Gazette. News corpora
/// credit such a quote to the outer source: the speaker's words are the medium's report.
pub fn outer_source(text: &Text<'_>, lo: usize, hi: usize) -> Option<Cue> {
    let hi = (lo..hi)
        .find(|&k| text.toks[k].kind == Kind::Mark)
        .unwrap_or(hi);
    // the last clause, after a comma or right after the closing mark
    let i = (lo..hi)
        .rev()
        .find(|&k| text.is_punct(k, ','))
        .map_or(lo, |k| k + 1);
    if let Some(n) = according_to(text, i) {
        let p = text.parse_forward(i + n, hi)?;
        // the phrase runs to the sentence end: "…, according to the Gazette."
        return (p.end >= hi).then(|| cue(p, "according to", "according-to-source", 0.75));
    }
    let reporting = |k: usize| {
        text.toks
            .get(k)
            .is_some_and(|t| t.is_word() && !t.cap && REPORTING_VERBS.contains(&t.key()))
    };
    // ", reports the Gazette."
    if reporting(i) {
        let p = text.parse_forward(i + 1, hi)?;
        let thing = matches!(p.kind, PhraseKind::Thing | PhraseKind::Name);
        return (thing && p.end >= hi)
            .then(|| cue(p, text.toks[i].key(), "according-to-source", 0.7));
    }
    // ", the Gazette reported."
    let mut e = hi;
    while e > i && text.toks[e - 1].is_word() && text.toks[e - 1].lex() & lex::FILLER != 0 {
        e -= 1;
    }
    if e > i + 1 && reporting(e - 1) {
        let p = text.parse_exact(i, e - 1)?;
        if matches!(p.kind, PhraseKind::Thing | PhraseKind::Name) {
            return Some(cue(p, text.toks[e - 1].key(), "according-to-source", 0.7));
        }
    }
    None
}

/// "According to the Gazette, Ruiz said …": the source opening the sentence `lo..hi`.
pub fn opening_source(text: &Text<'_>, lo: usize, hi: usize) -> Option<Cue> {
    let i = skip_lead(text, lo, hi);
    let n = according_to(text, i)?;
    let comma = (i + n..hi.min(i + 14)).find(|&k| text.is_punct(k, ','))?;
    let p = text.parse_exact(i + n, comma)?;
    Some(cue(p, "according to", "according-to-source", 0.7))
}

/// The subject right after a quote that sits in an opening phrase: "Calling her “the
/// right partner,” Mrs. Ruiz praised …".
pub fn subject_after(text: &Text<'_>, lo: usize, hi: usize) -> Option<Cue> {
    if !text.toks.get(lo).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    let p = text.parse_forward(lo + 1, hi)?;
    let verb = text.toks.get(p.end).filter(|t| t.is_word() && !t.cap)?;
    matches!(p.kind, PhraseKind::Name | PhraseKind::Pronoun(_))
        .then(|| cue(p.clone(), verb.key(), "sentence-subject", 0.45))
}

fn cue(phrase: Phrase, verb: &str, rule: &'static str, confidence: f32) -> Cue {
    Cue {
        phrase,
        verb: verb.to_string(),
        rule,
        confidence,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn after_of(s: &str) -> Option<(String, String)> {
        let chars: Vec<char> = s.chars().collect();
        let toks = tokenize(s, &chars);
        let t = Text::new(&chars, &toks);
        after(&t, 0, toks.len()).map(|c| (t.slice(c.phrase.start, c.phrase.end), c.verb))
    }

    fn before_of(s: &str) -> Option<(String, String)> {
        let chars: Vec<char> = s.chars().collect();
        let toks = tokenize(s, &chars);
        let t = Text::new(&chars, &toks);
        before(&t, 0, toks.len(), 0, &[]).map(|c| (t.slice(c.phrase.start, c.phrase.end), c.verb))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn after_name_verb_and_verb_name() {
        assert_eq!(after_of(", Okafor said"), pair("Okafor", "said"));
        assert_eq!(after_of(", she later added"), pair("she", "added"));
        assert_eq!(
            after_of(", said Marta Ruiz, a trade envoy"),
            pair("Marta Ruiz, a trade envoy", "said")
        );
        assert_eq!(
            after_of(", Reyes, a senator from Ohio, told reporters"),
            pair("Reyes, a senator from Ohio", "told")
        );
        assert_eq!(
            after_of(", according to a city official"),
            pair("a city official", "according to")
        );
        assert_eq!(after_of(" and the plan was dropped"), None);
    }

    #[test]
    fn before_verb_colon_and_participles() {
        assert_eq!(
            before_of("Mayor Ana Ruiz said on Friday that the plan was "),
            pair("Mayor Ana Ruiz", "said")
        );
        assert_eq!(before_of("He told reporters:"), pair("He", "told"));
        assert_eq!(
            before_of("Ruiz left the room, saying"),
            pair("Ruiz", "saying")
        );
        assert_eq!(before_of("Ruiz: "), pair("Ruiz", ":"));
        assert_eq!(before_of("The cost of the bridge is "), None);
    }
}
