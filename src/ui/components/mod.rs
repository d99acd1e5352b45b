//! Components: they take props and draw; state lives in the session.

pub mod banner;
pub mod confirm;
pub mod disclosure;
pub mod field;
pub mod header;
pub mod paged;
pub mod persist;
pub mod qr;
pub mod roster;
pub mod rows;
pub mod scanner;
pub mod statement;
pub mod tab_bar;
pub mod vouchers;
