//! In-process HTTP tests: the real router, the real store (SQLite by default; PostgreSQL when
//! `STEUNKRING_TEST_DATABASE_URL` is set), requests driven with `oneshot`.

mod app;
mod auth;
mod cases;
mod checks;
mod errors;
mod insights;
mod matrix;
mod measurements;
mod network;
mod pages;
mod participants;
mod plan;
mod research;
mod rights;
mod security;
mod sharing;
mod support;
mod team;
mod trends;
