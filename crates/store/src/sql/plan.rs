//! The plan's SQL, shared by both backends. Expanded inside [`impl_sql_store!`], so the
//! helpers there (`backend_err`, `append_in_tx`, `case_in_org`, …) are in scope.

/// Implements [`PlanStore`](crate::PlanStore); called by [`impl_sql_store!`](crate::impl_sql_store).
#[macro_export]
#[doc(hidden)]
macro_rules! impl_plan_sql {
    ($store:ty, db = $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::PlanStore for $store {}
    };
}
