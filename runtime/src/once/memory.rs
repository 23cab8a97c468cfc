//! The default store: claims and answers in this process's memory, bounded in entries and bytes,
//! the oldest evicted first.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use futures_util::future::{BoxFuture, ready};

use super::{Claim, OnceStore, Remembered, StoreError, Ticket, now_ms};

/// Claims and remembered answers in memory: one process only (several instances need
/// `protect::SqlStore`). Bounded: past [`MemoryStore::with_limits`]'s entries
/// or bytes (by default 100,000 and 64 MiB), the oldest entries are forgotten first.
#[derive(Debug)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
    max_entries: usize,
    max_bytes: usize,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<String, Entry>,
    /// Keys in the order they were claimed, each with the claim's serial number (a key claimed
    /// again after it expired is further back, and its old place is skipped).
    order: VecDeque<(String, u64)>,
    bytes: usize,
    serial: u64,
}

#[derive(Debug)]
struct Entry {
    fingerprint: String,
    expires_at: i64,
    lease_until: i64,
    answer: Option<Remembered>,
    serial: u64,
    bytes: usize,
}

impl Default for MemoryStore {
    fn default() -> Self {
        MemoryStore::with_limits(100_000, 64 * 1024 * 1024)
    }
}

impl MemoryStore {
    /// A store that keeps at most `max_entries` entries and about `max_bytes` bytes of them.
    pub fn with_limits(max_entries: usize, max_bytes: usize) -> Self {
        MemoryStore { inner: Mutex::new(Inner::default()), max_entries: max_entries.max(1), max_bytes }
    }

    /// How many entries it holds (expired ones not yet evicted included).
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves the map consistent (no step below panics half-way).
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn claim_now(&self, ticket: &Ticket) -> Claim {
        let now = now_ms();
        let mut inner = self.lock();
        inner.evict(now, self.max_entries, self.max_bytes);
        if let Some(entry) = inner.entries.get(&ticket.key)
            && entry.expires_at > now
        {
            return if entry.fingerprint != ticket.fingerprint {
                Claim::DifferentValues
            } else if let Some(answer) = &entry.answer {
                Claim::Done(answer.clone())
            } else if entry.lease_until > now {
                Claim::Running
            } else {
                Claim::Abandoned
            };
        }
        inner.remove(&ticket.key);
        inner.serial += 1;
        let serial = inner.serial;
        let bytes = ticket.key.len() * 2 + ticket.fingerprint.len() + 96;
        inner.order.push_back((ticket.key.clone(), serial));
        inner.bytes += bytes;
        inner.entries.insert(
            ticket.key.clone(),
            Entry {
                fingerprint: ticket.fingerprint.clone(),
                expires_at: ticket.expires_at,
                lease_until: ticket.lease_until,
                answer: None,
                serial,
                bytes,
            },
        );
        Claim::Fresh
    }
}

impl Inner {
    fn remove(&mut self, key: &str) {
        if let Some(entry) = self.entries.remove(key) {
            self.bytes -= entry.bytes;
        }
    }

    /// Forgets the oldest entries while there are too many, too large, or expired ones at the
    /// front: each step pops one, so the work is paid once per entry.
    fn evict(&mut self, now: i64, max_entries: usize, max_bytes: usize) {
        while let Some((key, serial)) = self.order.front() {
            let entry = self.entries.get(key);
            let stale = entry.is_none_or(|entry| entry.serial != *serial);
            let over = self.entries.len() >= max_entries || self.bytes > max_bytes;
            let expired = entry.is_some_and(|entry| entry.expires_at <= now);
            if !(stale || over || expired) {
                break;
            }
            let Some((key, _)) = self.order.pop_front() else { break };
            if !stale {
                self.remove(&key);
            }
        }
    }
}

impl OnceStore for MemoryStore {
    fn claim<'a>(&'a self, ticket: &'a Ticket) -> BoxFuture<'a, Result<Claim, StoreError>> {
        Box::pin(ready(Ok(self.claim_now(ticket))))
    }

