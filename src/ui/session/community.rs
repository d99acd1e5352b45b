//! The community on this device: founding it, joining it (or the demo's, installing
//! it), the organizer's PIN (which unwraps the device key), binding devices and revoking
//! them, and adopting data from before signing. Each is an [`App`] method the screens
//! call.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use super::{App, Failure, Instance, Notice, Refused, engine, now};
use crate::domain::pin::{self, PinError};
use crate::domain::trust::{COMMUNITY_NAME_MAX, DeviceKey, Role};
use crate::domain::{Action, Timestamp};
use crate::store::backup::Scope;
use crate::store::device::{DeviceRecord, Invitation};
use crate::store::exchange::HandOver;
use crate::store::local::visit;
use crate::store::seal::Signer;
use crate::sync::token::{Access, ServerKey};
use crate::sync::wire::{self, LogName};
use crate::ui::host::store_error_code;
use crate::ui::i18n::{Lang, T, error_text, store_error_text};

/// How long the sync tokens this device mints stay good: a year, then the organizer
/// enters the server's key again.
const SYNC_TOKEN_MS: u64 = 365 * 24 * 3_600_000;

/// A future the caller need not name.
pub type LocalBoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// A PIN and its repetition, checked.
fn new_pin(lang: Lang, pin: &str, again: &str) -> Result<(), Refused> {
    match pin::valid_pin(pin) {
        Err(PinError::Format) => return Err(lang.t(T::PinFormat).to_owned()),
        Err(PinError::Mismatch) | Ok(()) => {}
    }
    if pin != again {
        return Err(lang.t(T::PinMismatch).to_owned());
    }
    Ok(())
}

fn salt() -> [u8; 16] {
    let mut salt = [0u8; 16];
    // Without randomness the key is still wrapped, only with a predictable salt.
    let _ = getrandom::fill(&mut salt);
    salt
}

impl App {
    /// Founds the community on this device (建立社区): its name, and the PIN that wraps
    /// the first organizer key, once the engine is here (on a first visit the set-up
    /// form is drawn before it, and may be sent before it has arrived).
    pub async fn found_community(&self, name: &str, pin: &str, again: &str) -> Result<(), Refused> {
        (self.engine().await?.found)(self, name, pin, again)
    }

    /// Installs the demo community from its file's text, once the engine is here.
    pub async fn install_demo(&self, text: &str) -> Result<(), Refused> {
        (self.engine().await?.install_demo)(self, text)
    }

    /// The engine for an action a person asked for: loaded, and storage read, the first
    /// time; if its part cannot be fetched, the text to show.
    async fn engine(&self) -> Result<engine::Engine, Refused> {
        match self.ready().await.map(|()| engine::get()) {
            Ok(Some(engine)) => Ok(engine),
            _ => Err(self.lang().t(T::ActionPartFailed).to_owned()),
        }
    }

    /// [`App::found_community`] once the engine is here (`Engine::found`). Data from
    /// before signing is adopted at once.
    pub(in crate::ui::session) fn found(
        &self,
        name: &str,
        pin: &str,
        again: &str,
    ) -> Result<(), Refused> {
        let lang = self.lang();
        let name = name.trim();
        if name.is_empty() || name.chars().count() > COMMUNITY_NAME_MAX {
            return Err(lang.f(T::CommunityNameRule, &[&COMMUNITY_NAME_MAX]));
        }
        new_pin(lang, pin, again)?;
        let signer = Signer::generate().ok_or_else(|| lang.t(T::NoRandomness).to_owned())?;
        let record = DeviceRecord::wrapped(&signer, pin, &salt(), pin::ROUNDS);
        let result = {
            let mut session = self.session_mut();
            let founded = session.store.found(name, signer, record, now());
            match founded {
                Ok(_) => {
                    let adopted = session.store.adopt_legacy(now());
                    session.keep_visit();
                    // The PIN now lives in the wrapped key; the old hash is not needed.
                    session.update_prefs(|p| {
                        p.pin = None;
                        p.pin_failures = 0;
                    });
                    session.notice = Some(Notice {
                        error: false,
                        text: match adopted {
                            Ok(a) if a.events > 0 => lang.f(T::Upgraded, &[&a.events]),
                            _ => lang.f(T::Founded, &[&name]),
                        },
                        carried: true,
                    });
                    Ok(())
                }
                Err(error) => Err(error_text(lang, &error)),
            }
        };
        self.instance.finish();
        result
    }

