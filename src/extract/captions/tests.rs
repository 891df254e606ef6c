use super::*;
use crate::model::{Block, Format, Metadata};

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: Metadata {
            published: Some("2021-03-04".into()),
            ..Metadata::default()
        },
        blocks,
        format: Format::Text,
    }
}

fn captions_of(paras: &[&str]) -> (Vec<Caption>, PeopleBook) {
    let mut book = PeopleBook::new();
    let d = doc(paras.iter().map(|p| Block::paragraph(*p)).collect());
    (find_captions(&d, &mut book), book)
}

fn photographer(c: &Caption, book: &PeopleBook) -> Option<String> {
    c.photographer
        .and_then(|i| book.get(i))
        .map(|p| p.name.clone())
}

#[test]
fn credited_paragraphs_are_captions() {
    let (caps, book) = captions_of(&[
        "The talks resumed on Monday, officials said.",
        "In this photo released by the Lima Police Press Office on Wednesday, March 3, 2021, officers stand guard near the Volnovo depot. © Mira Holt/AP",
        "The frigate Almirante Sol sails in the Kara Sea, in this still image taken from a video released on March 2, 2021. © Peruvian Navy Press Office/Via Reuters",
        "Foreign Minister Ana Ruiz speaks in Lima, March 1, 2021. REUTERS/Dan Reyes/File Photo",
    ]);
    assert_eq!(caps.len(), 3);
    let c = &caps[0];
    assert!(c.text.starts_with("In this photo released by"));
    assert!(c.text.ends_with("Volnovo depot."));
    assert_eq!(c.credit.as_deref(), Some("Mira Holt/AP"));
    assert_eq!(photographer(c, &book).as_deref(), Some("Mira Holt"));
    assert_eq!(c.agency.as_deref(), Some("AP"));
    assert_eq!(c.date.as_deref(), Some("2021-03-03"));
    assert_eq!(c.block, 1);

    let c = &caps[1];
    assert_eq!(c.photographer, None);
    assert_eq!(c.agency.as_deref(), Some("Reuters"));
    assert_eq!(c.provider.as_deref(), Some("Peruvian Navy Press Office"));
    assert_eq!(c.date.as_deref(), Some("2021-03-02"));
    assert!(c.pictured.is_empty(), "a ship is not a person");

    let c = &caps[2];
    assert_eq!(photographer(c, &book).as_deref(), Some("Dan Reyes"));
    assert_eq!(c.agency.as_deref(), Some("Reuters"));
    assert_eq!(c.pictured.len(), 1);
    assert_eq!(book.get(c.pictured[0]).unwrap().name, "Ana Ruiz");
}

#[test]
fn credit_shapes_in_paragraphs() {
    let cases = [
        (
            "Police officers guard the border crossing on Tuesday. (AP Photo/Dan Reyes, File)",
            Some("Dan Reyes"),
            Some("AP"),
        ),
        (
            "Protesters march through the capital. Photo: Dan Reyes, AP",
            Some("Dan Reyes"),
            Some("AP"),
        ),
        (
            "Protesters march through the capital on Jan. 5. Dan Reyes/AFP/Getty Images",
            Some("Dan Reyes"),
            Some("AFP"),
        ),
        (
            "Protesters march through the capital. J. Mira Holt/AP",
            Some("J. Mira Holt"),
            Some("AP"),
        ),
        (
            "Voters queue outside a school in Lima. Dan Reyes for The Daily Example",
            Some("Dan Reyes"),
            Some("The Daily Example"),
        ),
        (
            "Voters queue outside a school in Lima. Credit: Dan Reyes/The Daily Example",
            Some("Dan Reyes"),
            Some("The Daily Example"),
        ),
        (
            "Voters queue outside a school in Lima | Dan Reyes/Getty Images",
            Some("Dan Reyes"),
            Some("Getty Images"),
        ),
        (
            "Voters queue outside a school in Lima [Reuters]",
            None,
            Some("Reuters"),
        ),
        (
            "Firefighters battle the blaze near Quito (Photo by DAN REYES / AFP)",
            Some("Dan Reyes"),
            Some("AFP"),
        ),
        (
            "Firefighters battle the blaze near Quito.Dan Reyes/AP",
            Some("Dan Reyes"),
            Some("AP"),
        ),
        (
            "Firefighters battle the blaze near Quito Dan Reyes/AP",
            Some("Dan Reyes"),
            Some("AP"),
        ),
    ];
    for (text, ph, ag) in cases {
        let (caps, book) = captions_of(&[text]);
        assert_eq!(caps.len(), 1, "{text}");
        assert_eq!(photographer(&caps[0], &book).as_deref(), ph, "{text}");
        assert_eq!(caps[0].agency.as_deref(), ag, "{text}");
        assert!(!caps[0].text.is_empty(), "{text}");
    }
}

