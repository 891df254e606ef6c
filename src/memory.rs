//! How the process takes memory from the operating system: set once, first thing in
//! `main`, by both binaries.
//!
//! mimalloc asks Linux for transparent huge pages on its arenas. Ingest frees and
//! reuses memory constantly, and each time a freed stretch is touched again the kernel
//! hands back a whole 2 MiB page, zeroed: on this project's benchmark machines that
//! zeroing was a tenth of all ingest cycles, and it kept about 50 MB more resident.
//! Ordinary 4 KiB pages cost less system time and less memory, so huge pages are turned
//! off for the process (what mimalloc's own `allow_thp=0` option does).

/// Turn transparent huge pages off for this process. Elsewhere than Linux, nothing to do;
/// a kernel that refuses only leaves the default.
pub fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes no memory that
    // Rust can see; its result is ignored on purpose (the default stays).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
