//! Connections kept for reuse by the backends' readers.
use crate::error::Result;

/// Connections kept for reuse by the backends' readers. Pooled by hand — a `Mutex<Vec<_>>`,
/// where r2d2 would add a dependency and a thread for the same effect.
pub(crate) struct Pool<C> {
    idle: std::sync::Mutex<Vec<C>>,
}

impl<C> Pool<C> {
    pub(crate) fn new() -> Self {
        Pool { idle: std::sync::Mutex::new(Vec::new()) }
    }

    /// Runs `f` on an idle connection that `alive` accepts, or on a new one from `open`; the
    /// connection is kept afterwards.
    pub(crate) fn with<T>(
        &self,
        open: impl FnOnce() -> Result<C>,
        alive: impl Fn(&C) -> bool,
        f: impl FnOnce(&mut C) -> Result<T>,
    ) -> Result<T> {
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut conn = match idle {
            Some(c) if alive(&c) => c,
            _ => open()?,
        };
        let out = f(&mut conn);
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).push(conn);
        out
    }
}