#[test]
fn ordinary_paragraphs_are_not_captions() {
    let (caps, _) = captions_of(&[
        "A joint response with the league",
        "“We will study them,” said Ana Ruiz, the deputy minister.",
        "The minister told The Associated Press that a Reuters/Ipsos poll showed support.",
        "The company, which trades 24/7, said and/or hinted at a deal. Reuters",
        "This image of the crowd, she said, “changed everything.”",
        "He later wrote for The Atlantic.",
        "With EFE and Reuters",
        "Copyright 2021 The Associated Press. All rights reserved.",
        "Sales rose 5 pct, the company said.\n Reuter",
    ]);
    assert!(caps.is_empty(), "{caps:#?}");
}

#[test]
fn caption_openings_without_credit() {
    let (caps, _) = captions_of(&[
        "In this Jan. 5, 2021, file photo, workers repair a bridge in Lima.",
        "This handout picture released by the Peruvian Navy shows a frigate at sea.",
        "FILE - In this image made from video, a crowd gathers.",
    ]);
    assert_eq!(caps.len(), 3);
    assert_eq!(caps[0].date.as_deref(), Some("2021-01-05"));
    assert!(caps.iter().all(|c| c.credit.is_none()));
}

#[test]
fn credit_on_its_own_line_joins_the_caption_before() {
    let (caps, book) = captions_of(&[
        "The talks resumed on Monday, officials said.",
        "Workers repair a bridge in Lima on March 1",
        "Dan Reyes/AP",
    ]);
    assert_eq!(caps.len(), 1);
    assert_eq!(caps[0].text, "Workers repair a bridge in Lima on March 1");
    assert_eq!(caps[0].block, 1);
    assert_eq!(photographer(&caps[0], &book).as_deref(), Some("Dan Reyes"));
    assert_eq!(caps[0].date.as_deref(), Some("2021-03-01"));
}

#[test]
fn markup_captions_and_credits() {
    let mut cap = Block::new(
        BlockKind::Caption,
        "Workers repair a bridge in Lima. Dan Reyes/AP",
    );
    cap.credit = Some("Dan Reyes/AP".into());
    let plain = Block::new(
        BlockKind::Caption,
        "A crowd gathers (Mira Holt/Getty Images)",
    );
    let bare = Block::new(BlockKind::Caption, "A crowd gathers");
    let mut book = PeopleBook::new();
    // markup marks its headings: one is never a credit line
    let mut page = doc(vec![cap, plain, bare, Block::heading("Dan Reyes/AP")]);
    page.format = Format::Markdown;
    let caps = find_captions(&page, &mut book);
    assert_eq!(caps.len(), 3);
    assert_eq!(caps[0].text, "Workers repair a bridge in Lima.");
    assert_eq!(caps[0].agency.as_deref(), Some("AP"));
    assert_eq!(caps[1].text, "A crowd gathers");
    assert_eq!(caps[1].agency.as_deref(), Some("Getty Images"));
    assert_eq!(caps[2].credit, None);
    assert_eq!(caps[2].block, 2);
}

/// [`credit_starts`] as it was: the Unicode pattern, the branch read from the captures.
fn credit_starts_by_captures(text: &str, from: usize) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    if from == 0 {
        out.push((0, "boundary"));
    }
    let Some(window) = text.get(from..) else {
        return out;
    };
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?:[.!?…)\]”’]\s+|\s[|—–•-]\s+|\n\s*|\s{2,})|([a-z0-9][.!?])\p{Lu}|(?:\s|^)([(\[][^()\[\]]{1,120}[)\]]\.?\s*$|(?i:©|\(c\)|copyright\s|photo(?:graph)?s?\s*[:,]|photos?\s+by\s|pics?:|pictures?:|images?(?:\s+source)?\s*[:,]|credits?\s*(?::|\.{2,3}|…)|fotos?:|bild:|source:|photographer:|(?:photos?\s+)?courtesy\s|(?:screenshot|video|illustration|graphic|image|photo\s+illustration)\s+by\s))",
        )
        .unwrap()
    });
    for c in re.captures_iter(window) {
        if let Some(glued) = c.get(1) {
            out.push((from + glued.end(), "boundary"));
        } else if let Some(m) = c.get(2) {
            out.push((from + m.start(), "marker"));
        } else if let Some(m) = c.get(0) {
            out.push((from + m.end(), "boundary"));
        }
    }
    out
}

