//! What the app and the sync worker say to each other, as JSON strings.
