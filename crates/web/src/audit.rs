//! Group commit of read entries.
//!
//! Every read of case data writes an audit entry. On SQLite with `synchronous=FULL` every commit
//! is an fsync, so one insert per request would cap the server at the disk's fsync rate. A
//! single writer task instead takes all entries that are waiting, writes them in one
//! transaction, and only then answers each request: a response never leaves before its entry
//! is durable. Changes keep their entry in their own transaction (see the store).

use std::sync::Arc;
use steunkring_domain::audit::AuditEvent;
use steunkring_store::{Store, StoreError};
use tokio::sync::{mpsc, oneshot};

type Reply = oneshot::Sender<Result<(), String>>;

/// A handle to the writer task.
#[derive(Clone)]
pub struct AuditWriter {
    tx: mpsc::Sender<(AuditEvent, Reply)>,
}

/// At most this many entries go into one transaction.
const BATCH: usize = 512;

impl AuditWriter {
    pub fn start(store: Arc<dyn Store>) -> AuditWriter {
        let (tx, mut rx) = mpsc::channel::<(AuditEvent, Reply)>(4096);
        tokio::spawn(async move {
            let mut pending: Vec<(AuditEvent, Reply)> = Vec::with_capacity(BATCH);
            while rx.recv_many(&mut pending, BATCH).await > 0 {
                let (events, replies): (Vec<_>, Vec<_>) = pending.drain(..).unzip();
                let outcome = store.append_audit(events).await.map_err(|e| e.to_string());
                for reply in replies {
                    let _ = reply.send(outcome.clone());
                }
            }
        });
        AuditWriter { tx }
    }

    /// Writes `event` and waits until it is durable.
    pub async fn record(&self, event: AuditEvent) -> Result<(), StoreError> {
        let (reply, wait) = oneshot::channel();
        let gone = || StoreError::Backend("the audit writer has stopped".into());
        self.tx.send((event, reply)).await.map_err(|_| gone())?;
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(msg)) => Err(StoreError::Backend(msg.into())),
            Err(_) => Err(gone()),
        }
    }
}