/// [`for_outlet`] as it was, with `match_indices`.
fn for_outlet_by_match_indices(window: &str) -> bool {
    window.match_indices("for").any(|(i, _)| {
        let before = window[..i].chars().next_back();
        let mut after = window[i + 3..].chars();
        let word_before = window[..i].trim_end().rsplit(char::is_whitespace).next();
        before.is_some_and(char::is_whitespace)
            && word_before.is_some_and(names::may_end_name)
            && after.next().is_some_and(char::is_whitespace)
            && after
                .take_while(|c| !c.is_whitespace())
                .any(char::is_uppercase)
    })
}

/// Texts dense in what the credit screens and start pattern look at.
fn credit_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![credit_text_in(false), credit_text_in(true)]
}

/// [`credit_text`], from ASCII pieces only when `ascii`.
fn credit_text_in(ascii: bool) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces: &[&str] = &[
        " ",
        " ",
        "  ",
        "\n",
        "\t",
        "\u{a0}",
        "\u{2003}",
        ".",
        "!",
        "?",
        "…",
        ")",
        "]",
        "”",
        "’",
        "(",
        "[",
        "|",
        "—",
        "–",
        "•",
        "-",
        "/",
        "©",
        "(c)",
        "(C)",
        "(c",
        "c)",
        ":",
        ",",
        "a",
        "z",
        "7",
        "A",
        "É",
        "é",
        "ß",
        "ǅ",
        "Ⅷ",
        "said",
        "The",
        "Photo",
        "photos by ",
        "Copyright ",
        "Courtesy ",
        "credit:",
        "Credits…",
        "Image source:",
        "pics:",
        "Bild:",
        "source:",
        "video by ",
        "for",
        "for The",
        "Dan Reyes",
        "Ana",
        "for the",
        "AP Photo/Dan Reyes",
        "Reuters",
        "fo",
        "r",
        "\u{c2}",
        "\u{a9}",
    ];
    let pieces: Vec<&str> = pieces
        .iter()
        .copied()
        .filter(|p| !ascii || p.is_ascii())
        .collect();
    proptest::collection::vec(proptest::sample::select(pieces), 0..30).prop_map(|v| v.concat())
}

/// ASCII openings, caption-like or nearly.
fn opening_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces: &[&str] = &[
        " ",
        " ",
        "\t",
        "\n",
        "  ",
        "FILE",
        "file photo",
        " - ",
        ":",
        "—",
        "In",
        "this",
        "these",
        "This",
        "These",
        "A",
        "An",
        "undated",
        "Jan.",
        "5,",
        "2021",
        "handout",
        "photo",
        "photograph",
        "images",
        "still",
        "frame",
        "screen",
        "grab",
        "screenshot",
        "aerial",
        "was",
        "is",
        "provided",
        "released",
        "shows",
        "by",
        "the",
        "x_1",
        "O'Neil",
        "-",
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 0..20).prop_map(|v| v.concat())
}