    /// A device that kept its PIN from before signing: the old PIN, checked against its
    /// hash (wrong tries count as any), founds the community and adopts the data.
    pub fn upgrade(&self, name: &str, pin: &str) -> Result<(), Refused> {
        self.tried(|session| {
            session
                .prefs
                .prefs
                .pin
                .as_ref()
                .is_some_and(|hash| hash.verify(pin))
        })?;
        self.found(name, pin, pin)
    }

    /// Tries the PIN: unwraps the organizer key for this visit. Wrong tries are
    /// counted on the device, and after a few each one waits longer.
    pub fn unlock(&self, pin: &str) -> Result<(), Refused> {
        self.tried(|session| session.store.unlock(pin))?;
        self.session().keep_visit();
        self.instance.finish();
        Ok(())
    }

    /// Runs `check` with the PIN's back-off: refused while waiting, counted when wrong.
    fn tried(&self, check: impl FnOnce(&mut super::Session) -> bool) -> Result<(), Refused> {
        let result = {
            let mut session = self.session_mut();
            // Wrong tries are counted across every tab of the device.
            session.reload_prefs();
            let lang = session.lang();
            let wall = now();
            let locked_until = session.prefs.prefs.pin_locked_until;
            if wall < locked_until {
                let seconds = (locked_until.0 - wall.0).div_ceil(1000);
                Err(lang.f(T::PinLocked, &[&seconds]))
            } else if check(&mut session) {
                session.update_prefs(|p| p.pin_failures = 0);
                Ok(())
            } else {
                session.update_prefs(|p| {
                    p.pin_failures = p.pin_failures.saturating_add(1);
                    p.pin_locked_until = Timestamp(wall.0 + pin::lockout_ms(p.pin_failures));
                });
                Err(lang.t(T::WrongPin).to_owned())
            }
        };
        self.instance.finish();
        result
    }

    /// Leaves organizer mode: the key is locked again and this visit forgets it.
    pub fn lock(&self) {
        {
            let mut session = self.session_mut();
            session.store.lock();
            visit::end(session.store.namespace().as_str());
        }
        self.instance.finish();
    }

    /// Changes the PIN that wraps this organizer device's key (organizer mode).
    pub fn change_pin(&self, pin: &str, again: &str) -> Result<(), Refused> {
        let lang = self.lang();
        new_pin(lang, pin, again)?;
        let result = self
            .session_mut()
            .store
            .rewrap(pin, &salt(), pin::ROUNDS)
            .map_err(|e| error_text(lang, &e));
        self.instance.finish();
        result
    }

    /// Joins the community an invitation names (a code, or a link ending in one), once
    /// the engine is here (on a first visit it may still be on its way).
    /// For the community joined already, a newer invitation renews its sync address
    /// and token.
    pub async fn join(&self, code: &str) -> Result<(), Refused> {
        let Some(invitation) = Invitation::parse(code) else {
            return Err(self.lang().t(T::BadInvitation).to_owned());
        };
        let member = self.session().store.community().map(|c| c.id) == Some(invitation.community);
        self.instance.join(code).await.map_err(|f| f.message)?;
        let lang = self.lang();
        self.notify_next(if member {
            lang.t(T::InvitationRenewed).to_owned()
        } else {
            lang.f(T::JoinedCommunity, &[&invitation.name])
        });
        Ok(())
    }

