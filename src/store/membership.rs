//! The community and this device's key: founding, joining, the key record, the PIN
//! that unwraps it, and following another tab's changes to them.

use super::*;

impl<B: Backend> Store<B> {
    /// Unlocks a PIN-wrapped key; `false` for a wrong PIN.
    pub fn unlock(&mut self, pin: &str) -> bool {
        match self.device.found().and_then(|d| d.open(Some(pin))) {
            Some(signer) => {
                self.signer = Some(signer);
                true
            }
            None => false,
        }
    }

    /// Takes back a key unlocked earlier in this visit; `false` if it is not this
    /// device's.
    pub fn resume(&mut self, signer: Signer) -> bool {
        let ours = self.device_key() == Some(signer.public());
        if ours {
            self.signer = Some(signer);
        }
        ours
    }

    /// Locks a PIN-wrapped key again (a plain key stays usable).
    pub fn lock(&mut self) {
        if self.device.found().is_some_and(DeviceRecord::is_wrapped) {
            self.signer = None;
        }
    }

    /// Reads the community and device records again: another tab may have founded or
    /// joined a community, or been given a key, since this store read them. A record
    /// gone or unreadable in storage leaves the one held here as it is. Returns whether
    /// anything changed.
    pub fn follow_records(&mut self) -> bool {
        let mut changed = false;
        let stored =
            device::read::<DeviceRecord>(&self.backend, &device::device_key(self.ns.as_str()));
        if let Stored::Found(record) = stored
            && self.device.found() != Some(&record)
        {
            let same_key = self.device.found().is_some_and(|d| d.key == record.key);
            if !same_key || self.signer.is_none() {
                self.signer = record.open(None);
            }
            self.device = Stored::Found(record);
            changed = true;
        }
        let stored =
            device::read::<Community>(&self.backend, &device::community_key(self.ns.as_str()));
        if let Stored::Found(community) = stored
            && self.community.found() != Some(&community)
        {
            let same = self.community.found().is_some_and(|c| c.id == community.id);
            self.community = Stored::Found(community);
            if !same {
                self.reload();
            }
            changed = true;
        }
        changed
    }

    /// Whether `key` is this namespace's community or device record (which another
    /// tab's write makes worth [`Store::follow_records`]).
    pub fn is_record(&self, key: &str) -> bool {
        let ns = self.ns.as_str();
        key == device::community_key(ns) || key == device::device_key(ns)
    }

    /// Reads the whole log again, under the community now held.
    pub(super) fn reload(&mut self) {
        self.journal = Journal::of_community(self.community().map(|c| c.id));
        self.held.clear();
        self.waiting.clear();
        self.unknown_signer.clear();
        self.legacy.clear();
        self.unread.clear();
        self.report = LoadReport {
            unreadable_records: std::mem::take(&mut self.report.unreadable_records),
            ..LoadReport::default()
        };
        self.load();
    }

    /// Sets this device's key record, when none is stored or readable.
    pub fn set_device(&mut self, record: DeviceRecord) -> Result<(), StoreError> {
        self.follow_records();
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema));
        }
        if let Stored::Unreadable(_) = self.device {
            return Err(StoreError::Failed(
                "the stored device key cannot be read".into(),
            ));
        }
        if self.device.found().is_some_and(|d| d.key != record.key) {
            return Err(StoreError::Failed("this device already has a key".into()));
        }
        device::write(
            &self.backend,
            &device::device_key(self.ns.as_str()),
            &record,
        )?;
        self.signer = record.open(None).or_else(|| self.signer.take());
        self.device = Stored::Found(record);
        Ok(())
    }

    /// Replaces the PIN that wraps the key (the key stays the same). Needs the device
    /// unlocked.
    pub fn rewrap(&mut self, pin: &str, salt: &[u8], rounds: u32) -> Result<(), ActError> {
        let signer = self.signer.clone().ok_or(ActError::Locked)?;
        let record = DeviceRecord::wrapped(&signer, pin, salt, rounds);
        device::write(
            &self.backend,
            &device::device_key(self.ns.as_str()),
            &record,
        )?;
        self.device = Stored::Found(record);
        Ok(())
    }

    /// Makes this device a member of `community` (a join code, a founding): the log
    /// is read again under it. Refused if it already belongs to another.
    pub fn join(&mut self, mut community: Community) -> Result<(), StoreError> {
        self.follow_records();
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema));
        }
        match &self.community {
            Stored::Found(known) if known.id != community.id => {
                return Err(StoreError::Failed(
                    "this device belongs to another community".into(),
                ));
            }
            Stored::Unreadable(_) => {
                return Err(StoreError::Failed(
                    "the stored community cannot be read".into(),
                ));
            }
            // The same community again (a newer invitation): the organizer-only log's
            // token, which no invitation carries, stays.
            Stored::Found(known) if community.private_token.is_none() => {
                community.private_token = known.private_token.clone();
            }
            _ => {}
        }
        self.write_community(community)?;
        self.reload();
        Ok(())
    }

    /// Sets where and how the community syncs (an organizer device's settings):
    /// `None` stops live sync on this device.
    pub fn set_sync(
        &mut self,
        server: Option<String>,
        token: Option<String>,
        private_token: Option<String>,
    ) -> Result<(), StoreError> {
        let Some(mut community) = self.community().cloned() else {
            return Err(StoreError::Failed("this device has no community".into()));
        };
        community.sync = server;
        community.sync_token = community.sync.as_ref().and(token);
        community.private_token = community.sync.as_ref().and(private_token);
        if let Some(schema) = self.read_only() {
            return Err(StoreError::ReadOnly(schema));
        }
        self.write_community(community)
    }

    /// Stores the community record and holds it.
    fn write_community(&mut self, community: Community) -> Result<(), StoreError> {
        device::write(
            &self.backend,
            &device::community_key(self.ns.as_str()),
            &community,
        )?;
        self.community = Stored::Found(community);
        Ok(())
    }

    /// Founds a community on this device, with `signer` as its first organizer key
    /// (wrapped by the PIN in `record`): writes the community, the key and the
    /// founding event.
    pub fn found(
        &mut self,
        name: &str,
        signer: Signer,
        record: DeviceRecord,
        wall: Timestamp,
    ) -> Result<Acted, ActError> {
        let key = signer.public();
        if record.key != key {
            return Err(StoreError::Failed("the key record is not the founder's".into()).into());
        }
        self.set_device(record)?;
        self.join(Community {
            id: CommunityId::founded_by(&key),
            name: name.trim().to_owned(),
            sync: None,
            sync_token: None,
            private_token: None,
        })?;
        self.signer = Some(signer);
        self.act(
            Action::FoundCommunity {
                key,
                name: name.trim().to_owned(),
            },
            wall,
        )
    }
}
