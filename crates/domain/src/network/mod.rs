//! The young person's network (*netwerk*), seen from the young person: who is in it, how close,
//! from which part of life, what support flows which way, and how the people know each other.
//!
//! `model` holds the words, `input` turns what a person typed into them, and `indicators` turns a
//! network into the numbers and plain sentences that show whether it carries the young person.

pub mod indicators;
pub mod input;
pub mod model;

pub use indicators::{
    Comparison, GAP_THRESHOLD, Indicators, Multiplexity, QualityChange, Reciprocity, RingMove,
    Sentence, SentenceArg, Size, Strained, compare, describe, overlap,
};
pub use input::{NewMember, NumberOrText, RawMember, RawSupport};
pub use model::{
    ContactFrequency, Direction, KnownYears, Level, MemberId, MemberRole, NetworkMember, Ring,
    Sector, Stance, Support, SupportType, Tie, TieKind, TieQuality,
};
