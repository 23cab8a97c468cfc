//! What sealing and opening a bound argument costs, and how much of it is the cipher.
//!
//! The value is the signup benchmark's: the team `"team-42"` bound to an action whose id is a
//! 39-byte Rust path, so the plaintext is the 8-byte stamp and `["team-42"]`, and the purpose
//! (associated data) is 56 bytes. Four measurements:
//!
//! - `seal` and `open`: [`Keys::seal_value`] and [`Keys::open_value`], what a page and a submission
//!   do (JSON, stamp, nonce, cipher, base64url);
//! - `cipher/encrypt` and `cipher/decrypt`: AES-256-GCM-SIV alone (RustCrypto's `aes-gcm-siv`) on
//!   the same bytes, in place, without base64 or JSON: the part no code of ours can make shorter.
//!
//! A fifth group, `nonce`, times the ways of drawing a 96-bit nonce that were weighed for
//! `seal` (see `BENCHMARKS.md`): the operating system's generator for each value (`getrandom`,
//! what `seal` does), a thread-local ChaCha12 seeded from it (`rand`'s `ThreadRng`), the same
//! with the process id read on every draw (what noticing a fork would take), and the former
//! per-process base with a counter.
//!
//! Run with `cargo bench -p formaction --bench seal`.

use std::hint::black_box;

use aes_gcm_siv::aead::{AeadInOut, KeyInit};
use aes_gcm_siv::{Aes256GcmSiv, Key, Nonce};
use criterion::{Criterion, criterion_group, criterion_main};
use formaction::seal::Keys;

const KEY: [u8; 32] = [7; 32];
const PURPOSE: &[u8] = b"formaction:bound:bench_signup::with_formaction::sign_up";

fn seal(c: &mut Criterion) {
    let keys = Keys::new(KEY);
    let team = ("team-42",);
    let sealed = keys.seal_value(PURPOSE, &team).expect("a tuple of a string serialises");
    let opened: (String,) = keys.open_value(PURPOSE, &sealed, None).expect("it opens");
    assert_eq!(opened.0, "team-42");
    c.bench_function("seal", |b| b.iter(|| keys.seal_value(black_box(PURPOSE), black_box(&team))));
    c.bench_function("open", |b| {
        b.iter(|| keys.open_value::<(String,)>(black_box(PURPOSE), black_box(&sealed), None))
    });

    // The same plaintext's length: the stamp and `["team-42"]`.
    let plaintext = [b"\0\0\0\0\0\0\0\0".as_slice(), br#"["team-42"]"#].concat();
    let cipher = Aes256GcmSiv::new(&Key::<Aes256GcmSiv>::from(KEY));
    let nonce = Nonce::from([3; 12]);
    let mut ciphertext = plaintext.clone();
    let tag = cipher
        .encrypt_inout_detached(&nonce, PURPOSE, ciphertext.as_mut_slice().into())
        .expect("a short message encrypts");
    let mut group = c.benchmark_group("cipher");
    group.bench_function("encrypt", |b| {
        b.iter(|| {
            let mut buffer = plaintext.clone();
            cipher
                .encrypt_inout_detached(black_box(&nonce), PURPOSE, buffer.as_mut_slice().into())
                .map(|_| buffer)
        })
    });
    group.bench_function("decrypt", |b| {
        b.iter(|| {
            let mut buffer = ciphertext.clone();
            cipher
                .decrypt_inout_detached(black_box(&nonce), PURPOSE, buffer.as_mut_slice().into(), &tag)
                .map(|()| buffer)
        })
    });
    group.finish();
}

fn nonce(c: &mut Criterion) {
    use aes_gcm_siv::aead::Generate;
    use rand::Rng;
    use std::sync::atomic::{AtomicU64, Ordering};

    let mut group = c.benchmark_group("nonce");
    group.bench_function("os", |b| b.iter(Nonce::generate));
    group.bench_function("thread_rng", |b| {
        b.iter(|| {
            let mut nonce = [0u8; 12];
            rand::rng().fill_bytes(&mut nonce);
            nonce
        })
    });
    group.bench_function("thread_rng_and_pid", |b| {
        b.iter(|| {
            let mut nonce = [0u8; 12];
            rand::rng().fill_bytes(&mut nonce);
            (std::process::id(), nonce)
        })
    });
    let base: [u8; 12] = Nonce::generate().into();
    let counter = AtomicU64::new(0);
    group.bench_function("counter", |b| {
        b.iter(|| {
            let count = counter.fetch_add(1, Ordering::Relaxed).to_be_bytes();
            let mut nonce = black_box(base);
            for (byte, count) in nonce[4..].iter_mut().zip(count) {
                *byte ^= count;
            }
            nonce
        })
    });
    group.finish();
}

criterion_group!(benches, seal, nonce);
criterion_main!(benches);
