//! Backup files in and out, by the same rules as every other door: a full backup needs
//! an organizer's key, unlocked; anyone may export what their own device wrote; an
//! import verifies every segment and can grant nothing its signatures do not.

use std::collections::BTreeMap;

use super::backup::{self, BackupError, FileCommunity, Parsed, RejectedRecord, Scope};
use super::{Backend, ImportReport, Store, StoreError};
use crate::domain::trust::Role;
use crate::domain::{Event, Timestamp};

/// What importing a backup file did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileImport {
    pub report: ImportReport,
    /// Records of a version-1 file that could not be read.
    pub rejected: Vec<RejectedRecord>,
    /// Events of a version-1 file (unsigned): imported only if an organizer adopts
    /// them ([`Store::adopt_events`]).
    pub unsigned: Vec<Event>,
}

/// Why a file could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// The file belongs to another community than this device's.
    #[error("the backup belongs to another community ({})", .0.name)]
    OtherCommunity(FileCommunity),
    /// This device belongs to no community yet: joining the file's comes first.
    #[error("this device belongs to no community yet")]
    NoCommunity(FileCommunity),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a backup could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Only an organizer's device, unlocked, may export the whole log or the
    /// community's public log.
    #[error("only an organizer may export this")]
    NotAllowed,
    #[error("this device belongs to no community")]
    NoCommunity,
}

/// What a device hands to an organizer without a network: its segments that hold
/// events not handed over yet, as a backup file of scope `own`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandOver {
    pub text: String,
    /// The events the file holds (whole segments: a seal covers its whole segment).
    pub events: usize,
    /// What to note as handed over once the organizer has it.
    pub marks: BTreeMap<String, usize>,
}

impl<B: Backend> Store<B> {
    /// This device's records an organizer has not been handed yet (`handed`: what was,
    /// by segment key and event count), or `None` when there are none.
    pub fn hand_over(
        &self,
        handed: &BTreeMap<String, usize>,
        wall: Timestamp,
    ) -> Result<Option<HandOver>, ExportError> {
        let community = self.community().ok_or(ExportError::NoCommunity)?;
        let prefix = format!("{}/", self.ns.as_str());
        let mut marks = BTreeMap::new();
        let mut segments = Vec::new();
        let mut events = 0;
        for (name, text, count) in self.own_segments() {
            let short = name.strip_prefix(&prefix).unwrap_or(&name).to_owned();
            if handed.get(&short).is_some_and(|n| *n >= count) {
                continue;
            }
            events += count;
            marks.insert(short, count);
            segments.push((name, text));
        }
        if segments.is_empty() {
            return Ok(None);
        }
        let file = FileCommunity {
            id: community.id,
            name: community.name.clone(),
        };
        let text = backup::export(self.ns.as_str(), file, Scope::Own, segments, events, wall);
        Ok(Some(HandOver {
            text,
            events,
            marks,
        }))
    }

    /// The backup file's text for `scope`, and how many events it holds.
    pub fn export_file(
        &self,
        scope: Scope,
        wall: Timestamp,
    ) -> Result<(String, usize), ExportError> {
        let community = self.community().ok_or(ExportError::NoCommunity)?;
        let organizer = self.can_sign() && self.role() == Some(Role::Organizer);
        let (segments, events) = match scope {
            Scope::Full if organizer => self.sealed_segments(true, None),
            Scope::Public if organizer => self.sealed_segments(false, None),
            Scope::Own => self.sealed_segments(
                false,
                Some(self.device_key().ok_or(ExportError::NotAllowed)?),
            ),
            Scope::Full | Scope::Public => return Err(ExportError::NotAllowed),
        };
        let file = FileCommunity {
            id: community.id,
            name: self.journal.keyring().map_or(community.name.clone(), |k| {
                if k.name().is_empty() {
                    community.name.clone()
                } else {
                    k.name().to_owned()
                }
            }),
        };
        let text = backup::export(self.ns.as_str(), file, scope, segments, events, wall);
        Ok((text, events))
    }

    /// Imports a backup file's text: every sealed segment verified, stored when new
    /// and merged; a version-1 file's events are read but not imported (they carry no
    /// signature).
    pub fn import_file(&mut self, text: &str) -> Result<FileImport, ImportError> {
        let parsed = backup::parse(text, self.ns.as_str())?;
        self.import_parsed(parsed, |parsed| FileImport {
            report: ImportReport {
                unsigned: parsed.events.len(),
                ..ImportReport::default()
            },
            rejected: parsed.rejected,
            unsigned: parsed.events,
        })
    }

    /// Imports a backup file's text as [`Store::import_file`] does, but only counts a
    /// version-1 file's records (as unsigned: none is read, none imported), for
    /// whoever cannot adopt them (the JavaScript API).
    pub fn import_file_counting(&mut self, text: &str) -> Result<FileImport, ImportError> {
        let parsed = backup::parse_counting(text, self.ns.as_str())?;
        self.import_parsed(parsed, |records| FileImport {
            report: ImportReport {
                unsigned: records,
                ..ImportReport::default()
            },
            ..FileImport::default()
        })
    }

    /// Imports a parsed file: a version-2 file's sealed segments when it is this
    /// community's; a version-1 file's records as `unsigned` says (none is imported).
    fn import_parsed<V1>(
        &mut self,
        parsed: Parsed<V1>,
        unsigned: impl FnOnce(V1) -> FileImport,
    ) -> Result<FileImport, ImportError> {
        let (community, segments) = match parsed {
            Parsed::Sealed {
                community,
                segments,
                ..
            } => (community, segments),
            Parsed::Unsigned(records) => return Ok(unsigned(records)),
        };
        match self.community() {
            None => return Err(ImportError::NoCommunity(community)),
            Some(ours) if ours.id != community.id => {
                return Err(ImportError::OtherCommunity(community));
            }
            Some(_) => {}
        }
        Ok(FileImport {
            report: self.import_sealed(segments)?,
            ..FileImport::default()
        })
    }
}