    fn complete<'a>(&'a self, key: &'a str, answer: Remembered) -> BoxFuture<'a, Result<(), StoreError>> {
        let mut inner = self.lock();
        let size = answer.size();
        if let Some(entry) = inner.entries.get_mut(key) {
            entry.answer = Some(answer);
            entry.bytes += size;
            inner.bytes += size;
        }
        Box::pin(ready(Ok(())))
    }

    fn release<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        let mut inner = self.lock();
        if inner.entries.get(key).is_some_and(|entry| entry.answer.is_none()) {
            inner.remove(key);
        }
        Box::pin(ready(Ok(())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(key: &str, fingerprint: &str, life_ms: i64) -> Ticket {
        let now = now_ms();
        Ticket {
            key: key.to_owned(),
            fingerprint: fingerprint.to_owned(),
            expires_at: now + life_ms,
            lease_until: now + life_ms,
        }
    }

    fn answer(status: u16) -> Remembered {
        Remembered { status, json: false, location: None, cookies: vec![], content_type: None, body: vec![] }
    }

    #[tokio::test]
    async fn claim_complete_release() {
        let store = MemoryStore::default();
        let t = ticket("k", "f", 60_000);
        assert_eq!(store.claim(&t).await.unwrap(), Claim::Fresh);
        assert_eq!(store.claim(&t).await.unwrap(), Claim::Running);
        assert_eq!(store.claim(&ticket("k", "g", 60_000)).await.unwrap(), Claim::DifferentValues);
        store.complete("k", answer(303)).await.unwrap();
        assert_eq!(store.claim(&t).await.unwrap(), Claim::Done(answer(303)));
        store.release("k").await.unwrap();
        assert_eq!(store.claim(&t).await.unwrap(), Claim::Done(answer(303)), "a done claim is not released");
        let u = ticket("u", "f", 60_000);
        assert_eq!(store.claim(&u).await.unwrap(), Claim::Fresh);
        store.release("u").await.unwrap();
        assert_eq!(store.claim(&u).await.unwrap(), Claim::Fresh, "released: free again");
    }

    #[tokio::test]
    async fn a_lapsed_lease_is_abandoned_and_an_expired_entry_forgotten() {
        let store = MemoryStore::default();
        let mut t = ticket("k", "f", 60_000);
        t.lease_until = now_ms() - 1;
        assert_eq!(store.claim(&t).await.unwrap(), Claim::Fresh);
        assert_eq!(store.claim(&t).await.unwrap(), Claim::Abandoned);
        let gone = ticket("old", "f", -1);
        assert_eq!(store.claim(&gone).await.unwrap(), Claim::Fresh);
        assert_eq!(store.claim(&gone).await.unwrap(), Claim::Fresh, "expired at once: claimed anew");
    }

    #[tokio::test]
    async fn the_oldest_go_first_past_the_bounds() {
        let store = MemoryStore::with_limits(3, usize::MAX);
        for key in ["a", "b", "c", "d"] {
            assert_eq!(store.claim(&ticket(key, "f", 60_000)).await.unwrap(), Claim::Fresh);
        }
        assert_eq!(store.len(), 3);
        assert_eq!(store.claim(&ticket("a", "f", 60_000)).await.unwrap(), Claim::Fresh, "a was evicted");
        assert_eq!(store.claim(&ticket("d", "f", 60_000)).await.unwrap(), Claim::Running, "d was kept");
        let small = MemoryStore::with_limits(1000, 2_000);
        for key in 0..10 {
            let key = key.to_string();
            assert_eq!(small.claim(&ticket(&key, "f", 60_000)).await.unwrap(), Claim::Fresh);
            let mut big = answer(200);
            big.body = vec![b'x'; 900];
            small.complete(&key, big).await.unwrap();
        }
        assert!(small.len() <= 3, "about 2,000 bytes hold two or three answers of 900: {}", small.len());
        assert_eq!(
            small.claim(&ticket("9", "f", 60_000)).await.unwrap(),
            Claim::Done({
                let mut big = answer(200);
                big.body = vec![b'x'; 900];
                big
            })
        );
    }
}
