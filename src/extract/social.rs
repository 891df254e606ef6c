//! Links to one social post: which platform, the post's own address, and the account.
//!
//! An embedded post reaches the archive in many wrappings (the platform's blockquote, an
//! `iframe` pointing at the platform's embed page, an AMP tag or a lazy-load placeholder
//! holding only an id, a bare link on its own line that a CMS turns into an embed), but
//! each names the post by a link of a few fixed shapes. These functions read those
//! shapes, and nothing else: a link to an account, a hashtag or a share button is no post.

/// A link to one post, with its platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostLink {
    pub platform: &'static str,
    /// The post's address, without tracking parameters or the embed suffix.
    pub url: String,
}

/// Shortest run of digits a Mastodon status id has (ids are snowflakes, 18 digits).
const MASTODON_ID_DIGITS: usize = 6;

/// The post a link points to, when it points to one.
pub fn post_link(href: &str) -> Option<PostLink> {
    let href = href.trim();
    let rest = match href.split_once("://") {
        Some((s, r)) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => r,
        Some(("at", r)) => return bluesky_at_uri(r),
        Some(_) => return None,
        None => href.strip_prefix("//").unwrap_or(href),
    };
    let (host_path, query) = match rest.split_once('?') {
        Some((hp, q)) => (hp, q.split('#').next().unwrap_or("")),
        None => (rest.split('#').next().unwrap_or(rest), ""),
    };
    let (host, path) = host_path.split_once('/').unwrap_or((host_path, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("mobile.").unwrap_or(host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let param = |name: &str| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let word = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
    };
    let link = |platform: &'static str, url: String| Some(PostLink { platform, url });
    match host {
        "twitter.com" | "x.com" => match segs.as_slice() {
            ["i", "web", "status", id, ..] | ["i", "status", id, ..] if digits(id) => {
                link("twitter", format!("https://twitter.com/i/web/status/{id}"))
            }
            [user, "status" | "statuses", id, ..] if digits(id) && word(user) => {
                link("twitter", format!("https://{host}/{user}/status/{id}"))
            }
            _ => None,
        },
        "platform.twitter.com" => {
            let id = param("id").filter(|id| digits(id))?;
            link("twitter", format!("https://twitter.com/i/web/status/{id}"))
        }
        "instagram.com" => {
            let at = segs
                .iter()
                .position(|s| matches!(*s, "p" | "reel" | "tv" | "reels"))?;
            let code = segs.get(at + 1).filter(|c| word(c))?;
            let kind = if segs[at] == "reels" {
                "reel"
            } else {
                segs[at]
            };
            link(
                "instagram",
                format!("https://www.instagram.com/{kind}/{code}/"),
            )
        }
        "tiktok.com" => match segs.as_slice() {
            [user, "video" | "photo", id, ..] if user.starts_with('@') && digits(id) => link(
                "tiktok",
                format!("https://www.tiktok.com/{user}/video/{id}"),
            ),
            ["embed", "v2", id, ..] | ["embed", id, ..] | ["player", "v1", id, ..]
                if digits(id) =>
            {
                link("tiktok", format!("https://www.tiktok.com/embed/v2/{id}"))
            }
            _ => None,
        },
        "facebook.com" | "fb.com" | "fb.watch" => facebook(
            host,
            &segs,
            param("href"),
            param("story_fbid"),
            param("v"),
            param("id"),
        ),
        "youtube.com" | "youtube-nocookie.com" | "youtu.be" => {
            let id = match (host, segs.as_slice()) {
                ("youtu.be", [id, ..]) => Some(*id),
                (_, ["embed" | "shorts" | "live" | "v", id, ..]) => Some(*id),
                (_, ["watch"]) => param("v"),
                _ => None,
            }
            .filter(|id| id.len() >= 6 && word(id))?;
            link("youtube", format!("https://www.youtube.com/watch?v={id}"))
        }
        "threads.net" | "threads.com" => match segs.as_slice() {
            [user, "post", code, ..] if user.starts_with('@') && word(code) => link(
                "threads",
                format!("https://www.threads.net/{user}/post/{code}"),
            ),
            _ => None,
        },
        "vimeo.com" | "player.vimeo.com" => match segs.as_slice() {
            ["video", id, ..] | [id] | [id, _] if digits(id) => {
                link("vimeo", format!("https://vimeo.com/{id}"))
            }
            _ => None,
        },
        "reddit.com" | "old.reddit.com" | "embed.reddit.com" | "redditmedia.com" => {
            match segs.as_slice() {
                ["r", sub, "comments", id, ..] if word(sub) && word(id) => link(
                    "reddit",
                    format!("https://www.reddit.com/r/{sub}/comments/{id}/"),
                ),
                _ => None,
            }
        }
        "linkedin.com" => match segs.as_slice() {
            // the embed frame and the feed name a post by its URN
            ["embed", "feed", "update", urn, ..] | ["feed", "update", urn, ..]
                if urn.starts_with("urn:li:") && urn.rsplit(':').next().is_some_and(digits) =>
            {
                link(
                    "linkedin",
                    format!("https://www.linkedin.com/feed/update/{urn}/"),
                )
            }
            ["posts", slug, ..] if word(slug) && slug.contains("-activity-") => link(
                "linkedin",
                format!("https://www.linkedin.com/posts/{slug}/"),
            ),
            _ => None,
        },
        "bsky.app" => match segs.as_slice() {
            ["profile", who, "post", id, ..] if word(id) => link(
                "bluesky",
                format!("https://bsky.app/profile/{who}/post/{id}"),
            ),
            _ => None,
        },
        "embed.bsky.app" => match segs.as_slice() {
            ["embed", did, "app.bsky.feed.post", id, ..] if word(id) => link(
                "bluesky",
                format!("https://bsky.app/profile/{did}/post/{id}"),
            ),
            _ => None,
        },
        _ => match segs.as_slice() {
            // Mastodon and its kin on any server: /@user/123456789012345678[/embed]
            [user, id, rest @ ..]
                if user.starts_with('@')
                    && user.len() > 1
                    && word(&user[1..])
                    && digits(id)
                    && id.len() >= MASTODON_ID_DIGITS
                    && rest.iter().all(|r| *r == "embed")
                    && host.contains('.') =>
            {
                link("mastodon", format!("https://{host}/{user}/{id}"))
            }
            _ => None,
        },
    }
}

/// "at://did:plc:abc/app.bsky.feed.post/3kxyz" (the `data-bluesky-uri` of an embed).
fn bluesky_at_uri(rest: &str) -> Option<PostLink> {
    let mut parts = rest.split('/');
    let (who, kind, id) = (parts.next()?, parts.next()?, parts.next()?);
    (kind == "app.bsky.feed.post" && !who.is_empty() && !id.is_empty()).then(|| PostLink {
        platform: "bluesky",
        url: format!("https://bsky.app/profile/{who}/post/{id}"),
    })
}

fn facebook(
    host: &str,
    segs: &[&str],
    href: Option<&str>,
    story: Option<&str>,
    v: Option<&str>,
    id: Option<&str>,
) -> Option<PostLink> {
    let link = |url: String| {
        Some(PostLink {
            platform: "facebook",
            url,
        })
    };
    if host == "fb.watch" {
        return segs
            .first()
            .and_then(|code| link(format!("https://fb.watch/{code}/")));
    }
    match segs {
        // the embed plugin: the post is its `href`
        ["plugins", "post.php" | "video.php", ..] => {
            let inner = percent_decode(href?);
            post_link(&inner).filter(|p| p.platform == "facebook")
        }
        ["permalink.php" | "story.php"] => {
            let (story, id) = (story?, id?);
            link(format!(
                "https://www.facebook.com/permalink.php?story_fbid={story}&id={id}"
            ))
        }
        ["watch"] => link(format!("https://www.facebook.com/watch/?v={}", v?)),
        [page, "posts" | "videos" | "photos", .., post]
            if !post.is_empty() && *page != "sharer" =>
        {
            link(format!("https://www.facebook.com/{}", segs.join("/")))
        }
        _ => None,
    }
}

/// "%2F" and kin decoded (enough for a URL inside a query parameter).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The account behind a post link: "@name" from "https://twitter.com/name/status/1",
/// "https://www.tiktok.com/@name/video/1", "https://mastodon.social/@name/1",
/// "https://bsky.app/profile/name.bsky.social/post/1".
pub fn handle_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let mut parts = rest.split(['/', '?', '#']);
    let host = parts.next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let first = parts.next()?;
    let user = match host {
        "bsky.app" => {
            let who = if first == "profile" {
                parts.next()?
            } else {
                return None;
            };
            (!who.starts_with("did:")).then_some(who)?
        }
        "twitter.com" | "x.com" | "mobile.twitter.com" | "instagram.com" | "threads.net"
        | "threads.com" | "tiktok.com" => first.trim_start_matches('@'),
        // Mastodon: "@name" paths on any server
        _ => first.strip_prefix('@')?,
    };
    let valid = !user.is_empty()
        && user.len() <= 64
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-')
        && ![
            "i", "p", "status", "reel", "reels", "tv", "intent", "share", "embed", "video",
        ]
        .contains(&user);
    valid.then(|| format!("@{user}"))
}

/// The platform a bare handle belongs to when its shape says so ("@name.bsky.social").
pub fn platform_of_handle(handle: &str) -> Option<&'static str> {
    let h = handle.to_ascii_lowercase();
    if h.ends_with(".bsky.social") {
        Some("bluesky")
    } else if h.trim_start_matches('@').contains('@') {
        // "@name@mastodon.social"
        Some("mastodon")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(u: &str) -> Option<(&'static str, String)> {
        post_link(u).map(|l| (l.platform, l.url))
    }

    #[test]
    fn post_shapes() {
        let cases = [
            ("https://twitter.com/ana/status/123?ref_src=twsrc", "twitter", "https://twitter.com/ana/status/123"),
            ("https://x.com/ana/status/123/photo/1", "twitter", "https://x.com/ana/status/123"),
            ("https://mobile.twitter.com/ana/status/9", "twitter", "https://twitter.com/ana/status/9"),
            ("https://platform.twitter.com/embed/Tweet.html?dnt=false&id=77&lang=en", "twitter", "https://twitter.com/i/web/status/77"),
            ("https://www.instagram.com/p/CaB_1/?utm_source=ig_embed", "instagram", "https://www.instagram.com/p/CaB_1/"),
            ("https://www.instagram.com/p/CaB1/embed/captioned/?cr=1", "instagram", "https://www.instagram.com/p/CaB1/"),
            ("https://www.instagram.com/reel/Xy9/", "instagram", "https://www.instagram.com/reel/Xy9/"),
            ("https://www.tiktok.com/@dan/video/710?lang=en", "tiktok", "https://www.tiktok.com/@dan/video/710"),
            ("https://www.tiktok.com/embed/v2/710", "tiktok", "https://www.tiktok.com/embed/v2/710"),
            ("https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FCity%2Fposts%2F42&width=500", "facebook", "https://www.facebook.com/City/posts/42"),
            ("https://www.facebook.com/City/videos/42/", "facebook", "https://www.facebook.com/City/videos/42"),
            ("https://www.youtube.com/embed/aB3dE5gH7jK?si=x", "youtube", "https://www.youtube.com/watch?v=aB3dE5gH7jK"),
            ("https://youtu.be/aB3dE5gH7jK", "youtube", "https://www.youtube.com/watch?v=aB3dE5gH7jK"),
            ("//www.youtube-nocookie.com/embed/aB3dE5gH7jK", "youtube", "https://www.youtube.com/watch?v=aB3dE5gH7jK"),
            ("https://www.threads.net/@kim.h/post/C1a?x=1", "threads", "https://www.threads.net/@kim.h/post/C1a"),
            ("https://bsky.app/profile/jo.bsky.social/post/3kx?ref_src=embed", "bluesky", "https://bsky.app/profile/jo.bsky.social/post/3kx"),
            ("at://did:plc:abc/app.bsky.feed.post/3kx", "bluesky", "https://bsky.app/profile/did:plc:abc/post/3kx"),
            ("https://mastodon.social/@hw/111222333444555666/embed", "mastodon", "https://mastodon.social/@hw/111222333444555666"),
            ("https://player.vimeo.com/video/76543210?h=ab12&title=0", "vimeo", "https://vimeo.com/76543210"),
            ("https://vimeo.com/76543210", "vimeo", "https://vimeo.com/76543210"),
            ("https://www.redditmedia.com/r/harbours/comments/q1w2e3/pilots_back/?ref_source=embed&embed=true", "reddit", "https://www.reddit.com/r/harbours/comments/q1w2e3/"),
            ("https://www.reddit.com/r/harbours/comments/q1w2e3/pilots_back/", "reddit", "https://www.reddit.com/r/harbours/comments/q1w2e3/"),
            ("https://www.linkedin.com/embed/feed/update/urn:li:share:7012345678901234567", "linkedin", "https://www.linkedin.com/feed/update/urn:li:share:7012345678901234567/"),
        ];
        for (u, platform, url) in cases {
            assert_eq!(p(u), Some((platform, url.to_string())), "{u}");
        }
    }

    #[test]
    fn not_posts() {
        for u in [
            "https://twitter.com/ana",
            "https://twitter.com/intent/tweet?text=hi",
            "https://twitter.com/share?url=x",
            "https://www.facebook.com/sharer/sharer.php?u=x",
            "https://www.facebook.com/CityOfLima",
            "https://www.instagram.com/ana/",
            "https://www.youtube.com/channel/UC123",
            "https://medium.com/@ana/a-story-1f2e3d",
            "https://example.com/@ana/12",
            "https://vimeo.com/channels/staffpicks",
            "https://www.reddit.com/r/harbours/",
            "https://www.linkedin.com/in/ana-ruiz",
            "https://www.google.com/maps/embed?pb=1",
            "mailto:ana@example.com",
            "",
        ] {
            assert_eq!(p(u), None, "{u}");
        }
    }

    #[test]
    fn handles() {
        assert_eq!(
            handle_of("https://twitter.com/ana_r/status/1").as_deref(),
            Some("@ana_r")
        );
        assert_eq!(
            handle_of("https://www.tiktok.com/@dan/video/1").as_deref(),
            Some("@dan")
        );
        assert_eq!(
            handle_of("https://mastodon.social/@hw/111222333").as_deref(),
            Some("@hw")
        );
        assert_eq!(
            handle_of("https://bsky.app/profile/jo.bsky.social/post/3k").as_deref(),
            Some("@jo.bsky.social")
        );
        assert_eq!(
            handle_of("https://bsky.app/profile/did:plc:abc/post/3k"),
            None
        );
        assert_eq!(handle_of("https://twitter.com/i/web/status/1"), None);
        assert_eq!(handle_of("https://www.instagram.com/p/Cxyz/"), None);
        assert_eq!(platform_of_handle("@jo.bsky.social"), Some("bluesky"));
        assert_eq!(platform_of_handle("@hw@mastodon.social"), Some("mastodon"));
        assert_eq!(platform_of_handle("@ana"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = post_link(&s);
            let _ = handle_of(&s);
            let _ = percent_decode(&s);
        }
    }
}
