//! What every handler can reach.

use crate::WebConfig;
use crate::audit::AuditWriter;
use crate::drawn::DrawnCache;
use crate::recent_sessions::RecentSessions;
use crate::trends::TrendCache;
use std::sync::Arc;
use steunkring_store::Store;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub config: Arc<WebConfig>,
    pub audit: AuditWriter,
    /// Maps and indicator sentences already drawn, by network content (see [`crate::drawn`]).
    pub drawn: Arc<DrawnCache>,
    /// Trend series already made, by case and revisions (see [`crate::trends`]).
    pub trends: Arc<TrendCache>,
    /// Sessions read in the last second (see [`crate::recent_sessions`]).
    pub recent_sessions: Arc<RecentSessions>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, config: WebConfig) -> AppState {
        let audit = AuditWriter::start(store.clone());
        AppState {
            store,
            config: Arc::new(config),
            audit,
            drawn: Arc::new(DrawnCache::default()),
            trends: Arc::new(TrendCache::default()),
            recent_sessions: Arc::new(RecentSessions::default()),
        }
    }

    /// The session cookie's name: with the `__Host-` prefix over HTTPS, so that no subdomain
    /// or plain-HTTP page can set or shadow it.
    pub fn session_cookie(&self) -> &'static str {
        if self.config.https {
            "__Host-steunkring"
        } else {
            "steunkring"
        }
    }
}
