//! The SQL of support figures, concerns and deliberations, shared by both backends. Expanded
//! inside [`impl_sql_store!`], so the helpers there (`backend_err`, `append_in_tx`,
//! `case_in_org`, …) are in scope.

/// Implements [`SupportStore`](crate::SupportStore); called by
/// [`impl_sql_store!`](crate::impl_sql_store).
#[macro_export]
#[doc(hidden)]
macro_rules! impl_support_sql {
    ($store:ty, db = $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::SupportStore for $store {}
    };
}