proptest::proptest! {
    /// Credit starts read from the match text are those read from the captures.
    #[test]
    fn credit_starts_without_captures(t in credit_text(), cut in 0usize..64) {
        let from = floor_boundary(&t, cut.min(t.len()));
        proptest::prop_assert_eq!(credit_starts(&t, from), credit_starts_by_captures(&t, from));
    }

    /// On ASCII text the ASCII form of the opening pattern matches as the Unicode one.
    #[test]
    fn ascii_opening_pattern_matches_the_same(t in opening_text()) {
        proptest::prop_assert_eq!(opening_regex(true).is_match(&t), opening_regex(false).is_match(&t));
    }

    /// The stack fold of ASCII text is the fold.
    #[test]
    fn ascii_fold_is_the_fold(t in "[ -~\t\n]{0,300}|[\x00-\x7F]{0,40}|(?:the|The|THE|[ /_.,&-]){0,6}[a-z ]{0,10}") {
        let mut buf = [0; FOLD_BUFFER];
        let want = (t.len() <= FOLD_BUFFER).then(|| agencies::fold(&t));
        proptest::prop_assert_eq!(agencies::fold_ascii(&t, &mut buf).map(str::to_string), want);
    }

    /// The byte scans answer as the string searches they replace.
    #[test]
    fn byte_scans_are_the_string_searches(t in credit_text()) {
        proptest::prop_assert_eq!(for_outlet(&t), for_outlet_by_match_indices(&t));
        let signs = t.contains(['/', '©']) || t.contains("(c)") || t.contains("(C)");
        proptest::prop_assert_eq!(has_credit_sign(&t), signs);
    }

    #[test]
    fn never_panics(paras in proptest::collection::vec("\\PC{0,120}", 0..4)) {
        let mut book = PeopleBook::new();
        let d = doc(paras.iter().map(|p| Block::paragraph(p.as_str())).collect());
        let _ = find_captions(&d, &mut book);
    }

    /// The byte-wise count is `split_whitespace().count()`, Unicode spaces included.
    #[test]
    fn word_count_is_split_whitespace(s in "[a-zé \t\n\u{85}\u{a0}\u{2003}\u{3000}.“”]{0,40}|\\PC{0,40}") {
        proptest::prop_assert_eq!(word_count(&s, usize::MAX), s.split_whitespace().count());
        let capped = s.split_whitespace().count().min(7);
        proptest::prop_assert_eq!(word_count(&s, 7), capped);
    }

    /// The length test skips counting only where the count cannot matter. Texts of one-
    /// and two-byte words, with runs of spaces, reach both sides of the limit's bytes.
    #[test]
    fn caption_length_is_the_word_limit(words in proptest::collection::vec("[a-zé]{1,2}|\u{a0}|  ", 0..320)) {
        let s = words.join(" ");
        let n = s.split_whitespace().count();
        proptest::prop_assert_eq!(has_caption_length(&s), (1..=MAX_CAPTION_WORDS).contains(&n));
    }
}

#[test]
fn weaker_credits_in_markup_captions() {
    let mut with_caption_in_credit = Block::new(BlockKind::Caption, "");
    with_caption_in_credit.credit = Some("A crowd at the gate Mira Holt/Reuters".into());
    let cases = vec![
        Block::new(BlockKind::Caption, "Moss on a saucer (Lucy Akins)"),
        Block::new(BlockKind::Caption, "The court in session, 27-06-2012 | Efe"),
        Block::new(
            BlockKind::Caption,
            "Image caption Crowds gather on the square",
        ),
        Block::new(
            BlockKind::Caption,
            "A bridge at dusk. Screenshot by Dan Reyes/Daily Games",
        ),
        with_caption_in_credit,
    ];
    let mut book = PeopleBook::new();
    let caps = find_captions(&doc(cases), &mut book);
    assert_eq!(caps[0].text, "Moss on a saucer");
    assert_eq!(photographer(&caps[0], &book).as_deref(), Some("Lucy Akins"));
    assert_eq!(caps[1].agency.as_deref(), Some("EFE"));
    assert_eq!(caps[2].text, "Crowds gather on the square");
    assert_eq!(photographer(&caps[3], &book).as_deref(), Some("Dan Reyes"));
    assert_eq!(caps[3].text, "A bridge at dusk.");
    assert_eq!(caps[4].agency.as_deref(), Some("Reuters"));
    assert_eq!(photographer(&caps[4], &book).as_deref(), Some("Mira Holt"));
}

#[test]
fn article_sentences_above_a_credit_stay_article_text() {
    let (caps, _) = captions_of(&[
        "Fourteen people died in the attack, police said.",
        "Dan Reyes via Getty Images.",
    ]);
    assert_eq!(caps.len(), 1);
    assert_eq!(caps[0].block, 1);
    assert!(caps[0].text.is_empty());
}

#[test]
fn weak_credit_lines_do_not_swallow_paragraphs() {
    let (caps, _) = captions_of(&[
        "Officials met in the capital on Monday to discuss the budget, which has been delayed.",
        "Dan Reyes/The Daily Example",
    ]);
    assert_eq!(caps.len(), 1);
    assert_eq!(caps[0].block, 1);
    assert!(caps[0].text.is_empty());
}

