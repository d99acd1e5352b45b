//! 实时同步 (organizer mode, on the 设备 page): the community's sync server and, when it
//! checks tokens, its key, from which this device mints the community's tokens.

use yew::prelude::*;

use crate::ui::components::field::TextField;
use crate::ui::i18n::T;
use crate::ui::session::use_app;

#[component]
pub fn SyncSettings() -> Html {
    let app = use_app();
    let lang = app.lang();
    let (current, private) = {
        let session = app.session();
        let community = session.store.community();
        (
            community.and_then(|c| c.sync.clone()),
            community.is_some_and(|c| c.private_token.is_some()),
        )
    };
    let server = use_state(|| current.clone().unwrap_or_default());
    let key = use_state(String::new);
    let submit = {
        let (app, server, key) = (app.clone(), server.clone(), key.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let lang = app.lang();
            match app.set_sync(&server, &key) {
                Ok(()) => {
                    key.set(String::new());
                    let done = if server.trim().is_empty() {
                        T::SyncStopped
                    } else {
                        T::SyncSaved
                    };
                    app.notify(false, lang.t(done).to_owned());
                }
                Err(why) => app.notify(true, why),
            }
        })
    };
    let set_server = {
        let server = server.clone();
        Callback::from(move |v| server.set(v))
    };
    let set_key = {
        let key = key.clone();
        Callback::from(move |v| key.set(v))
    };
    html! {
        <form class="ll-card" onsubmit={submit} aria-label={lang.t(T::SyncTitle)}>
            <h3>{ lang.t(T::SyncTitle) }</h3>
            <p class="ll-hint">{ lang.t(T::SyncHint) }</p>
            if let Some(current) = &current {
                <p class="ll-status">{ lang.f(T::SyncOn, &[current]) }</p>
                <p class="ll-hint">{ lang.t(if private { T::SyncPrivateOn } else { T::SyncPrivateOff }) }</p>
            }
            <TextField id="sync-server" label={lang.t(T::SyncServer)} kind="url"
                value={(*server).clone()} oninput={set_server} hint={lang.t(T::SyncServerHint)} />
            <TextField id="sync-key" label={lang.t(T::SyncKey)} kind="password" autocomplete="off"
                value={(*key).clone()} oninput={set_key} hint={lang.t(T::SyncKeyHint)} />
            <button type="submit" class="ll-button">{ lang.t(T::SaveSync) }</button>
        </form>
    }
}