    /// Sets the community's sync server (an organizer's settings), or stops live sync
    /// with an empty address. With the server's key, this device mints the tokens it
    /// uses: the community log's (which invitations hand on: a volunteer's rights) and
    /// the organizer-only log's (kept here); the key itself is not kept.
    pub fn set_sync(&self, server: &str, key: &str) -> Result<(), Refused> {
        let lang = self.lang();
        if !self.session().organizer() {
            return Err(lang.t(T::NeedsOrganizer).to_owned());
        }
        let server = server.trim();
        let result = {
            let mut session = self.session_mut();
            let Some(community) = session.store.community().map(|c| c.id.to_string()) else {
                return Err(lang.t(T::NeedsOrganizer).to_owned());
            };
            let settings = if server.is_empty() {
                (None, None, None)
            } else {
                if !wire::is_server(server) {
                    return Err(lang.t(T::SyncServerInvalid).to_owned());
                }
                let tokens = match key.trim() {
                    "" => (None, None),
                    key => {
                        let key = ServerKey::parse(key)
                            .map_err(|_| lang.t(T::SyncKeyInvalid).to_owned())?;
                        let until = now().0 + SYNC_TOKEN_MS;
                        let token = |log| {
                            key.doc_token(&wire::doc_id(&community, log), Access::Full, until)
                        };
                        (Some(token(LogName::Public)), Some(token(LogName::Private)))
                    }
                };
                (Some(server.to_owned()), tokens.0, tokens.1)
            };
            session
                .store
                .set_sync(settings.0, settings.1, settings.2)
                .map_err(|e| store_error_text(lang, &e))
        };
        self.instance.finish();
        result
    }

    /// The invitation to this device's community, for a join code or link.
    pub fn invitation(&self) -> Option<Invitation> {
        self.session().store.community().map(Invitation::of)
    }

    /// Asks an organizer to bind this device with `role` (申请绑定): makes the device's
    /// key (wrapped by `pin` for an organizer device, kept as it is otherwise) and
    /// writes the request, signed by it.
    pub fn request_binding(
        &self,
        role: Role,
        label: &str,
        pin: Option<(&str, &str)>,
    ) -> Result<(), Refused> {
        let lang = self.lang();
        if let Some((pin, again)) = pin {
            new_pin(lang, pin, again)?;
        }
        let result = {
            let mut session = self.session_mut();
            let signer = match session.store.signer() {
                Some(signer) => signer.clone(),
                None => {
                    let signer =
                        Signer::generate().ok_or_else(|| lang.t(T::NoRandomness).to_owned())?;
                    let record = match pin {
                        Some((pin, _)) => DeviceRecord::wrapped(&signer, pin, &salt(), pin::ROUNDS),
                        None => DeviceRecord::plain(&signer),
                    };
                    session
                        .store
                        .set_device(record)
                        .map_err(|e| store_error_text(lang, &e))?;
                    session.store.resume(signer.clone());
                    signer
                }
            };
            session
                .store
                .act(
                    Action::RequestBinding {
                        key: signer.public(),
                        role,
                        label: label.trim().to_owned(),
                    },
                    now(),
                )
                .map(|_| session.keep_visit())
                .map_err(|e| error_text(lang, &e))
        };
        self.instance.finish();
        result
    }

    /// This device's own records as a code to hand to an organizer (a binding request,
    /// sign-ups made offline): the backup format, scope "own".
    pub fn hand_over(&self) -> Option<String> {
        let session = self.session();
        session
            .store
            .export_file(Scope::Own, now())
            .ok()
            .map(|(text, _)| text)
    }

    /// What this device wrote and has not handed to an organizer yet (a phone's
    /// sign-ups on a day without network), as a code, or `None` if nothing is new.
    pub fn new_records(&self) -> Option<HandOver> {
        let session = self.session();
        let handed = &session.prefs.prefs.handed_over;
        session.store.hand_over(handed, now()).ok().flatten()
    }