#[test]
fn comma_lists_and_headlines_are_not_credits() {
    let (caps, _) = captions_of(&[
        "The three plants are in Lima, Ica and\nCusco, Peru",
        "CORRECTION - LIMA MINING ITEM",
        "Results were strong in Tokyo, West Lima, Quito and Bogota",
        "Flights leave from Dallas/Fort Worth International Airport",
        "It sold the Nature's Best/DSL stores.",
        "In a changing economy, young voters still believe in the dream.",
        "Members include Rep. Ana Ruiz (Ill.) and Rep. Tom Berg (Pa.).",
        "Lima Program Up for Renewal Amid Allegations of Fraud.",
    ]);
    assert!(caps.is_empty(), "{caps:#?}");
}

#[test]
fn unspaced_em_dash_and_lower_case_outlet_credits() {
    let (caps, book) = captions_of(&[
        "Crews clear snow from the runway at dawn, Jan. 4, 2021. Lena Pike—Getty Images",
        "A ferry waits at the quay on Friday. Photograph: Omar Diaz for the Harbour Gazette",
        "The talks resumed on Monday, officials said.",
    ]);
    assert_eq!(caps.len(), 2, "{caps:?}");
    assert_eq!(caps[0].agency.as_deref(), Some("Getty Images"));
    assert_eq!(photographer(&caps[0], &book).as_deref(), Some("Lena Pike"));
    assert_eq!(caps[1].agency.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(photographer(&caps[1], &book).as_deref(), Some("Omar Diaz"));
    assert_eq!(caps[1].text, "A ferry waits at the quay on Friday.");
}

#[test]
fn a_short_credited_line_read_as_a_heading_is_a_caption() {
    let mut book = PeopleBook::new();
    let d = doc(vec![
        Block::paragraph("The pilots said on Monday that they would return to work."),
        Block::new(
            BlockKind::Heading,
            "A pilot on the quay. Tom Berg/Reuters".to_string(),
        ),
        Block::new(BlockKind::Heading, "Voices from the harbour".to_string()),
        Block::paragraph("The port authority said it welcomed the decision."),
    ]);
    let caps = find_captions(&d, &mut book);
    assert_eq!(caps.len(), 1, "{caps:?}");
    assert_eq!(caps[0].text, "A pilot on the quay.");
    assert_eq!(caps[0].agency.as_deref(), Some("Reuters"));
}

#[test]
fn a_games_studio_credit_is_no_photographer() {
    let (caps, book) = captions_of(&[
        "The two teams line up before the final in Busan. Credit: Harbour Games, Example Esports",
        "The talks resumed on Monday, officials said.",
    ]);
    assert_eq!(caps.len(), 1, "{caps:?}");
    assert_eq!(photographer(&caps[0], &book), None);
}

/// A caption block as HTML markup gives it, with its credit node.
fn marked_caption(text: &str, credit: &str) -> Block {
    Block {
        credit: Some(credit.to_string()),
        ..Block::new(BlockKind::Caption, text)
    }
}

#[test]
fn a_photographer_named_after_a_credited_company_is_its_product() {
    let mut book = PeopleBook::new();
    let d = Document {
        format: Format::Html,
        ..doc(vec![
            marked_caption("The figurine on a shelf.", "Plinko Toy, Harbour Esports"),
            marked_caption("The box it came in.", "Plinko"),
            marked_caption("The team on stage.", "Mira Holt/Harbour Esports"),
        ])
    };
    let caps = find_captions(&d, &mut book);
    assert_eq!(caps.len(), 3, "{caps:?}");
    assert_eq!(photographer(&caps[0], &book), None);
    assert_eq!(caps[0].provider.as_deref(), Some("Plinko Toy"));
    assert_eq!(caps[0].agency.as_deref(), Some("Harbour Esports"));
    assert_eq!(photographer(&caps[2], &book).as_deref(), Some("Mira Holt"));
}

#[test]
fn a_french_credit_after_a_bare_photo_names_photographer_and_agency() {
    let (caps, book) = captions_of(&[
        "Un pêcheur répare ses filets sur le quai de Valmera, le 3 mars 2021. (Photo Lucie Garnier. AFP)",
    ]);
    assert_eq!(caps.len(), 1, "{caps:?}");
    assert_eq!(
        caps[0].text,
        "Un pêcheur répare ses filets sur le quai de Valmera, le 3 mars 2021."
    );
    assert_eq!(
        photographer(&caps[0], &book).as_deref(),
        Some("Lucie Garnier")
    );
    assert_eq!(caps[0].agency.as_deref(), Some("AFP"));
}

/// Captions of HTML blocks.
fn html_captions(blocks: Vec<Block>) -> (Vec<Caption>, PeopleBook) {
    let mut book = PeopleBook::new();
    let d = Document {
        format: Format::Html,
        ..doc(blocks)
    };
    (find_captions(&d, &mut book), book)
}

#[test]
fn credits_other_languages_write_name_photographer_and_outlet() {
    let cap = |t: &str| Block::new(BlockKind::Caption, t);
    let (caps, book) = html_captions(vec![
        cap("CreditRosa Velasco para The Daily Example"),
        cap("CreditFotoilustración de Tomás Ibarra para The Daily Example"),
        cap("Credit: Inés Molina/EPA vía Shutterstock"),
        cap("Ein Zug hält am Bahnhof. Foto: Jonas Weber/dpa"),
    ]);
    assert_eq!(caps.len(), 4, "{caps:?}");
    let who: Vec<_> = caps.iter().map(|c| photographer(c, &book)).collect();
    assert_eq!(
        who,
        [
            Some("Rosa Velasco".to_string()),
            Some("Tomás Ibarra".to_string()),
            Some("Inés Molina".to_string()),
            Some("Jonas Weber".to_string())
        ]
    );
    let agencies: Vec<_> = caps.iter().map(|c| c.agency.as_deref()).collect();
    assert_eq!(
        agencies,
        [
            Some("The Daily Example"),
            Some("The Daily Example"),
            Some("EPA"),
            Some("dpa")
        ]
    );
}

#[test]
fn a_caption_block_credits_a_name_in_brackets_a_first_line_and_a_lone_credit_word() {
    let cap = |t: &str| Block::new(BlockKind::Caption, t);
    let (caps, book) = html_captions(vec![
        cap("Press the clay into the mould. (Ruth Abara)"),
        cap("© Harbour Watch\nA patrol boat leaves the port at dawn"),
        cap("A patrol boat leaves the port at dawn. Supplied"),
        cap("A patrol boat leaves the port. Courtesy of the Okafor family"),
        cap("A patrol boat leaves the port. Irene Novak/Staff"),
        cap("Credit"),
    ]);
    assert_eq!(caps.len(), 5, "{caps:?}");
    assert_eq!(caps[0].text, "Press the clay into the mould.");
    assert_eq!(photographer(&caps[0], &book).as_deref(), Some("Ruth Abara"));
    assert_eq!(caps[1].text, "A patrol boat leaves the port at dawn");
    assert_eq!(caps[1].agency.as_deref(), Some("Harbour Watch"));
    assert_eq!(caps[2].credit.as_deref(), Some("Supplied"));
    assert_eq!(caps[2].text, "A patrol boat leaves the port at dawn.");
    assert_eq!(
        caps[3].credit.as_deref(),
        Some("Courtesy of the Okafor family")
    );
    assert_eq!(photographer(&caps[3], &book), None);
    assert_eq!(
        photographer(&caps[4], &book).as_deref(),
        Some("Irene Novak")
    );
    assert_eq!(caps[4].agency, None);
}

#[test]
fn a_stock_user_name_before_a_known_agency_is_no_person() {
    let (caps, book) = html_captions(vec![Block::new(
        BlockKind::Caption,
        "marlowpix/iStock/Getty Images",
    )]);
    assert_eq!(caps.len(), 1, "{caps:?}");
    assert_eq!(photographer(&caps[0], &book), None);
    assert_eq!(caps[0].agency.as_deref(), Some("Getty Images"));
    // and a lower-case word before an unknown organisation is prose
    let (caps, _) = captions_of(&["We met at the station. parking/Harbour Lane"]);
    assert!(caps.is_empty(), "{caps:?}");
}

#[test]
fn a_sentence_ending_in_a_credit_word_is_no_caption_in_text() {
    let (caps, _) = captions_of(&[
        "The council met on Monday. Supplied",
        "The vote was close. Courtesy of the mayor, the meeting ran late.",
    ]);
    assert!(caps.is_empty(), "{caps:?}");
}