    /// Notes `marks` as handed over: the organizer has taken them in.
    pub fn handed_over(&self, marks: &BTreeMap<String, usize>) {
        {
            let mut session = self.session_mut();
            session.update_prefs(|p| {
                for (key, events) in marks {
                    let handed = p.handed_over.entry(key.clone()).or_default();
                    *handed = (*handed).max(*events);
                }
            });
        }
        self.instance.finish();
    }

    /// An organizer binds a device that asked (批准绑定).
    pub fn approve(&self, key: DeviceKey, role: Role, label: &str) -> bool {
        self.act(Action::EnrolDevice {
            key,
            role,
            label: label.to_owned(),
        })
        .is_some()
    }

    /// An organizer declines a device that asked.
    pub fn decline(&self, key: DeviceKey) -> bool {
        self.act(Action::DeclineBinding { key }).is_some()
    }

    /// An organizer revokes a device: what it wrote so far, as this device has it,
    /// stays valid; nothing after.
    pub fn revoke(&self, key: DeviceKey, reason: &str) -> bool {
        let (accepted, digests) = self.session().store.journal().accepted_from(&key);
        self.act(Action::RevokeDevice {
            key,
            accepted,
            reason: reason.trim().to_owned(),
            digests,
        })
        .is_some()
    }

    /// Adopts the data from before signing this device holds (organizer mode).
    pub fn adopt_legacy(&self) -> Result<usize, Refused> {
        let lang = self.lang();
        let result = self
            .session_mut()
            .store
            .adopt_legacy(now())
            .map(|a| a.events)
            .map_err(|e| error_text(lang, &e));
        self.instance.finish();
        result
    }

    /// Adopts the events of the last file imported from before signing: an organizer
    /// vouching for a file they made themselves.
    pub fn adopt_file(&self) -> Result<usize, Refused> {
        let lang = self.lang();
        let result = {
            let mut session = self.session_mut();
            let events = std::mem::take(&mut session.unsigned);
            session
                .store
                .adopt_events(events, now())
                .map(|a| a.events)
                .map_err(|e| error_text(lang, &e))
        };
        self.instance.finish();
        result
    }

    /// Events of the last file from before signing, waiting for adoption.
    pub fn unsigned_waiting(&self) -> usize {
        self.session().unsigned.len()
    }
}

impl Instance {
    /// Joins the community an invitation names, once the engine is here. For the
    /// community this device belongs to already, a newer invitation brings its sync
    /// address and token (a portal hands out short-lived ones); one without a sync
    /// address takes none away. Says whether anything changed. (Boxed: the screens
    /// and the host's handle share one copy of it.)
    pub fn join<'a>(&'a self, code: &'a str) -> LocalBoxFuture<'a, Result<bool, Failure>> {
        Box::pin(async move {
            let lang = self.session.borrow().lang();
            let refused = |code, text: T| Failure {
                code,
                message: lang.t(text).to_owned(),
            };
            let invitation = Invitation::parse(code)
                .ok_or_else(|| refused("bad-invitation", T::BadInvitation))?;
            match self.ready().await.map(|()| engine::get()) {
                Ok(Some(engine)) => (engine.join)(self, &invitation),
                _ => Err(refused("part-failed", T::ActionPartFailed)),
            }
        })
    }

    /// [`Instance::join`] once the engine is here (`Engine::join`).
    pub(in crate::ui::session) fn join_invitation(
        &self,
        invitation: &Invitation,
    ) -> Result<bool, Failure> {
        let result = {
            let mut session = self.session.borrow_mut();
            let lang = session.lang();
            if let Some(held) = session.store.community()
                && held.id == invitation.community
                && !invitation.renews(held)
            {
                return Ok(false);
            }
            match session.store.join(invitation.community()) {
                Ok(()) => Ok(true),
                Err(error) => Err(match session.store.community() {
                    Some(c) if c.id != invitation.community => Failure {
                        code: "other-community",
                        message: lang.t(T::OtherCommunity).to_owned(),
                    },
                    _ => Failure {
                        code: store_error_code(&error),
                        message: store_error_text(lang, &error),
                    },
                }),
            }
        };
        self.finish();
        result
    }
}
